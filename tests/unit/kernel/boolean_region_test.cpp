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
#include "prepared_boolean_compare.h"

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

// Kernels, windings and assembly of every op and both perturbation
// choices on (p, q) against whole preparations of (a, b).
void ExpectSameAsWhole(const Mesh& a, const Mesh& b, const BoolOperand& p, const BoolOperand& q) {
  test::ExpectSameBooleanAsWhole(a, b, p, q, false);
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
