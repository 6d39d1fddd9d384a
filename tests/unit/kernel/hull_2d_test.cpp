#include <gtest/gtest.h>

#include <random>

#include "kernel/hull2d.h"
#include "hull_test_support.h"

namespace mos::kernel {
namespace {


TEST(Hull2d, SquareWithInteriorAndEdgePointsIsCcwCorners) {
  const auto h = ConvexHull2d({{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0.5, 0.5}, {0.5, 0}, {1, 0.25}, {0, 0}});
  ASSERT_EQ(h.size(), 4u);
  EXPECT_DOUBLE_EQ(SignedArea(h), 1.0);
  EXPECT_EQ(h[0].x, 0);
  EXPECT_EQ(h[0].y, 0);
}

TEST(Hull2d, DegenerateInputsAreEmpty) {
  EXPECT_TRUE(ConvexHull2d({}).empty());
  EXPECT_TRUE(ConvexHull2d({{1, 1}, {1, 1}, {1, 1}}).empty());
  EXPECT_TRUE(ConvexHull2d({{0, 0}, {1, 1}, {2, 2}, {3, 3}}).empty());
  EXPECT_TRUE(ConvexHull2d({{0, 0}, {0, 1}, {0, 2}}).empty());
}

TEST(Hull2d, RandomPointsAreInsideAndStrictlyConvex) {
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> u(-5, 5);  // many collinear ties
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<Vec2> p(30);
    for (auto& v : p) v = {double(u(rng)), double(u(rng))};
    const auto h = ConvexHull2d(p);
    ASSERT_GE(h.size(), 3u);
    for (size_t i = 0; i < h.size(); ++i) {
      const Vec2 a = h[i], b = h[(i + 1) % h.size()], c = h[(i + 2) % h.size()];
      EXPECT_GT(Cross(b - a, c - b), 0);  // strict left turn: no collinear
      for (const Vec2& q : p) EXPECT_GE(Cross(b - a, q - a), 0);
    }
    const auto idx = ConvexHull2dIndices(p);
    ASSERT_EQ(idx.size(), h.size());
    for (size_t i = 0; i < idx.size(); ++i) {
      EXPECT_EQ(p[idx[i]].x, h[i].x);
      EXPECT_EQ(p[idx[i]].y, h[i].y);
    }
  }
}

}  // namespace
}  // namespace mos::kernel
