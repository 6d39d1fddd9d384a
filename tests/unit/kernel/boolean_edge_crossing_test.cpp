// Unions whose operands' edges cross exactly (the differential runner's
// example018, bugs/issue945, example019): symbolic perturbation turns such
// crossings into weakly simple output polygons (a vertex of a face's loop
// lies on another edge of the same loop, exactly or up to an ulp). The
// output face triangulator once cut ears across those touching points and
// kept faces inside the other operand: same volume, area too large.
#include <gtest/gtest.h>

#include <cmath>
#include <utility>
#include <vector>

#include "boolean_test_support.h"
#include "kernel/mesh.h"
#include "kernel/mesh_transform.h"

namespace mos::kernel {
namespace {

using booltest::IsValidSolid;

Mesh Rotated(Mesh m, Vec3 axis, double degrees) {
  TransformMesh(m, Affine3::Rotation(axis, degrees));
  return m;
}

// Generalized winding number of `m` at p (van Oosterom-Strackee solid angles).
double WindingAt(const Mesh& m, Vec3 p) {
  double sum = 0;
  for (const auto& t : m.triVerts) {
    const Vec3 a = m.vertPos[t[0]] - p, b = m.vertPos[t[1]] - p, c = m.vertPos[t[2]] - p;
    const double la = Length(a), lb = Length(b), lc = Length(c);
    const double den = la * lb * lc + Dot(a, b) * lc + Dot(b, c) * la + Dot(c, a) * lb;
    sum += 2 * std::atan2(Dot(a, Cross(b, c)), den);
  }
  return sum / (4 * std::acos(-1.0));
}

// Counts the result's triangles that lie inside an operand: a point just
// outside the triangle (along its normal) has winding number ~1 there.
int TrianglesInside(const Mesh& result, const std::vector<const Mesh*>& operands) {
  int inside = 0;
  for (const auto& t : result.triVerts) {
    const Vec3 a = result.vertPos[t[0]], b = result.vertPos[t[1]], c = result.vertPos[t[2]];
    const Vec3 n = Cross(b - a, c - a);
    if (Length(n) < 1e-9) continue;  // slivers carry no area
    const Vec3 probe = (a + b + c) * (1.0 / 3) + Normalized(n) * 1e-5;
    for (const Mesh* m : operands)
      if (WindingAt(*m, probe) > 0.5) {
        ++inside;
        break;
      }
  }
  return inside;
}

// The result of every strategy (perturb P, perturb Q, shift Q by a rounding
// step) must be the same solid; the shifted one has no exact ties left.
void ExpectCleanUnion(const Mesh& a, const Mesh& b, double referenceArea) {
  const Mesh shifted = BooleanStrategy(a, b, OpType::kUnion, 2);
  for (int strategy = 0; strategy < 2; ++strategy) {
    const Mesh u = BooleanStrategy(a, b, OpType::kUnion, strategy);
    EXPECT_TRUE(IsValidSolid(u)) << strategy;
    EXPECT_NEAR(SurfaceArea(u), SurfaceArea(shifted), 1e-6 * SurfaceArea(shifted)) << strategy;
    EXPECT_NEAR(SignedVolume(u), SignedVolume(shifted), 1e-6 * SignedVolume(shifted)) << strategy;
    EXPECT_EQ(TrianglesInside(u, {&a, &b}), 0) << strategy;
  }
  const Mesh u = Boolean(a, b, OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_EQ(Genus(u), 0);
  EXPECT_EQ(ComponentCount(u), 1);
  EXPECT_EQ(TrianglesInside(u, {&a, &b}), 0);
  // openscad 2021.01's exact union, area from its STL (6 digits).
  EXPECT_NEAR(SurfaceArea(u), referenceArea, 1e-5 * referenceArea);
  EXPECT_NEAR(SignedVolume(u), SignedVolume(shifted), 1e-9 * SignedVolume(shifted));
}

// example018: each cube's ridges cross the other's ridges and edges exactly.
TEST(BooleanEdgeCrossing, CubesRotatedAboutYAndX) {
  const Mesh cube = MakeBox({-25, -25, -25}, {25, 25, 25});
  ExpectCleanUnion(Rotated(cube, {0, 1, 0}, 45), Rotated(cube, {1, 0, 0}, 45), 18786.768);
}

// bugs/issue945: the corners of one cube's square cross-section lie on the
// other's edges (up to an ulp after rotation).
TEST(BooleanEdgeCrossing, CubesRotatedAboutYAndZ) {
  const Mesh cube = MakeBox({-25, -25, -25}, {25, 25, 25});
  ExpectCleanUnion(Rotated(cube, {0, 1, 0}, 45), Rotated(cube, {0, 0, 1}, 45), 18786.768);
}

// The same pairs with the operands swapped, and as intersection and
// difference: the perturbation goes the other way, so other loops touch.
TEST(BooleanEdgeCrossing, AllOperationsBothOrders) {
  const Mesh cube = MakeBox({-25, -25, -25}, {25, 25, 25});
  const Mesh y = Rotated(cube, {0, 1, 0}, 45);
  for (const Vec3 axis : {Vec3{1, 0, 0}, Vec3{0, 0, 1}}) {
    const Mesh other = Rotated(cube, axis, 45);
    for (int swap = 0; swap < 2; ++swap) {
      const Mesh& a = swap ? other : y;
      const Mesh& b = swap ? y : other;
      for (OpType op : {OpType::kUnion, OpType::kIntersection, OpType::kDifference}) {
        const Mesh r = Boolean(a, b, op);
        EXPECT_TRUE(IsValidSolid(r)) << static_cast<int>(op);
        std::vector<const Mesh*> outside;  // operands the result's faces must not be inside
        if (op == OpType::kUnion) outside = {&a, &b};
        EXPECT_EQ(TrianglesInside(r, outside), 0) << static_cast<int>(op);
      }
      // Volumes add up: |A u B| + |A n B| = |A| + |B|, |A - B| = |A| - |A n B|.
      const double vu = SignedVolume(Boolean(a, b, OpType::kUnion));
      const double vi = SignedVolume(Boolean(a, b, OpType::kIntersection));
      const double vd = SignedVolume(Boolean(a, b, OpType::kDifference));
      EXPECT_NEAR(vu + vi, 2 * 125000.0, 1e-6);
      EXPECT_NEAR(vd, 125000.0 - vi, 1e-6);
      // Areas: the union's boundary is the operands' boundaries outside each other.
      const double au = SurfaceArea(Boolean(a, b, OpType::kUnion));
      EXPECT_NEAR(au, 18786.7966, 1e-3);
    }
  }
}

// A frustum laid out as the cylinder() primitive builds it: two rings of n
// points, side quads split in two, caps fanned from the ring's first point.
Mesh Frustum(Vec3 base, double r1, double r2, double h, int n) {
  Mesh m;
  const double pi = std::acos(-1.0);
  for (double r : {r1, r2})
    for (int i = 0; i < n; ++i) {
      const double phi = 2 * pi * i / n;
      m.vertPos.push_back({base.x + r * std::cos(phi), base.y + r * std::sin(phi), r == r1 ? base.z : base.z + h});
    }
  for (int j = 0; j < n; ++j) {
    const int k = (j + 1) % n;
    m.triVerts.push_back({j, k, n + k});
    m.triVerts.push_back({j, n + k, n + j});
  }
  for (int i = 1; i + 1 < n; ++i) {
    m.triVerts.push_back({n, n + i, n + i + 1});  // top, counter-clockwise from above
    m.triVerts.push_back({0, n - i, n - i - 1});  // bottom, reversed
  }
  m.triProp.assign(m.triVerts.size(), 0);
  BuildHalfedges(m);
  return m;
}

// example019: two cones on one base plane, each one's base rim edges lying
// in the other's base face. The perturbation keeps a zero-width strip of a
// side face along such a rim edge: a loop of zero area whose rounding sign
// made it a "hole", bridged across the side face into the real loop.
TEST(BooleanEdgeCrossing, ConesOnOneBasePlane) {
  for (int n : {12, 19}) {
    const Mesh a = Frustum({-50, 0, -30}, 6, 2, 60, n);
    const Mesh b = Frustum({-40, 0, -30}, 6, 2, 58, n);
    ASSERT_TRUE(IsValidSolid(a));
    const Mesh shifted = BooleanStrategy(a, b, OpType::kUnion, 2);
    for (int strategy = 0; strategy < 2; ++strategy) {
      const Mesh u = BooleanStrategy(a, b, OpType::kUnion, strategy);
      EXPECT_TRUE(IsValidSolid(u)) << n << " " << strategy;
      EXPECT_NEAR(SurfaceArea(u), SurfaceArea(shifted), 1e-6 * SurfaceArea(shifted)) << n << " " << strategy;
      EXPECT_EQ(TrianglesInside(u, {&a, &b}), 0) << n << " " << strategy;
    }
    const Mesh u = Boolean(a, b, OpType::kUnion);
    EXPECT_TRUE(IsValidSolid(u)) << n;
    EXPECT_EQ(Genus(u), 0) << n;
    EXPECT_EQ(TrianglesInside(u, {&a, &b}), 0) << n;
    EXPECT_NEAR(SignedVolume(u), SignedVolume(shifted), 1e-6 * SignedVolume(shifted)) << n;
    // Each operand's area minus its part inside the other: never more than
    // the sum, and here well below it (the bases overlap).
    EXPECT_LT(SurfaceArea(u), SurfaceArea(a) + SurfaceArea(b) - 10) << n;
  }
}

// example024's Menger sponge, level 3, axis-aligned: beams flush with the
// cube's faces cut each cube face into a Sierpinski carpet; the face's
// diagonal runs exactly through hole corners, and a hole bridge once passed
// through another loop's vertex, covering holes (area +4088).
void MengerNegative(double side, double maxSide, int level, Vec3 offset, int axis, std::vector<Mesh>& out) {
  const double l = side / 3;
  Vec3 half{maxSide * 1.1 / 2, l / 2, l / 2};
  Vec3 center = offset;
  if (axis == 1) {
    std::swap(half.x, half.y);
    std::swap(center.x, center.y);
  } else if (axis == 2) {
    std::swap(half.x, half.z);
    std::swap(center.x, center.z);
  }
  out.push_back(MakeBox(center - half, center + half));
  if (level > 1)
    for (int i = -1; i <= 1; ++i)
      for (int j = -1; j <= 1; ++j)
        if (i || j) MengerNegative(l, maxSide, level - 1, {offset.x, offset.y + i * l, offset.z + j * l}, axis, out);
}

TEST(BooleanEdgeCrossing, MengerSpongeLevel3) {
  std::vector<Mesh> cutters;
  for (int axis = 0; axis < 3; ++axis) {
    std::vector<Mesh> beams;
    MengerNegative(100, 100, 3, {0, 0, 0}, axis, beams);
    cutters.push_back(BooleanN(beams, OpType::kUnion));
  }
  const Mesh sponge = Boolean(MakeBox({-50, -50, -50}, {50, 50, 50}), BooleanN(cutters, OpType::kUnion),
                              OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(sponge));
  // Level n, side 1: volume (20/27)^n, area 2 (20/9)^n + 4 (8/9)^n.
  EXPECT_NEAR(SignedVolume(sponge), 1e6 * std::pow(20.0 / 27, 3), 1e-6);
  EXPECT_NEAR(SurfaceArea(sponge), 1e4 * (2 * std::pow(20.0 / 9, 3) + 4 * std::pow(8.0 / 9, 3)), 1e-6);
  EXPECT_EQ(ComponentCount(sponge), 1);
}

}  // namespace
}  // namespace mos::kernel
