// The geometry cache: content keys (exact bits, not the .csg text), reuse of
// identical and unchanged subtrees with the same result as evaluating them,
// LRU eviction under a byte budget, and what is never stored.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <set>
#include <string>

#include "cache_test_util.h"
#include "eval/evaluator.h"
#include "geom/geometry_cache.h"
#include "geom/geometry_evaluator.h"
#include "geom/node_key.h"
#include "kernel/mesh.h"
#include "kernel/mesh_properties.h"
#include "lang/parser.h"

namespace mos::geom {
namespace {

using testing::ExpectSameResult;
using testing::Num;
using testing::RenderWith;
using testing::Tree;

const char* kTwoParts =
    "module part() difference() { cube(10); translate([5,5,5]) sphere(4, $fn=12); }\n"
    "part(); translate([20,0,0]) part();\n";

TEST(GeometryCache, IdenticalSubtreesInOneRenderHit) {
  GeometryCache cache;
  eval::EvalResult e = Tree(kTwoParts);
  RenderResult r = RenderWith(e, &cache);
  // Root union (misses), first part's difference (misses, stored), the
  // second part's identical difference (hit).
  EXPECT_EQ(r.stats.cacheHits, 1u);
  EXPECT_EQ(r.stats.cacheMisses, 2u);
  EXPECT_EQ(r.stats.cacheStores, 2u);
  ExpectSameResult(r, RenderWith(e, nullptr));
}

TEST(GeometryCache, SecondRenderTakesTheRootFromTheCache) {
  GeometryCache cache;
  eval::EvalResult e = Tree(kTwoParts);
  RenderResult cold = RenderWith(e, &cache);
  // A new evaluation: other node objects, same content.
  eval::EvalResult again = Tree(kTwoParts);
  RenderResult warm = RenderWith(again, &cache);
  EXPECT_EQ(warm.stats.cacheHits, 1u);
  EXPECT_EQ(warm.stats.cacheMisses, 0u);
  ExpectSameResult(cold, warm);
}

// A transform or colour of two children unions them: that union is cached,
// so changing a sibling elsewhere takes it from the cache.
TEST(GeometryCache, TransformOfTwoChildrenIsCached) {
  auto source = [](double x) {
    return "translate([0,0,1]) { cube(4); translate([2,2,2]) sphere(3, $fn=12); }\n"
           "color(\"red\") { cylinder(r=1, h=9, $fn=8); cube([3,1,1]); }\n"
           "translate([" + Num(x) + ",0,0]) cube(1);\n";
  };
  GeometryCache cache;
  eval::EvalResult e1 = Tree(source(30));
  RenderResult cold = RenderWith(e1, &cache);
  EXPECT_EQ(cold.stats.cacheStores, 3u);  // both unions and the root
  eval::EvalResult e2 = Tree(source(31));
  RenderResult warm = RenderWith(e2, &cache);
  EXPECT_EQ(warm.stats.cacheHits, 2u);
  EXPECT_EQ(warm.stats.cacheMisses, 1u);  // the root
  // A first change: folded as a cold render folds (no sibling set).
  EXPECT_EQ(warm.stats.siblingStores, 0u);
  ExpectSameResult(warm, RenderWith(e2, nullptr));
}

// A difference of three solids cuts one cutter at a time; the solid cut by
// the first cutter is cached as a prefix, so changing the last cutter takes
// the prefix and makes one cut. Same result as an uncached render.
TEST(GeometryCache, DifferencePrefixIsReusedWhenTheLastCutterChanges) {
  auto source = [](double x) {
    return "color(\"blue\") difference() {\n"
           "  cube([30, 20, 5]);\n"
           "  translate([8, 10, -1]) cylinder(r=3, h=7, $fn=16);\n"
           "  translate([" + Num(x) + ", 10, -1]) cylinder(r=2, h=7, $fn=12);\n"
           "}\n";
  };
  GeometryCache cache;
  eval::EvalResult e1 = Tree(source(20));
  RenderResult cold = RenderWith(e1, &cache);
  EXPECT_EQ(cold.stats.prefixStores, 1u);  // cube minus the first cylinder
  EXPECT_EQ(cold.stats.prefixHits, 0u);
  ExpectSameResult(cold, RenderWith(e1, nullptr));
  eval::EvalResult e2 = Tree(source(21.5));
  RenderResult warm = RenderWith(e2, &cache);
  // The cold render's prefix (the cube minus the unchanged first cylinder).
  EXPECT_EQ(warm.stats.prefixHits, 1u);
  EXPECT_EQ(warm.stats.prefixStores + warm.stats.siblingStores, 0u);
  RenderResult plain = RenderWith(e2, nullptr);
  EXPECT_EQ(plain.stats.prefixHits, 0u);
  ExpectSameResult(warm, plain);
  // The cut really moved: the volume changed with the hole's position only
  // through the hole (both holes inside the plate: same volume), and the
  // moved hole's vertices are where the new source puts them.
  bool found = false;
  for (const auto& v : warm.geometry.mesh.vertPos)
    if (std::fabs(v.x - 23.5) < 1e-9 && std::fabs(v.y - 10) < 1e-9) found = true;
  EXPECT_TRUE(found);
}

// Changing the first cutter leaves no prefix to reuse, also when it changes
// again (a drag): each change is folded as a cold render folds it, the same
// triangles; a union of four children reuses the union of its first three
// when the fourth changes.
TEST(GeometryCache, PrefixesFollowChildOrder) {
  auto diff = [](double r) {
    return "difference() { cube(10); translate([2,2,-1]) cylinder(r=" + Num(r) +
           ", h=12, $fn=10); translate([7,7,-1]) cylinder(r=1, h=12, $fn=10); }\n";
  };
  GeometryCache cache;
  eval::EvalResult a = Tree(diff(1));
  RenderWith(a, &cache);
  for (const double r : {1.5, 1.25, 0.75}) {
    eval::EvalResult b = Tree(diff(r));
    RenderResult changed = RenderWith(b, &cache);
    EXPECT_EQ(changed.stats.prefixHits, 0u) << r;
    EXPECT_EQ(changed.stats.siblingHits, 0u) << r;
    EXPECT_EQ(changed.stats.siblingStores, 0u) << r;
    ExpectSameResult(changed, RenderWith(b, nullptr));
  }

  auto uni = [](double z) {
    return "union() { cube(10); translate([5,5,5]) cube(10); translate([-3,-3,-3]) cube(5);"
           " translate([4,4," + Num(z) + "]) sphere(3, $fn=10); }\n";
  };
  GeometryCache cache2;
  eval::EvalResult u1 = Tree(uni(12));
  RenderResult coldUnion = RenderWith(u1, &cache2);
  EXPECT_EQ(coldUnion.stats.prefixStores, 2u);  // first two, first three
  eval::EvalResult u2 = Tree(uni(13));
  RenderResult warmUnion = RenderWith(u2, &cache2);
  EXPECT_EQ(warmUnion.stats.prefixHits + warmUnion.stats.siblingHits, 1u);
  ExpectSameResult(warmUnion, RenderWith(u2, nullptr));
}

// Five or more children go through the n-ary boolean: no prefixes.
TEST(GeometryCache, ManyCuttersMakeNoPrefixes) {
  GeometryCache cache;
  eval::EvalResult e = Tree(
      "difference() { cube(20); translate([3, 5, -1]) cylinder(r=1, h=22, $fn=8);"
      " translate([10, 15, -1]) cylinder(r=1, h=22, $fn=8); translate([15, 15, -1]) cube(2);"
      " translate([5, 15, -1]) cube(2); translate([2, 2, 2]) cube(1); }\n");
  RenderResult r = RenderWith(e, &cache);
  EXPECT_EQ(r.stats.prefixStores, 0u);
  ExpectSameResult(r, RenderWith(e, nullptr));
}

TEST(GeometryCache, ReplayKeepsColoursAndNodeIds) {
  const std::string source =
      "module part(c) color(c) difference() { cube(4); translate([2,2,2]) cube(2); }\n"
      "part(\"red\"); translate([10,0,0]) part(\"blue\");\n"
      "translate([0,10,0]) hull() { sphere(1); translate([3,0,0]) sphere(1); }\n"
      "translate([0,20,0]) color(\"green\") minkowski() { cube(2); sphere(1, $fn=8); }\n";
  GeometryCache cache;
  eval::EvalResult e = Tree(source);
  RenderResult uncached = RenderWith(e, nullptr);
  RenderResult cold = RenderWith(e, &cache);
  // The red and blue parts share their (uncoloured) difference.
  EXPECT_GE(cold.stats.cacheHits, 1u);
  ExpectSameResult(uncached, cold);
  // Shifting the tree (an extra object first) moves every node id and
  // property: the reused subtrees must follow.
  eval::EvalResult shifted = Tree("translate([0,-10,0]) cube(1);\n" + source);
  RenderResult warm = RenderWith(shifted, &cache);
  EXPECT_GE(warm.stats.cacheHits, 3u);
  ExpectSameResult(RenderWith(shifted, nullptr), warm);
  // The minkowski's faces are its own: the green of its colour.
  const auto& tris = warm.geometry.mesh;
  int green = 0;
  for (size_t t = 0; t < tris.triProp.size(); ++t) {
    const FaceProperty& p = warm.properties[tris.triProp[t]];
    if (p.rgba[1] > 0.4 && p.rgba[0] < 0.1 && p.rgba[2] < 0.1) ++green;
  }
  EXPECT_GT(green, 0);
}

TEST(GeometryCache, ChangeInTheLastBitMisses) {
  const double x = 5.0;
  const double y = std::nextafter(x, 6.0);
  auto model = [](double v) {
    return "difference() { cube(10); translate([" + Num(v) + ",5,5]) sphere(3, $fn=8); }";
  };
  eval::EvalResult a = Tree(model(x));
  eval::EvalResult b = Tree(model(y));
  // The .csg text cannot tell them apart; the keys can.
  EXPECT_EQ(eval::DumpCsg(*a.root), eval::DumpCsg(*b.root));
  NodeKeys keysA(100), keysB(100);
  ASSERT_NE(keysA.Find(*a.root), nullptr);
  ASSERT_NE(keysB.Find(*b.root), nullptr);
  EXPECT_NE(keysA.Find(*a.root)->digest, keysB.Find(*b.root)->digest);
  EXPECT_NE(keysA.Find(*a.root)->bytes, keysB.Find(*b.root)->bytes);

  GeometryCache cache;
  RenderResult first = RenderWith(a, &cache);
  EXPECT_EQ(first.stats.cacheMisses, 1u);
  RenderResult second = RenderWith(b, &cache);
  EXPECT_EQ(second.stats.cacheHits, 0u);
  EXPECT_EQ(second.stats.cacheMisses, 1u);
  RenderResult third = RenderWith(Tree(model(x)), &cache);
  EXPECT_EQ(third.stats.cacheHits, 1u);
}

TEST(GeometryCache, FragmentSettingsAreTheKeyOfTheNodesThatUseThem) {
  eval::EvalResult a = Tree("difference() { cube(10); sphere(3, $fn=8); }");
  eval::EvalResult b = Tree("difference() { cube(10); sphere(3, $fn=9); }");
  eval::EvalResult c = Tree("$fn = 9; difference() { cube(10); sphere(3, $fn=8); }");
  NodeKeys ka(100), kb(100), kc(100);
  EXPECT_NE(ka.Find(*a.root)->digest, kb.Find(*b.root)->digest);
  EXPECT_EQ(ka.Find(*a.root->children[0])->digest, kc.Find(*c.root->children[0])->digest);
}

TEST(GeometryCache, BackgroundChildrenAreNotPartOfTheKey) {
  eval::EvalResult a = Tree("difference() { cube(10); sphere(3); %cube(40); }");
  eval::EvalResult b = Tree("difference() { cube(10); sphere(3); }");
  NodeKeys ka(100), kb(100);
  EXPECT_EQ(ka.Find(*a.root)->digest, kb.Find(*b.root)->digest);
}

TEST(GeometryCache, SubtreesThatWarnAreNotStored) {
  // 2D mixed into a 3D union warns; a hit must not lose that warning.
  const std::string source = "union() { cube(2); square(1); }";
  GeometryCache cache;
  RenderResult first = RenderWith(Tree(source), &cache);
  EXPECT_EQ(first.stats.cacheStores, 0u);
  RenderResult second = RenderWith(Tree(source), &cache);
  EXPECT_EQ(second.stats.cacheHits, 0u);
  EXPECT_EQ(second.warnings.size(), first.warnings.size());
  EXPECT_FALSE(second.warnings.empty());
}

// An entry of exactly `bytes` bytes.
std::shared_ptr<CachedGeometry> Entry(const std::string& keyBytes, uint64_t bytes) {
  auto e = std::make_shared<CachedGeometry>();
  e->keyBytes = keyBytes;
  e->bytes = bytes;
  return e;
}

NodeKey KeyOf(const std::string& bytes) {
  NodeKey k;
  k.bytes = bytes;
  k.digest = DigestOf(bytes);
  return k;
}

TEST(GeometryCache, LruEvictionUnderASmallBudget) {
  GeometryCache cache(300);
  for (const char* name : {"a", "b", "c"}) cache.Store(KeyOf(name).digest, Entry(name, 100));
  EXPECT_EQ(cache.Counters().entries, 3u);
  EXPECT_EQ(cache.Counters().bytes, 300u);
  ASSERT_NE(cache.Find(KeyOf("a")), nullptr);  // "a" is now the newest
  cache.Store(KeyOf("d").digest, Entry("d", 100));  // evicts "b", the oldest
  EXPECT_EQ(cache.Counters().entries, 3u);
  EXPECT_EQ(cache.Counters().evictions, 1u);
  EXPECT_EQ(cache.Find(KeyOf("b")), nullptr);
  EXPECT_NE(cache.Find(KeyOf("a")), nullptr);
  EXPECT_NE(cache.Find(KeyOf("c")), nullptr);
  EXPECT_NE(cache.Find(KeyOf("d")), nullptr);
  // Larger than the whole budget: not stored, nothing evicted.
  cache.Store(KeyOf("huge").digest, Entry("huge", 301));
  EXPECT_EQ(cache.Find(KeyOf("huge")), nullptr);
  EXPECT_EQ(cache.Counters().entries, 3u);
  // A smaller budget evicts down to it.
  cache.SetBudget(150);
  EXPECT_EQ(cache.Counters().entries, 1u);
  EXPECT_NE(cache.Find(KeyOf("d")), nullptr);  // "d" was used last
  cache.SetBudget(0);
  EXPECT_EQ(cache.Counters().entries, 0u);
}

TEST(GeometryCache, AHandedOutEntryOutlivesItsEviction) {
  GeometryCache cache(100);
  cache.Store(KeyOf("a").digest, Entry("a", 100));
  std::shared_ptr<const CachedGeometry> held = cache.Find(KeyOf("a"));
  cache.Store(KeyOf("b").digest, Entry("b", 100));
  EXPECT_EQ(cache.Find(KeyOf("a")), nullptr);
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->keyBytes, "a");
}

TEST(GeometryCache, SameDigestOtherKeyIsAMiss) {
  // A forged collision: an entry under the digest of "a" whose full key is
  // something else is never handed out for "a".
  GeometryCache cache;
  cache.Store(KeyOf("a").digest, Entry("not a", 10));
  EXPECT_EQ(cache.Find(KeyOf("a")), nullptr);
}

TEST(GeometryCache, RenderUnderATinyBudgetStillGivesTheSameSolid) {
  GeometryCache cache(1);  // every entry is too large: nothing is kept
  eval::EvalResult e = Tree(kTwoParts);
  RenderResult r = RenderWith(e, &cache);
  EXPECT_EQ(r.stats.cacheHits, 0u);
  EXPECT_EQ(cache.Counters().entries, 0u);
  ExpectSameResult(r, RenderWith(e, nullptr));
}

TEST(GeometryCache, DeadlineInThePastStopsTheRender) {
  eval::EvalResult e = Tree(kTwoParts);
  GeometryCache cache;
  RenderOptions options;
  options.cache = &cache;
  options.deadline = std::chrono::steady_clock::now();
  RenderResult r = RenderNodeTree(*e.root, options);
  EXPECT_TRUE(r.cancelled);
  EXPECT_TRUE(r.timedOut);
  EXPECT_TRUE(r.geometry.Empty());
  EXPECT_EQ(cache.Counters().entries, 0u);
}

}  // namespace
}  // namespace mos::geom
