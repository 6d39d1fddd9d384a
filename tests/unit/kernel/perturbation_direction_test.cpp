// Perturbation directions of a boolean operand: outward for every face
// around a vertex where such a direction exists (perturbation_direction.h).
#include "kernel/perturbation_direction.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "kernel/boolean_operand.h"
#include "kernel/mesh_primitives.h"

namespace mos::kernel {
namespace {

double SmallestDot(const std::vector<Vec3>& normals, Vec3 d) {
  double m = INFINITY;
  for (const Vec3& n : normals) m = std::min(m, Dot(d, n));
  return m;
}

// The saddle corner of property (b) seed 6303: a plane face (normal -z)
// and two faces rising from it; the pseudo-normal pointed up.
TEST(PerturbationDirection, SaddleCornerGetsTheMostOutwardDirection) {
  const std::vector<Vec3> normals = {
      {0, 0, -1}, Normalized(Vec3{0.3, -0.44, 0.85}), Normalized(Vec3{-0.96, -0.22, 0.16})};
  const Vec3 pseudoNormal = Normalized(Vec3{-0.242, -0.687, 0.685});
  ASSERT_LT(Dot(pseudoNormal, normals[0]), 0);
  Vec3 dir{};
  double minDot = 0;
  ASSERT_TRUE(MostOutwardDirection(normals, pseudoNormal, dir, minDot));
  EXPECT_NEAR(Length(dir), 1, 1e-15);
  EXPECT_GT(minDot, 0);
  EXPECT_NEAR(SmallestDot(normals, dir), minDot, 1e-15);
  // No direction does better (sampled).
  std::mt19937_64 rng(7);
  std::normal_distribution<double> g;
  for (int i = 0; i < 20000; ++i) {
    const Vec3 d = Normalized(Vec3{g(rng), g(rng), g(rng)});
    EXPECT_LE(SmallestDot(normals, d), minDot + 1e-12);
  }
}

TEST(PerturbationDirection, OppositeFacesHaveNoOutwardDirection) {
  Vec3 dir{};
  double minDot = 1;
  ASSERT_TRUE(MostOutwardDirection({{1, 0, 0}, {-1, 0, 0}}, {0, 0, 1}, dir, minDot));
  EXPECT_LE(minDot, 0);
  EXPECT_FALSE(MostOutwardDirection({}, {0, 0, 1}, dir, minDot));
}

// More distinct normals than the exact search takes: the iteration finds
// the centre of the cone (+z, every normal 60 degrees from it).
TEST(PerturbationDirection, ManyNormalsUseTheIteration) {
  std::vector<Vec3> normals;
  const double pi = std::acos(-1.0);
  for (int k = 0; k < 40; ++k) {
    const double a = 2 * pi * k / 40;
    normals.push_back({std::sin(pi / 3) * std::cos(a), std::sin(pi / 3) * std::sin(a), std::cos(pi / 3)});
  }
  Vec3 dir{};
  double minDot = 0;
  ASSERT_TRUE(MostOutwardDirection(normals, {1, 0, 0}, dir, minDot));
  EXPECT_GT(minDot, 0.49);
  EXPECT_GT(dir.z, 0.99);
}

TEST(PerturbationDirection, ConvexSolidsKeepTheirPseudoNormals) {
  for (const Mesh& m : {MakeBox({0, 0, 0}, {1, 2, 3}), MakeCylinder({0, 0, 0}, 1, 0.5, 2, 12)}) {
    const BoolOperand op = PrepareOperand(m);
    EXPECT_TRUE(op.stuckVerts.empty());
    for (int t = 0; t < op.NumTri(); ++t)
      for (int v : op.tri[t]) EXPECT_GT(Dot(op.vertNormal[v], op.faceNormal[t]), 0);
  }
  // A box corner keeps its diagonal.
  const BoolOperand box = PrepareOperand(MakeBox({0, 0, 0}, {1, 1, 1}));
  for (const Vec3& n : box.vertNormal) {
    EXPECT_NEAR(std::fabs(n.x), 1 / std::sqrt(3.0), 1e-15);
    EXPECT_NEAR(std::fabs(n.z), 1 / std::sqrt(3.0), 1e-15);
  }
}

}  // namespace
}  // namespace mos::kernel
