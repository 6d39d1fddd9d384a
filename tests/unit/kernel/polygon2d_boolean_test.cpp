#include <gtest/gtest.h>

#include <cmath>

#include "kernel/polygon2d.h"
#include "polygon2d_check.h"

namespace mos::kernel {
namespace {

Contour Rect(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; }
Polygon2d Set(std::vector<Contour> c) { return Polygon2d{std::move(c)}; }

void ExpectCanonical(const Polygon2d& p) {
  EXPECT_EQ(testing::FindCrossing(p), "");
  // Canonical sets read the same under every fill rule.
  EXPECT_NEAR(SignedArea(Simplify2d(p, FillRule::kEvenOdd)), SignedArea(p), 1e-9);
  EXPECT_NEAR(SignedArea(Simplify2d(p, FillRule::kPositive)), SignedArea(p), 1e-9);
}

TEST(Polygon2dBoolean, OverlappingSquares) {
  const auto a = Set({Rect(0, 0, 10, 10)}), b = Set({Rect(5, 5, 15, 15)});
  EXPECT_NEAR(SignedArea(Union2d(a, b)), 175, 1e-12);
  EXPECT_NEAR(SignedArea(Intersection2d(a, b)), 25, 1e-12);
  EXPECT_NEAR(SignedArea(Difference2d(a, b)), 75, 1e-12);
  EXPECT_NEAR(SignedArea(Xor2d(a, b)), 150, 1e-12);
  EXPECT_EQ(Union2d(a, b).contours.size(), 1u);
  EXPECT_EQ(Union2d(a, b).contours[0].size(), 8u);
  EXPECT_EQ(Xor2d(a, b).contours.size(), 2u);
  ExpectCanonical(Union2d(a, b));
  ExpectCanonical(Xor2d(a, b));
}

TEST(Polygon2dBoolean, SharedEdgeMergesToOneRectangle) {
  const auto u = Union2d(Set({Rect(0, 0, 10, 10)}), Set({Rect(10, 0, 20, 10)}));
  ASSERT_EQ(u.contours.size(), 1u);
  EXPECT_EQ(u.contours[0].size(), 4u);  // collinear vertices removed
  EXPECT_NEAR(SignedArea(u), 200, 1e-12);
}

TEST(Polygon2dBoolean, PartlySharedEdge) {
  const auto a = Set({Rect(0, 0, 10, 10)}), b = Set({Rect(10, 3, 20, 6)});
  EXPECT_NEAR(SignedArea(Union2d(a, b)), 130, 1e-12);
  EXPECT_NEAR(SignedArea(Intersection2d(a, b)), 0, 1e-12);
  EXPECT_TRUE(Intersection2d(a, b).contours.empty());
  EXPECT_NEAR(SignedArea(Difference2d(a, b)), 100, 1e-12);
}

TEST(Polygon2dBoolean, TouchingCornersStaySeparateContours) {
  const auto u = Union2d(Set({Rect(0, 0, 1, 1)}), Set({Rect(1, 1, 2, 2)}));
  EXPECT_EQ(u.contours.size(), 2u);
  EXPECT_NEAR(SignedArea(u), 2, 1e-12);
  ExpectCanonical(u);
}

TEST(Polygon2dBoolean, IdenticalOperands) {
  const auto a = Set({Rect(0, 0, 3, 2)});
  EXPECT_NEAR(SignedArea(Union2d(a, a)), 6, 1e-12);
  EXPECT_EQ(Union2d(a, a).contours.size(), 1u);
  EXPECT_TRUE(Difference2d(a, a).contours.empty());
  EXPECT_TRUE(Xor2d(a, a).contours.empty());
  EXPECT_NEAR(SignedArea(Intersection2d(a, a)), 6, 1e-12);
}

TEST(Polygon2dBoolean, HoleComesOutClockwise) {
  const auto d = Difference2d(Set({Rect(0, 0, 10, 10)}), Set({Rect(3, 3, 7, 7)}));
  ASSERT_EQ(d.contours.size(), 2u);
  int cw = 0, ccw = 0;
  for (const auto& c : d.contours) (SignedArea(c) > 0 ? ccw : cw)++;
  EXPECT_EQ(cw, 1);
  EXPECT_EQ(ccw, 1);
  EXPECT_NEAR(SignedArea(d), 84, 1e-12);
}

TEST(Polygon2dBoolean, HoleTouchingOuterBoundary) {
  // The cut reaches the outer edge at one point: a pinch, two contours.
  const auto d = Difference2d(Set({Rect(0, 0, 10, 10)}), Set({{{5, 0}, {7, 3}, {3, 3}}}));
  EXPECT_NEAR(SignedArea(d), 94, 1e-12);
  ExpectCanonical(d);
}

TEST(Polygon2dBoolean, FillRulesOnSelfIntersectingInput) {
  Contour star;
  for (int i = 0; i < 5; ++i) {
    const double a = (90 + 144 * i) * M_PI / 180;
    star.push_back({10 * std::cos(a), 10 * std::sin(a)});
  }
  // Areas measured with openscad 2021.01 (polygon() of this pentagram, linear_extrude(1): volume 77.5675).
  EXPECT_NEAR(SignedArea(Simplify2d(Set({star}), FillRule::kEvenOdd)), 77.567675, 1e-5);
  EXPECT_NEAR(SignedArea(Simplify2d(Set({star}), FillRule::kNonZero)), 112.256994, 1e-5);
  const Contour bowTie{{0, 0}, {10, 10}, {10, 0}, {0, 10}};
  EXPECT_NEAR(SignedArea(Simplify2d(Set({bowTie}), FillRule::kEvenOdd)), 50, 1e-12);
  EXPECT_NEAR(SignedArea(Simplify2d(Set({bowTie}), FillRule::kNonZero)), 50, 1e-12);
  EXPECT_NEAR(SignedArea(Simplify2d(Set({bowTie}), FillRule::kPositive)), 25, 1e-12);
  const Contour twice{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}, {10, 0}, {10, 10}, {0, 10}};
  EXPECT_TRUE(Simplify2d(Set({twice}), FillRule::kEvenOdd).contours.empty());
  EXPECT_NEAR(SignedArea(Simplify2d(Set({twice}), FillRule::kNonZero)), 100, 1e-12);
}

TEST(Polygon2dBoolean, ClockwiseInputIsNormalised) {
  const Contour cw{{0, 0}, {0, 2}, {2, 2}, {2, 0}};
  const auto s = Simplify2d(Set({cw}), FillRule::kNonZero);
  ASSERT_EQ(s.contours.size(), 1u);
  EXPECT_NEAR(SignedArea(s), 4, 1e-12);
}

TEST(Polygon2dBoolean, ZeroAreaPartsVanish) {
  const Contour spike{{0, 0}, {2, 0}, {2, 2}, {2, 5}, {2, 2}, {0, 2}};
  const auto s = Simplify2d(Set({spike, {{5, 5}, {6, 6}, {7, 7}}}), FillRule::kNonZero);
  ASSERT_EQ(s.contours.size(), 1u);
  EXPECT_EQ(s.contours[0].size(), 4u);
  EXPECT_NEAR(SignedArea(s), 4, 1e-12);
}

TEST(Polygon2dBoolean, UnionAllOfAGrid) {
  std::vector<Polygon2d> parts;
  for (int i = 0; i < 10; ++i) {
    for (int j = 0; j < 10; ++j) parts.push_back(Set({Rect(i, j, i + 1.5, j + 1.5)}));
  }
  const auto u = UnionAll2d(parts);
  EXPECT_NEAR(SignedArea(u), 10.5 * 10.5, 1e-9);
  EXPECT_EQ(u.contours.size(), 1u);
  ExpectCanonical(u);
}

TEST(Polygon2dBoolean, EmptyAndDegenerateInputs) {
  EXPECT_TRUE(Union2d(Polygon2d{}, Polygon2d{}).contours.empty());
  EXPECT_TRUE(Simplify2d(Set({{}, {{1, 1}}, {{1, 1}, {2, 2}}}), FillRule::kNonZero).contours.empty());
  EXPECT_TRUE(Simplify2d(Set({{{0, 0}, {NAN, 1}, {1, INFINITY}}}), FillRule::kNonZero).contours.empty());
}

}  // namespace
}  // namespace mos::kernel
