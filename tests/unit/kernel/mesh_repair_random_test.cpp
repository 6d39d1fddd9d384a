// Randomised repair: take clean meshes, damage them the way users do
// (reversed, duplicated and shuffled faces, jittered vertices), and check the
// repair gives back a closed manifold with the same volume and genus.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "kernel/mesh_build.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_properties.h"
#include "kernel/mesh_transform.h"
#include "mesh_test_util.h"

namespace mos::kernel {
namespace {

struct Damage {
  double reverseFraction = 0.3;
  double duplicateFraction = 0.05;
  double jitter = 1e-11;
};

std::vector<std::array<Vec3, 3>> DamagedSoup(const Mesh& m, const Damage& d, std::mt19937& rng) {
  std::uniform_real_distribution<double> u(0, 1), j(-d.jitter, d.jitter);
  // One jittered copy of each vertex per triangle corner (like STL export).
  std::vector<std::array<Vec3, 3>> soup;
  for (const auto& t : m.triVerts) {
    std::array<Vec3, 3> tri;
    for (int i = 0; i < 3; ++i) tri[i] = m.vertPos[t[i]] + Vec3{j(rng), j(rng), j(rng)};
    if (u(rng) < d.reverseFraction) std::swap(tri[1], tri[2]);
    soup.push_back(tri);
    if (u(rng) < d.duplicateFraction) soup.push_back(tri);
  }
  std::shuffle(soup.begin(), soup.end(), rng);
  return soup;
}

TEST(MeshRepairRandom, DamagedMeshesComeBack) {
  std::mt19937 rng(2024);
  std::vector<Mesh> shapes;
  shapes.push_back(MakeBox({0, 0, 0}, {3, 1, 2}));
  shapes.push_back(MakeUvSphere({1, 2, 3}, 2, 24));
  shapes.push_back(MakeCylinder({0, 0, -1}, 2, 1, 3, 17));
  shapes.push_back(testutil::VoxelRing(2));
  Mesh two = MakeBox({0, 0, 0}, {1, 1, 1});
  AppendMesh(two, MakeUvSphere({5, 0, 0}, 1, 12));
  shapes.push_back(two);
  for (int round = 0; round < 40; ++round) {
    Mesh shape = shapes[round % shapes.size()];
    // A random rotation and translation first (not axis aligned).
    std::uniform_real_distribution<double> a(-1, 1);
    TransformMesh(shape, Affine3::Translation({a(rng) * 10, a(rng) * 10, a(rng) * 10}) *
                             Affine3::Rotation({a(rng), a(rng), a(rng) + 2}, a(rng) * 180));
    const double volume = SignedVolume(shape);
    const int genus = Genus(shape);
    const int components = ComponentCount(shape);
    RepairReport r;
    Mesh m = MeshFromTriangleSoup(DamagedSoup(shape, Damage{}, rng), {}, RepairOptions{}, r);
    ASSERT_TRUE(r.closedManifold) << "round " << round << ": " << DescribeManifoldProblem(m);
    EXPECT_EQ(m.NumTri(), shape.NumTri());
    EXPECT_EQ(m.NumVert(), shape.NumVert());
    EXPECT_NEAR(SignedVolume(m), volume, 1e-8 * std::max(1.0, volume));
    EXPECT_EQ(Genus(m), genus);
    EXPECT_EQ(ComponentCount(m), components);
    EXPECT_EQ(r.orientationConflicts, 0);
  }
}

TEST(MeshRepairRandom, LargeSphereRepairsInOnePiece) {
  // ~33k triangles: exercises the weld grid and BVH paths at size.
  std::mt19937 rng(3);
  Mesh sphere = MakeUvSphere({0, 0, 0}, 100, 256);
  const double volume = SignedVolume(sphere);
  RepairReport r;
  Mesh m = MeshFromTriangleSoup(DamagedSoup(sphere, Damage{0.5, 0.01, 1e-9}, rng), {},
                                RepairOptions{}, r);
  ASSERT_TRUE(r.closedManifold) << DescribeManifoldProblem(m);
  EXPECT_NEAR(SignedVolume(m), volume, 1e-6 * volume);
  EXPECT_EQ(Genus(m), 0);
}

}  // namespace
}  // namespace mos::kernel
