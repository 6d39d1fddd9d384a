// BridgeNearest against a scan of every added vertex: the smallest key
// Dot(p - m, p - m) right of m and every vertex of that key, on random
// points, lattice points (exact ties, vertices level with m) and clusters
// with cells far apart.
#include "kernel/bridge_nearest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>
#include <vector>

namespace mos::kernel {
namespace {

bool ScanNearest(const std::vector<Vec2>& pts, const std::vector<int>& added, Vec2 m, double& key,
                 std::vector<int>& ties) {
  bool found = false;
  ties.clear();
  for (int v : added) {
    const Vec2 d = pts[static_cast<size_t>(v)] - m;
    if (!(d.x >= 0)) continue;
    const double k = Dot(d, d);
    if (!found || k < key) {
      key = k;
      ties.clear();
      found = true;
    }
    if (k == key) ties.push_back(v);
  }
  return found;
}

TEST(BridgeNearest, SameAsTheScan) {
  std::mt19937 rng(7110);
  int withTies = 0, queries = 0;
  for (int round = 0; round < 300; ++round) {
    const int kind = round % 3;
    std::vector<Vec2> pts;
    std::uniform_real_distribution<double> u(-50, 50);
    const int numLoops = 2 + static_cast<int>(rng() % 30);
    std::vector<std::vector<int>> loops(static_cast<size_t>(numLoops));
    for (auto& loop : loops) {
      const int n = 3 + static_cast<int>(rng() % 20);
      const Vec2 c{u(rng), u(rng)};
      for (int i = 0; i < n; ++i) {
        Vec2 p;
        if (kind == 0) p = {u(rng), u(rng)};
        else if (kind == 1) p = {static_cast<double>(rng() % 9), static_cast<double>(rng() % 9)};
        else p = {c.x + u(rng) * 1e-3, c.y + u(rng) * 1e-3};
        loop.push_back(static_cast<int>(pts.size()));
        pts.push_back(p);
      }
    }
    BridgeNearest index(pts);
    std::vector<const std::vector<int>*> all;
    for (const auto& loop : loops) all.push_back(&loop);
    ASSERT_TRUE(index.Build(all));
    std::vector<int> added;
    for (const auto& loop : loops) {
      index.AddLoop(loop);
      added.insert(added.end(), loop.begin(), loop.end());
      for (int q = 0; q < 20; ++q) {
        const Vec2 m = pts[rng() % pts.size()];
        double key = -1, scanKey = -1;
        std::vector<int> ties, scanTies;
        const bool found = index.Nearest(m, key, ties);
        const bool scanFound = ScanNearest(pts, added, m, scanKey, scanTies);
        ASSERT_EQ(found, scanFound) << round;
        if (!found) continue;
        ++queries;
        ASSERT_EQ(key, scanKey) << round;
        std::sort(ties.begin(), ties.end());
        std::sort(scanTies.begin(), scanTies.end());
        ASSERT_EQ(ties, scanTies) << round;
        withTies += ties.size() > 1;
      }
    }
  }
  EXPECT_GT(queries, 10000);
  EXPECT_GT(withTies, 500);
}

TEST(BridgeNearest, RefusesBoxesItCannotServe) {
  std::vector<Vec2> pts{{0, 0}, {1, 0}, {0, 1}};
  std::vector<int> loop{0, 1, 2};
  BridgeNearest ok(pts);
  EXPECT_TRUE(ok.Build({&loop}));
  std::vector<Vec2> flat{{0, 0}, {1, 0}, {2, 0}};  // no height
  BridgeNearest thin(flat);
  EXPECT_FALSE(thin.Build({&loop}));
  std::vector<Vec2> huge{{0, 0}, {1e200, 0}, {0, 1e200}};
  BridgeNearest big(huge);
  EXPECT_FALSE(big.Build({&loop}));
  std::vector<Vec2> nan{{0, 0}, {1, 0}, {0, std::numeric_limits<double>::quiet_NaN()}};
  BridgeNearest bad(nan);
  EXPECT_FALSE(bad.Build({&loop}));
}

}  // namespace
}  // namespace mos::kernel
