// Several copies of one edge, each jittered by ~1e-8 (fuzz finding
// kernel_regressions/polygon2d/nonzero_union_one_operand, reduced): the
// copies are nearly parallel and closer than rounding along a stretch, so
// a crossing point between two of them is placed anywhere on that stretch.
// The arrangement cut such a crossing although an endpoint of one piece
// already lay on the other; each cut moved the pieces off each other's
// lines and made a new crossing, the split rounds ran out, and the windings
// of the crossing pieces came out wrong: area ~2e-7 for a polygon of
// area 56.
#include <gtest/gtest.h>

#include <cmath>

#include "kernel/polygon2d.h"
#include "polygon2d_check.h"
#include "polygon2d_slab_oracle.h"

namespace mos::kernel {
namespace {

// The 164-point contour of the finding reduced to 8 points (greedy vertex
// removal while the area stayed wrong). It runs (0,0) -> (8,15) -> (4,5) ->
// (8,15) -> (0,0) -> (8,15) -> (0,14): up to ~1e-7 of jitter, a spike
// (8,15) -> (4,5) -> (8,15) of no area, the edge (0,0)-(8,15) three times
// (twice up, once down: winding 1 between (0,0)-(8,15) and (0,14)) and the
// triangle (0,0), (8,15), (0,14) of area |8 * 14| / 2 = 56.
Polygon2d ThreeCopiesOfOneEdge() {
  return Polygon2d{{{{0, 0},
                     {8.0000000419999999, 15.000000029400001},
                     {4, 5},
                     {7.999999946, 14.9999999622},
                     {9.6000000000000013e-08, 6.7200000000000006e-08},
                     {4.2000000000000006e-08, 2.9400000000000002e-08},
                     {8, 15},
                     {1.1000000000000001e-07, 14.000000076999999}}}};
}

double SlabSimplifiedArea(const Polygon2d& p, FillRule fill) {
  return testing::SlabArea(p, Polygon2d{}, [&](int w, int) { return testing::SlabFill(w, fill); });
}

TEST(Polygon2dNearParallelCopies, NonZeroAreaMatchesSlabAndHand) {
  const Polygon2d p = ThreeCopiesOfOneEdge();
  const Polygon2d r = Simplify2d(p, FillRule::kNonZero);
  const double exact = SlabSimplifiedArea(p, FillRule::kNonZero);
  EXPECT_NEAR(exact, 56.0, 1e-6);  // the oracle agrees with the hand value
  EXPECT_NEAR(SignedArea(r), exact, 1e-9 * exact);
  EXPECT_EQ(testing::FindCrossing(r), "");
}

TEST(Polygon2dNearParallelCopies, EvenOddAreaMatchesSlabAndHand) {
  const Polygon2d p = ThreeCopiesOfOneEdge();
  const Polygon2d r = Simplify2d(p, FillRule::kEvenOdd);
  const double exact = SlabSimplifiedArea(p, FillRule::kEvenOdd);
  EXPECT_NEAR(exact, 56.0, 1e-6);
  EXPECT_NEAR(SignedArea(r), exact, 1e-9 * exact);
  EXPECT_EQ(testing::FindCrossing(r), "");
}

// The same contour as the second operand of every operation, against a
// square overlapping part of it.
TEST(Polygon2dNearParallelCopies, BooleansWithASquareMatchSlab) {
  const Polygon2d p = ThreeCopiesOfOneEdge();
  const Polygon2d square{{{{1, 1}, {6, 1}, {6, 9}, {1, 9}}}};
  for (int o = 0; o < 4; ++o) {
    const BoolOp2d op = static_cast<BoolOp2d>(o);
    const Polygon2d r = Boolean2d(square, p, op, FillRule::kNonZero, FillRule::kNonZero);
    const double exact = testing::SlabArea(square, p, [&](int wa, int wb) {
      return testing::SlabApply(testing::SlabFill(wa, FillRule::kNonZero), testing::SlabFill(wb, FillRule::kNonZero), op);
    });
    EXPECT_NEAR(SignedArea(r), exact, 1e-9 * std::max(1.0, exact)) << "op " << o;
    EXPECT_EQ(testing::FindCrossing(r), "") << "op " << o;
  }
}

}  // namespace
}  // namespace mos::kernel
