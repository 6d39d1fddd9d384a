// Test helper shared by the windowed and region preparation tests: a
// boolean's kernels, winding numbers and assembled faces on prepared
// operands against whole preparations, bit for bit.
#pragma once

#include <gtest/gtest.h>

#include <cstring>

#include "kernel/assemble.h"
#include "kernel/boolean.h"
#include "kernel/boolean_operand.h"
#include "kernel/intersect.h"
#include "kernel/predicates.h"
#include "kernel/winding.h"

namespace mos::kernel::test {

inline bool SameBits(const Vec3& a, const Vec3& b) { return std::memcmp(&a, &b, sizeof(Vec3)) == 0; }

// The operand as WindingNumbers sees it when it is the triangle mesh (with
// its narrowed winding box, as RunBoolean swaps it in; else itself).
inline BoolOperand ForWinding(const BoolOperand& op) {
  BoolOperand w = op;
  if (w.narrowWinding) w.box = w.windingBox;
  return w;
}

// Every op and both perturbation choices on (p, q) against whole
// preparations of (a, b). checkChangedFaceNormals: also the normals of the
// faces the intersection changed. Returns the number of hits seen.
inline size_t ExpectSameBooleanAsWhole(const Mesh& a, const Mesh& b, const BoolOperand& p,
                                       const BoolOperand& q, bool checkChangedFaceNormals) {
  const BoolOperand pw = PrepareOperand(a), qw = PrepareOperand(b);
  const BoolOperand pWind = ForWinding(p), qWind = ForWinding(q);
  size_t hits = 0;
  for (const OpType op : {OpType::kUnion, OpType::kDifference, OpType::kIntersection}) {
    for (const bool swapped : {false, true}) {
      const BoolOperand& p1 = swapped ? q : p;
      const BoolOperand& q1 = swapped ? p : q;
      const BoolOperand& p1Wind = swapped ? qWind : pWind;
      const BoolOperand& q1Wind = swapped ? pWind : qWind;
      const BoolOperand& p2 = swapped ? qw : pw;
      const BoolOperand& q2 = swapped ? pw : qw;
      const BoolRoles roles = RolesFor(op, swapped);
      const BoolKernels k1(p1.View(), q1.View(), &p1.vertNormal, roles.expandP);
      const BoolKernels k2(p2.View(), q2.View(), &p2.vertNormal, roles.expandP);
      const auto pq1 = IntersectEdgesWithTriangles(k1, p1, q1, true);
      const auto qp1 = IntersectEdgesWithTriangles(k1, p1, q1, false);
      const auto pq2 = IntersectEdgesWithTriangles(k2, p2, q2, true);
      const auto qp2 = IntersectEdgesWithTriangles(k2, p2, q2, false);
      EXPECT_TRUE(SameHitBits(pq1, pq2));
      EXPECT_TRUE(SameHitBits(qp1, qp2));
      hits += pq2.size() + qp2.size();
      const auto wp1 = WindingNumbers(k1, p1, q1Wind, true, pq1);
      const auto wq1 = WindingNumbers(k1, p1Wind, q1, false, qp1);
      const auto wp2 = WindingNumbers(k2, p2, q2, true, pq2);
      const auto wq2 = WindingNumbers(k2, p2, q2, false, qp2);
      EXPECT_EQ(wp1, wp2);
      EXPECT_EQ(wq1, wq2);
      const FacePolygons f1 = AssembleFaces(p1, q1, roles, wp1, wq1, pq1, qp1);
      const FacePolygons f2 = AssembleFaces(p2, q2, roles, wp2, wq2, pq2, qp2);
      EXPECT_EQ(f1.consistent, f2.consistent);
      EXPECT_EQ(f1.faceStart, f2.faceStart);
      EXPECT_EQ(f1.edges, f2.edges);
      EXPECT_EQ(f1.vertPos.size(), f2.vertPos.size());
      for (size_t i = 0; i < f1.vertPos.size() && i < f2.vertPos.size(); ++i)
        EXPECT_TRUE(SameBits(f1.vertPos[i], f2.vertPos[i]));
      if (!checkChangedFaceNormals) continue;
      for (size_t f = 0; f + 1 < f1.faceStart.size(); ++f) {
        if (f1.faceStart[f + 1] - f1.faceStart[f] != 3 && f1.faceStart[f + 1] != f1.faceStart[f]) {
          EXPECT_TRUE(SameBits(FaceNormalOf(f1, p1, q1, f), FaceNormalOf(f2, p2, q2, f))) << "face " << f;
        }
      }
    }
  }
  return hits;
}

}  // namespace mos::kernel::test
