// The broad phase's segment/box test (SegmentBoxSeparation): a box it finds
// apart is clearly apart from the segment (checked in long double), and no
// triangle whose box it finds apart from an edge gets a hit from the exact
// edge/triangle kernel; on long cap edges it turns most boxes down.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
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
#include "kernel/segment_box.h"
#include "broad_phase_pairs.h"
#include "random_shape_pairs.h"

namespace mos::kernel {
namespace {

double Scale(const Vec3& a, const Vec3& b, const Box3& box) {
  return std::max({MaxAbs3(a), MaxAbs3(b), MaxAbs3(box.min), MaxAbs3(box.max)});
}

bool ApartOf(const Vec3& a, const Vec3& b, const Box3& box, double minSpan = 0) {
  SegmentBoxSeparation line;
  return line.Init(a, b, Scale(a, b, box), minSpan) && line.Apart(box);
}

// In long double: some projection along an axis has the box's four
// corners strictly on one side of the segment's line, more than `gap` away.
bool ClearlyApartLong(const Vec3& a, const Vec3& b, const Box3& box, double gap) {
  for (int k = 0; k < 3; ++k) {
    const int u = (k + 1) % 3, v = (k + 2) % 3;
    const long double du = (long double)b[u] - a[u], dv = (long double)b[v] - a[v];
    const long double len = std::sqrt(du * du + dv * dv);
    if (len == 0) continue;
    int pos = 0, neg = 0;
    for (int c = 0; c < 4; ++c) {
      const long double pu = (c & 1) ? box.max[u] : box.min[u], pv = (c & 2) ? box.max[v] : box.min[v];
      const long double f = (du * (pv - a[v]) - dv * (pu - a[u])) / len;
      pos += f > gap;
      neg += f < -gap;
    }
    if (pos == 4 || neg == 4) return true;
  }
  return false;
}

TEST(SegmentBoxSeparation, ClearCases) {
  const Box3 box{{0, 0, 0}, {1, 1, 1}};
  EXPECT_TRUE(ApartOf({3, 0, 0.5}, {0, 3, 0.5}, box));       // passes the far corner at a distance
  EXPECT_FALSE(ApartOf({2, 0, 0.5}, {0, 2, 0.5}, box));      // through the corner (1, 1)
  EXPECT_FALSE(ApartOf({2 + 1e-12, 0, 0.5}, {0, 2, 0.5}, box));  // a hair off it: left to the kernels
  EXPECT_FALSE(ApartOf({-1, 0.5, 0.5}, {2, 0.5, 0.5}, box));     // through the box (parallel to x)
  EXPECT_FALSE(ApartOf({-1, -1, -1}, {2, 2, 2}, box));           // the diagonal
  EXPECT_TRUE(ApartOf({-1, 0, 3}, {3, 0, -1}, {{1.5, -1, 1.5}, {2, 1, 2}}));  // in the x-z projection
  // An edge along an axis: only the box test can tell (never "apart").
  EXPECT_FALSE(ApartOf({5, 5, -1}, {5, 5, 1}, box));
  // Spans under minSpan are not tested.
  EXPECT_TRUE(ApartOf({3, 0, 0.5}, {0, 3, 0.5}, box, 2.9));
  EXPECT_FALSE(ApartOf({3, 0, 0.5}, {0, 3, 0.5}, box, 3.1));
  // Non-finite input is never apart.
  const double inf = std::numeric_limits<double>::infinity(), nan = std::nan("");
  EXPECT_FALSE(ApartOf({3, 0, 0.5}, {0, inf, 0.5}, box));
  EXPECT_FALSE(ApartOf({3, 0, 0.5}, {0, nan, 0.5}, box));
  EXPECT_FALSE(ApartOf({3, 0, 0.5}, {0, 3, 0.5}, {{nan, 0, 0}, {1, 1, 1}}));
}

TEST(SegmentBoxSeparation, ApartOnlyWhenClearlyApart) {
  std::mt19937 rng(20261128);
  std::uniform_real_distribution<double> unit(-1, 1);
  const double scales[] = {1, 1e-3, 1e3, 1e8};
  int apart = 0;
  for (int i = 0; i < 200000; ++i) {
    const double s = scales[i % 4];
    Vec3 a{unit(rng) * s, unit(rng) * s, unit(rng) * s}, b{unit(rng) * s, unit(rng) * s, unit(rng) * s};
    if (i % 5 == 0) b.z = a.z;  // flat, like a cap edge
    Box3 box;
    const Vec3 c{unit(rng) * s, unit(rng) * s, unit(rng) * s};
    const double r = std::fabs(unit(rng)) * s * 0.3;
    box.Include(c - Vec3{r, r * std::fabs(unit(rng)), r});
    box.Include(c + Vec3{r * std::fabs(unit(rng)), r, r});
    if (i % 7 == 0) {  // a box corner on the segment (up to rounding)
      const double t = std::fabs(unit(rng));
      box.max = a + (b - a) * t;
      box.min = box.max - Vec3{r, r, r};
    }
    if (!ApartOf(a, b, box)) continue;
    ++apart;
    ASSERT_TRUE(ClearlyApartLong(a, b, box, 5e-7 * Scale(a, b, box))) << i;
  }
  EXPECT_GT(apart, 10000);
}

// Every pair of the broad phase whose triangle box the line test finds
// apart from the edge gets no hit from Kernel12 (both directions, both
// perturbation signs). Returns {apart, pairs}.
std::pair<int, int> CheckPairs(const Mesh& a, const Mesh& b) {
  int apart = 0, total = 0;
  testing::ForEachBroadPhasePair(a, b, [&](const testing::BroadPhasePair& pair) {
    ++total;
    const Box3 treeBox = pair.tm.triBvh.RootBox();
    const double treeScale = std::max(MaxAbs3(treeBox.min), MaxAbs3(treeBox.max));
    SegmentBoxSeparation line;
    if (!line.Init(pair.start, pair.end, std::max({treeScale, MaxAbs3(pair.start), MaxAbs3(pair.end)}), 0)) return;
    Box3 tb;
    for (int c : pair.tm.tri[pair.t]) tb.Include(pair.tm.pos[c]);
    if (!line.Apart(tb)) return;
    ++apart;
    EXPECT_EQ(pair.Hit(), 0) << "edge " << pair.he << " tri " << pair.t;
  });
  return {apart, total};
}

TEST(SegmentBoxSeparation, NeverTurnsDownAKernelHitOnRandomPairs) {
  const auto [apart, total] = testing::ForRandomShapePairs(20261128u, 120, CheckPairs);
  EXPECT_GT(apart, total / 20);  // the test exercises the line test
}

TEST(SegmentBoxSeparation, TurnsDownMostBoxesOfLongCapEdges) {
  // A plate whose top and bottom are long triangles between holes, and a
  // row of cylinders through it (robot_arm's links).
  Mesh plate = MakeBox({0, 0, 0}, {60, 20, 4});
  Mesh cutters;
  for (int i = 0; i < 5; ++i) AppendMesh(cutters, MakeCylinder({6.0 + 12 * i, 10, -1}, 3, 3, 6, 32));
  const Mesh holed = Boolean(plate, cutters, OpType::kDifference, nullptr);
  ASSERT_GT(holed.NumTri(), 100);
  Mesh more;
  for (int i = 0; i < 4; ++i) AppendMesh(more, MakeCylinder({12.0 + 12 * i, 10, -1}, 2, 2, 6, 24));
  const auto [apart, total] = CheckPairs(holed, more);
  EXPECT_GT(total, 0);
  EXPECT_GT(apart, total / 3);
}

}  // namespace
}  // namespace mos::kernel
