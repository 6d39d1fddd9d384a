// The fragment rule and degree-exact trigonometry (values checked against
// openscad 2021.01's exported vertices, see reference_vertices_test.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "geom/tessellation.h"
#include "kernel/mesh.h"

namespace mos::geom {
namespace {

TEST(FragmentCount, Rule2021) {
  EXPECT_EQ(FragmentCount(1e-7, 0, 2, 12), 3);   // below 2^-20
  EXPECT_EQ(FragmentCount(1e-7, 50, 2, 12), 3);  // even with $fn
  EXPECT_EQ(FragmentCount(1, 2, 2, 12), 3);      // $fn below 3
  EXPECT_EQ(FragmentCount(1, 4.7, 2, 12), 4);    // $fn truncated
  EXPECT_EQ(FragmentCount(1, 0, 2, 12), 5);      // at least 5
  EXPECT_EQ(FragmentCount(5, 0, 2, 12), 16);     // 2*pi*5/2 = 15.7
  EXPECT_EQ(FragmentCount(100, 0, 2, 12), 30);   // 360/12
  EXPECT_EQ(FragmentCount(10, 0, 0.5, 5), 72);
}

TEST(FragmentCount, IntOverflowGivesThreeAs2021) {
  // openscad 2021.01: sphere($fn=1/0) exports 6 vertices (3 fragments).
  EXPECT_EQ(FragmentCount(1, INFINITY, 2, 12), 3);
  EXPECT_EQ(FragmentCount(1, 1e300, 2, 12), 3);
  EXPECT_EQ(FragmentCount(1, 2147483647.0, 2, 12), 2147483647);
  EXPECT_EQ(FragmentCount(1e300, 0, 1e-300, 1e-300), 2147483647);
}

TEST(DegreeTrig, ExactAxesWithSignedZeros) {
  EXPECT_EQ(SinDegrees(30), 0.5);
  EXPECT_EQ(CosDegrees(60), 0.5);
  EXPECT_EQ(SinDegrees(90), 1);
  EXPECT_EQ(CosDegrees(180), -1);
  EXPECT_EQ(SinDegrees(270), -1);
  EXPECT_EQ(SinDegrees(180), 0);
  EXPECT_TRUE(std::signbit(SinDegrees(180)));  // 2021.01 prints "-0" there
  EXPECT_FALSE(std::signbit(CosDegrees(90)));
  EXPECT_TRUE(std::signbit(CosDegrees(270)));
  EXPECT_EQ(SinDegrees(-90), -1);
  EXPECT_EQ(SinDegrees(450), 1);
  EXPECT_NEAR(SinDegrees(10), std::sin(10 * M_PI / 180), 1e-16);
  EXPECT_NEAR(CosDegrees(100), std::cos(100 * M_PI / 180), 1e-16);
  EXPECT_TRUE(std::isnan(SinDegrees(INFINITY)));
}

TEST(Primitives, SphereRingsHaveNoPoles) {
  kernel::Mesh m = SphereMesh(1, 6, 0);
  EXPECT_EQ(m.NumVert(), 18);  // 3 rings of 6
  for (const auto& v : m.vertPos) EXPECT_LT(std::abs(v.z), 1.0);
  EXPECT_TRUE(kernel::IsClosedManifold(m));
}

TEST(Primitives, DegenerateSizesGiveNothing) {
  EXPECT_EQ(CubeMesh(0, 1, 1, false, 0).NumTri(), 0);
  EXPECT_EQ(SphereMesh(0, 5, 0).NumTri(), 0);
  EXPECT_EQ(CylinderMesh(0, 1, 1, false, 5, 0).NumTri(), 0);
  EXPECT_EQ(CylinderMesh(1, 0, 0, false, 5, 0).NumTri(), 0);
  EXPECT_EQ(CylinderMesh(1, NAN, 1, false, 5, 0).NumTri(), 0);
  EXPECT_TRUE(SquarePolygon(-1, 1, false).contours.empty());
  EXPECT_TRUE(CirclePolygon(0, 5).contours.empty());
}

TEST(Primitives, ConeHasOneApex) {
  kernel::Mesh m = CylinderMesh(3, 2, 0, true, 5, 0);
  EXPECT_EQ(m.NumVert(), 6);
  EXPECT_EQ(m.NumTri(), 5 + 3);
  EXPECT_TRUE(kernel::IsClosedManifold(m));
}

// Caps are cut into ears around the rim, ring after ring, not fanned from
// one vertex: no vertex is in more than a few cap triangles, and the caps
// still cover the disc (closed solid, the volume of the prism).
TEST(Primitives, CapsAreNotFans) {
  const int n = 360;
  kernel::Mesh m = CylinderMesh(2, 5, 5, false, n, 0);
  EXPECT_EQ(m.NumTri(), 2 * n + 2 * (n - 2));
  EXPECT_TRUE(kernel::IsClosedManifold(m));
  std::vector<int> uses(m.NumVert(), 0);
  for (const auto& t : m.triVerts)
    for (int v : t) ++uses[v];
  // A side vertex is in 3 side triangles; a fan's hub would be in n - 2 + 3.
  EXPECT_LE(*std::max_element(uses.begin(), uses.end()), 3 + 2 * 9 + 2);
  double volume = 0;
  for (const auto& t : m.triVerts) {
    const kernel::Vec3 a = m.vertPos[t[0]], b = m.vertPos[t[1]], c = m.vertPos[t[2]];
    volume += (a.x * (b.y * c.z - b.z * c.y) - a.y * (b.x * c.z - b.z * c.x) +
               a.z * (b.x * c.y - b.y * c.x)) / 6;
  }
  const double polygonArea = 0.5 * n * 25 * std::sin(2 * M_PI / n);
  EXPECT_NEAR(volume, 2 * polygonArea, 1e-9);
  // Quads (cube faces) keep their two triangles.
  EXPECT_EQ(CubeMesh(1, 1, 1, false, 0).NumTri(), 12);
  // Every ring size closes.
  for (int k = 3; k < 40; ++k) {
    EXPECT_TRUE(kernel::IsClosedManifold(CylinderMesh(1, 1, 1, false, k, 0))) << k;
    EXPECT_TRUE(kernel::IsClosedManifold(SphereMesh(1, k, 0))) << k;
  }
}

}  // namespace
}  // namespace mos::geom

namespace mos::geom {
namespace {

// SphereMesh and CylinderMesh fill their twins from their own structure;
// they must be exactly the twins of the edge table (BuildHalfedges).
void ExpectTwinsOfEdgeTable(const kernel::Mesh& m, const char* what, int n) {
  ASSERT_GT(m.NumTri(), 0) << what << " " << n;
  kernel::Mesh check = m;
  ASSERT_TRUE(kernel::BuildHalfedges(check)) << what << " " << n;
  EXPECT_EQ(check.halfedgeTwin, m.halfedgeTwin) << what << " " << n;
  EXPECT_EQ(m.triProp, std::vector<uint32_t>(m.NumTri(), 7u)) << what << " " << n;
}

TEST(Tessellation, PrimitiveTwinsAreTheEdgeTables) {
  for (int n = 3; n <= 80; ++n) {
    ExpectTwinsOfEdgeTable(SphereMesh(2.5, n, 7), "sphere", n);
    ExpectTwinsOfEdgeTable(CylinderMesh(3, 1, 2, false, n, 7), "cylinder", n);
    ExpectTwinsOfEdgeTable(CylinderMesh(3, 1, 1, true, n, 7), "tube", n);
    ExpectTwinsOfEdgeTable(CylinderMesh(3, 0, 2, false, n, 7), "cone up", n);
    ExpectTwinsOfEdgeTable(CylinderMesh(3, 2, 0, true, n, 7), "cone down", n);
  }
  ExpectTwinsOfEdgeTable(SphereMesh(1e-3, 361, 7), "sphere", 361);
  ExpectTwinsOfEdgeTable(CylinderMesh(1, 5, 3, false, 360, 7), "cylinder", 360);
}

}  // namespace
}  // namespace mos::geom
