// Regression from polygon2d_fuzz (tests/fuzz/kernel_regressions/polygon2d/
// union_area_sign_flipped): the winding ray cast from the midpoint of a
// nearly vertical edge (its ends' x one ulp apart) went downward; when the
// rounded midpoint x was the upper end's, the half-open column it sampled
// lay beside the edge, so it returned the winding of the edge's left side as
// its right side. That edge was the longest of its component and seeded the
// propagation, which flipped every winding by one: the even-odd union came
// out with area -52.108 instead of +52.108 (outer loops clockwise, holes
// counter-clockwise). The slab oracle gives +52.108245936.
#include <gtest/gtest.h>

#include <cmath>

#include "kernel/polygon2d.h"
#include "polygon2d_slab_oracle.h"

namespace mos::kernel {
namespace {

// Winding number of the contours at p (crossing count, half-open in y).
int WindingAt(const Polygon2d& p, Vec2 q) {
  int w = 0;
  for (const Contour& c : p.contours) {
    for (size_t i = 0; i < c.size(); ++i) {
      const Vec2 a = c[i], b = c[(i + 1) % c.size()];
      const double o = Cross(b - a, q - a);
      if (a.y <= q.y && b.y > q.y && o > 0) ++w;
      if (a.y > q.y && b.y <= q.y && o < 0) --w;
    }
  }
  return w;
}

double DistanceToEdges(const Polygon2d& p, Vec2 q) {
  double best = INFINITY;
  for (const Contour& c : p.contours) {
    for (size_t i = 0; i < c.size(); ++i) {
      const Vec2 a = c[i], d = c[(i + 1) % c.size()] - a;
      const double len2 = d.x * d.x + d.y * d.y;
      double t = len2 > 0 ? ((q.x - a.x) * d.x + (q.y - a.y) * d.y) / len2 : 0;
      t = std::fmin(1, std::fmax(0, t));
      best = std::fmin(best, std::hypot(q.x - a.x - t * d.x, q.y - a.y - t * d.y));
    }
  }
  return best;
}

// Outer loops counter-clockwise and holes clockwise means the result's own
// winding is 1 inside it and 0 outside; it must also match the input's fill
// at grid points away from every edge.
void ExpectCanonicalFill(const Polygon2d& input, const Polygon2d& result, bool (*filled)(int)) {
  int insideSamples = 0;
  for (double x = -1.05; x < 16; x += 0.173) {
    for (double y = -1.05; y < 16; y += 0.173) {
      const Vec2 q{x, y};
      if (DistanceToEdges(input, q) < 1e-4 || DistanceToEdges(result, q) < 1e-4) continue;
      const int expected = filled(WindingAt(input, q)) ? 1 : 0;
      ASSERT_EQ(WindingAt(result, q), expected) << "at " << x << ", " << y;
      insideSamples += expected;
    }
  }
  EXPECT_GT(insideSamples, 100);
}

TEST(Polygon2dRayAxis, EvenOddUnionWithNearlyVerticalSeedKeepsOrientation) {
  // Decoded from the fuzz input: head 0xe0 = union, even-odd / positive,
  // jitter 1e-9; one contour, no second operand.
  const Polygon2d a{{{{4.0000000590000004, 1.0000000413000001},
                      {1.000000091, 2.0000000636999999},
                      {1.0000000499999999, 3.5000000000000002e-08},
                      {3.9999999989999999, 14.9999999993},
                      {4.0000000199999999, 1.4e-08},
                      {11.000000001, 5.0000000007000001},
                      {15.000000096000001, 5.0000000672000002},
                      {6.0000000839999998, 12.0000000588},
                      {5.9999999419999996, 1.9999999594},
                      {5.9999999419999996, 13.9999999594},
                      {10.000000012999999, 9.1000000000000004e-09},
                      {-1.08e-07, 1.9999999244},
                      {3.9999999420000001, 4.9999999594000002},
                      {-5.8000000000000003e-08, 5.9999999594000002},
                      {5.9999999419999996, 1.9999999594},
                      {14.999999942000001, 4.9999999594000002},
                      {9.9999999549999998, 1.9999999685000001},
                      {3.0000000409999998, 2.0000000287000002},
                      {1.0000000630000001, 12.0000000441}}}};
  const Polygon2d empty;
  const double exact = testing::SlabArea(a, empty, [](int wa, int) { return (wa & 1) != 0; });
  EXPECT_NEAR(exact, 52.108245936, 1e-8);
  const Polygon2d viaUnion = Boolean2d(a, empty, BoolOp2d::kUnion, FillRule::kEvenOdd, FillRule::kPositive);
  EXPECT_NEAR(SignedArea(viaUnion), exact, 1e-6);
  ExpectCanonicalFill(a, viaUnion, [](int w) { return (w & 1) != 0; });
  const Polygon2d simplified = Simplify2d(a, FillRule::kEvenOdd);
  EXPECT_NEAR(SignedArea(simplified), exact, 1e-6);
  ExpectCanonicalFill(a, simplified, [](int w) { return (w & 1) != 0; });
}

// The same failure on a plain quadrilateral: its longest edge goes down
// from (x0, 10) to (x1, 0) with x1 the double after x0, chosen so that the
// rounded midpoint x is x1 (ties to even). A downward ray from there
// sampled the inside, right of the edge's column, as the edge's outside.
TEST(Polygon2dRayAxis, NearlyVerticalLongestEdgeGivesPositiveArea) {
  const double x0 = std::nextafter(1.0, 2.0), x1 = std::nextafter(x0, 2.0);
  ASSERT_EQ((x0 + x1) / 2, x1);
  const Polygon2d quad{{{{x1, 0}, {3, 0}, {3, 5}, {x0, 10}}}};
  const double exact = testing::SlabArea(quad, Polygon2d{}, [](int wa, int) { return wa != 0; });
  EXPECT_NEAR(exact, 15, 1e-12);
  for (FillRule rule : {FillRule::kNonZero, FillRule::kPositive, FillRule::kEvenOdd}) {
    const Polygon2d r = Simplify2d(quad, rule);
    EXPECT_NEAR(SignedArea(r), exact, 1e-9);
    ExpectCanonicalFill(quad, r, [](int w) { return w != 0; });
  }
  // Clockwise input: negative winding inside, the same region filled.
  const Polygon2d reversed{{{{x0, 10}, {3, 5}, {3, 0}, {x1, 0}}}};
  const Polygon2d r = Simplify2d(reversed, FillRule::kNegative);
  EXPECT_NEAR(SignedArea(r), exact, 1e-9);
  ExpectCanonicalFill(reversed, r, [](int w) { return w < 0; });
}

}  // namespace
}  // namespace mos::kernel
