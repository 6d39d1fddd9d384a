// The two directions of a boolean's edge-triangle intersection on two
// threads (kernel/intersect_both.h) give the serial call's hits bit for
// bit, and a boolean whose guard allows threads gives the serial result.
// (Also run under ThreadSanitizer: the directions must share no writes.)
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <vector>

#include "kernel/assemble.h"
#include "kernel/boolean.h"
#include "kernel/boolean_operand.h"
#include "kernel/intersect.h"
#include "kernel/intersect_both.h"
#include "kernel/limits.h"
#include "kernel/mesh_primitives.h"
#include "kernel/task_pool.h"

namespace mos::kernel {
namespace {

LimitGuard GuardWithThreads(int threads) {
  KernelLimits limits;
  limits.threads = threads;
  return LimitGuard(limits, "test");
}

struct Pair {
  Mesh a, b;
};

std::vector<Pair> Pairs() {
  const Mesh sphere = MakeUvSphere({0, 0, 0}, 10, 48);
  return {
      {sphere, MakeUvSphere({4, 1, 0.5}, 9, 40)},
      {sphere, MakeBox({-3, -3, -12}, {3, 3, 12})},  // through both poles
      {MakeBox({0, 0, 0}, {2, 2, 2}), MakeBox({1, 1, 1}, {3, 3, 3})},
      {MakeBox({0, 0, 0}, {2, 2, 2}), MakeBox({0, 0, 0}, {2, 2, 1})},  // shared faces: ties
      {MakeCylinder({0, 0, -5}, 3, 3, 10, 64), MakeCylinder({0, 0, -5}, 3, 3, 10, 64)},  // coincident
      {sphere, MakeCylinder({0, 0, -11}, 2, 2, 22, 32)},
  };
}

bool SameMeshBits(const Mesh& x, const Mesh& y) {
  return x.vertPos.size() == y.vertPos.size() &&
         (x.vertPos.empty() || std::memcmp(x.vertPos.data(), y.vertPos.data(), x.vertPos.size() * sizeof(Vec3)) == 0) &&
         x.triVerts == y.triVerts && x.triProp == y.triProp;
}

TEST(IntersectBothWays, ThreadsGate) {
  const Mesh a = MakeUvSphere({0, 0, 0}, 10, 48), b = MakeBox({-3, -3, -12}, {3, 3, 12});
  const BoolOperand p = PrepareOperand(a), q = PrepareOperand(b);
  EXPECT_FALSE(IntersectOnThreads(p, q, 1, 0));  // serial render
  EXPECT_FALSE(IntersectOnThreads(p, q, 2, 1 << 30));  // too small
  EXPECT_EQ(IntersectOnThreads(p, q, 2, 0), AvailableThreads() > 1);
  EXPECT_EQ(IntersectOnThreads(p, q, 0, 0), AvailableThreads() > 1);
  // The default gate: a few dozen triangles stay serial.
  const BoolOperand s = PrepareOperand(MakeBox({0, 0, 0}, {1, 1, 1}));
  EXPECT_FALSE(IntersectOnThreads(s, s, 0));
}

// The parallel path forced (gate 0) against the serial calls, for every
// op's roles and both operand orders, a few times over (a race shows as a
// difference sooner or later, or as a ThreadSanitizer report).
TEST(IntersectBothWays, ParallelHitsAreTheSerialBits) {
  size_t hits = 0;
  for (const Pair& pr : Pairs()) {
    for (const bool swapped : {false, true}) {
      BoolOperand p, q;
      ASSERT_TRUE(PrepareOperandPair(swapped ? pr.b : pr.a, swapped ? pr.a : pr.b, p, q));
      for (const OpType op : {OpType::kUnion, OpType::kDifference, OpType::kIntersection}) {
        const BoolRoles roles = RolesFor(op, swapped);
        const BoolKernels kernels(p.View(), q.View(), &p.vertNormal, roles.expandP);
        const auto pq = IntersectEdgesWithTriangles(kernels, p, q, true);
        const auto qp = IntersectEdgesWithTriangles(kernels, p, q, false);
        hits += pq.size() + qp.size();
        for (int round = 0; round < 3; ++round) {
          LimitGuard guard = GuardWithThreads(2);
          std::vector<EdgeTriHit> pq2, qp2;
          ASSERT_TRUE(IntersectBothWays(kernels, p, q, &guard, pq2, qp2, 0));
          EXPECT_TRUE(SameHitBits(pq, pq2));
          EXPECT_TRUE(SameHitBits(qp, qp2));
          LimitGuard serial = GuardWithThreads(1);
          std::vector<EdgeTriHit> pq3, qp3;
          ASSERT_TRUE(IntersectBothWays(kernels, p, q, &serial, pq3, qp3, 0));
          EXPECT_TRUE(SameHitBits(pq, pq3));
          EXPECT_TRUE(SameHitBits(qp, qp3));
        }
      }
    }
  }
  EXPECT_GT(hits, 0u);
}

// Whole booleans above the default gate: a guard allowing threads (2, or
// 0 = all) gives the serial guard's mesh bit for bit.
TEST(IntersectBothWays, BooleanWithThreadsIsTheSerialMesh) {
  const Mesh a = MakeUvSphere({0, 0, 0}, 10, 96), b = MakeUvSphere({5, 2, 1}, 9, 80);
  {
    BoolOperand p, q;
    ASSERT_TRUE(PrepareOperandPair(a, b, p, q));
    ASSERT_TRUE(IntersectOnThreads(p, q, 2) || AvailableThreads() == 1);
  }
  for (const OpType op : {OpType::kUnion, OpType::kDifference, OpType::kIntersection}) {
    LimitGuard serial = GuardWithThreads(1);
    const Mesh expected = Boolean(a, b, op, &serial);
    ASSERT_FALSE(expected.triVerts.empty());
    for (const int threads : {2, 0}) {
      LimitGuard guard = GuardWithThreads(threads);
      EXPECT_TRUE(SameMeshBits(expected, Boolean(a, b, op, &guard))) << "threads " << threads;
    }
    EXPECT_TRUE(SameMeshBits(expected, Boolean(a, b, op)));  // no guard: serial
  }
}

// A cancelled guard stops the parallel path as it stops the serial one.
TEST(IntersectBothWays, CancelledGuardStops) {
  const Mesh a = MakeUvSphere({0, 0, 0}, 10, 48), b = MakeUvSphere({4, 1, 0.5}, 9, 40);
  BoolOperand p, q;
  ASSERT_TRUE(PrepareOperandPair(a, b, p, q));
  const BoolKernels kernels(p.View(), q.View(), &p.vertNormal, false);
  std::atomic<bool> cancel{true};
  KernelLimits limits;
  limits.cancel = &cancel;
  limits.threads = 2;
  LimitGuard guard(limits, "test");
  std::vector<EdgeTriHit> pq, qp;
  EXPECT_FALSE(IntersectBothWays(kernels, p, q, &guard, pq, qp, 0));
  EXPECT_TRUE(guard.Stopped());
}

}  // namespace
}  // namespace mos::kernel
