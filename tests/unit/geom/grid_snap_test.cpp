// 2021.01 puts plain meshes on its 2^-20 grid when they enter a 3D boolean
// (grid_snap.h); numbers from openscad 2021.01 on the same snippets.
#include <gtest/gtest.h>

#include <cmath>

#include "geom/grid_snap.h"
#include "geom_test_util.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_properties.h"

namespace mos::geom {
namespace {

// issue1165.scad: the second cutter's face lies 8.8e-11 below the first
// one's; on the grid they meet, and no sliver wall is left (2021.01: 12
// facets, bbox max x 0.5, V = 550, one component).
TEST(GridSnap, CuttersCloserThanAGridStepLeaveNoSliver) {
  RenderResult r = testing::Render(
      "translate([0,10,0]) difference() {"
      "  cube(10, center=true);"
      "  translate([6,5.5,0]) cube(11, center=true);"
      "  translate([6,-5.500000000088,0]) cube(11, center=true);"
      "}");
  ASSERT_EQ(r.geometry.dim, Dim::k3);
  const kernel::Mesh& m = r.geometry.mesh;
  EXPECT_TRUE(kernel::IsClosedManifold(m));
  EXPECT_DOUBLE_EQ(kernel::BoundingBox(m).max.x, 0.5);
  EXPECT_NEAR(kernel::SignedVolume(m), 550.0, 1e-9);
  EXPECT_NEAR(kernel::SurfaceArea(m), 420.0, 1e-9);
}

// A gap of two grid steps stays (2021.01: the wall of 2e-6 is kept, bbox
// max x 5).
TEST(GridSnap, GapsOfTwoStepsStay) {
  RenderResult r = testing::Render(
      "difference() {"
      "  cube(10, center=true);"
      "  translate([6,5.5,0]) cube(11, center=true);"
      "  translate([6,-5.502,0]) cube(11, center=true);"
      "}");
  ASSERT_EQ(r.geometry.dim, Dim::k3);
  EXPECT_DOUBLE_EQ(kernel::BoundingBox(r.geometry.mesh).max.x, 5.0);
}

// A lone primitive is exported as it is (2021.01 prints 3e-07).
TEST(GridSnap, LoneMeshesStayOffTheGrid) {
  RenderResult r = testing::Render("translate([3e-7,0,0]) cube(1);");
  ASSERT_EQ(r.geometry.dim, Dim::k3);
  EXPECT_DOUBLE_EQ(kernel::BoundingBox(r.geometry.mesh).min.x, 3e-7);
}

TEST(GridSnap, VerticesMoveToTheNearestGridPoint) {
  kernel::Mesh cube = kernel::MakeBox({0, 0, 0}, {1, 1, 1});
  for (kernel::Vec3& v : cube.vertPos) v.x += 0.7 * kOpenscadGrid;
  ASSERT_TRUE(SnapToOpenscadGrid(cube));
  const kernel::Box3 box = kernel::BoundingBox(cube);
  EXPECT_EQ(box.min.x, kOpenscadGrid);
  EXPECT_EQ(box.max.x, 1.0 + kOpenscadGrid);
  EXPECT_TRUE(kernel::IsClosedManifold(cube));
}

// Gives every triangle at vertex `corner` its own copy of it, each copy a
// fraction of a step off (0.15 .. 0.65 steps, up in x and z, down in y):
// the copies lie in the corner's cell or a diagonal neighbour. Returns the
// number of copies.
int SplitIntoNearCopies(kernel::Mesh& mesh, int corner) {
  const kernel::Vec3 p = mesh.vertPos[corner];
  int copies = 0;
  for (auto& t : mesh.triVerts)
    for (int& v : t)
      if (v == corner) {
        const double off = (0.15 + 0.1 * copies++) * kOpenscadGrid;
        mesh.vertPos.push_back({p.x + off, p.y - off, p.z + off});
        v = mesh.NumVert() - 1;
      }
  return copies;
}

// Vertices of one mesh in the same or neighbouring cells merge: a box whose
// corner (1,1,1) is given once per triangle, each copy a fraction of a
// step off, closes into the box.
TEST(GridSnap, NeighbouringVerticesMerge) {
  kernel::Mesh box = kernel::MakeBox({0, 0, 0}, {1, 1, 1});
  int corner = -1;
  for (int i = 0; i < box.NumVert(); ++i)
    if (box.vertPos[i].x == 1 && box.vertPos[i].y == 1 && box.vertPos[i].z == 1) corner = i;
  ASSERT_GE(corner, 0);
  const int copies = SplitIntoNearCopies(box, corner);
  ASSERT_GE(copies, 3);
  ASSERT_TRUE(SnapToOpenscadGrid(box));
  EXPECT_TRUE(kernel::IsClosedManifold(box));
  EXPECT_EQ(box.NumVert(), 8);
  EXPECT_EQ(box.NumTri(), 12);
  EXPECT_NEAR(kernel::SignedVolume(box), 1.0, 1e-5);
}

// Thousands of vertices sharing one x (the rings of a cylinder lying along
// x) still find their near copies: the quick test for "nothing can merge"
// gives up on so many candidates, and the full search merges them.
TEST(GridSnap, NearCopiesMergeAmongVerticesSharingOneX) {
  kernel::Mesh cylinder = kernel::MakeCylinder({0, 0, 0}, 10, 10, 2, 3000);
  for (kernel::Vec3& v : cylinder.vertPos) v = {v.z, v.y, -v.x};  // a quarter turn about y
  const int before = cylinder.NumVert();
  const int tris = cylinder.NumTri();
  int corner = -1;  // a rim vertex
  for (int i = 0; i < before && corner < 0; ++i)
    if (cylinder.vertPos[i].y != 0 || cylinder.vertPos[i].z != 0) corner = i;
  ASSERT_GE(corner, 0);
  ASSERT_GE(SplitIntoNearCopies(cylinder, corner), 3);
  ASSERT_TRUE(SnapToOpenscadGrid(cylinder));
  EXPECT_TRUE(kernel::IsClosedManifold(cylinder));
  EXPECT_EQ(cylinder.NumVert(), before);
  EXPECT_EQ(cylinder.NumTri(), tris);
}

// A large mesh (its x steps sorted as packed keys) with one vertex split
// into near copies: the quick test finds them and the copies merge back.
TEST(GridSnap, NearCopiesMergeInLargeMeshes) {
  for (int segments : {24, 64}) {  // below and above 512 vertices
    kernel::Mesh sphere = kernel::MakeUvSphere({0.3, -0.2, 0.1}, 5, segments);
    const int before = sphere.NumVert();
    const int tris = sphere.NumTri();
    ASSERT_GE(SplitIntoNearCopies(sphere, before / 2), 3);
    ASSERT_GT(sphere.NumVert(), before);
    ASSERT_TRUE(SnapToOpenscadGrid(sphere));
    EXPECT_TRUE(kernel::IsClosedManifold(sphere)) << segments;
    EXPECT_EQ(sphere.NumVert(), before) << segments;
    EXPECT_EQ(sphere.NumTri(), tris) << segments;
  }
}

// Without near copies nothing merges, however the vertices are arranged:
// every vertex keeps its index and moves to its grid point.
TEST(GridSnap, FarApartVerticesOnlyMove) {
  kernel::Mesh sphere = kernel::MakeUvSphere({0.3, -0.2, 0.1}, 5, 64);
  const kernel::Mesh before = sphere;
  ASSERT_TRUE(SnapToOpenscadGrid(sphere));
  ASSERT_EQ(sphere.triVerts, before.triVerts);
  for (int i = 0; i < sphere.NumVert(); ++i) {
    EXPECT_EQ(sphere.vertPos[i].x, std::round(before.vertPos[i].x / kOpenscadGrid) * kOpenscadGrid);
    EXPECT_EQ(sphere.vertPos[i].y, std::round(before.vertPos[i].y / kOpenscadGrid) * kOpenscadGrid);
    EXPECT_EQ(sphere.vertPos[i].z, std::round(before.vertPos[i].z / kOpenscadGrid) * kOpenscadGrid);
  }
}

// A slab thinner than a step collapses: the mesh is left as it was.
TEST(GridSnap, CollapsingMeshIsLeftUnchanged) {
  kernel::Mesh slab = kernel::MakeBox({0, 0, 0}, {1, 1, 1.2 * kOpenscadGrid});
  const kernel::Mesh before = slab;
  EXPECT_FALSE(SnapToOpenscadGrid(slab));
  EXPECT_EQ(slab.vertPos, before.vertPos);
  EXPECT_EQ(slab.triVerts, before.triVerts);
}

}  // namespace
}  // namespace mos::geom
