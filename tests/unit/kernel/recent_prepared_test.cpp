// Recent whole preparations (kernel/recent_prepared.h): a mesh prepared
// again as another object takes the kept preparation, which must be byte
// for byte the one a fresh preparation makes; other content never does.
#include "kernel/recent_prepared.h"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "kernel/boolean.h"
#include "kernel/boolean_operand.h"
#include "kernel/mesh.h"
#include "kernel/mesh_primitives.h"

namespace mos::kernel {
namespace {

template <class T>
bool SameBytes(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

void ExpectSameOperand(const BoolOperand& a, const BoolOperand& b) {
  EXPECT_TRUE(SameBytes(a.pos, b.pos));
  EXPECT_EQ(a.tri, b.tri);
  EXPECT_EQ(a.twin, b.twin);
  EXPECT_EQ(a.prop, b.prop);
  EXPECT_TRUE(SameBytes(a.vertNormal, b.vertNormal));
  EXPECT_TRUE(SameBytes(a.faceNormal, b.faceNormal));
  EXPECT_EQ(a.stuckVerts, b.stuckVerts);
  EXPECT_EQ(a.closed, b.closed);
  EXPECT_EQ(a.noNan, b.noNan);
  EXPECT_EQ(a.fansKnown, b.fansKnown);
  EXPECT_EQ(std::memcmp(&a.box, &b.box, sizeof(Box3)), 0);
  EXPECT_FALSE(a.windowed);
  EXPECT_FALSE(b.windowed);
}

// A mesh without a preparation slot, as a primitive comes.
Mesh Fresh(const Mesh& m) {
  Mesh out = m;
  out.prepared.reset();
  return out;
}

TEST(RecentPrepared, SameContentAsAnotherMeshTakesTheKeptPreparation) {
  // Odd sizes so no other test's meshes share the fingerprints.
  const Mesh sphere = MakeUvSphere({0.125, -0.375, 0.25}, 10.0625, 23, 7);
  const Mesh cube = MakeBox({-7.4375, -7.5625, -7.3125}, {7.5625, 7.4375, 7.6875}, 9);
  const Mesh a1 = Fresh(sphere), b1 = Fresh(cube);
  ASSERT_EQ(FindRecentPrepared(FingerprintOf(a1)), nullptr);
  BoolOperand p1, q1;
  ASSERT_TRUE(PrepareOperandPair(a1, b1, p1, q1));
  ASSERT_FALSE(p1.windowed);
  ASSERT_NE(FindRecentPrepared(FingerprintOf(a1)), nullptr);
  // Other objects of the same content: the kept preparations.
  const Mesh a2 = Fresh(sphere), b2 = Fresh(cube);
  BoolOperand p2, q2;
  ASSERT_TRUE(PrepareOperandPair(a2, b2, p2, q2));
  ExpectSameOperand(p2, PrepareOperand(a2));
  ExpectSameOperand(q2, PrepareOperand(b2));
  ExpectSameOperand(p2, p1);
  // The results of the three booleans on either pair of objects.
  for (const OpType op : {OpType::kUnion, OpType::kDifference, OpType::kIntersection}) {
    const Mesh r1 = Boolean(Fresh(sphere), Fresh(cube), op);
    const Mesh r2 = Boolean(a2, b2, op);
    EXPECT_EQ(r1.triVerts, r2.triVerts);
    EXPECT_TRUE(SameBytes(r1.vertPos, r2.vertPos));
  }
}

TEST(RecentPrepared, OtherPositionsOrPropertiesAreNotTheSameContent) {
  const Mesh sphere = MakeUvSphere({0.0625, 0.1875, -0.3125}, 9.9375, 21, 3);
  const Mesh cube = MakeBox({-7.3125, -7.4375, -7.5625}, {7.6875, 7.5625, 7.4375}, 5);
  BoolOperand p, q;
  ASSERT_TRUE(PrepareOperandPair(Fresh(sphere), Fresh(cube), p, q));
  Mesh moved = Fresh(sphere);
  for (Vec3& v : moved.vertPos) v.x += 0.25;
  EXPECT_EQ(FindRecentPrepared(FingerprintOf(moved)), nullptr);
  BoolOperand pm, qm;
  ASSERT_TRUE(PrepareOperandPair(moved, Fresh(cube), pm, qm));
  ExpectSameOperand(pm, PrepareOperand(moved));
  // Properties are not content: taken from the mesh at each use.
  Mesh other = Fresh(sphere);
  for (uint32_t& pr : other.triProp) pr = 11;
  BoolOperand po, qo;
  ASSERT_TRUE(PrepareOperandPair(other, Fresh(cube), po, qo));
  ExpectSameOperand(po, PrepareOperand(other));
}

}  // namespace
}  // namespace mos::kernel
