// A solid the renderer caches without a boolean's preparation slot (an
// extrusion, a polyhedron) is stored with an empty one, so that a re-render
// that unites it, from the cache, with a changed part takes its preparation
// from there. The warm result must be, bit for bit, what an uncached render
// gives, also when the cached solid is moved or its copy changed first.
#include <gtest/gtest.h>

#include <string>

#include "cache_test_util.h"

namespace mos::geom {
namespace {

using testing::Change;
using testing::ExpectSameResult;
using testing::Num;
using testing::RenderChange;
using testing::RenderWith;

// sign.scad's shape: a plate with a recess (changed) and a solid that
// cuts the recess floor (cached): an extrusion or a polyhedron, at the top
// level or moved.
std::string Sign(double radius, const std::string& place, bool extrusion) {
  return "scale([1, 0.5]) difference() {\n"
         "  cylinder(r = " + Num(radius) + ", h = 4, center = true, $fn = 10);\n"
         "  translate([0, 0, 2]) cylinder(r = " + Num(radius - 10) + ", h = 3, center = true, $fn = 10);\n"
         "}\n" + place +
         (extrusion ? "linear_extrude(height = 2) {\n"
                      "  polygon([[-20, -5], [-10, -5], [-10, 5], [-20, 5]]);\n"
                      "  difference() { square([8, 8], center = true); square([4, 4], center = true); }\n"
                      "  translate([15, 0]) circle(4, $fn = 9);\n"
                      "}\n"
                    : "polyhedron([[30, 0, -1], [34, 0, -1], [30, 4, -1], [30, 0, 1.5]],\n"
                      "  [[0, 2, 1], [0, 1, 3], [1, 2, 3], [0, 3, 2]]);\n");
}

TEST(ExtrusionSlotCache, ChangedPlateWithCachedSolid) {
  for (const bool extrusion : {true, false})
    for (const std::string place : {"", "translate([1.5, 0, 0]) ", "rotate([0, 0, 30]) "}) {
      SCOPED_TRACE(place + (extrusion ? "extrusion" : "polyhedron"));
      GeometryCache cache;
      const double radii[] = {80, 90, 80, 85, 90};
      for (int k = 0; k + 1 < 5; ++k) {  // later steps: the slot holds the preparation
        SCOPED_TRACE(k);
        Change change = RenderChange(cache, Sign(radii[k], place, extrusion), Sign(radii[k + 1], place, extrusion));
        ExpectSameResult(change.warm, RenderWith(change.tree, nullptr));
      }
    }
}

}  // namespace
}  // namespace mos::geom
