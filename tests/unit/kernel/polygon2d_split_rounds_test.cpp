// Booleans of polygons with many edges crossing at rounded points: the
// arrangement splits them over several rounds (a rounded crossing can make a
// new tiny crossing), and a later round tests only pairs with a piece made
// or split in the round before. The areas must still equal the slab
// integration of the inputs exactly, and the output must be canonical.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "kernel/polygon2d.h"
#include "polygon2d_check.h"
#include "polygon2d_slab_oracle.h"
#include "polygon2d_star.h"

namespace mos::kernel {
namespace {

using testing::Star;

TEST(Polygon2dSplitRounds, ManyRoundedCrossingsMatchSlabArea) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> unit(0, 1);
  int checked = 0;
  for (int it = 0; it < 24; ++it) {
    Polygon2d a, b;
    for (int s = 0; s < 3; ++s) {
      const int n = 7 + static_cast<int>(rng() % 12);
      a.contours.push_back(Star(n, 2 + static_cast<int>(rng() % 3), 1 + 2 * unit(rng), 6 * unit(rng),
                                {2 * unit(rng), 2 * unit(rng)}));
      b.contours.push_back(Star(n + 1, 3, 1 + 2 * unit(rng), 6 * unit(rng), {2 * unit(rng), 2 * unit(rng)}));
    }
    // Coincident edges too: b repeats one contour of a.
    b.contours.push_back(a.contours[0]);
    const BoolOp2d op = static_cast<BoolOp2d>(it % 4);
    const FillRule fa = static_cast<FillRule>(it % 3 == 0 ? 0 : 1), fb = static_cast<FillRule>((it / 4) % 4);
    const Polygon2d result = Boolean2d(a, b, op, fa, fb);
    const double exact =
        testing::SlabArea(a, b, [&](int wa, int wb) { return testing::SlabApply(testing::SlabFill(wa, fa), testing::SlabFill(wb, fb), op); });
    EXPECT_NEAR(SignedArea(result), exact, 1e-9 * std::max(1.0, std::fabs(exact))) << "iteration " << it;
    EXPECT_EQ(testing::FindCrossing(result), "") << "iteration " << it;
    ++checked;
  }
  EXPECT_EQ(checked, 24);
}

}  // namespace
}  // namespace mos::kernel
