// Post-boolean cleanup: coincident vertices merged, zero-volume folds and
// vertices that carry no shape removed, never breaking manifoldness.
#include <gtest/gtest.h>

#include "boolean_test_support.h"
#include "kernel/cleanup.h"

namespace mos::kernel {
namespace {

using booltest::Box;
using booltest::IsValidSolid;
using booltest::VolumeNear;

TEST(BooleanCleanup, NestedBoxWithSharedFacesBecomesABox) {
  const Mesh raw = BooleanRaw(Box(0.5, 0, 0, 1, 0.5, 0.5), Box(0.5, 0, 0, 1, 1.5, 2), OpType::kUnion);
  ASSERT_TRUE(IsValidSolid(raw));
  EXPECT_GT(raw.NumTri(), 12);
  const Mesh u = Boolean(Box(0.5, 0, 0, 1, 0.5, 0.5), Box(0.5, 0, 0, 1, 1.5, 2), OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_TRUE(VolumeNear(u, 1.5));
  EXPECT_EQ(u.NumTri(), 12);
  EXPECT_EQ(u.NumVert(), 8);
}

TEST(BooleanCleanup, CubesSharingAFaceMergeIntoOneBox) {
  const Mesh u = Boolean(Box(0, 0, 0, 1, 1, 1), Box(1, 0, 0, 2, 1, 1), OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_TRUE(VolumeNear(u, 2));
  EXPECT_EQ(u.NumVert(), 8);
  EXPECT_EQ(u.NumTri(), 12);
}

TEST(BooleanCleanup, ColourBoundariesStayPut) {
  // Two touching unit cubes of different colours: after the union each
  // colour still covers exactly its cube's five outer faces.
  const Mesh u = Boolean(Box(0, 0, 0, 1, 1, 1, 1), Box(1, 0, 0, 2, 1, 1, 2), OpType::kUnion);
  ASSERT_TRUE(IsValidSolid(u));
  double area[3] = {0, 0, 0};
  for (int t = 0; t < u.NumTri(); ++t) {
    const auto& v = u.triVerts[t];
    const double a = 0.5 * Length(Cross(u.vertPos[v[1]] - u.vertPos[v[0]], u.vertPos[v[2]] - u.vertPos[v[0]]));
    ASSERT_LT(u.triProp[t], 3u);
    area[u.triProp[t]] += a;
  }
  EXPECT_NEAR(area[1], 5, 1e-12);
  EXPECT_NEAR(area[2], 5, 1e-12);
}

TEST(BooleanCleanup, CubesSharingAnEdgeStayManifold) {
  // The union touches itself along the shared edge: the vertices there
  // stay duplicated rather than forming a non-manifold edge.
  const Mesh u = Boolean(Box(0, 0, 0, 1, 1, 1), Box(1, 1, 0, 2, 2, 1), OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_TRUE(VolumeNear(u, 2));
}

TEST(BooleanCleanup, WeldCancelsOppositeCoincidentTriangles) {
  // Two boxes glued face to face as separate shells: welding merges the
  // shared corners and the two coincident faces cancel.
  Mesh m = Box(0, 0, 0, 1, 1, 1);
  AppendMesh(m, Box(1, 0, 0, 2, 1, 1));
  ASSERT_TRUE(IsValidSolid(m));
  ASSERT_TRUE(WeldCoincident(m));
  EXPECT_TRUE(IsValidSolid(m));
  EXPECT_EQ(m.NumTri(), 20);
  EXPECT_TRUE(VolumeNear(m, 2));
}

TEST(BooleanCleanup, WeldRefusesWhenResultWouldBeNonManifold) {
  // Boxes sharing only an edge: welding would make a non-manifold edge.
  Mesh m = Box(0, 0, 0, 1, 1, 1);
  AppendMesh(m, Box(1, 1, 0, 2, 2, 1));
  const Mesh before = m;
  EXPECT_FALSE(WeldCoincident(m));
  EXPECT_EQ(m.NumTri(), before.NumTri());
  EXPECT_TRUE(IsValidSolid(m));
}

TEST(BooleanCleanup, WeldMergesWhatItCanAndLeavesTheRest) {
  // A and B share a face (merged), C touches B only along an edge (left).
  Mesh m = Box(0, 0, 0, 1, 1, 1);
  AppendMesh(m, Box(1, 0, 0, 2, 1, 1));
  AppendMesh(m, Box(2, 1, 0, 3, 2, 1));
  ASSERT_TRUE(WeldCoincident(m));
  EXPECT_TRUE(IsValidSolid(m));
  EXPECT_EQ(m.NumTri(), 20 + 12);
  EXPECT_TRUE(VolumeNear(m, 3));
}

TEST(BooleanCleanup, SplitPinchedVertexGivesEachFanItsOwnVertex) {
  // Two tetrahedra sharing one vertex index: a pinched vertex.
  Mesh a = MakeTetrahedron({0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1});
  Mesh b = MakeTetrahedron({0, 0, 0}, {-1, 0, 0}, {0, -1, 0}, {0, 0, -1});
  Mesh m = a;
  AppendMesh(m, b);
  // Point b's copy of the origin at a's.
  int originA = -1, originB = -1;
  for (int v = 0; v < m.NumVert(); ++v)
    if (m.vertPos[v] == Vec3{0, 0, 0}) (originA < 0 ? originA : originB) = v;
  ASSERT_GE(originB, 0);
  for (auto& t : m.triVerts)
    for (int& v : t)
      if (v == originB) v = originA;
  ASSERT_TRUE(BuildHalfedges(m));
  EXPECT_FALSE(IsClosedManifold(m));
  SplitPinchedVerts(m);
  BuildHalfedges(m);
  EXPECT_TRUE(IsValidSolid(m));
}

TEST(BooleanCleanup, CleanupKeepsVolumeOfCylinderCut) {
  const Mesh cube = Box(0, 0, 0, 10, 10, 10);
  const Mesh cyl = MakeCylinder({5, 5, 0}, 3, 3, 10, 32);
  const Mesh raw = BooleanRaw(cube, cyl, OpType::kDifference);
  Mesh clean = raw;
  CleanupMesh(clean);
  EXPECT_TRUE(IsValidSolid(clean));
  EXPECT_LE(clean.NumTri(), raw.NumTri());
  EXPECT_NEAR(SignedVolume(clean), SignedVolume(raw), 1e-9);
}

}  // namespace
}  // namespace mos::kernel
