// Our quickhull against CGAL's convex_hull_3 (exact predicates; test-only
// oracle, header-only).
#include <gtest/gtest.h>

#include <CGAL/Exact_predicates_inexact_constructions_kernel.h>
#include <CGAL/Surface_mesh.h>
#include <CGAL/convex_hull_3.h>

#include <cmath>
#include <random>

#include "kernel/hull3d.h"
#include "hull_test_support.h"

namespace mos::kernel {
namespace {

using K = CGAL::Exact_predicates_inexact_constructions_kernel;
using CgalMesh = CGAL::Surface_mesh<K::Point_3>;

struct CgalHull {
  size_t vertices = 0;
  double volume = 0;
};

CgalHull CgalConvexHull(const std::vector<Vec3>& pts) {
  std::vector<K::Point_3> in;
  for (const Vec3& p : pts) in.emplace_back(p.x, p.y, p.z);
  CgalMesh sm;
  CGAL::convex_hull_3(in.begin(), in.end(), sm);
  CgalHull out;
  const Vec3 o = pts[0];
  out.vertices = sm.number_of_vertices();
  for (auto f : sm.faces()) {
    std::vector<Vec3> v;
    for (auto vd : CGAL::vertices_around_face(sm.halfedge(f), sm)) {
      const auto& p = sm.point(vd);
      v.push_back(Vec3{p.x(), p.y(), p.z()} - o);
    }
    for (size_t k = 1; k + 1 < v.size(); ++k) {
      out.volume += Dot(v[0], Cross(v[k], v[k + 1])) / 6;
    }
  }
  return out;
}

void ExpectMatchesCgal(const std::vector<Vec3>& pts) {
  const auto ours = ConvexHull3d(pts);
  ASSERT_EQ(ours.status, HullStatus::kOk);
  EXPECT_TRUE(testing::IsClosedOrientedManifold(ours.mesh));
  const CgalHull exact = CgalConvexHull(pts);
  EXPECT_EQ(static_cast<size_t>(ours.mesh.NumVert()), exact.vertices);
  EXPECT_NEAR(testing::Volume(ours.mesh), exact.volume, 1e-12 * std::max(1.0, exact.volume));
}

TEST(HullCgal, RandomBoxPointsMatch) {
  std::mt19937 rng(1);
  std::uniform_real_distribution<double> u(-5, 5);
  for (int trial = 0; trial < 30; ++trial) {
    std::vector<Vec3> p(50 + 40 * trial);
    for (auto& v : p) v = {u(rng), u(rng), u(rng)};
    ExpectMatchesCgal(p);
  }
}

TEST(HullCgal, RandomSpherePointsMatch) {
  std::mt19937 rng(2);
  std::normal_distribution<double> g(0, 1);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<Vec3> p(100 + 100 * trial);
    for (auto& v : p) {
      v = {g(rng), g(rng), g(rng)};
      v = v * (3.0 / Length(v));
    }
    ExpectMatchesCgal(p);
  }
}

TEST(HullCgal, TranslatedSpheresMatch) {
  // hull() of two $fn=24 spheres far from the origin.
  std::vector<Vec3> p;
  for (Vec3 c : {Vec3{100, 200, 300}, Vec3{107, 203, 296}}) {
    for (int i = 0; i < 12; ++i) {
      const double phi = M_PI * (i + 0.5) / 12;
      for (int j = 0; j < 24; ++j) {
        const double th = 2 * M_PI * j / 24;
        p.push_back(c + Vec3{2 * std::sin(phi) * std::cos(th), 2 * std::sin(phi) * std::sin(th),
                             2 * std::cos(phi)});
      }
    }
  }
  ExpectMatchesCgal(p);
}

TEST(HullCgal, IntegerGridPointsMatchExactly) {
  // Many exactly coplanar and collinear points: vertex counts must agree.
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> u(-4, 4);
  int solids = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<Vec3> p(10 + trial % 50);
    for (auto& v : p) v = {u(rng) * 0.25, u(rng) * 0.5, double(u(rng) % 3)};
    if (ConvexHull3d(p).status != HullStatus::kOk) continue;
    ++solids;
    ExpectMatchesCgal(p);
  }
  EXPECT_GT(solids, 150);
}

TEST(HullCgal, RotatedGridMatchesExactly) {
  std::vector<Vec3> p;
  const double c = std::cos(0.3), s = std::sin(0.3);
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j)
      for (int k = 0; k < 5; ++k) p.push_back({c * i - s * j, s * i + c * j, 0.1 * k});
  ExpectMatchesCgal(p);
}

}  // namespace
}  // namespace mos::kernel
