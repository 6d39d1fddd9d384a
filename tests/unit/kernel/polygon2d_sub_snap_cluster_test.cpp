// Clusters of vertices smaller than the arrangement's snap distance
// (1e-13 of the largest coordinate). An SVG fuzz input (corpus_svg/
// winding_delta_overflow_32_rounds: a polyline scaled to y ~ 7.8e13) left a
// triangle 0.5 wide where the snap distance is 7.8: every vertex lay "on"
// every other edge, each edge was routed through the opposite vertex (that
// is, replaced by the other two edges) and the merged winding deltas went
// x -> -2x every split round. With the crossing rounds capped at 32 they
// overflowed int. A piece may now only be routed through a vertex when both
// new pieces are shorter, so the deltas stay bounded by the number of input
// edges lying on a piece.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <random>

#include "kernel/polygon2d.h"
#include "kernel/polygon2d_arrangement.h"
#include "polygon2d_slab_oracle.h"

namespace mos::kernel {
namespace {

std::vector<Segment2d> ClosedLoop(const std::vector<Vec2>& pts, int operand = 0) {
  std::vector<Segment2d> out;
  for (size_t i = 0; i < pts.size(); ++i) out.push_back({pts[i], pts[(i + 1) % pts.size()], operand});
  return out;
}

int MaxDelta(const Arrangement2d& arrangement) {
  int most = 0;
  for (const ArrangementEdge& e : arrangement.edges)
    most = std::max({most, std::abs(e.delta[0]), std::abs(e.delta[1])});
  return most;
}

TEST(Polygon2dSubSnapCluster, TriangleFromTheSvgFindingKeepsItsDeltas) {
  const double y = 77777777777770;  // snap distance 7.8: the triangle is far below it
  const auto segments = ClosedLoop({{10, y}, {10.4877, y + 0.5}, {9.975, y + 0.5}});
  const Arrangement2d arrangement = BuildArrangement(segments);
  // Before the fix: 6 split rounds (2 vertex, 4 crossing) doubled the deltas to 64.
  EXPECT_LE(MaxDelta(arrangement), 1);
}

TEST(Polygon2dSubSnapCluster, TinyTriangleInsideAUnitSquare) {
  // Snap distance 1e-13; the triangle is 3e-14 wide and lies inside the
  // square, so the union is the square.
  const Polygon2d square{{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}};
  const Polygon2d tiny{{{{0.5, 0.5}, {0.5 + 3e-14, 0.5 + 1e-14}, {0.5 + 1e-14, 0.5 + 3e-14}}}};
  std::vector<Segment2d> segments = ClosedLoop(square.contours[0], 0);
  for (const Segment2d& s : ClosedLoop(tiny.contours[0], 1)) segments.push_back(s);
  EXPECT_LE(MaxDelta(BuildArrangement(segments)), 1);
  const Polygon2d united = Boolean2d(square, tiny, BoolOp2d::kUnion);
  EXPECT_NEAR(testing::SlabArea(united, Polygon2d{}, [](int w, int) { return w != 0; }), 1.0, 1e-12);
}

// Random closed loops of 3-8 vertices, each spread over 0.1 to 3 snap
// distances, far from the origin: no piece's delta exceeds the number of
// input edges (each contributes +-1 wherever it lies). Before the fix 1 in
// 100 reached 63 and more. (Larger clusters, 9-32 vertices, route some input
// edges over a piece more than once, up to 6x the edge count in 20,000
// loops, but never run away: 18 rounds at most.)
TEST(Polygon2dSubSnapCluster, RandomClustersKeepDeltasBounded) {
  std::mt19937_64 rng(20261127);
  std::uniform_real_distribution<double> unit(0, 1);
  for (int trial = 0; trial < 2000; ++trial) {
    const double origin = 1e6 * (1 + unit(rng));
    const double snap = 2 * origin * 1e-13;  // the largest coordinate is ~2 * origin
    const double spread = snap * (0.1 + 2.9 * unit(rng));
    const int n = 3 + static_cast<int>(unit(rng) * 6);
    std::vector<Vec2> pts;
    for (int k = 0; k < n; ++k) pts.push_back({origin + spread * unit(rng), 2 * origin + spread * unit(rng)});
    const Arrangement2d arrangement = BuildArrangement(ClosedLoop(pts));
    ASSERT_LE(MaxDelta(arrangement), n) << "trial " << trial;
  }
}

}  // namespace
}  // namespace mos::kernel
