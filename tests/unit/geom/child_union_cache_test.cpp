// The union of a transform-like node's two or more children is cached under
// the children's contents alone: when only the node's own parameters change
// (an assembly moved or recoloured, an extrusion's height), a re-render
// replays that union (counted in childUnionHits) and gives, bit for bit, what
// an uncached render gives, property table and node ids included.
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
using testing::Tree;

// An assembly of two overlapping parts (their union is a boolean), moved;
// the parts in front of it change too, so its properties and node ids land
// elsewhere in the table on the re-render.
std::string MovedAssembly(int markers, double x) {
  return "for (i = [0:" + std::to_string(markers) + "]) translate([i * 20, 0, -30]) cube(1);\n"
         "translate([" + Num(x) + ", 0, 0]) {\n"
         "  color(\"red\") difference() { cube(10); translate([2, 2, 2]) cube(6); }\n"
         "  translate([5, 5, 10]) sphere(4, $fn = 12);\n"
         "}\n";
}

TEST(ChildUnionCache, MovedAssemblyReplaysTheUnionOfItsParts) {
  GeometryCache cache;
  eval::EvalResult e1 = Tree(MovedAssembly(1, 0));
  RenderResult cold = RenderWith(e1, &cache);
  EXPECT_EQ(cold.stats.childUnionHits, 0u);
  EXPECT_GE(cold.stats.childUnionStores, 1u);  // the assembly's union (the markers' too)
  ExpectSameResult(cold, RenderWith(e1, nullptr));

  eval::EvalResult e2 = Tree(MovedAssembly(2, 7.25));
  RenderResult warm = RenderWith(e2, &cache);
  EXPECT_EQ(warm.stats.childUnionHits, 1u);  // the assembly: moved, not changed
  RenderResult plain = RenderWith(e2, nullptr);
  EXPECT_EQ(plain.stats.childUnionHits, 0u);
  ExpectSameResult(warm, plain);
}

TEST(ChildUnionCache, ChangedPartMissesTheUnion) {
  auto source = [](double r) {
    return "translate([3, 0, 0]) { cube(10); translate([5, 5, 10]) sphere(" + Num(r) +
           ", $fn = 12); }\n";
  };
  GeometryCache cache;
  const Change change = RenderChange(cache, source(4), source(4.5));
  EXPECT_EQ(change.warm.stats.childUnionHits, 0u);
  EXPECT_EQ(change.warm.stats.childUnionStores, 1u);
  ExpectSameResult(change.warm, RenderWith(change.tree, nullptr));
}

TEST(ChildUnionCache, RecolouredGroupReplaysTheUnion) {
  auto source = [](const char* colour) {
    return std::string("color(\"") + colour +
           "\") { cube(10); translate([5, 5, 5]) cylinder(r = 3, h = 10, $fn = 16); }\n";
  };
  GeometryCache cache;
  const Change change = RenderChange(cache, source("red"), source("blue"));
  EXPECT_EQ(change.warm.stats.childUnionHits, 1u);
  ExpectSameResult(change.warm, RenderWith(change.tree, nullptr));
}

// 2D: the union of an extrusion's children is replayed when only its height
// changes (the 2D boolean is not redone).
TEST(ChildUnionCache, ExtrusionHeightChangeReplaysTheChildren2dUnion) {
  auto source = [](double h) {
    return "linear_extrude(height = " + Num(h) +
           ") { square(10); translate([10, 5]) circle(4, $fn = 20); }\n";
  };
  GeometryCache cache;
  eval::EvalResult e1 = Tree(source(5));
  RenderResult cold = RenderWith(e1, &cache);
  EXPECT_EQ(cold.stats.childUnionStores, 1u);
  eval::EvalResult e2 = Tree(source(7.5));
  RenderResult warm = RenderWith(e2, &cache);
  EXPECT_EQ(warm.stats.childUnionHits, 1u);
  EXPECT_EQ(warm.stats.childUnionStores, 0u);
  ExpectSameResult(warm, RenderWith(e2, nullptr));
}

// A single child is not stored twice (its own entry, if any, serves).
TEST(ChildUnionCache, SingleChildIsNotStored) {
  eval::EvalResult e = Tree("translate([1, 2, 3]) difference() { cube(10); sphere(6, $fn = 12); }\n");
  GeometryCache cache;
  RenderResult r = RenderWith(e, &cache);
  EXPECT_EQ(r.stats.childUnionStores, 0u);
  EXPECT_EQ(r.stats.childUnionHits, 0u);
}

}  // namespace
}  // namespace mos::geom
