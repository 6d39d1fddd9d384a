// Tori that share a point on the axis they are rotated about (issue267's
// union of rotate_extrude donuts, rotate(10, [1, 0, 0])): both operands have
// a vertex at (25, 0, 0), where their surfaces cross. The union kept the two
// vertices apart (same position, two fans joined by a coincident opposite
// pair of triangles): closed and manifold by index, but any output welded by
// position (STL) has edges with four triangles. The weld before the
// colinear pass cannot merge them (an edge stays unpaired until the flat
// vertices around are collapsed), so cleanup welds again after that pass.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "boolean_test_support.h"
#include "kernel/mesh_transform.h"

namespace mos::kernel {
namespace {

using booltest::IsValidSolid;

// cos/sin of a multiple of 18 degrees, exact at the quarter turns.
double CosDeg(int deg) {
  const int d = ((deg % 360) + 360) % 360;
  if (d == 0) return 1;
  if (d == 90 || d == 270) return 0;
  if (d == 180) return -1;
  return std::cos(d * std::acos(-1.0) / 180);
}
double SinDeg(int deg) { return CosDeg(90 - deg); }

// rotate_extrude(circle(r, $fn = n) translated by R) with $fn = n as the
// geometry stage lays it out: profile j at 180 - 360 j / n degrees, two
// triangles per quad, facing outward.
Mesh Torus(double bigR, double r, int n) {
  Mesh m;
  for (int j = 0; j < n; ++j) {
    const int a = 180 - 360 * j / n;
    for (int i = 0; i < n; ++i) {
      const int phi = 360 * i / n;
      const double x = bigR + r * CosDeg(phi), z = r * SinDeg(phi);
      m.vertPos.push_back({x * CosDeg(a), x * SinDeg(a), z});
    }
  }
  auto id = [n](int j, int i) { return (j % n) * n + (i % n); };
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      m.triVerts.push_back({id(j, i), id(j + 1, i + 1), id(j + 1, i)});
      m.triVerts.push_back({id(j, i), id(j, i + 1), id(j + 1, i + 1)});
    }
  m.triProp.assign(m.triVerts.size(), 0);
  BuildHalfedges(m);
  return m;
}

int CoincidentUsedVertexPairs(const Mesh& m) {
  std::vector<char> used(m.vertPos.size(), 0);
  for (const auto& t : m.triVerts)
    for (int v : t) used[v] = 1;
  std::vector<Vec3> pts;
  for (size_t v = 0; v < used.size(); ++v)
    if (used[v]) pts.push_back(m.vertPos[v]);
  int pairs = 0;
  for (size_t i = 0; i < pts.size(); ++i)
    for (size_t j = i + 1; j < pts.size(); ++j) pairs += pts[i] == pts[j];
  return pairs;
}

TEST(BooleanSharedAxisPoint, TwoToriRotatedAboutXShareOneVertex) {
  const Mesh a = Torus(20, 5, 20);
  ASSERT_TRUE(IsValidSolid(a));
  Mesh b = a;
  TransformMesh(b, Affine3::Rotation({1, 0, 0}, 10));
  const Mesh u = Boolean(a, b, OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_EQ(CoincidentUsedVertexPairs(u), 0);
  EXPECT_EQ(Genus(u), 1);
  EXPECT_EQ(ComponentCount(u), 1);
  // openscad 2021.01 (CGAL): 12206.6061 from its 6-digit STL.
  EXPECT_NEAR(SignedVolume(u), 12206.61, 0.01);
}

}  // namespace
}  // namespace mos::kernel
