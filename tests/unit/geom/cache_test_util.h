// Helpers for the geometry-cache tests: evaluate a snippet, render its tree
// with or without a cache, and compare two results bit for bit.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "eval/evaluator.h"
#include "geom/geometry_cache.h"
#include "geom/geometry_evaluator.h"
#include "lang/parser.h"

namespace mos::geom::testing {

// Parses and evaluates `source`; the tree stays alive with the result.
inline eval::EvalResult Tree(const std::string& source) {
  auto parsed = lang::ParseSource(source, "t.scad", "", {});
  EXPECT_TRUE(parsed.file) << source;
  eval::EvalResult e = eval::Evaluate(parsed.file, {});
  EXPECT_TRUE(e.root) << source;
  return e;
}

inline RenderResult RenderWith(const eval::EvalResult& e, GeometryCache* cache) {
  RenderOptions options;
  options.cache = cache;
  return RenderNodeTree(*e.root, options);
}

inline std::string Num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// Same solid, triangle for triangle (2D contours too), with the same property table.
inline void ExpectSameResult(const RenderResult& a, const RenderResult& b) {
  ASSERT_EQ(a.geometry.dim, b.geometry.dim);
  ASSERT_EQ(a.geometry.mesh.vertPos.size(), b.geometry.mesh.vertPos.size());
  for (size_t i = 0; i < a.geometry.mesh.vertPos.size(); ++i) {
    EXPECT_EQ(a.geometry.mesh.vertPos[i].x, b.geometry.mesh.vertPos[i].x) << i;
    EXPECT_EQ(a.geometry.mesh.vertPos[i].y, b.geometry.mesh.vertPos[i].y) << i;
    EXPECT_EQ(a.geometry.mesh.vertPos[i].z, b.geometry.mesh.vertPos[i].z) << i;
  }
  EXPECT_EQ(a.geometry.mesh.triVerts, b.geometry.mesh.triVerts);
  EXPECT_EQ(a.geometry.mesh.triProp, b.geometry.mesh.triProp);
  ASSERT_EQ(a.geometry.polygon.contours.size(), b.geometry.polygon.contours.size());
  for (size_t c = 0; c < a.geometry.polygon.contours.size(); ++c) {
    const auto& ca = a.geometry.polygon.contours[c];
    const auto& cb = b.geometry.polygon.contours[c];
    ASSERT_EQ(ca.size(), cb.size());
    for (size_t i = 0; i < ca.size(); ++i) {
      EXPECT_EQ(ca[i].x, cb[i].x);
      EXPECT_EQ(ca[i].y, cb[i].y);
    }
  }
  EXPECT_EQ(a.geometry.polygonProp, b.geometry.polygonProp);
  ASSERT_EQ(a.properties.size(), b.properties.size());
  for (size_t i = 0; i < a.properties.size(); ++i) {
    EXPECT_EQ(a.properties[i].nodeId, b.properties[i].nodeId) << i;
    EXPECT_EQ(a.properties[i].rgba, b.properties[i].rgba) << i;
  }
  EXPECT_EQ(a.warnings.size(), b.warnings.size());
}


// A change rendered on a warm cache: `before` is rendered into `cache`, then
// `after`; the tree of `after` stays alive with its warm result.
struct Change {
  eval::EvalResult tree;
  RenderResult warm;
};
inline Change RenderChange(GeometryCache& cache, const std::string& before, const std::string& after) {
  eval::EvalResult first = Tree(before);
  RenderWith(first, &cache);
  Change change{Tree(after), {}};
  change.warm = RenderWith(change.tree, &cache);
  return change;
}

}  // namespace mos::geom::testing
