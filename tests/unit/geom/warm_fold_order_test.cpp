// A boolean of three or more root children whose one child changes again
// and again (a slider being dragged), rendered on one cache: each warm
// result must be, bit for bit, what an uncached render gives, whatever
// partial results (prefixes, sibling sets) the earlier renders stored.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cache_test_util.h"

namespace mos::geom {
namespace {

using testing::Change;
using testing::ExpectSameResult;
using testing::Num;
using testing::RenderChange;
using testing::RenderWith;

// sign.scad's plate (changed by `radius`) with a cached extrusion and a
// cached polyhedron, all three at the top level.
std::string Sign3(double radius) {
  return "scale([1, 0.5]) difference() {\n"
         "  cylinder(r = " + Num(radius) + ", h = 4, center = true, $fn = 10);\n"
         "  translate([0, 0, 2]) cylinder(r = " + Num(radius - 10) + ", h = 3, center = true, $fn = 10);\n"
         "}\n"
         "linear_extrude(height = 2) {\n"
         "  polygon([[-20, -5], [-10, -5], [-10, 5], [-20, 5]]);\n"
         "  difference() { square([8, 8], center = true); square([4, 4], center = true); }\n"
         "  translate([15, 0]) circle(4, $fn = 9);\n"
         "}\n"
         "polyhedron([[30, 0, -1], [34, 0, -1], [30, 4, -1], [30, 0, 1.5]],\n"
         "  [[0, 2, 1], [0, 1, 3], [1, 2, 3], [0, 3, 2]]);\n";
}

// The case found: rendered as pairs (before, after) on one cache, the
// fourth render (85 after 80, the plate changed again) united the cached
// extrusion and polyhedron first (a sibling set) and then the plate, where
// the cold fold unites the polyhedron, the plate, then the extrusion.
TEST(WarmFoldOrder, SignPlateWithTwoCachedSolids) {
  GeometryCache cache;
  const double radii[] = {80, 90, 80, 85, 90};
  for (int k = 0; k + 1 < 5; ++k) {
    SCOPED_TRACE(k);
    Change change = RenderChange(cache, Sign3(radii[k]), Sign3(radii[k + 1]));
    ExpectSameResult(change.warm, RenderWith(change.tree, nullptr));
  }
}

// Root children (3 to 5) of a union or a difference; `v` changes one of
// them (`which`): 0 the plate, 1 the extrusion, 2 the polyhedron.
std::string Scene(int children, bool difference, int which, double v) {
  const std::string plate =
      "scale([1, 0.5]) difference() {\n"
      "  cylinder(r = " + Num(which == 0 ? v : 80) + ", h = 4, center = true, $fn = 10);\n"
      "  translate([0, 0, 2]) cylinder(r = 70, h = 3, center = true, $fn = 10);\n"
      "}\n";
  const std::string extrusion =
      "linear_extrude(height = " + Num(which == 1 ? v / 40 : 2) + ") {\n"
      "  polygon([[-20, -5], [-10, -5], [-10, 5], [-20, 5]]);\n"
      "  difference() { square([8, 8], center = true); square([4, 4], center = true); }\n"
      "  translate([15, 0]) circle(4, $fn = 9);\n"
      "}\n";
  const double z = which == 2 ? v / 80 : 1.5;
  const std::string polyhedron =
      "polyhedron([[30, 0, -1], [34, 0, -1], [30, 4, -1], [30, 0, " + Num(z) + "]],\n"
      "  [[0, 2, 1], [0, 1, 3], [1, 2, 3], [0, 3, 2]]);\n";
  std::string body = plate + extrusion + polyhedron;
  if (children >= 4) body += "translate([-30, 5, 0]) sphere(6, $fn = 8);\n";
  if (children >= 5) body += "translate([20, -10, -3]) cube([6, 25, 4]);\n";
  return difference ? "difference() {\n" + body + "}\n" : body;
}

// A slider dragged on one cache (each value rendered once, in turn): every
// render gives the uncached render's result, bit for bit.
TEST(WarmFoldOrder, DraggedChildOfUnionOrDifference) {
  const std::vector<std::vector<double>> drags = {
      {80, 90, 80, 85, 90}, {80, 85, 90, 95, 100}, {80, 90, 80, 90, 80}, {60, 120, 80, 85, 60}};
  for (const bool difference : {false, true})
    for (int children = 3; children <= 5; ++children)
      for (int which = 0; which < 3; ++which)
        for (size_t d = 0; d < drags.size(); ++d) {
          SCOPED_TRACE((difference ? "difference " : "union ") + std::to_string(children) + " children, child " +
                       std::to_string(which) + ", drag " + std::to_string(d));
          GeometryCache cache;
          for (size_t k = 0; k < drags[d].size(); ++k) {
            SCOPED_TRACE(k);
            eval::EvalResult tree = testing::Tree(Scene(children, difference, which, drags[d][k]));
            const RenderResult warm = RenderWith(tree, &cache);
            ExpectSameResult(warm, RenderWith(tree, nullptr));
          }
        }
}

// The same as pairs (before, after) on one cache, as the Engine's tests do.
TEST(WarmFoldOrder, ChangedChildPairs) {
  const double values[] = {80, 90, 80, 85, 90};
  for (const bool difference : {false, true})
    for (int children = 3; children <= 5; ++children)
      for (int which = 0; which < 3; ++which) {
        SCOPED_TRACE((difference ? "difference " : "union ") + std::to_string(children) + " children, child " +
                     std::to_string(which));
        GeometryCache cache;
        for (int k = 0; k + 1 < 5; ++k) {
          SCOPED_TRACE(k);
          Change change = RenderChange(cache, Scene(children, difference, which, values[k]),
                                       Scene(children, difference, which, values[k + 1]));
          ExpectSameResult(change.warm, RenderWith(change.tree, nullptr));
        }
      }
}

// A union whose first two (smallest) members overlap, so the cold fold
// stops testing for separating planes, and whose last member (changed)
// touches their boxes but a plane keeps it apart: a prefix from the cache
// must not test for the plane either.
TEST(WarmFoldOrder, PrefixHitKeepsThePlaneTestOff) {
  auto scene = [](double r) {
    return "cube(10);\n"
           "translate([5, 0, 0]) cube(10);\n"
           "translate([16, 11, 5]) rotate([0, 0, 45]) rotate([0, 90, 0]) cylinder(r = " + Num(r) + ", h = 6, $fn = 20);\n";
  };
  GeometryCache cache;
  for (const double r : {2.0, 2.5, 1.5, 2.25}) {
    SCOPED_TRACE(r);
    eval::EvalResult tree = testing::Tree(scene(r));
    const RenderResult warm = RenderWith(tree, &cache);
    ExpectSameResult(warm, RenderWith(tree, nullptr));
    if (r != 2.0) {
      EXPECT_EQ(warm.stats.prefixHits, 1u);  // the two cubes' union
    }
  }
}

// The same operands in another child order fold in another order (ties of
// the union's smallest first; a difference's cutters in child order), so
// a prefix stored by one render is not the other's: each warm render gives
// its own cold result.
TEST(WarmFoldOrder, SwappedChildrenDoNotShareAPrefix) {
  const std::string a = "cube(10);\n", b = "translate([5, 5, 0]) cube(10);\n";
  auto sphere = [](double r) { return "translate([12, 12, 5]) sphere(" + Num(r) + ", $fn = 12);\n"; };
  const std::string c1 = "translate([3, 3, -1]) cylinder(r = 2, h = 12, $fn = 8);\n";
  const std::string c2 = "translate([6, 4, -1]) cylinder(r = 2, h = 12, $fn = 8);\n";
  auto cutter = [](double r) { return "translate([5, 7, -1]) cylinder(r = " + Num(r) + ", h = 12, $fn = 9);\n"; };
  const std::vector<std::string> scenes = {
      a + b + sphere(6), b + a + sphere(5),
      "difference() {\n" + a + c1 + c2 + cutter(1) + "}\n", "difference() {\n" + a + c2 + c1 + cutter(1.5) + "}\n"};
  GeometryCache cache;
  for (const std::string& scene : scenes) {
    SCOPED_TRACE(scene);
    eval::EvalResult tree = testing::Tree(scene);
    ExpectSameResult(RenderWith(tree, &cache), RenderWith(tree, nullptr));
  }
}

}  // namespace
}  // namespace mos::geom
