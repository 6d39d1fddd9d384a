// Nested 2D unions are unioned in one pass (geom/flat_union.h): the region
// is the nested one, the Clipper grid is used exactly when the nesting used
// it, and 3D or mixed trees are left nested.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "eval/node.h"
#include "geom/flat_union.h"
#include "geom_test_util.h"
#include "kernel/polygon2d.h"

namespace mos::geom {
namespace {

double Area(const RenderResult& r) { return kernel::SignedArea(r.geometry.polygon); }

TEST(FlatUnion, RecursiveModuleGivesTheNestedRegion) {
  // A binary tree of overlapping, rotated bars: each level is a module
  // instance and an `if` group around two more.
  const std::string tree =
      "module t(n, a) { rotate(a) { square([1, 10]); if (n > 0) translate([0, 9]) "
      "{ t(n - 1, 25); t(n - 1, -25); } } }\n";
  const RenderResult nested = testing::Render(tree + "t(5, 0);");
  ASSERT_EQ(nested.geometry.dim, Dim::k2);
  // Each bar alone has area 10; overlaps make the union smaller but it
  // stays one connected region.
  const double area = Area(nested);
  EXPECT_GT(area, 10.0);
  EXPECT_LT(area, 63 * 10.0);
  // A union of the same shapes spelled with an explicit union() at every
  // level instead of groups gives the same region.
  const std::string unions =
      "module u(n, a) { rotate(a) union() { square([1, 10]); if (n > 0) translate([0, 9]) "
      "union() { u(n - 1, 25); u(n - 1, -25); } } }\n";
  const RenderResult viaUnions = testing::Render(unions + "u(5, 0);");
  EXPECT_NEAR(Area(viaUnions), area, 1e-9 * area);
}

TEST(FlatUnion, OverlapIsCountedOnce) {
  const RenderResult r = testing::Render(
      "module a() { square(2); if (true) { translate([1, 1]) square(2); } }\n"
      "a(); translate([3, 3]) a();");
  ASSERT_EQ(r.geometry.dim, Dim::k2);
  // Two pairs of 2x2 squares overlapping by 1x1; the pairs touch at a corner.
  EXPECT_NEAR(Area(r), 2 * (4 + 4 - 1), 1e-12);
}

TEST(FlatUnion, EmptyGroupStillSendsThePolygonThroughTheGrid) {
  // 2021.01 unions two children (one empty) through Clipper, which rounds
  // to its 2^-16 grid: the nested and the flattened render agree.
  const RenderResult r = testing::Render("union() { square(1/3); union() {} }");
  ASSERT_EQ(r.geometry.dim, Dim::k2);
  for (const auto& c : r.geometry.polygon.contours)
    for (const kernel::Vec2& v : c) {
      const double scaled = v.x * 65536;
      EXPECT_EQ(scaled, std::round(scaled)) << v.x;
    }
  // One child alone passes unchanged (off the grid).
  const RenderResult alone = testing::Render("union() { union() { square(1/3); } }");
  bool offGrid = false;
  for (const auto& c : alone.geometry.polygon.contours)
    for (const kernel::Vec2& v : c) offGrid = offGrid || v.x * 65536 != std::round(v.x * 65536);
  EXPECT_TRUE(offGrid);
}

TEST(FlatUnion, Surely2dReadsOnlyTheNodeTree) {
  eval::Node square;
  square.kind = eval::NodeKind::Square;
  eval::Node cube;
  cube.kind = eval::NodeKind::Cube;
  eval::Node group;
  group.kind = eval::NodeKind::Group;
  group.children.push_back(std::make_shared<eval::Node>(square));
  Surely2dNodes test(100);
  EXPECT_TRUE(test.Test(square));
  EXPECT_FALSE(test.Test(cube));
  EXPECT_TRUE(test.Test(group));
  eval::Node mixed = group;
  mixed.children.push_back(std::make_shared<eval::Node>(cube));
  EXPECT_FALSE(test.Test(mixed));
  eval::Node empty;
  empty.kind = eval::NodeKind::Group;
  EXPECT_FALSE(test.Test(empty));
  EXPECT_TRUE(IsUnionGroup(group));
  EXPECT_FALSE(IsUnionGroup(square));
}

TEST(FlatUnion, MixedTreeKeepsThe3dResult) {
  const RenderResult r = testing::Render("module m() { cube(1); if (true) square(1); } m(); translate([2, 0]) m();");
  EXPECT_EQ(r.geometry.dim, Dim::k3);
}

}  // namespace
}  // namespace mos::geom
