// RoundingKeepsTopology: the cases it must refuse, and (the property the
// fast path in ClipperResult relies on) whenever it accepts, skipping the
// re-simplification gives exactly the polygon re-simplifying gives.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "geom/clipper_clean.h"
#include "geom/clipper_order.h"
#include "geom/rounding_check.h"
#include "kernel/grid_snap.h"
#include "kernel/polygon2d.h"
#include "rotated_square.h"

namespace mos::geom {
namespace {

using kernel::Contour;
using kernel::Polygon2d;
using kernel::Vec2;
using testing::Square;

constexpr double kUnit = 1.0 / kernel::kClipperGridScale;

TEST(RoundingKeepsTopology, AcceptsASlightlyMovedSquare) {
  const Polygon2d p = Square(1, 2, 3, 0.3);
  EXPECT_TRUE(RoundingKeepsTopology(p, kernel::RoundToClipperGrid(p)));
}

TEST(RoundingKeepsTopology, RefusesCollinearRepeatedAndNearVertices) {
  // Collinear middle vertex.
  Polygon2d line{{{{0, 0}, {1, 0}, {2, 0}, {2, 1}}}};
  EXPECT_FALSE(RoundingKeepsTopology(line, line));
  // A vertex shared by two contours.
  Polygon2d touching{{{{0, 0}, {1, 0}, {1, 1}}, {{1, 1}, {2, 1}, {2, 2}}}};
  EXPECT_FALSE(RoundingKeepsTopology(touching, touching));
  // A vertex one grid unit from another contour's edge.
  Polygon2d near{{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}, {{1 + kUnit, 0.5}, {2, 0.2}, {2, 0.8}}}};
  EXPECT_FALSE(RoundingKeepsTopology(near, near));
  // Crossing edges (a bow tie).
  Polygon2d bow{{{{0, 0}, {1, 1}, {1, 0}, {0, 1}}}};
  EXPECT_FALSE(RoundingKeepsTopology(bow, bow));
  // Degenerate contour, changed orientation.
  Polygon2d two{{{{0, 0}, {1, 0}}}};
  EXPECT_FALSE(RoundingKeepsTopology(two, two));
  Polygon2d ccw{{{{0, 0}, {1, 0}, {0, 1}}}}, cw{{{{0, 0}, {0, 1}, {1, 0}}}};
  EXPECT_FALSE(RoundingKeepsTopology(ccw, cw));
}

TEST(RoundingKeepsTopology, SkippingTheSimplifyChangesNothing) {
  std::mt19937 rng(4);
  std::uniform_real_distribution<double> pos(-10, 10), size(0.5, 4), angle(0, 6.3);
  int accepted = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<Polygon2d> parts;
    const int n = 2 + round % 6;
    for (int i = 0; i < n; ++i)
      parts.push_back(kernel::TruncateToClipperGrid(Square(pos(rng), pos(rng), size(rng), angle(rng))));
    const Polygon2d u = kernel::UnionAll2d(parts);
    const Polygon2d rounded = kernel::RoundToClipperGrid(u);
    if (!RoundingKeepsTopology(u, rounded)) continue;
    ++accepted;
    std::vector<const Polygon2d*> ops;
    for (const auto& p : parts) ops.push_back(&p);
    const Polygon2d viaSimplify = CleanAsClipper(
        ClipperOrder(kernel::Simplify2d(rounded, kernel::FillRule::kNonZero), ops));
    const Polygon2d direct = CleanAsClipper(ClipperOrder(rounded, ops));
    ASSERT_EQ(direct.contours.size(), viaSimplify.contours.size()) << round;
    for (size_t c = 0; c < direct.contours.size(); ++c) {
      ASSERT_EQ(direct.contours[c].size(), viaSimplify.contours[c].size()) << round;
      for (size_t i = 0; i < direct.contours[c].size(); ++i) {
        EXPECT_EQ(direct.contours[c][i].x, viaSimplify.contours[c][i].x) << round;
        EXPECT_EQ(direct.contours[c][i].y, viaSimplify.contours[c][i].y) << round;
      }
    }
  }
  EXPECT_GT(accepted, 100);  // the fast path is taken for most unions
}

}  // namespace
}  // namespace mos::geom
