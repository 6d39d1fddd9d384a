// The exact orientation sign against CGAL's exact predicates (test oracle).
#include <gtest/gtest.h>

#include <CGAL/Exact_predicates_inexact_constructions_kernel.h>

#include <cmath>
#include <random>

#include "kernel/hull_predicates.h"

namespace mos::kernel {
namespace {

using K = CGAL::Exact_predicates_inexact_constructions_kernel;

int CgalSign(const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& p) {
  // CGAL: POSITIVE when p is on the negative side... orientation(a,b,c,p)
  // is the sign of det(b-a, c-a, p-a).
  const auto o = CGAL::orientation(K::Point_3(a.x, a.y, a.z), K::Point_3(b.x, b.y, b.z),
                                   K::Point_3(c.x, c.y, c.z), K::Point_3(p.x, p.y, p.z));
  return o == CGAL::POSITIVE ? 1 : (o == CGAL::NEGATIVE ? -1 : 0);
}

TEST(HullPredicates, SimpleSigns) {
  const Vec3 a{0, 0, 0}, b{1, 0, 0}, c{0, 1, 0};
  EXPECT_EQ(Orient3dSign(a, b, c, {0, 0, 1}), 1);
  EXPECT_EQ(Orient3dSign(a, b, c, {0, 0, -1}), -1);
  EXPECT_EQ(Orient3dSign(a, b, c, {5, 7, 0}), 0);
  EXPECT_EQ(Orient3dSign(a, b, c, b), 0);
  EXPECT_TRUE(Collinear3d({0, 0, 0}, {1, 2, 3}, {2, 4, 6}));
  EXPECT_FALSE(Collinear3d({0, 0, 0}, {1, 2, 3}, {2, 4, 6.000000000000001}));
}

TEST(HullPredicates, NearlyCoplanarGridMatchesCgal) {
  // Points a few ulps around a plane through awkward coordinates: the
  // floating-point determinant is wrong for many of these.
  const Vec3 a{0.1, 0.2, 0.3}, b{12.7, 0.55, 3.3}, c{-4.1, 9.9, 1.7};
  const Vec3 u = b - a, v = c - a;
  int disagreementsWithNaive = 0;
  for (int i = 0; i < 40; ++i) {
    for (int j = 0; j < 40; ++j) {
      Vec3 p = a + u * (0.37 + i * 1e-3) + v * (0.61 + j * 1e-3);
      for (int k = -3; k <= 3; ++k) {
        Vec3 q = p;
        q.z = std::nextafter(q.z, k < 0 ? -1e300 : 1e300);
        for (int s = 1; s < std::abs(k); ++s) q.z = std::nextafter(q.z, k < 0 ? -1e300 : 1e300);
        if (k == 0) q = p;
        const int expected = CgalSign(a, b, c, q);
        ASSERT_EQ(Orient3dSign(a, b, c, q), expected) << i << " " << j << " " << k;
        const double naive = Dot(q - a, Cross(u, v));
        disagreementsWithNaive += (naive > 0 ? 1 : naive < 0 ? -1 : 0) != expected;
      }
    }
  }
  EXPECT_GT(disagreementsWithNaive, 0);  // the test does exercise the exact path
}

TEST(HullPredicates, RandomAndDegenerateMatchCgal) {
  std::mt19937 rng(9);
  std::uniform_real_distribution<double> u(-1, 1);
  std::uniform_int_distribution<int> small(-2, 2);
  for (int trial = 0; trial < 20000; ++trial) {
    Vec3 p[4];
    for (auto& q : p) {
      q = trial % 2 ? Vec3{u(rng), u(rng), u(rng)} * 1e3
                    : Vec3{double(small(rng)), double(small(rng)), double(small(rng))} * 0.1;
    }
    ASSERT_EQ(Orient3dSign(p[0], p[1], p[2], p[3]), CgalSign(p[0], p[1], p[2], p[3]));
  }
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

TEST(HullPredicates, Orient2dMatchesCgalNearLines) {
  using K2 = CGAL::Exact_predicates_inexact_constructions_kernel;
  std::mt19937 rng(4);
  std::uniform_real_distribution<double> u(-10, 10);
  int naiveWrong = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    const Vec2 a{u(rng), u(rng)}, b{u(rng), u(rng)};
    const double t = u(rng) / 10;
    Vec2 c{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
    for (int s = 0; s < trial % 4; ++s) c.y = std::nextafter(c.y, trial % 2 ? 1e300 : -1e300);
    const auto o = CGAL::orientation(K2::Point_2(a.x, a.y), K2::Point_2(b.x, b.y), K2::Point_2(c.x, c.y));
    const int expected = o == CGAL::LEFT_TURN ? 1 : (o == CGAL::RIGHT_TURN ? -1 : 0);
    ASSERT_EQ(Orient2dSign(a, b, c), expected);
    const double naive = Cross(b - a, c - a);
    naiveWrong += (naive > 0 ? 1 : naive < 0 ? -1 : 0) != expected;
  }
  EXPECT_GT(naiveWrong, 0);
}

}  // namespace
}  // namespace mos::kernel
