// LinearExtrudeLayout's twins from its structure (extrude_layout_twins.h)
// against PairTwinsByVertex on the layout's own triangles, for outlines with
// holes, twists, slices and scales; and the cap checks that refuse.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <random>
#include <vector>

#include "geom/extrude.h"
#include "geom/extrude_layout_twins.h"
#include "geom/extrude_mesh.h"
#include "geom/extrusion_twins.h"
#include "kernel/mesh.h"

namespace mos::geom {
namespace {

using kernel::Vec2;

kernel::Contour Circle(double cx, double cy, double r, int n, bool clockwise) {
  kernel::Contour c;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * M_PI * (clockwise ? n - i : i) / n;
    c.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
  }
  return c;
}

kernel::Contour Star(std::mt19937& rng, double cx, double cy, double r, int n) {
  std::uniform_real_distribution<double> f(0.3, 1.0);
  kernel::Contour c;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * M_PI * i / n, s = r * f(rng);
    c.push_back({cx + s * std::cos(a), cy + s * std::sin(a)});
  }
  return c;
}

// DirectExtrusionMesh with the layout's twins gives what it gives without
// them (pairing by vertex buckets): the same answer, the same mesh.
void ExpectSameMeshWithoutTwins(const ExtrusionLayout& layout, int trial) {
  ExtrusionLayout plain = layout;
  plain.twins.clear();
  kernel::Mesh with, without;
  const bool okWith = DirectExtrusionMesh(layout, 3, with);
  const bool okWithout = DirectExtrusionMesh(plain, 3, without);
  ASSERT_EQ(okWith, okWithout) << trial;
  EXPECT_EQ(with.triVerts, without.triVerts) << trial;
  EXPECT_EQ(with.vertPos.size(), without.vertPos.size()) << trial;
  EXPECT_EQ(with.halfedgeTwin, without.halfedgeTwin) << trial;
  if (!okWith) return;
  const kernel::Mesh repaired = RepairedExtrusionMesh(layout, 3);
  EXPECT_EQ(with.triVerts, repaired.triVerts) << trial;
  EXPECT_EQ(with.halfedgeTwin, repaired.halfedgeTwin) << trial;
}

// The layout's twins are PairTwinsByVertex's on its triangles, and the mesh
// built from it is the soup repair's.
void ExpectTwinsOfPairTwinsByVertex(const ExtrusionLayout& layout, int trial) {
  kernel::Mesh mesh;
  mesh.vertPos.resize(layout.points.size());
  mesh.triVerts = layout.triangles;
  ASSERT_TRUE(PairTwinsByVertex(mesh)) << trial;
  EXPECT_EQ(mesh.halfedgeTwin, layout.twins) << trial;
  ExpectSameMeshWithoutTwins(layout, trial);
}

TEST(LinearLayoutTwins, MatchPairTwinsByVertex) {
  std::mt19937 rng(15);
  int used = 0;
  for (int trial = 0; trial < 300; ++trial) {
    kernel::Polygon2d poly;
    const int n = 3 + trial % 40;
    if (trial % 3 == 0) {
      poly.contours.push_back(Circle(0, 0, 10, n, false));
    } else {
      poly.contours.push_back(Star(rng, 0, 0, 10, n));
    }
    if (trial % 2 == 1) poly.contours.push_back(Circle(0, 0, 2, 3 + trial % 11, true));
    if (trial % 5 == 4) poly.contours.push_back(Circle(30, 5, 3, 5 + trial % 7, false));
    eval::LinearExtrudeParams p;
    p.height = 1 + trial % 4;
    p.center = trial % 2 == 0;
    p.twist = trial % 4 == 0 ? 0 : (trial % 4 == 1 ? 90 : -200);
    p.hasTwist = p.twist != 0;
    p.slices = 1 + trial % 6;
    p.hasSlices = true;
    if (trial % 7 == 3) p.scale = {0.5, 1.5};
    const ExtrusionLayout layout = LinearExtrudeLayout(poly, p);
    ASSERT_FALSE(layout.triangles.empty()) << trial;
    if (layout.twins.empty()) continue;
    ++used;
    ExpectTwinsOfPairTwinsByVertex(layout, trial);
  }
  EXPECT_GT(used, 250);
}

TEST(RotateLayoutTwins, MatchPairTwinsByVertex) {
  std::mt19937 rng(16);
  int used = 0;
  for (int trial = 0; trial < 300; ++trial) {
    kernel::Polygon2d poly;
    const int n = 3 + trial % 30;
    const double side = trial % 6 == 5 ? -1 : 1;  // left of the axis: mirrored
    if (trial % 3 == 0) {
      poly.contours.push_back(Circle(side * 20, 0, 10, n, side < 0));
    } else {
      poly.contours.push_back(Star(rng, side * 20, 0, 10, n));
      if (side < 0) std::reverse(poly.contours.back().begin(), poly.contours.back().end());
    }
    if (trial % 2 == 1) poly.contours.push_back(Circle(side * 20, 0, 2, 3 + trial % 11, side > 0));
    if (trial % 5 == 4) poly.contours.push_back(Circle(side * 40, 5, 3, 5 + trial % 7, side < 0));
    eval::RotateExtrudeParams p;
    const double angles[] = {360, 90, -120, 500, 270, -360, 33};
    p.angle = angles[trial % 7];
    p.fragments.fn = 3 + trial % 13;
    std::string error;
    const ExtrusionLayout layout = RotateExtrudeLayout(poly, p, error);
    ASSERT_TRUE(error.empty()) << error;
    ASSERT_FALSE(layout.triangles.empty()) << trial;
    if (layout.twins.empty()) continue;
    ++used;
    ExpectTwinsOfPairTwinsByVertex(layout, trial);
  }
  EXPECT_GT(used, 250);
}

TEST(RotateLayoutTwins, NoneForAFullTurnOfTwoSteps) {
  // Two profiles would use every sweep edge four times (the layout never
  // makes fewer than three steps of a full turn; asked directly).
  std::vector<std::array<int, 3>> tris(2 * 3 * 2);
  EXPECT_TRUE(RotateLayoutTwins({3}, 2, /*full=*/true, false, {}, tris).empty());
}

TEST(LinearLayoutTwins, RefuseCapsThatDoNotPairUp) {
  // A square; cap triangles given by hand.
  const std::vector<std::array<int, 3>> good = {{0, 1, 2}, {0, 2, 3}};
  kernel::Polygon2d sq;
  sq.contours.push_back({{0, 0}, {1, 0}, {1, 1}, {0, 1}});
  const ExtrusionLayout base = LinearExtrudeLayout(sq, eval::LinearExtrudeParams{});
  ASSERT_EQ(base.triangles.size(), 12u);
  ASSERT_FALSE(base.twins.empty());
  // The same triangles with a given cap list: 2 cap + 8 side triangles.
  auto with = [&](const std::vector<std::array<int, 3>>& cap) {
    std::vector<std::array<int, 3>> tris;
    for (const auto& t : cap) {
      tris.push_back({t[0], t[2], t[1]});
      tris.push_back({4 + t[0], 4 + t[1], 4 + t[2]});
    }
    tris.insert(tris.end(), base.triangles.begin() + 4, base.triangles.end());
    return LinearLayoutTwins({4}, 1, cap, tris);
  };
  EXPECT_FALSE(with(good).empty());
  EXPECT_TRUE(with({{0, 1, 2}, {0, 2, 3}, {0, 2, 3}}).empty());       // contour edges twice
  EXPECT_TRUE(with({{0, 1, 2}, {2, 0, 3}}).empty());                  // inner edge twice one way
  EXPECT_TRUE(with({{0, 1, 2}, {0, 1, 3}}).empty());                  // a contour edge twice
  EXPECT_TRUE(with({{0, 1, 2}, {1, 2, 3}}).empty());                  // 3 -> 0 missing
  EXPECT_TRUE(LinearLayoutTwins({2, 4}, 1, good, base.triangles).empty());  // a 2-vertex contour
}

}  // namespace
}  // namespace mos::geom
