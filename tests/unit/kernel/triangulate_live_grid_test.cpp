// LivePointGrid (the ear clipper's "any blocker?" grid) must report exactly
// the stored, not yet removed nodes inside a box: checked against a scan of
// all points after random inserts and removals, with points on cell and box
// borders and repeated positions.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "kernel/triangulate_live_grid.h"

namespace mos::kernel {
namespace {

TEST(LivePointGrid, SameNodesAsAScan) {
  std::mt19937_64 rng(7);
  for (int it = 0; it < 200; ++it) {
    const int n = 1 + static_cast<int>(rng() % 300);
    const double scale = it % 2 ? 1.0 : 0.25;  // quarter steps: exact ties on borders
    std::vector<Vec2> points(n);
    std::vector<char> include(n);
    for (int i = 0; i < n; ++i) {
      points[i] = {scale * static_cast<double>(rng() % 40), scale * static_cast<double>(rng() % 40)};
      include[i] = rng() % 3 != 0;
    }
    LivePointGrid grid;
    grid.Build(points, include);
    std::vector<char> stored = include;
    for (int step = 0; step < 400; ++step) {
      const int q = static_cast<int>(rng() % n);
      switch (rng() % 3) {
        case 0:  // remove (also of nodes never stored)
          grid.Remove(q);
          stored[q] = 0;
          break;
        case 1:
          if (!stored[q] && !include[q]) {  // added later, once
            include[q] = 1;
            stored[q] = 1;
            grid.Insert(q, points[q]);
          }
          break;
        default: {
          double x0 = scale * static_cast<double>(rng() % 42) - scale, y0 = scale * static_cast<double>(rng() % 42) - scale;
          double x1 = x0 + scale * static_cast<double>(rng() % 12), y1 = y0 + scale * static_cast<double>(rng() % 12);
          std::set<int> want, got;
          for (int i = 0; i < n; ++i) {
            const Vec2 p = points[i];
            if (stored[i] && p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1) want.insert(i);
          }
          const bool any = grid.Any(x0, y0, x1, y1, [&](int node, Vec2 p) {
            EXPECT_EQ(p.x, points[node].x);
            EXPECT_EQ(p.y, points[node].y);
            EXPECT_TRUE(got.insert(node).second) << "visited twice";
            return false;
          });
          EXPECT_FALSE(any);
          ASSERT_EQ(want, got) << "iteration " << it << " step " << step;
          if (!want.empty()) {
            const int target = *want.rbegin();
            EXPECT_TRUE(grid.Any(x0, y0, x1, y1, [&](int node, Vec2) { return node == target; }));
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace mos::kernel
