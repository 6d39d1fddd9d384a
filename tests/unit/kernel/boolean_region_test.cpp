// Region preparation of the smaller operand (PrepareOperandPair,
// kernel/boolean_operand.h): a tall part standing on (or sunk into) a
// large solid is prepared only for the triangles meeting the box of the
// large one's column, and the intersection kernels, winding numbers
// (with the large operand's narrowed winding box, as RunBoolean uses it)
// and assembled faces come out bit for bit as with whole preparations.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "kernel/assemble.h"
#include "kernel/boolean.h"
#include "kernel/boolean_operand.h"
#include "kernel/intersect.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_properties.h"
#include "kernel/mesh_transform.h"
#include "kernel/predicates.h"
#include "kernel/winding.h"

namespace mos::kernel {
namespace {

// A tall part of many short triangles (a UV sphere stretched along Z, as
// an extrusion's slices): radius r, height h, lowest point at `bottom`.
Mesh TallPart(Vec3 bottom, double r, double h) {
  Mesh m = MakeUvSphere({0, 0, 0}, 1, 24);
  EXPECT_TRUE(TransformMesh(m, Affine3::Translation({bottom.x, bottom.y, bottom.z + h / 2}) *
                                   Affine3::Scaling({r, r, h / 2})));
  return m;
}

bool SameBits(const Vec3& a, const Vec3& b) { return std::memcmp(&a, &b, sizeof(Vec3)) == 0; }

// The operand as WindingNumbers sees it when it is the triangle mesh.
BoolOperand ForWinding(const BoolOperand& op) {
  BoolOperand w = op;
  if (w.narrowWinding) w.box = w.windingBox;
  return w;
}

// Kernels, windings and assembly of every op and both perturbation
// choices on (p, q) against whole preparations of (a, b).
void ExpectSameAsWhole(const Mesh& a, const Mesh& b, const BoolOperand& p, const BoolOperand& q) {
  const BoolOperand pw = PrepareOperand(a), qw = PrepareOperand(b);
  const BoolOperand pWind = ForWinding(p), qWind = ForWinding(q);
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
      ASSERT_EQ(f1.vertPos.size(), f2.vertPos.size());
      for (size_t i = 0; i < f1.vertPos.size(); ++i) EXPECT_TRUE(SameBits(f1.vertPos[i], f2.vertPos[i]));
    }
  }
}

// A slab with a tall part on it: touching its top, sunk into it, and
// reaching through it, placed over the middle and over an edge.
TEST(BooleanRegion, TallPartOnSlabIsPreparedForTheSlabOnly) {
  // A flat disc of 1,600 triangles (more than the tower's 192).
  const Mesh slab = MakeCylinder({50, 15, 0}, 50, 50, 4, 400);
  int regions = 0;
  for (const double base : {4.0, 3.0, -1.0}) {
    for (const double x : {50.0, 99.0}) {
      const Mesh tower = TallPart({x, 15, base}, 6, 40);
      ASSERT_GE(tower.NumTri(), 64);
      for (const bool towerFirst : {false, true}) {
        const Mesh& a = towerFirst ? tower : slab;
        const Mesh& b = towerFirst ? slab : tower;
        BoolOperand p, q;
        ASSERT_TRUE(PrepareOperandPair(a, b, p, q));
        const BoolOperand& t = towerFirst ? p : q;
        if (t.windowed) {
          ++regions;
          EXPECT_LT(t.windowTris.size(), static_cast<size_t>(tower.NumTri()));
        }
        ExpectSameAsWhole(a, b, p, q);
      }
    }
  }
  // The parts standing on or sunk into the slab's top are prepared for a region.
  EXPECT_GE(regions, 2);
}

// The same with a big windowed solid: its narrowed winding box is used.
TEST(BooleanRegion, TallPartOnBigSphereUsesTheColumnsWindingBox) {
  const Mesh sphere = MakeUvSphere({0, 0, 0}, 20, 96);
  int narrowed = 0;
  // Standing on the pole (touching it), and sunk in (the sphere's vertices
  // in the part's box then ask for most of it: prepared as before).
  for (const double base : {20.0, 15.0}) {
    const Mesh tower = TallPart({0, 0, base}, 1.5, 30);
    for (const bool towerFirst : {false, true}) {
      const Mesh& a = towerFirst ? tower : sphere;
      const Mesh& b = towerFirst ? sphere : tower;
      BoolOperand p, q;
      ASSERT_TRUE(PrepareOperandPair(a, b, p, q));
      narrowed += (towerFirst ? q : p).narrowWinding ? 1 : 0;
      ExpectSameAsWhole(a, b, p, q);
    }
  }
  EXPECT_GE(narrowed, 1);
}

// Whole booleans: the result is closed, and a region-prepared union of
// the tower and the slab has the volume of both minus the overlap.
TEST(BooleanRegion, UnionOfSunkTowerHasTheRightVolume) {
  const Mesh slab = MakeBox({0, 0, 0}, {100, 30, 4});
  const Mesh tower = MakeBox({40, 10, 2}, {60, 20, 42});
  const Mesh u = Boolean(slab, tower, OpType::kUnion);
  EXPECT_TRUE(IsClosedManifold(u));
  EXPECT_NEAR(SignedVolume(u), 100 * 30 * 4 + 20 * 10 * 40 - 20 * 10 * 2, 1e-9);
}

}  // namespace
}  // namespace mos::kernel
