// Exact ties in the vertex-edge and edge-edge kernels: decided by the sign
// of P's perturbation, consistently from both sides.
#include <gtest/gtest.h>

#include <vector>

#include "kernel/boolean_operand.h"
#include "kernel/predicates.h"

namespace mos::kernel {
namespace {

// A single triangle per operand is enough for the vertex-edge and edge-edge
// kernels (they only read positions, halfedge ends and P's normals).
BoolOperand OneTriangle(Vec3 a, Vec3 b, Vec3 c, Vec3 normal = {}) {
  BoolOperand op;
  op.pos = {a, b, c};
  op.tri = {{0, 1, 2}};
  op.twin = {-1, -1, -1};
  op.vertNormal = {normal, normal, normal};
  return op;
}

TEST(PredicateTies, VertexAtEdgeEndInXFollowsPerturbation) {
  // Q's halfedge 0 runs from (0,0,0) to (1,1,0); P's vertex 0 sits at x = 0.
  const BoolOperand q = OneTriangle({0, 0, 0}, {1, 1, 0}, {0, 1, 0});
  for (double nx : {-1.0, 1.0, 0.0})
    for (double expand : {1.0, -1.0}) {
      const BoolOperand p = OneTriangle({0, -1, 0}, {5, 5, 5}, {6, 5, 5}, {nx, 0, 0});
      const BoolKernels k(p.View(), q.View(), &p.vertNormal, expand);
      Vec2 yz{};
      bool overlap = false;
      const int s = k.Shadow01(0, 0, false, yz, overlap);
      const bool inRange = !(expand * nx < 0);  // pushed to +x (or not at all): inside
      EXPECT_EQ(overlap, inRange) << nx << " " << expand;
      EXPECT_EQ(s, inRange ? 1 : 0) << nx << " " << expand;  // below the edge in y
    }
}

TEST(PredicateTies, VertexOnEdgeInYFollowsPerturbation) {
  // P's vertex exactly on the Q edge's XY shadow: the y push decides.
  const BoolOperand q = OneTriangle({0, 0, 0}, {2, 2, 0}, {0, 2, 0});
  for (double ny : {-1.0, 1.0})
    for (double expand : {1.0, -1.0}) {
      const BoolOperand p = OneTriangle({1, 1, 3}, {5, 5, 5}, {6, 5, 5}, {0, ny, 0});
      const BoolKernels k(p.View(), q.View(), &p.vertNormal, expand);
      Vec2 yz{};
      bool overlap = false;
      const int s = k.Shadow01(0, 0, false, yz, overlap);
      EXPECT_TRUE(overlap);
      EXPECT_EQ(yz.x, 1);
      EXPECT_EQ(s, expand * ny < 0 ? 1 : 0) << ny << " " << expand;
    }
}

TEST(PredicateTies, ReverseVertexEdgeAgreesWithForward) {
  // The same geometric tie seen from Q's vertex against P's edge: P's edge
  // endpoint moves, so "P below Q" flips with the push direction.
  const BoolOperand q = OneTriangle({1, 1, 0}, {7, 7, 7}, {8, 7, 7});
  for (double ny : {-1.0, 1.0}) {
    const BoolOperand p = OneTriangle({0, 0, 0}, {2, 2, 0}, {0, 2, 0}, {0, ny, 0});
    const BoolKernels k(p.View(), q.View(), &p.vertNormal, 1.0);
    Vec2 yz{};
    bool overlap = false;
    const int s = k.Shadow01(0, 0, true, yz, overlap);  // Q vertex 0 vs P edge 0
    EXPECT_TRUE(overlap);
    EXPECT_EQ(s, ny < 0 ? 1 : 0) << ny;  // P's edge pushed down in y: below the vertex
  }
}

TEST(PredicateTies, CrossingEdgesSignAndZOrder) {
  // P edge (0,0,0)->(2,2,0) and Q edge (0,2,1)->(2,0,1) cross at (1,1):
  // P is below Q in z, so the crossing counts, with the sign of the turn.
  const BoolOperand p = OneTriangle({0, 0, 0}, {2, 2, 0}, {9, 0, 0}, {0, 0, 1});
  const BoolOperand q = OneTriangle({0, 2, 1}, {2, 0, 1}, {9, 9, 9});
  const BoolKernels k(p.View(), q.View(), &p.vertNormal, 1.0);
  Xyzz xyzz{};
  bool overlap = false;
  const int s = k.Kernel11(0, 0, xyzz, overlap);
  EXPECT_TRUE(overlap);
  EXPECT_DOUBLE_EQ(xyzz.x, 1);
  EXPECT_DOUBLE_EQ(xyzz.y, 1);
  EXPECT_DOUBLE_EQ(xyzz.zP, 0);
  EXPECT_DOUBLE_EQ(xyzz.zQ, 1);
  // P crosses Q from Q's right to its left: +1.
  EXPECT_EQ(s, 1);
  // Reversing Q's edge flips the sign.
  const BoolOperand q2 = OneTriangle({2, 0, 1}, {0, 2, 1}, {9, 9, 9});
  const BoolKernels k2(p.View(), q2.View(), &p.vertNormal, 1.0);
  EXPECT_EQ(k2.Kernel11(0, 0, xyzz, overlap), -1);
}

TEST(PredicateTies, CrossingEdgesAtEqualHeightUseTheNearerNormal) {
  // Same crossing, both edges at z = 0: P's push in z decides.
  const BoolOperand q = OneTriangle({0, 2, 0}, {2, 0, 0}, {9, 9, 9});
  for (double nz : {-1.0, 1.0})
    for (double expand : {1.0, -1.0}) {
      const BoolOperand p = OneTriangle({0, 0, 0}, {2, 2, 0}, {9, 0, 0}, {0, 0, nz});
      const BoolKernels k(p.View(), q.View(), &p.vertNormal, expand);
      Xyzz xyzz{};
      bool overlap = false;
      const int s = k.Kernel11(0, 0, xyzz, overlap);
      EXPECT_TRUE(overlap);
      EXPECT_EQ(s, expand * nz < 0 ? 1 : 0) << nz << " " << expand;
    }
}

TEST(PredicateTies, ParallelEdgesNeverCross) {
  const BoolOperand p = OneTriangle({0, 0, 0}, {2, 0, 0}, {9, 5, 0}, {0, 0, 1});
  const BoolOperand q = OneTriangle({0, 1, 1}, {2, 1, 1}, {9, 9, 9});
  const BoolKernels k(p.View(), q.View(), &p.vertNormal, 1.0);
  Xyzz xyzz{};
  bool overlap = false;
  EXPECT_EQ(k.Kernel11(0, 0, xyzz, overlap), 0);
  EXPECT_FALSE(overlap);
}

}  // namespace
}  // namespace mos::kernel
