// The flat-vertex witness (kernel/cleanup_flat_witness.h): three normals it
// calls apart must end the cleanup's plane grouping at a third plane in
// every order, among any other normals; and a tube cut (long cap fans,
// neighbours collapsed) cleans to the plain tube.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "boolean_test_support.h"
#include "kernel/cleanup_flat_witness.h"
#include "kernel/mesh_primitives.h"

namespace mos::kernel {
namespace {

using cleanup_detail::NeverOnePlane;
using cleanup_detail::ThreePlanesApart;

// CollapseColinear's grouping of a fan's unit normals (one property):
// whether it meets a third plane.
bool GroupingNeedsThreePlanes(const std::vector<Vec3>& normals, double cosTol) {
  Vec3 planes[2];
  int numPlanes = 0;
  for (const Vec3& n : normals) {
    int found = -1;
    for (int pl = 0; pl < numPlanes; ++pl)
      if (Dot(n, planes[pl]) > cosTol) found = pl;
    if (found >= 0) continue;
    if (numPlanes == 2) return true;
    planes[numPlanes++] = n;
  }
  return false;
}

Vec3 Unit(const Vec3& v) { return v * (1.0 / Length(v)); }

// A unit vector at `angle` from +z, turned by `turn` about z.
Vec3 Tilted(double angle, double turn) {
  return Unit(Vec3{std::sin(angle) * std::cos(turn), std::sin(angle) * std::sin(turn), std::cos(angle)});
}

// Normals around +z within a few tolerance angles of each other: trios the
// witness calls apart, grouped in random orders with random others near
// them, must always need a third plane. `apart` is the predicate under test.
template <typename Apart>
int CountWitnessFailures(Apart apart, int trials, unsigned seed) {
  const double cosTol = 1 - 1e-12;
  const double theta = std::acos(cosTol);  // about 1.4e-6
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> scale(0, 4 * theta), turn(0, 6.283185307179586);
  int failures = 0;
  for (int i = 0; i < trials; ++i) {
    std::vector<Vec3> n;
    for (int k = 0; k < 8; ++k) n.push_back(Tilted(scale(rng), turn(rng)));
    if (!apart(n[0], n[1], n[2], cosTol)) continue;
    for (int order = 0; order < 20; ++order) {
      std::shuffle(n.begin(), n.end(), rng);
      if (!GroupingNeedsThreePlanes(n, cosTol)) {
        ++failures;
        break;
      }
    }
  }
  return failures;
}

TEST(CleanupFlatWitness, ApartTriosNeedThreePlanesInEveryOrder) {
  auto witness = [](const Vec3& a, const Vec3& b, const Vec3& c, double cosTol) {
    return ThreePlanesApart(a, b, c, cosTol);
  };
  EXPECT_EQ(CountWitnessFailures(witness, 20000, 12345), 0);
}

// The harness can fail: a witness that only asks each pair to be outside
// the tolerance of each other (what one walk order shows) is refuted.
TEST(CleanupFlatWitness, HarnessRefutesAWitnessWithoutMargin) {
  auto weak = [](const Vec3& a, const Vec3& b, const Vec3& c, double cosTol) {
    return !(Dot(a, b) > cosTol) && !(Dot(a, c) > cosTol) && !(Dot(b, c) > cosTol);
  };
  EXPECT_GT(CountWitnessFailures(weak, 20000, 12345), 0);
}

TEST(CleanupFlatWitness, NeverOnePlaneBounds) {
  const double cosTol = 1 - 1e-12;
  const Vec3 z{0, 0, 1};
  EXPECT_FALSE(NeverOnePlane(z, z, cosTol));
  EXPECT_FALSE(NeverOnePlane(z, Tilted(2e-6, 0), cosTol));  // within twice the tolerance angle
  EXPECT_TRUE(NeverOnePlane(z, Tilted(1e-4, 0), cosTol));
  EXPECT_TRUE(NeverOnePlane(z, Vec3{1, 0, 0}, cosTol));
  EXPECT_FALSE(NeverOnePlane(z, Vec3{1, 0, 0}, 0.5));  // coarse tolerance: no witness
  const double nan = std::nan("");
  EXPECT_FALSE(NeverOnePlane(z, Vec3{nan, 0, 0}, cosTol));
  EXPECT_TRUE(ThreePlanesApart(Vec3{1, 0, 0}, Vec3{0, 1, 0}, z, cosTol));
  EXPECT_FALSE(ThreePlanesApart(Vec3{1, 0, 0}, Vec3{0, 1, 0}, Vec3{0, 1, 0}, cosTol));
}

// The tube of the profile (a 360-gon cylinder less a coaxial one that
// passes through both caps): the caps' chord vertices are collapsed, so the
// rim vertices next to them (long cap fans) are examined again, through
// their witnesses. The result is the plain tube.
TEST(CleanupFlatWitness, TubeCleansToItsRims) {
  const Mesh outer = MakeCylinder({0, 0, 0}, 4, 4, 7, 360);
  const Mesh inner = MakeCylinder({0, 0, -0.5}, 2, 2, 8, 360);
  const Mesh tube = Boolean(outer, inner, OpType::kDifference);
  EXPECT_TRUE(booltest::IsValidSolid(tube));
  EXPECT_EQ(tube.NumVert(), 4 * 360);
  EXPECT_EQ(tube.NumTri(), 4 * 360 + 2 * 720);  // two side walls, two annuli
}

}  // namespace
}  // namespace mos::kernel
