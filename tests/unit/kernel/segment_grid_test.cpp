// SegmentGrid: a query must report every stored segment that meets the
// queried shape (checked against brute force on random segments).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "kernel/segment_grid.h"

namespace mos::kernel {
namespace {

double Orient(Vec2 a, Vec2 b, Vec2 c) { return Cross(b - a, c - a); }

// Proper or touching intersection, exact enough for well separated data.
bool SegmentsMeet(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
  const double o1 = Orient(a, b, c), o2 = Orient(a, b, d), o3 = Orient(c, d, a), o4 = Orient(c, d, b);
  return ((o1 >= 0 && o2 <= 0) || (o1 <= 0 && o2 >= 0)) && ((o3 >= 0 && o4 <= 0) || (o3 <= 0 && o4 >= 0));
}

struct Seg {
  Vec2 a, b;
};

std::vector<Seg> RandomSegments(std::mt19937_64& rng, int n, double maxLen) {
  std::uniform_real_distribution<double> pos(-50, 150), len(-maxLen, maxLen);
  std::vector<Seg> segs;
  for (int i = 0; i < n; ++i) {
    const Vec2 a{pos(rng), pos(rng)};
    segs.push_back({a, {a.x + len(rng), a.y + (i % 7 == 0 ? 0 : len(rng))}});  // some horizontal
  }
  return segs;
}

SegmentGrid GridOf(const std::vector<Seg>& segs) {
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  for (const Seg& s : segs) {
    for (Vec2 p : {s.a, s.b}) {
      x0 = std::min(x0, p.x);
      y0 = std::min(y0, p.y);
      x1 = std::max(x1, p.x);
      y1 = std::max(y1, p.y);
    }
  }
  SegmentGrid grid;
  EXPECT_TRUE(grid.Build(x0, y0, x1, y1, segs.size()));
  for (size_t i = 0; i < segs.size(); ++i) EXPECT_TRUE(grid.Insert(static_cast<int>(i), segs[i].a, segs[i].b));
  return grid;
}

TEST(SegmentGrid, SegmentQueryFindsEveryCrossingSegment) {
  std::mt19937_64 rng(1);
  const auto segs = RandomSegments(rng, 2000, 8);
  const SegmentGrid grid = GridOf(segs);
  const auto queries = RandomSegments(rng, 300, 40);
  for (const Seg& q : queries) {
    std::set<int> found;
    grid.ForEachNearSegment(q.a, q.b, [&](int i) {
      found.insert(i);
      return true;
    });
    int meeting = 0;
    for (size_t i = 0; i < segs.size(); ++i) {
      if (!SegmentsMeet(q.a, q.b, segs[i].a, segs[i].b)) continue;
      ++meeting;
      EXPECT_TRUE(found.count(static_cast<int>(i))) << "segment " << i;
    }
    // A grid, not a list: far fewer reported than stored.
    EXPECT_LT(found.size(), segs.size() / 4);
    (void)meeting;
  }
}

TEST(SegmentGrid, StopsWhenTheCallbackSaysSo) {
  std::mt19937_64 rng(2);
  const auto segs = RandomSegments(rng, 200, 200);
  const SegmentGrid grid = GridOf(segs);
  int calls = 0;
  const bool finished = grid.ForEachNearSegment({-50, -50}, {150, 150}, [&](int) { return ++calls < 3; });
  EXPECT_FALSE(finished);
  EXPECT_EQ(calls, 3);
}

TEST(SegmentGrid, BoxQueryFindsEveryEndpointInside) {
  std::mt19937_64 rng(3);
  const auto segs = RandomSegments(rng, 3000, 5);
  const SegmentGrid grid = GridOf(segs);
  std::uniform_real_distribution<double> pos(-50, 150), size(0, 10);
  for (int it = 0; it < 200; ++it) {
    const double x0 = pos(rng), y0 = pos(rng), x1 = x0 + size(rng), y1 = y0 + size(rng);
    std::set<int> found;
    grid.ForEachNearBox(x0, y0, x1, y1, [&](int i) { found.insert(i); });
    for (size_t i = 0; i < segs.size(); ++i) {
      const Vec2 p = segs[i].a;
      if (p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1) {
        EXPECT_TRUE(found.count(static_cast<int>(i)));
      }
    }
  }
}

TEST(SegmentGrid, RightwardWalkFindsTheNearestCrossing) {
  std::mt19937_64 rng(4);
  const auto segs = RandomSegments(rng, 3000, 6);
  const SegmentGrid grid = GridOf(segs);
  std::uniform_real_distribution<double> pos(-50, 150);
  for (int it = 0; it < 300; ++it) {
    const Vec2 p{pos(rng), pos(rng)};
    auto crossing = [&](int i, double& x) {
      Vec2 u = segs[i].a, w = segs[i].b;
      if (u.y > w.y) std::swap(u, w);
      if (!(u.y <= p.y && p.y <= w.y && u.y < w.y)) return false;
      x = u.x + (p.y - u.y) * (w.x - u.x) / (w.y - u.y);
      return x >= p.x;
    };
    double best = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < segs.size(); ++i) {
      double x;
      if (crossing(static_cast<int>(i), x)) best = std::min(best, x);
    }
    double hit = std::numeric_limits<double>::infinity();
    grid.ForEachRightward(p, [&] { return hit; }, [&](int i) {
      double x;
      if (crossing(i, x)) hit = std::min(hit, x);
    });
    EXPECT_EQ(hit, best);
  }
}

TEST(SegmentGrid, ReplaceRenamesAnItem) {
  SegmentGrid grid;
  ASSERT_TRUE(grid.Build(0, 0, 10, 10, 100));
  ASSERT_TRUE(grid.Insert(7, {1, 1}, {9, 2}));
  grid.Replace(7, 8, {1, 1}, {9, 2});
  std::set<int> found;
  grid.ForEachNearSegment({5, 0}, {5, 10}, [&](int i) {
    found.insert(i);
    return true;
  });
  EXPECT_EQ(found, std::set<int>{8});
}

TEST(SegmentGrid, RefusesBoxesItCannotServe) {
  SegmentGrid grid;
  EXPECT_FALSE(grid.Build(0, 0, std::numeric_limits<double>::infinity(), 1, 10));
  EXPECT_FALSE(grid.Build(0, 0, std::nan(""), 1, 10));
  EXPECT_FALSE(grid.Build(0, 0, 0, 0, 10));
  EXPECT_TRUE(grid.Build(5, 5, 5, 5, 10));  // one point: a single cell
}

TEST(SegmentGrid, MemoryIsBounded) {
  // Segments spanning the whole box fill every column: the grid refuses
  // more entries than its budget instead of growing without bound.
  SegmentGrid grid;
  ASSERT_TRUE(grid.Build(0, 0, 1000, 1000, 100000));
  bool fits = true;
  for (int i = 0; i < 100000 && fits; ++i) fits = grid.Insert(i, {0, i * 0.01}, {1000, 1000 - i * 0.01});
  EXPECT_FALSE(fits);
}

}  // namespace
}  // namespace mos::kernel
