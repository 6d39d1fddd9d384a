// The broad phase's cheap miss test: it never skips a pair the exact
// edge/triangle kernel would count as a hit, and it skips most pairs of long
// triangles (a plate with holes minus one more hole).
#include <gtest/gtest.h>

#include <random>
#include <utility>
#include <vector>

#include "kernel/assemble.h"
#include "kernel/boolean.h"
#include "kernel/boolean_operand.h"
#include "kernel/edge_plane_filter.h"
#include "kernel/intersect.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_transform.h"
#include "kernel/predicates.h"
#include "broad_phase_pairs.h"
#include "random_shape_pairs.h"

namespace mos::kernel {
namespace {

TEST(EdgePlaneFilter, ClearCases) {
  const Vec3 p0{0, 0, 0}, p1{10, 0, 0}, p2{0, 10, 0};
  EXPECT_TRUE(EdgeClearlyMissesTriangle({1, 1, 1}, {2, 2, 3}, p0, p1, p2));     // above
  EXPECT_TRUE(EdgeClearlyMissesTriangle({1, 1, -1}, {2, 2, -3}, p0, p1, p2));   // below
  EXPECT_FALSE(EdgeClearlyMissesTriangle({1, 1, -1}, {1, 1, 1}, p0, p1, p2));   // through it
  EXPECT_TRUE(EdgeClearlyMissesTriangle({8, 8, -1}, {8, 8, 1}, p0, p1, p2));    // plane, outside
  EXPECT_TRUE(EdgeClearlyMissesTriangle({-1, 5, -1}, {-1, 5, 1}, p0, p1, p2));
  // Through the triangle's edge, or a hair outside it: left to the kernels.
  EXPECT_FALSE(EdgeClearlyMissesTriangle({5, 5, -1}, {5, 5, 1}, p0, p1, p2));
  EXPECT_FALSE(EdgeClearlyMissesTriangle({5 + 1e-12, 5, -1}, {5 + 1e-12, 5, 1}, p0, p1, p2));
  // Ends on the plane or a hair off it: left to the kernels.
  EXPECT_FALSE(EdgeClearlyMissesTriangle({1, 1, 0}, {2, 2, 3}, p0, p1, p2));
  EXPECT_FALSE(EdgeClearlyMissesTriangle({1, 1, 1e-12}, {2, 2, 3}, p0, p1, p2));
  // In the plane: skipped when clearly apart from the triangle there.
  EXPECT_TRUE(EdgeClearlyMissesTriangle({20, 20, 0}, {30, 30, 0}, p0, p1, p2));
  EXPECT_TRUE(EdgeClearlyMissesTriangle({-1, -5, 0}, {-1, 15, 0}, p0, p1, p2));   // beside one edge
  EXPECT_TRUE(EdgeClearlyMissesTriangle({20, 0, 0}, {0, 20, 0}, p0, p1, p2));     // beyond the long edge
  EXPECT_TRUE(EdgeClearlyMissesTriangle({12, 0, 0}, {20, 0, 1}, p0, p1, p2));     // one end on the plane
  EXPECT_FALSE(EdgeClearlyMissesTriangle({1, 1, 0}, {30, 30, 0}, p0, p1, p2));    // starts inside
  EXPECT_FALSE(EdgeClearlyMissesTriangle({-5, 5, 0}, {15, 5, 0}, p0, p1, p2));    // crosses it
  EXPECT_FALSE(EdgeClearlyMissesTriangle({10, 0, 0}, {20, 0, 0}, p0, p1, p2));    // touches a corner
  EXPECT_FALSE(EdgeClearlyMissesTriangle({5 + 1e-12, 5, 0}, {20, 20, 0}, p0, p1, p2));  // a hair outside
  // The same for a triangle facing -y (the shadow on z, x keeps its orientation).
  EXPECT_TRUE(EdgeClearlyMissesTriangle({20, 0, 20}, {30, 0, 30}, {0, 0, 0}, {10, 0, 0}, {0, 0, 10}));
  EXPECT_FALSE(EdgeClearlyMissesTriangle({1, 0, 1}, {30, 0, 30}, {0, 0, 0}, {10, 0, 0}, {0, 0, 10}));
  EXPECT_TRUE(EdgeClearlyMissesTriangle({20, 0, 20}, {30, 0, 30}, {0, 0, 0}, {0, 0, 10}, {10, 0, 0}));
  EXPECT_FALSE(EdgeClearlyMissesTriangle({1, 0, 1}, {30, 0, 30}, {0, 0, 0}, {0, 0, 10}, {10, 0, 0}));
  // A degenerate (zero-area) triangle is never skipped.
  EXPECT_FALSE(EdgeClearlyMissesTriangle({1, 1, 1}, {2, 2, 3}, p0, p1, {20, 0, 0}));
}

// Every pair the filter skips gets no hit from Kernel12, for both edge
// directions and both perturbation signs. Returns {skipped, pairs}.
std::pair<int, int> CheckPairs(const Mesh& a, const Mesh& b) {
  int skipped = 0, total = 0;
  testing::ForEachBroadPhasePair(a, b, [&](const testing::BroadPhasePair& pair) {
    ++total;
    const auto& tv = pair.tm.tri[pair.t];
    const Vec3 &a = pair.start, &b = pair.end;
    // Both forms (the prepared one is what the broad phase asks) skip
    // only pairs without a hit.
    TriangleMissTest test;
    MakeTriangleMissTest(pair.tm.pos[tv[0]], pair.tm.pos[tv[1]], pair.tm.pos[tv[2]], test);
    const bool prepared =
        EdgeClearlyMissesTriangle(test, a, b, std::max(MaxAbs3(a), MaxAbs3(b)), MaxAbs3(b - a));
    const bool plain = EdgeClearlyMissesTriangle(a, b, pair.tm.pos[tv[0]], pair.tm.pos[tv[1]], pair.tm.pos[tv[2]]);
    if (!prepared && !plain) return;
    skipped += prepared;
    EXPECT_EQ(pair.Hit(), 0) << "edge " << pair.he << " tri " << pair.t;
  });
  return {skipped, total};
}

TEST(EdgePlaneFilter, NeverSkipsAKernelHitOnRandomPairs) {
  const auto [skipped, total] = testing::ForRandomShapePairs(20261127u, 120, CheckPairs);
  EXPECT_GT(skipped, total / 10);  // the test exercises the filter
}

TEST(EdgePlaneFilter, SkipsMostPairsOfAPlateWithHoles) {
  // A plate whose top and bottom are long triangles between many holes (a
  // box minus a grid of cylinders), and one more cylinder through it.
  Mesh plate = MakeBox({0, 0, 0}, {60, 40, 4});
  Mesh cutters;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 3; ++j)
      AppendMesh(cutters, MakeCylinder({8.0 + 14 * i, 8.0 + 12 * j, -1}, 2, 2, 6, 16));
  const Mesh holed = Boolean(plate, cutters, OpType::kDifference, nullptr);
  ASSERT_GT(holed.NumTri(), 100);
  const auto [skipped, total] = CheckPairs(holed, MakeCylinder({15, 14, -1}, 2.5, 2.5, 6, 24));
  EXPECT_GT(total, 0);
  EXPECT_GT(skipped, total / 2);
}

}  // namespace
}  // namespace mos::kernel
