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

// Vertices of one mesh in the same or neighbouring cells merge: a box whose
// corner (1,1,1) is given once per triangle, each copy a fraction of a
// step off, closes into the box.
TEST(GridSnap, NeighbouringVerticesMerge) {
  kernel::Mesh box = kernel::MakeBox({0, 0, 0}, {1, 1, 1});
  int corner = -1;
  for (int i = 0; i < box.NumVert(); ++i)
    if (box.vertPos[i].x == 1 && box.vertPos[i].y == 1 && box.vertPos[i].z == 1) corner = i;
  ASSERT_GE(corner, 0);
  int copies = 0;
  for (auto& t : box.triVerts)
    for (int& v : t)
      if (v == corner) {
        const double off = (0.15 + 0.1 * copies++) * kOpenscadGrid;  // 0.15 .. 0.65 steps
        box.vertPos.push_back({1 + off, 1 - off, 1 + off});
        v = box.NumVert() - 1;
      }
  ASSERT_GE(copies, 3);
  ASSERT_TRUE(SnapToOpenscadGrid(box));
  EXPECT_TRUE(kernel::IsClosedManifold(box));
  EXPECT_EQ(box.NumVert(), 8);
  EXPECT_EQ(box.NumTri(), 12);
  EXPECT_NEAR(kernel::SignedVolume(box), 1.0, 1e-5);
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
