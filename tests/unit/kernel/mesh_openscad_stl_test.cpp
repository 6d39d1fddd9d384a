// Repair of real OpenSCAD 2021.01 output (ASCII STL soups, see
// mesh_data/README.md): welding must give closed manifolds with the right
// topology.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "kernel/mesh_build.h"
#include "kernel/mesh_properties.h"

namespace mos::kernel {
namespace {

std::vector<std::array<Vec3, 3>> ReadAsciiStl(const std::string& name) {
  std::ifstream in(std::string(MOS_SOURCE_DIR) + "/tests/unit/kernel/mesh_data/" + name);
  std::vector<std::array<Vec3, 3>> soup;
  std::string word;
  std::array<Vec3, 3> tri;
  int corner = 0;
  while (in >> word) {
    if (word != "vertex") continue;
    Vec3& p = tri[corner];
    in >> p.x >> p.y >> p.z;
    if (++corner == 3) {
      soup.push_back(tri);
      corner = 0;
    }
  }
  return soup;
}

double SoupVolume(const std::vector<std::array<Vec3, 3>>& soup) {
  CompensatedSum sum;
  for (const auto& t : soup) sum.Add(Dot(t[0], Cross(t[1], t[2])));
  return sum.Value() / 6;
}

TEST(MeshOpenScadStl, CubeMinusSphereHasGenusFive) {
  const auto soup = ReadAsciiStl("cube_minus_sphere.stl");
  ASSERT_GT(soup.size(), 100u);
  RepairReport r;
  Mesh m = MeshFromTriangleSoup(soup, {}, RepairOptions{}, r);
  ASSERT_TRUE(r.closedManifold) << DescribeManifoldProblem(m);
  EXPECT_EQ(ComponentCount(m), 1);
  EXPECT_EQ(Genus(m), 5);  // the cube's surface with a hole in each face
  EXPECT_NEAR(SignedVolume(m), SoupVolume(soup), 1e-9 * 1000);
  EXPECT_EQ(r.flippedFaces, 0);
  EXPECT_EQ(r.flippedShells, 0);
}

TEST(MeshOpenScadStl, CubesSharingAnEdgeAreSeparated) {
  const auto soup = ReadAsciiStl("cubes_sharing_edge.stl");
  RepairReport r;
  Mesh m = MeshFromTriangleSoup(soup, {}, RepairOptions{}, r);
  ASSERT_TRUE(r.closedManifold) << DescribeManifoldProblem(m);
  EXPECT_EQ(r.pinchedVerticesSplit, 2);
  EXPECT_EQ(ComponentCount(m), 2);
  EXPECT_EQ(Genus(m), 0);
  EXPECT_DOUBLE_EQ(SignedVolume(m), 2000.0);
}

TEST(MeshOpenScadStl, TorusHasGenusOne) {
  const auto soup = ReadAsciiStl("torus.stl");
  RepairReport r;
  Mesh m = MeshFromTriangleSoup(soup, {}, RepairOptions{}, r);
  ASSERT_TRUE(r.closedManifold) << DescribeManifoldProblem(m);
  EXPECT_EQ(m.NumVert(), 24 * 12);
  EXPECT_EQ(Genus(m), 1);
  EXPECT_EQ(ComponentCount(m), 1);
  EXPECT_NEAR(SignedVolume(m), SoupVolume(soup), 1e-9 * 1000);
  // Close to the smooth torus 2 pi^2 R r^2 (within the tessellation error).
  EXPECT_NEAR(SignedVolume(m), 2 * 9.8696044 * 5 * 4, 40.0);
}

}  // namespace
}  // namespace mos::kernel
