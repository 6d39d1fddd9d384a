// Regression from polygon2d_fuzz (tests/fuzz/kernel_regressions/polygon2d/
// near_parallel_sliver_area): one self-intersecting contour whose edges run
// ~1e-9 apart and nearly parallel near x = 0, filled with the positive rule.
// Angular orders by atan2 contradicted the cross-product predicates there,
// the propagated windings disagreed across the sliver and the linked result
// lost 0.1 of area. Clipper 1 (pftPositive, scaled by 1e15) and the slab
// oracle both give 9.57598033361.
#include <gtest/gtest.h>

#include <cmath>

#include "kernel/polygon2d.h"
#include "polygon2d_slab_oracle.h"

namespace mos::kernel {
namespace {

TEST(Polygon2dSliver, NearParallelEdgesKeepTheirArea) {
  const Polygon2d a{{{{-6.5e-08, -4.5499999999999997e-08},
                      {-6.1999999999999999e-08, -4.3399999999999998e-08},
                      {-1.0000000000000001e-09, 14.9999999993},
                      {0, 0},
                      {6.0000000000000008e-09, 4.2000000000000004e-09},
                      {3.0000000249999998, 15.0000000175},
                      {11.000000038, 13.0000000266},
                      {7.9999999920000002, 14.9999999944},
                      {0, 0},
                      {2.2000000000000002e-08, 1.5399999999999999e-08},
                      {5.9999999869999998, -9.1000000000000004e-09},
                      {9, 1},
                      {0, 1}}}};
  const Polygon2d empty;
  const double exact = testing::SlabArea(a, empty, [](int wa, int) { return wa > 0; });
  EXPECT_NEAR(exact, 9.57598033361, 1e-9);
  const Polygon2d simplified = Simplify2d(a, FillRule::kPositive);
  EXPECT_NEAR(SignedArea(simplified), exact, 1e-6);
  const Polygon2d viaXor = Boolean2d(a, empty, BoolOp2d::kXor, FillRule::kPositive, FillRule::kPositive);
  EXPECT_NEAR(SignedArea(viaXor), exact, 1e-6);
  for (const Contour& c : viaXor.contours) EXPECT_NE(SignedArea(c), 0);
}

// Regression (kernel_regressions/polygon2d/collinear_spike_loses_area): a
// spike of four points within 1e-7 of the origin, all on y = 0.7 x, whose
// overlapping edges were neither collinear nor crossing once rounded; the
// result kept 4e-8 of area instead of 86.
TEST(Polygon2dSliver, CollinearSpikeKeepsTheArea) {
  const Polygon2d a{{{{13, 3},
                      {3, 13},
                      {0, 0},
                      {0, 0},
                      {6.1000000000000004e-08, 4.2699999999999999e-08},
                      {-4.5000000000000006e-08, -3.1500000000000004e-08},
                      {3.2000000000000002e-08, 2.2399999999999999e-08},
                      {4, 0}}}};
  const Polygon2d empty;
  const double exact = testing::SlabArea(a, empty, [](int wa, int) { return wa > 0; });
  EXPECT_NEAR(exact, 86, 1e-6);
  EXPECT_NEAR(SignedArea(Simplify2d(a, FillRule::kPositive)), exact, 1e-6);
  EXPECT_NEAR(SignedArea(Boolean2d(a, empty, BoolOp2d::kXor, FillRule::kPositive, FillRule::kNonZero)), exact, 1e-6);
}

}  // namespace
}  // namespace mos::kernel
