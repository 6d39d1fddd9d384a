#include <gtest/gtest.h>

#include "kernel/mesh.h"
#include "kernel/mesh_primitives.h"

namespace mos::kernel {
namespace {

TEST(MeshHalfedges, BoxPairsEveryHalfedge) {
  Mesh box = MakeBox({0, 0, 0}, {1, 2, 3});
  ASSERT_EQ(box.NumTri(), 12);
  EXPECT_TRUE(BuildHalfedges(box));
  for (int h = 0; h < 36; ++h) {
    const int tw = box.halfedgeTwin[h];
    ASSERT_GE(tw, 0);
    EXPECT_EQ(box.halfedgeTwin[tw], h);
    EXPECT_EQ(HalfedgeStart(box, tw), HalfedgeEnd(box, h));
  }
  EXPECT_TRUE(IsClosedManifold(box)) << DescribeManifoldProblem(box);
}

TEST(MeshHalfedges, OpenMeshIsNotClosed) {
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  box.triVerts.pop_back();
  box.triProp.pop_back();
  EXPECT_FALSE(BuildHalfedges(box));
  EXPECT_FALSE(IsClosedManifold(box));
  EXPECT_NE(DescribeManifoldProblem(box).find("unpaired"), std::string::npos);
}

TEST(MeshHalfedges, ReversedTriangleIsNotOriented) {
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  std::swap(box.triVerts[3][1], box.triVerts[3][2]);
  EXPECT_FALSE(BuildHalfedges(box));
  EXPECT_FALSE(IsClosedManifold(box));
}

TEST(MeshHalfedges, FillsMissingProperties) {
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1}, 7);
  box.triProp.clear();
  EXPECT_TRUE(BuildHalfedges(box));
  ASSERT_EQ(box.triProp.size(), 12u);
  EXPECT_EQ(box.triProp[0], 0u);
}

TEST(MeshHalfedges, InvalidIndexIsRejectedWithoutCrash) {
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  box.triVerts[0][0] = 99;
  EXPECT_FALSE(BuildHalfedges(box));
  EXPECT_FALSE(IsClosedManifold(box));
  box.triVerts[0][0] = -5;
  EXPECT_FALSE(BuildHalfedges(box));
  EXPECT_FALSE(IsClosedManifold(box));
}

TEST(MeshHalfedges, TwoBoxesSharingAVertexArePinched) {
  // Two boxes welded at one corner vertex: closed and oriented, but the
  // shared vertex has two fans.
  Mesh a = MakeBox({0, 0, 0}, {1, 1, 1});
  Mesh b = MakeBox({1, 1, 1}, {2, 2, 2});
  const int shared = 7;  // (1,1,1) in a; vertex 0 of b
  const int offset = a.NumVert();
  AppendMesh(a, b);
  for (auto& t : a.triVerts)
    for (int& v : t)
      if (v == offset) v = shared;
  EXPECT_TRUE(BuildHalfedges(a));
  EXPECT_FALSE(IsClosedManifold(a));
  EXPECT_NE(DescribeManifoldProblem(a).find("pinched"), std::string::npos);
}

TEST(MeshHalfedges, TwoBoxesSharingAnEdgeAreNonManifold) {
  Mesh a = MakeBox({0, 0, 0}, {1, 1, 1});
  Mesh b = MakeBox({1, 1, 0}, {2, 2, 1});
  const int offset = a.NumVert();
  AppendMesh(a, b);
  // b's vertices 0 (1,1,0) and 4 (1,1,1) coincide with a's 3 and 7.
  for (auto& t : a.triVerts)
    for (int& v : t) {
      if (v == offset + 0) v = 3;
      if (v == offset + 4) v = 7;
    }
  EXPECT_FALSE(BuildHalfedges(a));
  EXPECT_FALSE(IsClosedManifold(a));
}

TEST(MeshHalfedges, PrimitivesAreClosedManifold) {
  Mesh s = MakeUvSphere({1, 2, 3}, 2, 16);
  EXPECT_TRUE(IsClosedManifold(s)) << DescribeManifoldProblem(s);
  Mesh c = MakeCylinder({0, 0, 0}, 1, 2, 3, 12);
  EXPECT_TRUE(IsClosedManifold(c)) << DescribeManifoldProblem(c);
  Mesh cone = MakeCylinder({0, 0, 0}, 1, 0, 3, 5);
  EXPECT_TRUE(IsClosedManifold(cone)) << DescribeManifoldProblem(cone);
  Mesh t = MakeTetrahedron({0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1});
  EXPECT_TRUE(IsClosedManifold(t)) << DescribeManifoldProblem(t);
}

TEST(MeshBox, BoundingBoxOfMesh) {
  Mesh s = MakeBox({-1, 2, 3}, {4, -5, 6});
  Box3 b = BoundingBox(s);
  EXPECT_EQ(b.min.x, -1);
  EXPECT_EQ(b.min.y, -5);
  EXPECT_EQ(b.max.z, 6);
  EXPECT_TRUE(BoundingBox(Mesh{}).IsEmpty());
  EXPECT_TRUE(b.Overlaps(Box3::FromPoints({4, 2, 6}, {9, 9, 9})));  // touching
  EXPECT_FALSE(b.Overlaps(Box3::FromPoints({4.5, 2, 6}, {9, 9, 9})));
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

TEST(MeshHalfedges, EmptyMeshIsClosedManifold) {
  Mesh empty;
  EXPECT_TRUE(BuildHalfedges(empty));
  EXPECT_TRUE(IsClosedManifold(empty));
}

TEST(MeshHalfedges, CorruptTwinsAreDetected) {
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  Mesh bad = box;
  std::swap(bad.halfedgeTwin[0], bad.halfedgeTwin[1]);  // no longer mutual
  EXPECT_FALSE(IsClosedManifold(bad));
  bad = box;
  bad.halfedgeTwin.pop_back();
  EXPECT_FALSE(IsClosedManifold(bad));
  bad = box;
  bad.triProp.push_back(0);
  EXPECT_FALSE(IsClosedManifold(bad));
}

}  // namespace
}  // namespace mos::kernel
