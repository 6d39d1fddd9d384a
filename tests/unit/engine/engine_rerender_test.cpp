// One-parameter re-renders on a warm Engine give exactly what a cold render
// of the same parameters gives (mesh arrays, colours, node ids, measures),
// and reuse the unchanged subtrees (counted hits, never timings), also on
// repeated changes of one parameter (a slider being dragged). The models
// are small versions of the re-render bench set (bench/rerender).
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "mos/engine.h"

namespace mos {
namespace {

struct Model {
  const char* name;
  const char* source;
  const char* parameter;
  const char* value;
  const char* newValue;
  unsigned warmHits;  // subtrees the warm render takes from the cache
};

const Model kModels[] = {
    {"plate_holes",
     "hole_x = 22;\n"
     "module sink(d) { translate([0,0,-1]) cylinder(d=d, h=8, $fn=12);\n"
     "  translate([0,0,3]) cylinder(d1=d, d2=2*d, h=1.01, $fn=12); }\n"
     "difference() { cube([60,40,4]);\n"
     "  for (i = [0:2], j = [0:1]) translate([10 + i*20, 10 + j*20, 0]) sink(4);\n"
     "  translate([hole_x, 20, 0]) sink(5); }\n",
     "hole_x", "22", "27", 2},
    {"twisted_towers",
     "tw = 90;\n"
     "module tower(t) difference() { linear_extrude(height=20, twist=t, slices=8) square(8, center=true);\n"
     "  translate([0,0,-1]) cylinder(r=2, h=22, $fn=10); }\n"
     "cube([60,20,4]); translate([12,10,4]) tower(45); translate([30,10,4]) tower(60);\n"
     "translate([48,10,4]) tower(tw);\n",
     "tw", "90", "120", 2},
    {"gear_pair",
     "teeth2 = 9;\n"
     "module gear(n) { r = n; linear_extrude(height=4) union() { circle(r=r-1, $fn=n*2);\n"
     "  for (i = [0:n-1]) rotate(i*360/n) polygon([[r-1,-0.8],[r+1,-0.4],[r+1,0.4],[r-1,0.8]]); } }\n"
     "gear(12); translate([12 + teeth2 + 1, 0, 0]) gear(teeth2);\n",
     "teeth2", "9", "10", 10},  // gear one, and the new gear's teeth after its first
    {"fillet_parts",
     "lid = 1;\n"
     "module box(s, r) minkowski() { cube([s[0]-2*r, s[1]-2*r, s[2]-2*r], center=true); sphere(r, $fn=8); }\n"
     "difference() { box([30,20,15], 2); translate([0,0,2]) cube([26,16,15], center=true); }\n"
     "translate([40,0,0]) difference() { box([30,20,5], lid); translate([0,0,-2]) cube([26,16,5], center=true); }\n",
     "lid", "1", "1.5", 1},
    {"coloured_arms",
     "arm = 20;\n"
     "color(\"red\") difference() { cylinder(r=10, h=5, $fn=16); cylinder(r=2, h=12, center=true, $fn=8); }\n"
     "color([0,0,1]) translate([0,0,5]) difference() { cube([arm, 4, 4]); translate([arm/2,2,-1]) cylinder(r=1, h=6, $fn=8); }\n"
     "translate([0,0,9]) cube([4,4,10]);\n",
     "arm", "20", "25", 1},
    {"first_operand_changes",
     // The changed operand is the smallest: first in the union's order, so
     // every later step is redone (no prefix can be reused).
     "s = 4;\n"
     "cube(s); translate([2,2,2]) sphere(4, $fn=10); translate([5,0,0]) cylinder(r=3, h=8, $fn=14);\n",
     "s", "4", "5", 0},
    {"sphere_row",
     "last = 1.5;\n"
     "module ball(h) difference() { sphere(5, $fn=12); sphere(4, $fn=12);\n"
     "  rotate([0,90,0]) cylinder(r=h, h=12, center=true, $fn=8); }\n"
     "for (i = [0:3]) translate([i*12, 0, 0]) ball(i == 3 ? last : 1 + i/4);\n",
     "last", "1.5", "2", 3},
};

// A geometry render of `source` with one parameter overridden.
RenderRequest Request(const char* source, const char* parameter, const char* value) {
  RenderRequest r;
  r.source = source;
  r.sourceName = "model.scad";
  r.defines = {{parameter, value}};
  r.wantGeometry = true;
  return r;
}

RenderRequest Request(const Model& m, const char* value) { return Request(m.source, m.parameter, value); }

void ExpectSameResult(const RenderResult& a, const RenderResult& b, const std::string& what) {
  SCOPED_TRACE(what);
  ASSERT_TRUE(a.ok);
  ASSERT_TRUE(b.ok);
  EXPECT_EQ(a.echo, b.echo);
  EXPECT_EQ(a.summary.kind, b.summary.kind);
  EXPECT_EQ(a.summary.triangles, b.summary.triangles);
  EXPECT_EQ(a.summary.vertices, b.summary.vertices);
  EXPECT_EQ(a.summary.volume, b.summary.volume);  // exact: the same double mesh
  EXPECT_EQ(a.summary.area, b.summary.area);
  EXPECT_EQ(a.summary.components, b.summary.components);
  EXPECT_EQ(a.summary.genus, b.summary.genus);
  EXPECT_EQ(a.mesh.positions, b.mesh.positions);
  EXPECT_EQ(a.mesh.indices, b.mesh.indices);
  EXPECT_EQ(a.mesh.partIds, b.mesh.partIds);
  EXPECT_EQ(a.mesh.palette, b.mesh.palette);
  EXPECT_EQ(a.mesh.partNodes, b.mesh.partNodes);
}

// Area of each part's faces (source node id and colour), from the flat mesh.
std::map<std::pair<int32_t, std::array<uint8_t, 4>>, double> AreaByPart(const RenderResult& r) {
  std::map<std::pair<int32_t, std::array<uint8_t, 4>>, double> out;
  const auto& m = r.mesh;
  for (size_t t = 0; t < m.partIds.size(); ++t) {
    double p[3][3];
    for (int k = 0; k < 3; ++k)
      for (int c = 0; c < 3; ++c) p[k][c] = m.positions[3 * m.indices[3 * t + k] + c];
    const double u[3] = {p[1][0] - p[0][0], p[1][1] - p[0][1], p[1][2] - p[0][2]};
    const double v[3] = {p[2][0] - p[0][0], p[2][1] - p[0][1], p[2][2] - p[0][2]};
    const double n[3] = {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    const uint32_t part = m.partIds[t];
    std::array<uint8_t, 4> rgba{};
    for (int c = 0; c < 4; ++c) rgba[c] = m.palette[4 * part + c];
    out[{m.partNodes[part], rgba}] += 0.5 * std::sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
  }
  return out;
}

TEST(EngineRerender, WarmRenderAfterOneParameterChangeEqualsColdRender) {
  for (const Model& m : kModels) {
    Engine warmEngine;
    const RenderResult first = warmEngine.Render(Request(m, m.value));
    ASSERT_TRUE(first.ok) << m.name;
    const RenderResult warm = warmEngine.Render(Request(m, m.newValue));

    Engine coldEngine;
    const RenderResult cold = coldEngine.Render(Request(m, m.newValue));
    EngineOptions noCache;
    noCache.geometryCacheBytes = 0;
    Engine plainEngine(noCache);
    const RenderResult plain = plainEngine.Render(Request(m, m.newValue));

    ExpectSameResult(warm, cold, std::string(m.name) + ": warm vs cold");
    ExpectSameResult(warm, plain, std::string(m.name) + ": warm vs uncached");
    EXPECT_EQ(warm.summary.kind, GeometryKind::ThreeD) << m.name;
    // The unchanged subtrees come from the cache; the changed one and its
    // ancestors are evaluated again.
    EXPECT_EQ(warm.stats.geometryCacheHits, m.warmHits) << m.name;
    EXPECT_GE(warm.stats.geometryCacheMisses, 1u) << m.name;
    EXPECT_EQ(plain.stats.geometryCacheHits, 0u) << m.name;
  }
}

TEST(EngineRerender, ChangingTheParameterBackIsOneHit) {
  for (const Model& m : kModels) {
    Engine engine;
    const RenderResult first = engine.Render(Request(m, m.value));
    engine.Render(Request(m, m.newValue));
    const RenderResult back = engine.Render(Request(m, m.value));
    ExpectSameResult(back, first, std::string(m.name) + ": back vs first");
    EXPECT_EQ(back.stats.geometryCacheHits, 1u) << m.name;  // the root
    EXPECT_EQ(back.stats.geometryCacheMisses, 0u) << m.name;
  }
}

// Counted reuse in the models whose change is in the last operand of a
// three- or four-operand union or difference: the steps before it come
// from the cache (the prefix the cold render stored), so one boolean is
// redone.
TEST(EngineRerender, LastOperandChangeReusesThePrefix) {
  for (const char* name : {"plate_holes", "twisted_towers"}) {
    const Model* m = nullptr;
    for (const Model& x : kModels)
      if (std::string(x.name) == name) m = &x;
    ASSERT_NE(m, nullptr);
    Engine engine;
    const RenderResult first = engine.Render(Request(*m, m->value));
    EXPECT_GE(first.stats.geometryPrefixStores, 1u) << name;
    const RenderResult warm = engine.Render(Request(*m, m->newValue));
    EXPECT_EQ(warm.stats.geometryPrefixHits + warm.stats.geometrySiblingHits, 1u) << name;
    EXPECT_EQ(warm.stats.geometrySiblingStores, 0u) << name;
  }
}

// A union of five parts (the n-ary boolean), a difference with five
// cutters and an intersection of four where a middle operand changes again
// and again (a slider being dragged): every render, on the same Engine,
// gives the solid a fresh Engine gives, triangle for triangle; no partial
// result of another schedule (the unchanged siblings first) is made.
TEST(EngineRerender, DraggedMiddleChildOfAnNaryBooleanGivesTheColdResult) {
  const char* source =
      "r = 3;\n"
      "union() { cube([20, 20, 4]); translate([2, 2, 2]) cylinder(r=2, h=6, $fn=12);\n"
      "  translate([10, 10, 2]) cylinder(r=r, h=6, $fn=16);\n"
      "  translate([17, 3, 2]) sphere(2, $fn=10); translate([4, 15, 3]) cube([3, 3, 5]); }\n"
      "translate([0, 40, 0]) difference() { cube([30, 10, 10]); translate([3, 5, -1]) cylinder(r=1, h=12, $fn=8);\n"
      "  translate([10, 5, -1]) cylinder(r=r/3, h=12, $fn=8); translate([17, 5, -1]) cylinder(r=1.5, h=12, $fn=8);\n"
      "  translate([24, 5, -1]) cylinder(r=2, h=12, $fn=8); translate([-1, -1, 8]) cube([32, 3, 3]); }\n"
      "translate([0, 60, 0]) intersection() { cube(10); translate([5, 5, 5]) sphere(6, $fn=12);\n"
      "  translate([5, 5, -1]) cylinder(r=4 + r/3, h=12, $fn=12); cube([10, 10, 8]); }\n";
  auto request = [&](const char* value) { return Request(source, "r", value); };
  Engine engine;
  ASSERT_TRUE(engine.Render(request("3")).ok);
  for (const char* value : {"3.5", "3.75", "4", "2.5", "3.25"}) {
    const RenderResult warm = engine.Render(request(value));
    EXPECT_EQ(warm.stats.geometrySiblingHits, 0u) << value;
    EXPECT_EQ(warm.stats.geometrySiblingStores, 0u) << value;
    Engine fresh;
    ExpectSameResult(warm, fresh.Render(request(value)), std::string("r = ") + value);
  }
}

TEST(EngineRerender, StatsNameTheNodeKindsThatRan) {
  Engine engine;
  const RenderResult r = engine.Render(Request(kModels[0], kModels[0].value));
  ASSERT_TRUE(r.ok);
  bool sawDifference = false, sawCylinder = false;
  double sum = 0;
  for (const auto& k : r.stats.geometrySecondsByKind) {
    EXPECT_GE(k.seconds, 0);
    EXPECT_GT(k.nodes, 0u);
    sum += k.seconds;
    if (k.kind == "difference") sawDifference = true;
    if (k.kind == "cylinder") sawCylinder = true;
  }
  EXPECT_TRUE(sawDifference);
  EXPECT_TRUE(sawCylinder);
  EXPECT_LE(sum, r.stats.geometryEvalSeconds * 1.01 + 1e-4);
}

// A dragged parameter changes how many parts (and so properties and node
// ids) a middle operand makes: each render on the same Engine gives the
// cold render's triangles, each face with its own node and colour.
TEST(EngineRerender, DraggedOperandThatMakesMorePartsKeepsColours) {
  const char* source =
      "n = 2;\n"
      "union() { color(\"red\") translate([1.05, 0.55, -6.2]) cylinder(r=1, h=12.3, $fn=8);\n"
      "  color(\"blue\") for (i = [0:n]) translate([0.31 + 1.73 * i, -0.47, -0.61]) cube(1.3);\n"
      "  color(\"green\") translate([0.2, 0.1, 0.3]) sphere(2.7, $fn=12); }\n";
  auto request = [&](const char* value) { return Request(source, "n", value); };
  Engine engine;
  for (const char* value : {"2", "3", "4", "1", "5", "6"}) {
    const RenderResult warm = engine.Render(request(value));
    Engine fresh;
    const RenderResult cold = fresh.Render(request(value));
    ExpectSameResult(warm, cold, std::string("n = ") + value);
    EXPECT_GE(AreaByPart(warm).size(), 3u) << value;
  }
}

// The changed operand is the last folded (the most triangles) but not the
// last child, and makes more parts: the prefix of the two others comes
// from the cache with each face still on its own node (the sphere's
// properties come after the changed operand's in the render's table).
TEST(EngineRerender, PrefixKeepsNodeIdsWhenAnEarlierChildMakesMoreParts) {
  const char* source =
      "n = 12;\n"
      "union() { color(\"red\") translate([1.05, 0.55, -6.2]) cylinder(r=1, h=12.3, $fn=8);\n"
      "  color(\"blue\") for (i = [0:n]) translate([0.31 + 1.73 * i, -0.47, -0.61]) cube(1.3);\n"
      "  color(\"green\") translate([0.2, 0.1, 0.3]) sphere(2.7, $fn=8); }\n";
  auto request = [&](const char* value) { return Request(source, "n", value); };
  Engine engine;
  ASSERT_TRUE(engine.Render(request("12")).ok);
  const RenderResult warm = engine.Render(request("14"));
  EXPECT_EQ(warm.stats.geometryPrefixHits, 1u);
  Engine fresh;
  ExpectSameResult(warm, fresh.Render(request("14")), "n = 14");
}

}  // namespace
}  // namespace mos
