#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

#include "kernel/hull2d.h"
#include "kernel/minkowski2d.h"
#include "hull_test_support.h"

namespace mos::kernel {
namespace {

using Loops = std::vector<std::vector<Vec2>>;
using testing::WindingNumber;

std::vector<Vec2> Rect(double x0, double y0, double x1, double y1) {
  return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

std::vector<Vec2> Circle(double r, int n) {
  std::vector<Vec2> p;
  for (int i = 0; i < n; ++i) p.push_back({r * std::cos(2 * M_PI * i / n), r * std::sin(2 * M_PI * i / n)});
  return p;
}

bool InPieces(const Minkowski2dPieces& r, Vec2 p) {
  for (const auto& piece : r.convexPieces) {
    if (WindingNumber({piece}, p) > 0) return true;
  }
  for (const auto& copy : r.translatedCopies) {
    if (WindingNumber(copy, p) > 0) return true;
  }
  return false;
}

template <class Exact>
void ExpectRegion(const Minkowski2dPieces& r, double lo, double hi, Exact exact) {
  ASSERT_EQ(r.status, HullStatus::kOk);
  for (const auto& piece : r.convexPieces) ASSERT_GT(SignedArea(piece), 0);
  int inside = 0, total = 0;
  for (double x = lo + 0.0137; x < hi; x += 0.07) {
    for (double y = lo + 0.0291; y < hi; y += 0.07) {
      ASSERT_EQ(InPieces(r, {x, y}), exact(Vec2{x, y})) << x << " " << y;
      inside += exact(Vec2{x, y});
      ++total;
    }
  }
  EXPECT_GT(inside, total / 50);
  EXPECT_LT(inside, total);
}

// Union of axis-aligned boxes [lo, hi] (open).
bool InBoxes(const std::vector<std::array<double, 4>>& boxes, Vec2 p) {
  for (const auto& b : boxes) {
    if (p.x > b[0] && p.x < b[2] && p.y > b[1] && p.y < b[3]) return true;
  }
  return false;
}

TEST(Minkowski2d, SquarePlusCircleIsOnePieceWithMixedArea) {
  // Area(K + [0,a]^2) = Area(K) + a (w_x + w_y) + a^2.
  const auto circle = Circle(1, 40);
  const auto r = Minkowski2dDecompose({Rect(0, 0, 3, 3)}, {circle});
  ASSERT_EQ(r.convexPieces.size(), 1u);
  EXPECT_TRUE(r.translatedCopies.empty());
  double wx = 0, wy = 0;
  for (const Vec2& p : circle) {
    wx = std::max(wx, 2 * std::fabs(p.x));
    wy = std::max(wy, 2 * std::fabs(p.y));
  }
  EXPECT_NEAR(SignedArea(r.convexPieces[0]), SignedArea(circle) + 3 * (wx + wy) + 9, 1e-12);
  EXPECT_EQ(r.convexPieces[0].size(), 44u);  // 40 arcs + 4 straight sides
}

TEST(Minkowski2d, LShapePlusSquare) {
  const Loops ell{{{0, 0}, {3, 0}, {3, 1}, {1, 1}, {1, 3}, {0, 3}}};
  EXPECT_FALSE(IsConvexPolygonSet(ell));
  const auto r = Minkowski2dDecompose(ell, {Rect(0, 0, 0.5, 0.5)});
  EXPECT_EQ(r.translatedCopies.size(), 1u);
  ExpectRegion(r, -1, 4, [](Vec2 p) { return InBoxes({{0, 0, 3.5, 1.5}, {0, 0, 1.5, 3.5}}, p); });
}

TEST(Minkowski2d, FrameWithHoleKeepsTheHole) {
  const Loops frame{Rect(0, 0, 4, 4), {{1, 1}, {1, 3}, {3, 3}, {3, 1}}};  // hole CW
  const auto r = Minkowski2dDecompose(frame, {Rect(-0.25, -0.25, 0.25, 0.25)});
  ExpectRegion(r, -1, 5, [](Vec2 p) {
    return InBoxes({{-0.25, -0.25, 4.25, 4.25}}, p) && !InBoxes({{1.25, 1.25, 2.75, 2.75}}, p);
  });
}

TEST(Minkowski2d, NonConvexPlusNonConvex) {
  const Loops ell{{{0, 0}, {3, 0}, {3, 1}, {1, 1}, {1, 3}, {0, 3}}};
  const Loops vee{{{0, 0}, {0.5, 0}, {0.5, 0.25}, {0.25, 0.25}, {0.25, 0.5}, {0, 0.5}}};
  const auto r = Minkowski2dDecompose(ell, vee);
  EXPECT_EQ(r.translatedCopies.size(), 2u);
  // Sum of the boxes of both L shapes.
  const std::vector<std::array<double, 4>> a{{0, 0, 3, 1}, {0, 0, 1, 3}};
  const std::vector<std::array<double, 4>> b{{0, 0, 0.5, 0.25}, {0, 0, 0.25, 0.5}};
  std::vector<std::array<double, 4>> sum;
  for (const auto& p : a) {
    for (const auto& q : b) sum.push_back({p[0] + q[0], p[1] + q[1], p[2] + q[2], p[3] + q[3]});
  }
  ExpectRegion(r, -1, 4, [&](Vec2 p) { return InBoxes(sum, p); });
}

TEST(Minkowski2d, DegenerateAndStopped) {
  EXPECT_TRUE(Minkowski2dDecompose({}, {Rect(0, 0, 1, 1)}).convexPieces.empty());
  EXPECT_TRUE(Minkowski2dDecompose({{{0, 0}, {1, 1}}}, {Rect(0, 0, 1, 1)}).convexPieces.empty());
  std::atomic<bool> cancel{true};
  KernelLimits limits;
  limits.cancel = &cancel;
  const Loops ell{{{0, 0}, {3, 0}, {3, 1}, {1, 1}, {1, 3}, {0, 3}}};
  const auto r = Minkowski2dDecompose(ell, ell, limits);
  EXPECT_EQ(r.status, HullStatus::kCancelled);
  EXPECT_FALSE(r.diagnostic.message.empty());
  KernelLimits small;
  small.maxVertices = 10;
  EXPECT_EQ(Minkowski2dDecompose(ell, ell, small).status, HullStatus::kTooLarge);
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

TEST(Minkowski2dUnion, LShapePlusSquareAreaIsExact) {
  const Polygon2d ell{{{{0, 0}, {3, 0}, {3, 1}, {1, 1}, {1, 3}, {0, 3}}}};
  const Polygon2d sq{{{{0, 0}, {0.5, 0}, {0.5, 0.5}, {0, 0.5}}}};
  const auto r = Minkowski2d(ell, sq);
  ASSERT_EQ(r.status, HullStatus::kOk);
  ASSERT_EQ(r.polygon.contours.size(), 1u);
  EXPECT_NEAR(SignedArea(r.polygon), 3.5 * 1.5 + 1.5 * 2, 1e-12);
}

TEST(Minkowski2dUnion, FrameKeepsHoleAsCwContour) {
  const Polygon2d frame{{{{0, 0}, {4, 0}, {4, 4}, {0, 4}}, {{1, 1}, {1, 3}, {3, 3}, {3, 1}}}};
  const Polygon2d sq{{{{-0.25, -0.25}, {0.25, -0.25}, {0.25, 0.25}, {-0.25, 0.25}}}};
  const auto r = Minkowski2d(frame, sq);
  ASSERT_EQ(r.polygon.contours.size(), 2u);
  EXPECT_NEAR(SignedArea(r.polygon), 4.5 * 4.5 - 1.5 * 1.5, 1e-12);
  int holes = 0;
  for (const auto& c : r.polygon.contours) holes += SignedArea(c) < 0;
  EXPECT_EQ(holes, 1);
}

TEST(Minkowski2dUnion, CircleRoundsAStar) {
  // Non-convex star + circle: area between the star's and its hull's sum.
  std::vector<Vec2> star;
  for (int i = 0; i < 10; ++i) {
    const double r = i % 2 ? 1.0 : 3.0;
    star.push_back({r * std::cos(M_PI * i / 5), r * std::sin(M_PI * i / 5)});
  }
  const Polygon2d circle{{Circle(0.3, 24)}};
  const auto r = Minkowski2d(Polygon2d{{star}}, circle);
  ASSERT_EQ(r.status, HullStatus::kOk);
  ASSERT_EQ(r.polygon.contours.size(), 1u);
  const double area = SignedArea(r.polygon);
  const auto hullSum = Minkowski2d(Polygon2d{{ConvexHull2d(star)}}, circle);
  EXPECT_GT(area, SignedArea(Polygon2d{{star}}));
  EXPECT_LT(area, SignedArea(hullSum.polygon));
  // Every star vertex + every circle point is inside the result.
  for (const Vec2& s : star) {
    EXPECT_EQ(WindingNumber(r.polygon.contours, s * 1.0), 1);
  }
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

// Areas from the SVG of `openscad` 2021.01 (its 2D results sit on a 1/65536
// grid, hence the 5e-4 tolerance).
// minkowski() { polygon([[0,0],[10,0],[10,2],[2,2],[2,10],[0,10]]); circle(2, $fn=12); }
TEST(Minkowski2dOpenScad, LShapePlusCircle) {
  std::vector<Vec2> circle;
  for (int i = 0; i < 12; ++i) circle.push_back({2 * std::cos(M_PI * i / 6), 2 * std::sin(M_PI * i / 6)});
  const Polygon2d ell{{{{0, 0}, {10, 0}, {10, 2}, {2, 2}, {2, 10}, {0, 10}}}};
  const auto r = Minkowski2d(ell, Polygon2d{{circle}});
  ASSERT_EQ(r.polygon.contours.size(), 1u);
  EXPECT_NEAR(SignedArea(r.polygon), 126.99976784079999, 5e-4);
  EXPECT_EQ(WindingNumber(r.polygon.contours, {8.5, 2.9}), 1);
}

// minkowski() { difference() { square(10); translate([3,3]) square(4); }
//               polygon([[0,0],[1,0],[1,0.5],[0.5,0.5],[0.5,1],[0,1]]); }
TEST(Minkowski2dOpenScad, FramePlusSmallL) {
  const Polygon2d frame{{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{3, 3}, {3, 7}, {7, 7}, {7, 3}}}};
  const Polygon2d ell{{{{0, 0}, {1, 0}, {1, 0.5}, {0.5, 0.5}, {0.5, 1}, {0, 1}}}};
  const auto r = Minkowski2d(frame, ell);
  ASSERT_EQ(r.polygon.contours.size(), 2u);
  EXPECT_NEAR(SignedArea(r.polygon), 111.75, 1e-12);
}

}  // namespace
}  // namespace mos::kernel
