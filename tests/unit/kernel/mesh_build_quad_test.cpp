// Which diagonal splits a non-planar quad face of polyhedron(): the one
// 2021.01's tessellator (constrained Delaunay in its axis projection) takes.
#include <gtest/gtest.h>

#include <vector>

#include "kernel/mesh_build.h"
#include "kernel/mesh_properties.h"

namespace mos::kernel {
namespace {

// The two lowest layers of issue1061.scad: a square turned and shifted per
// layer, so every side quad is non-planar.
const std::vector<Vec3> kTwistedPoints = {
    {-5, -5, 0},          {-5, 5, 0},           {5, 5, 0},            {5, -5, 0},
    {-1.87866, -4.21311, 3}, {-4.21311, 5.51058, 3}, {5.51058, 7.84504, 3}, {7.84504, -1.87866, 3},
    {1.05099, -3.48892, 6},  {-3.48892, 5.42115, 6}, {5.42115, 9.96105, 6}, {9.96105, 1.05099, 6}};
const std::vector<std::vector<int>> kTwistedFaces = {
    {0, 1, 5, 4}, {1, 2, 6, 5},   {2, 3, 7, 6},  {3, 0, 4, 7},  {4, 5, 9, 8},
    {5, 6, 10, 9}, {6, 7, 11, 10}, {7, 4, 8, 11}, {3, 2, 1, 0}, {8, 9, 10, 11}};

// openscad 2021.01 exports this polyhedron with V = 606.14607 (its STL);
// fanning every quad from its first vertex gives 641.16.
TEST(MeshBuildQuads, NonPlanarQuadsSplitAlongTheDelaunayDiagonal) {
  RepairOptions opt;
  opt.winding = FaceWinding::Clockwise;
  RepairReport r;
  Mesh m = MeshFromPolygons(kTwistedPoints, kTwistedFaces, {}, opt, r);
  EXPECT_TRUE(IsClosedManifold(m));
  EXPECT_EQ(m.NumTri(), 20);
  EXPECT_NEAR(SignedVolume(m), 606.14607, 1e-4);
}

// The projection axis is the tessellator's, not Newell's: 2021.01 cuts
// face [4,5,9,8] of issue1061 along 4-9, the Delaunay diagonal in the z
// projection (the tessellator's axis); in the x projection (Newell's) it
// would be 5-8.
TEST(MeshBuildQuads, ProjectionFollowsTheTessellatorsNormal) {
  const std::vector<int> face = {4, 5, 9, 8};
  std::vector<std::array<int, 3>> tris;
  TriangulateFace(kTwistedPoints, face, tris);
  ASSERT_EQ(tris.size(), 2u);
  auto has = [&](int a, int b, int c) {
    for (const auto& t : tris)
      for (int s = 0; s < 3; ++s)
        if (t[s] == a && t[(s + 1) % 3] == b && t[(s + 2) % 3] == c) return true;
    return false;
  };
  EXPECT_TRUE(has(4, 5, 9));
  EXPECT_TRUE(has(4, 9, 8));
}

// Planar convex quads keep the fan from their first vertex.
TEST(MeshBuildQuads, PlanarRectangleKeepsTheFan) {
  const std::vector<Vec3> points = {{0, 0, 0}, {4, 0, 0}, {4, 3, 0}, {0, 3, 0}};
  std::vector<std::array<int, 3>> tris;
  TriangulateFace(points, {0, 1, 2, 3}, tris);
  ASSERT_EQ(tris.size(), 2u);
  EXPECT_EQ(tris[0], (std::array<int, 3>{0, 1, 2}));
  EXPECT_EQ(tris[1], (std::array<int, 3>{0, 2, 3}));
}

}  // namespace
}  // namespace mos::kernel
