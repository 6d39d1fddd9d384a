// Perturbation directions of a boolean operand: outward for every face
// around a vertex where such a direction exists (perturbation_direction.h).
#include "kernel/perturbation_direction.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
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

// MostOutwardDirection as it was before its candidates' walk stopped early
// (every candidate's minimum taken over all normals): the reference the
// early stop must match bit for bit.
bool ReferenceMostOutward(const std::vector<Vec3>& normals, Vec3 start, Vec3& dir, double& minDot) {
  if (normals.empty()) return false;
  auto consider = [&](Vec3 d, Vec3& best, double& bestMin) {
    const double len = Length(d);
    if (!(len > 0) || !std::isfinite(len)) return;
    d = d * (1.0 / len);
    const double m = SmallestDot(normals, d);
    if (m > bestMin) {
      bestMin = m;
      best = d;
    }
  };
  Vec3 best = Normalized(start);
  double bestMin = Length(best) > 0 ? SmallestDot(normals, best) : -std::numeric_limits<double>::infinity();
  const int k = static_cast<int>(normals.size());
  if (k <= 24) {
    for (int i = 0; i < k; ++i) {
      consider(normals[i], best, bestMin);
      for (int j = i + 1; j < k; ++j) {
        consider(normals[i] + normals[j], best, bestMin);
        for (int l = j + 1; l < k; ++l) {
          const Vec3 c = Cross(normals[j] - normals[i], normals[l] - normals[i]);
          consider(c, best, bestMin);
          consider(-c, best, bestMin);
        }
      }
    }
  } else {
    Vec3 d = Length(best) > 0 ? best : normals[0];
    double step = 1;
    for (int it = 0; it < 256; ++it, step *= 0.97) {
      const Vec3* worst = &normals[0];
      for (const Vec3& n : normals)
        if (Dot(d, n) < Dot(d, *worst)) worst = &n;
      d = Normalized(d + *worst * step);
      if (!(Length(d) > 0)) break;
      consider(d, best, bestMin);
    }
  }
  if (!(Length(best) > 0)) return false;
  dir = best;
  minDot = bestMin;
  return true;
}

TEST(PerturbationDirection, SameAnswerAsTheFullMinimum) {
  // Random normal sets (axis-aligned ones as around a box's saddle
  // corners, near-duplicates, and sets past the exact search's size)
  // against the reference: the same direction and minimum, bit for bit.
  std::mt19937_64 rng(15015);
  std::normal_distribution<double> g;
  const Vec3 axes[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  int found = 0;
  for (int i = 0; i < 3000; ++i) {
    std::vector<Vec3> normals;
    const int k = i % 10 == 9 ? 25 + static_cast<int>(rng() % 10) : 1 + static_cast<int>(rng() % 8);
    for (int j = 0; j < k; ++j) {
      if (i % 3 == 0) normals.push_back(axes[rng() % 6]);
      else if (i % 3 == 1 && j > 0 && rng() % 2) normals.push_back(Normalized(normals[j - 1] + Vec3{1e-9, 0, 0}));
      else normals.push_back(Normalized(Vec3{g(rng), g(rng), g(rng)}));
    }
    const Vec3 start = i % 5 == 0 ? Vec3{0, 0, 0} : Vec3{g(rng), g(rng), g(rng)};
    Vec3 dir{}, refDir{};
    double minDot = 0, refMin = 0;
    const bool ok = MostOutwardDirection(normals, start, dir, minDot);
    ASSERT_EQ(ok, ReferenceMostOutward(normals, start, refDir, refMin)) << i;
    if (!ok) continue;
    ++found;
    EXPECT_EQ(std::memcmp(&dir, &refDir, sizeof dir), 0) << i;
    EXPECT_EQ(std::memcmp(&minDot, &refMin, sizeof minDot), 0) << i;
  }
  EXPECT_GT(found, 1000);
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
