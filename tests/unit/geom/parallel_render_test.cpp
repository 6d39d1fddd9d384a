// Sibling subtrees rendered on threads give what the serial render gives:
// the same mesh bits, property table (node ids, colours) and messages in
// the same order, with and without a cache.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cache_test_util.h"
#include "geom/geometry_cache.h"
#include "geom/geometry_evaluator.h"
#include "kernel/task_pool.h"

namespace mos::geom {
namespace {

RenderResult RenderTree(const eval::EvalResult& tree, int threads, GeometryCache* cache) {
  RenderOptions options;
  options.cache = cache;
  options.threads = threads;
  options.parallelMinFacets = 0;  // every two or more siblings on threads
  return RenderNodeTree(*tree.root, options);
}

void ExpectSameMessages(const std::vector<GeomMessage>& a, const std::vector<GeomMessage>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].text, b[i].text) << i;
    EXPECT_EQ(a[i].span.line, b[i].span.line) << i;
    EXPECT_EQ(a[i].span.column, b[i].span.column) << i;
  }
}

void ExpectThreadsChangeNothing(const std::string& source, bool warns = false) {
  SCOPED_TRACE(source);
  const eval::EvalResult tree = testing::Tree(source);
  ASSERT_TRUE(tree.root);
  const RenderResult serial = RenderTree(tree, 1, nullptr);
  EXPECT_EQ(!serial.warnings.empty(), warns);
  for (bool cached : {false, true}) {
    GeometryCache cache;
    const RenderResult threaded = RenderTree(tree, 4, cached ? &cache : nullptr);
    // (A one-core machine has no second thread; CI machines have two.)
    if (kernel::AvailableThreads() > 1) EXPECT_GT(threaded.stats.threadedNodes, 0u);
    testing::ExpectSameResult(serial, threaded);
    ExpectSameMessages(serial.warnings, threaded.warnings);
    ExpectSameMessages(serial.errors, threaded.errors);
    EXPECT_EQ(serial.tooDeep, threaded.tooDeep);
    if (cached) {  // again on the warm cache: hits replayed in place
      const RenderResult warm = RenderTree(tree, 4, &cache);
      testing::ExpectSameResult(serial, warm);
    }
  }
}

TEST(ParallelRender, BooleansOfSiblingsWithColours) {
  ExpectThreadsChangeNothing(
      "color(\"red\") difference() { sphere(10, $fn=24); cylinder(r=3, h=30, center=true, $fn=16); }"
      "translate([25,0,0]) color(\"blue\") union() { cube(8, center=true); sphere(5, $fn=20); }"
      "translate([0,25,0]) intersection() { cube(10, center=true); sphere(6, $fn=20); }"
      "translate([25,25,0]) hull() { sphere(3, $fn=12); translate([5,0,0]) cube(2); }");
}

// Booleans of a few thousand triangles intersect on two threads
// (kernel/intersect_both.h, from the render's thread count): alone, and
// inside sibling subtrees that are on threads themselves (nested batches).
TEST(ParallelRender, LargeBooleansOnTwoThreads) {
  ExpectThreadsChangeNothing(
      "difference() { sphere(10, $fn=64); translate([4,1,0.5]) sphere(9, $fn=60); }"
      "translate([30,0,0]) union() { sphere(10, $fn=64); translate([4,1,0.5]) sphere(9, $fn=60); }");
}

TEST(ParallelRender, NestedSiblingsAndRepeatedSubtrees) {
  ExpectThreadsChangeNothing(
      "module ball(h) difference() { sphere(10, $fn=20); sphere(8, $fn=20);"
      "  rotate([0,90,0]) cylinder(r=h, h=30, center=true, $fn=12); }"
      "for (i = [0:4]) translate([i*25,0,0]) ball(i == 4 ? 3 : 2);"
      "translate([0,40,0]) difference() { union() { cube(20); translate([10,10,10]) sphere(8, $fn=16); }"
      "  union() { translate([5,5,-1]) cylinder(r=2, h=30, $fn=12); translate([15,15,-1]) cylinder(r=2, h=30, $fn=12); } }");
}

TEST(ParallelRender, TwoDimensionalSiblingsAndExtrusions) {
  ExpectThreadsChangeNothing(
      "linear_extrude(5) difference() { square(20); translate([10,10]) circle(4, $fn=20); }"
      "translate([30,0,0]) linear_extrude(height=10, twist=90, slices=8) union() { square(5); circle(4, $fn=16); }"
      "translate([0,30,0]) rotate_extrude($fn=16) translate([6,0]) offset(r=1, $fn=8) square(2);"
      "translate([30,30,0]) minkowski() { cube(4); sphere(1, $fn=8); }");
  ExpectThreadsChangeNothing(
      "union() { square(3); translate([5,0]) circle(2, $fn=12); group() { translate([0,5]) square(2); } }"
      "translate([10,0]) difference() { square(8); translate([2,2]) square(2); }");
}

TEST(ParallelRender, NonConvexMinkowskiOfARepeatedSubtree) {
  // testdata minkowski3-erosion.scad: the sum's union once kept the
  // operands' property numbers, so it came out different on a thread.
  ExpectThreadsChangeNothing(
      "module erode(r) { difference() { children();"
      "  minkowski(convexity=3) { difference() { cube(25, center=true); children(); } sphere(r); } } }"
      "module object() { translate([-5,0,0]) cube([10,5,5]); translate([0,-5,0]) cube([5,10,5]);"
      "  cube([5,5,10]); }"
      "erode(1,$fn=12) object();");
}

// A subtree or a first step of a difference met on two threads at once is
// made once: the other thread waits and takes it from the cache.
TEST(ParallelRender, RepeatedSubtreesAreMadeOnce) {
  const eval::EvalResult tree = testing::Tree(
      "module m() difference() { cube(10, center=true); sphere(6, $fn=24); }"
      "m(); translate([20,0,0]) m(); translate([40,0,0]) m();"
      "for (i = [0:5]) translate([i*25,40,0]) difference() { sphere(10, $fn=24); sphere(8, $fn=24);"
      "  rotate([0,90,0]) cylinder(r=2+i/4, h=30, center=true, $fn=12); }");
  ASSERT_TRUE(tree.root);
  GeometryCache serialCache, threadedCache;
  const RenderResult serial = RenderTree(tree, 1, &serialCache);
  const RenderResult threaded = RenderTree(tree, 4, &threadedCache);
  testing::ExpectSameResult(serial, threaded);
  EXPECT_GT(serial.stats.prefixHits, 0u);
  EXPECT_EQ(serial.stats.cacheStores, threaded.stats.cacheStores);
  EXPECT_EQ(serial.stats.prefixStores, threaded.stats.prefixStores);
  if (kernel::AvailableThreads() > 1) EXPECT_GT(threaded.stats.threadedNodes, 0u);
}

// text() stays on the render's thread (the font libraries are not
// thread-safe): a node with a text() subtree does not use threads.
TEST(ParallelRender, TextStaysOnTheRenderThread) {
  const eval::EvalResult tree = testing::Tree(
      "linear_extrude(2) text(\"O\");"
      "translate([20,0,0]) difference() { sphere(10, $fn=24); cylinder(r=3, h=30, center=true, $fn=16); }");
  ASSERT_TRUE(tree.root);
  const RenderResult serial = RenderTree(tree, 1, nullptr);
  const RenderResult threaded = RenderTree(tree, 4, nullptr);
  testing::ExpectSameResult(serial, threaded);
  // Only the root has siblings besides the difference (whose children may
  // use threads): the root must not.
  const eval::EvalResult noText = testing::Tree(
      "linear_extrude(2) square(5);"
      "translate([20,0,0]) difference() { sphere(10, $fn=24); cylinder(r=3, h=30, center=true, $fn=16); }");
  const RenderResult plain = RenderTree(noText, 4, nullptr);
  if (kernel::AvailableThreads() > 1) EXPECT_EQ(threaded.stats.threadedNodes + 1, plain.stats.threadedNodes);
}

TEST(ParallelRender, WarningsKeepTheirOrder) {
  // Each sibling warns (an open polyhedron; 2D mixed with 3D).
  ExpectThreadsChangeNothing(
      "union() { cube(2); polyhedron(points=[[0,0,0],[1,0,0],[0,1,0],[0,0,1]], faces=[[0,1,2],[0,3,1],[0,2,3]]); }"
      "translate([10,0,0]) union() { sphere(2, $fn=8); square(3); }"
      "translate([20,0,0]) union() { cube(1); polyhedron(points=[[0,0,0],[2,0,0],[0,2,0],[0,0,2]], faces=[[0,1,2],[0,3,1]]); }",
      true);
}

TEST(ParallelRender, DepthBoundWarnsOnce) {
  // Two siblings each past the depth bound: one warning, as serially.
  std::string deep = "cube(1);";
  for (int i = 0; i < 40; ++i) deep = "union() { " + deep + " sphere(1, $fn=6); }";
  const eval::EvalResult tree = testing::Tree(deep + " translate([5,0,0]) " + deep);
  ASSERT_TRUE(tree.root);
  RenderOptions options;
  options.maxDepth = 20;
  options.threads = 1;
  const RenderResult serial = RenderNodeTree(*tree.root, options);
  options.threads = 4;
  options.parallelMinFacets = 0;
  const RenderResult threaded = RenderNodeTree(*tree.root, options);
  if (kernel::AvailableThreads() > 1) EXPECT_GT(threaded.stats.threadedNodes, 0u);
  EXPECT_TRUE(serial.tooDeep);
  EXPECT_EQ(serial.warnings.size(), 1u);
  testing::ExpectSameResult(serial, threaded);
  ExpectSameMessages(serial.warnings, threaded.warnings);
}

}  // namespace
}  // namespace mos::geom
