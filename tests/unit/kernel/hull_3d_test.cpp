#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <random>

#include "kernel/hull3d.h"
#include "hull_test_support.h"

namespace mos::kernel {
namespace {

using testing::Area;
using testing::IsClosedOrientedManifold;
using testing::IsConvexOutward;
using testing::Volume;

std::vector<Vec3> CubeCorners(double s, Vec3 o = {}) {
  std::vector<Vec3> p;
  for (int i = 0; i < 8; ++i) {
    p.push_back(o + Vec3{(i & 1) * s, ((i >> 1) & 1) * s, ((i >> 2) & 1) * s});
  }
  return p;
}

void ExpectSolid(const Hull3dResult& r) {
  ASSERT_EQ(r.status, HullStatus::kOk);
  EXPECT_TRUE(IsClosedOrientedManifold(r.mesh));
  EXPECT_GT(Volume(r.mesh), 0);
}

TEST(Hull3d, CubeCornersGiveTwelveTriangles) {
  const auto r = ConvexHull3d(CubeCorners(2));
  ExpectSolid(r);
  EXPECT_EQ(r.mesh.NumVert(), 8);
  EXPECT_EQ(r.mesh.NumTri(), 12);
  EXPECT_NEAR(Volume(r.mesh), 8, 1e-12);
  EXPECT_NEAR(Area(r.mesh), 24, 1e-12);
  EXPECT_TRUE(IsConvexOutward(r.mesh, 1e-12));
}

TEST(Hull3d, GridPointsOnCubeFacesAreMergedAway) {
  // Every point of a 5x5x5 grid: only the 8 corners are hull vertices.
  std::vector<Vec3> p;
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j)
      for (int k = 0; k < 5; ++k) p.push_back({0.1 * i, 0.1 * j, 0.1 * k});
  const auto r = ConvexHull3d(p);
  ExpectSolid(r);
  EXPECT_EQ(r.mesh.NumVert(), 8);
  EXPECT_EQ(r.mesh.NumTri(), 12);
  EXPECT_NEAR(Volume(r.mesh), 0.4 * 0.4 * 0.4, 1e-14);
}

TEST(Hull3d, DuplicatesAndInteriorPointsIgnored) {
  auto p = CubeCorners(1);
  const auto copy = p;
  p.insert(p.end(), copy.begin(), copy.end());
  p.push_back({0.5, 0.5, 0.5});
  p.push_back({0.5, 0.5, 1.0});  // on a face
  p.push_back({0.5, 0.0, 0.0});  // on an edge
  const auto r = ConvexHull3d(p);
  ExpectSolid(r);
  EXPECT_EQ(r.mesh.NumVert(), 8);
  EXPECT_NEAR(Volume(r.mesh), 1, 1e-14);
}

TEST(Hull3d, TetrahedronIsOutward) {
  const auto r = ConvexHull3d({{0, 0, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
  ExpectSolid(r);
  EXPECT_EQ(r.mesh.NumTri(), 4);
  EXPECT_NEAR(Volume(r.mesh), 1.0 / 6.0, 1e-15);
}

TEST(Hull3d, FewerThanFourOrCollinearPointsAreEmpty) {
  EXPECT_EQ(ConvexHull3d({}).status, HullStatus::kEmpty);
  EXPECT_EQ(ConvexHull3d({{1, 2, 3}}).status, HullStatus::kEmpty);
  EXPECT_EQ(ConvexHull3d({{1, 2, 3}, {1, 2, 3}, {1, 2, 3}}).status, HullStatus::kEmpty);
  const auto line = ConvexHull3d({{0, 0, 0}, {1, 1, 1}, {2, 2, 2}, {0.5, 0.5, 0.5}});
  EXPECT_EQ(line.status, HullStatus::kEmpty);
  EXPECT_EQ(line.mesh.NumTri(), 0);
  const double nan = std::nan("");
  EXPECT_EQ(ConvexHull3d({{nan, 0, 0}, {0, 0, 0}, {1, 0, 0}, {0, 1, 0}}).status,
            HullStatus::kPlanar);
}

TEST(Hull3d, CoplanarPointsGivePlanarPolygonNotSolid) {
  // What 2021.01 renders as a flat one-sided polygon (4 corners, CCW).
  const auto r = ConvexHull3d({{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0.5, 0.5, 0}, {0.5, 0, 0}});
  EXPECT_EQ(r.status, HullStatus::kPlanar);
  EXPECT_EQ(r.mesh.NumTri(), 0);
  ASSERT_EQ(r.planarPolygon.size(), 4u);
  EXPECT_NEAR(std::fabs(r.planarNormal.z), 1, 1e-15);
  // A tilted plane, 3 points.
  const auto t = ConvexHull3d({{0, 0, 0}, {1, 0, 1}, {0, 1, 1}});
  EXPECT_EQ(t.status, HullStatus::kPlanar);
  EXPECT_EQ(t.planarPolygon.size(), 3u);
}

TEST(Hull3d, NearlyFlatBoxStaysSolid) {
  auto p = CubeCorners(1);
  for (auto& v : p) v.z *= 1e-7;
  const auto r = ConvexHull3d(p);
  ExpectSolid(r);
  EXPECT_NEAR(Volume(r.mesh), 1e-7, 1e-20);
}

TEST(Hull3d, SpherePointsAreAllVertices) {
  // Points on a UV sphere: many near-coplanar neighbours.
  std::vector<Vec3> p;
  const int rings = 30, segs = 60;
  for (int i = 0; i < rings; ++i) {
    const double phi = M_PI * (i + 0.5) / rings;
    for (int j = 0; j < segs; ++j) {
      const double th = 2 * M_PI * j / segs;
      p.push_back({10 * std::sin(phi) * std::cos(th), 10 * std::sin(phi) * std::sin(th),
                   10 * std::cos(phi)});
    }
  }
  const auto r = ConvexHull3d(p);
  ExpectSolid(r);
  EXPECT_EQ(r.mesh.NumVert(), rings * segs);
  EXPECT_TRUE(IsConvexOutward(r.mesh, 1e-9));
  EXPECT_LT(Volume(r.mesh), 4.0 / 3.0 * M_PI * 1000);
  EXPECT_GT(Volume(r.mesh), 0.98 * 4.0 / 3.0 * M_PI * 1000);
}

TEST(Hull3d, RandomPointsContainEveryInputPoint) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(-1, 1);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<Vec3> p(200 + 50 * trial);
    for (auto& v : p) v = {u(rng), u(rng), u(rng)};
    const auto r = ConvexHull3d(p);
    ExpectSolid(r);
    EXPECT_TRUE(IsConvexOutward(r.mesh, 1e-12));
    // Every input point lies inside or on every face plane.
    for (const auto& t : r.mesh.triVerts) {
      const Vec3 n = Cross(r.mesh.vertPos[t[1]] - r.mesh.vertPos[t[0]],
                           r.mesh.vertPos[t[2]] - r.mesh.vertPos[t[0]]);
      for (const auto& q : p) {
        ASSERT_LE(Dot(n, q - r.mesh.vertPos[t[0]]) / Length(n), 1e-12);
      }
    }
  }
}

TEST(Hull3d, IntegerGridClustersAreRobust) {
  // Many exactly coplanar / collinear / cospherical integer points.
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> u(-3, 3);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<Vec3> p(40);
    for (auto& v : p) v = {double(u(rng)), double(u(rng)), double(u(rng))};
    const auto r = ConvexHull3d(p);
    if (r.status != HullStatus::kOk) continue;
    EXPECT_TRUE(IsClosedOrientedManifold(r.mesh));
    EXPECT_TRUE(IsConvexOutward(r.mesh, 1e-12));
    // Integer hull: volume is a multiple of 1/6.
    const double v6 = 6 * Volume(r.mesh);
    EXPECT_NEAR(v6, std::round(v6), 1e-9);
  }
}

TEST(Hull3d, CancelTokenStopsAndBudgetRefuses) {
  std::atomic<bool> cancel{true};
  KernelLimits budget;
  budget.cancel = &cancel;
  EXPECT_EQ(ConvexHull3d(CubeCorners(1), budget).status, HullStatus::kCancelled);
  KernelLimits small;
  small.maxVertices = 4;
  EXPECT_EQ(ConvexHull3d(CubeCorners(1), small).status, HullStatus::kTooLarge);
}

TEST(Hull3d, PropertyIsCarried) {
  const auto r = ConvexHull3d(CubeCorners(1), {}, 42);
  ASSERT_EQ(r.status, HullStatus::kOk);
  for (uint32_t p : r.mesh.triProp) EXPECT_EQ(p, 42u);
}

}  // namespace
}  // namespace mos::kernel
