// The exact orientation sign against CGAL's exact predicates (test oracle).
#include <gtest/gtest.h>

#include <CGAL/Exact_predicates_inexact_constructions_kernel.h>

#include <cmath>
#include <random>
#include <vector>

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

namespace mos::kernel {
namespace {

// A random double with a random exponent in [-lo, hi], so the differences of
// two coordinates usually round (stages C and D of the adaptive test).
double WideDouble(std::mt19937& rng, int lo, int hi) {
  std::uniform_real_distribution<double> mant(1, 2);
  std::uniform_int_distribution<int> expo(-lo, hi);
  std::uniform_int_distribution<int> sign(0, 1);
  return (sign(rng) ? -1 : 1) * std::ldexp(mant(rng), expo(rng));
}

double StepUlps(double x, int k) {
  for (int s = 0; s < std::abs(k); ++s) x = std::nextafter(x, k < 0 ? -1e300 : 1e300);
  return x;
}

TEST(HullPredicates, ExactlyCoplanarWithRoundedDifferencesIsZero) {
  // Points on the plane z = x: every difference rounds, yet the determinant
  // is exactly 0, which only the exact stage can confirm; one ulp off the
  // plane must give the sign CGAL gives.
  std::mt19937 rng(21);
  int naiveWrong = 0;
  for (int trial = 0; trial < 5000; ++trial) {
    Vec3 q[4];
    for (auto& v : q) {
      const double t = WideDouble(rng, 30, 10);
      v = {t, WideDouble(rng, 30, 10), t};
    }
    ASSERT_EQ(Orient3dSign(q[0], q[1], q[2], q[3]), CgalSign(q[0], q[1], q[2], q[3])) << trial;
    const int k = trial % 5 - 2;
    Vec3 p = q[3];
    p.z = StepUlps(p.z, k);
    const int expected = CgalSign(q[0], q[1], q[2], p);
    ASSERT_EQ(Orient3dSign(q[0], q[1], q[2], p), expected) << trial;
    const double naive = Dot(p - q[0], Cross(q[1] - q[0], q[2] - q[0]));
    naiveWrong += (naive > 0 ? 1 : naive < 0 ? -1 : 0) != expected;
  }
  EXPECT_GT(naiveWrong, 0);
}

TEST(HullPredicates, LargeIntegersNearPlaneMatchCgal) {
  // Integer coordinates below 2^52 on the plane z = x + y: the differences
  // are exact, so stage B's determinant of the differences is the answer.
  std::mt19937_64 rng(5);
  std::uniform_int_distribution<long long> coord(-(1LL << 49), 1LL << 49);
  std::uniform_int_distribution<int> off(-2, 2);
  for (int trial = 0; trial < 5000; ++trial) {
    Vec3 q[4];
    for (auto& v : q) {
      const double x = double(coord(rng)), y = double(coord(rng));
      v = {x, y, x + y + off(rng)};
    }
    ASSERT_EQ(Orient3dSign(q[0], q[1], q[2], q[3]), CgalSign(q[0], q[1], q[2], q[3])) << trial;
  }
}

TEST(HullPredicates, MinkowskiLikeCoplanarRingsMatchCgal) {
  // The hull case that reaches the exact path most (a Minkowski sum of a box
  // and a low-resolution sphere): every box corner plus every sphere point,
  // many of them exactly or nearly coplanar.
  std::vector<Vec3> sphere;
  for (int ring = 0; ring < 6; ++ring) {
    const double phi = 3.141592653589793 * (ring + 0.5) / 6;
    for (int i = 0; i < 12; ++i) {
      const double theta = 2 * 3.141592653589793 * i / 12;
      sphere.push_back(Vec3{std::sin(phi) * std::cos(theta), std::sin(phi) * std::sin(theta),
                            std::cos(phi)} * 0.5);
    }
  }
  std::vector<Vec3> pts;
  for (int corner = 0; corner < 8; ++corner) {
    const Vec3 c{corner & 1 ? 10.0 : 0.0, corner & 2 ? 2.0 : 0.0, corner & 4 ? 2.0 : 0.0};
    for (const Vec3& s : sphere) pts.push_back(c + s);
  }
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> pick(0, int(pts.size()) - 1);
  std::uniform_int_distribution<int> inSphere(0, int(sphere.size()) - 1);
  for (int trial = 0; trial < 40000; ++trial) {
    // Half the trials take a parallelogram of the sum: a box edge (corners
    // c0, c1) times a sphere chord (points s1, s2), coplanar in real numbers.
    const int k = int(sphere.size());
    const int c0 = trial % 8, c1 = c0 ^ (1 << (trial / 8 % 3));
    const int s1 = inSphere(rng), s2 = inSphere(rng);
    const bool face = trial % 2 == 0;
    const Vec3& a = pts[face ? c0 * k + s1 : pick(rng)];
    const Vec3& b = pts[face ? c1 * k + s1 : pick(rng)];
    const Vec3& c = pts[face ? c0 * k + s2 : pick(rng)];
    const Vec3& p = pts[face ? c1 * k + s2 : pick(rng)];
    ASSERT_EQ(Orient3dSign(a, b, c, p), CgalSign(a, b, c, p)) << trial;
  }
}

TEST(HullPredicates, Orient2dWideMagnitudesMatchCgal) {
  using K2 = CGAL::Exact_predicates_inexact_constructions_kernel;
  std::mt19937 rng(8);
  for (int trial = 0; trial < 5000; ++trial) {
    // Points on the line y = x, then nudged: the differences round.
    const double s = WideDouble(rng, 30, 10), t = WideDouble(rng, 30, 10), r = WideDouble(rng, 30, 10);
    const Vec2 a{s, s}, b{t, t}, c{r, StepUlps(r, trial % 3 - 1)};
    const auto o = CGAL::orientation(K2::Point_2(a.x, a.y), K2::Point_2(b.x, b.y), K2::Point_2(c.x, c.y));
    const int expected = o == CGAL::LEFT_TURN ? 1 : (o == CGAL::RIGHT_TURN ? -1 : 0);
    ASSERT_EQ(Orient2dSign(a, b, c), expected) << trial;
  }
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

// The hull's split filter (Orient3dFilter, its triangle half computed once)
// must never decide differently from Orient3dSign: near-coplanar points (the
// filter is undecided), points equal to a corner, wide magnitudes.
TEST(HullPredicates, SplitFilterAgreesWithOrient3dSign) {
  std::mt19937 rng(17);
  std::uniform_real_distribution<double> u(-1, 1);
  int decided = 0, undecided = 0;
  for (int trial = 0; trial < 30000; ++trial) {
    Vec3 q[4];
    for (auto& v : q) {
      v = trial % 3 == 0   ? Vec3{u(rng), u(rng), u(rng)} * 1e3
          : trial % 3 == 1 ? Vec3{WideDouble(rng, 30, 10), WideDouble(rng, 30, 10),
                                  WideDouble(rng, 30, 10)}
                           : Vec3{double(int(u(rng) * 3)), double(int(u(rng) * 3)), 0.5};
    }
    const Orient3dFilter f = MakeOrient3dFilter(q[0], q[1], q[2]);
    // The fourth point as drawn, nudged to the plane (a combination of the
    // corners, a few ulps off) and equal to each corner.
    const Vec3 onPlane = q[0] + (q[1] - q[0]) * 0.375 + (q[2] - q[0]) * 0.25;
    const Vec3 probes[] = {q[3], onPlane, {onPlane.x, onPlane.y, StepUlps(onPlane.z, trial % 5 - 2)},
                           q[0], q[1], q[2]};
    for (const Vec3& p : probes) {
      const int quick = Orient3dFilterSign(f, p);
      const int exact = Orient3dSign(q[0], q[1], q[2], p);
      if (quick != 0) {
        ASSERT_EQ(quick, exact) << trial;
        ++decided;
      } else {
        ++undecided;
      }
    }
  }
  EXPECT_GT(decided, 0);
  EXPECT_GT(undecided, 0);  // the test reaches the undecided band
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

// Orient3dSign's shortcut for an axis-parallel difference (one of b - a,
// c - a, p - a with two zero coordinates): every rotation and axis, on
// exactly coplanar sets (box edge plus a chord, as in Minkowski sums), a few
// ulps off them, and with rounded differences, against CGAL.
TEST(HullPredicates, AxisParallelEdgeMatchesCgal) {
  std::mt19937 rng(31);
  std::uniform_real_distribution<double> u(-20, 20);
  int zeros = 0, nonzero = 0;
  for (int trial = 0; trial < 30000; ++trial) {
    const int axis = trial % 3, which = trial / 3 % 3;
    Vec3 a{u(rng), u(rng), u(rng)};
    if (trial % 7 == 0) a = Vec3{WideDouble(rng, 20, 5), WideDouble(rng, 20, 5), WideDouble(rng, 20, 5)};
    Vec3 x = a;  // differs from a only along `axis`
    x[axis] = trial % 2 ? u(rng) : StepUlps(a[axis], trial % 5 + 1);
    const Vec3 s{u(rng), u(rng), u(rng)};
    // Coplanar in real numbers: a, x, a + s, x + s (a parallelogram), then
    // the fourth point nudged or replaced now and then.
    Vec3 y = a + s, z = x + s;
    if (trial % 4 == 1) z[(axis + 1) % 3] = StepUlps(z[(axis + 1) % 3], trial % 3 - 1);
    if (trial % 4 == 2) z = Vec3{u(rng), u(rng), u(rng)};
    Vec3 pts[3] = {x, y, z};
    // Put the axis-parallel point in the position `which` of (b, c, p).
    std::swap(pts[0], pts[which]);
    const int expected = CgalSign(a, pts[0], pts[1], pts[2]);
    ASSERT_EQ(Orient3dSign(a, pts[0], pts[1], pts[2]), expected) << trial;
    (expected == 0 ? zeros : nonzero)++;
  }
  EXPECT_GT(zeros, 1000);
  EXPECT_GT(nonzero, 1000);
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

// The hull of two translated spheres (animation.scad's arm segments): the
// side quads between corresponding ring points are coplanar up to the
// rounding of the translation, and ring points are coplanar with each
// other, so most of these tests reach the expansion stages (B to D).
TEST(HullPredicates, TranslatedSphereQuadsMatchCgal) {
  std::mt19937 rng(15);
  std::uniform_real_distribution<double> shift(1, 100), radius(0.5, 7);
  int tested = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const double r = radius(rng), dx = shift(rng);
    const int n = 12 + trial % 20, rings = (n + 1) / 2;
    std::vector<Vec3> a, b;
    for (int i = 0; i < rings; ++i) {
      const double phi = (180.0 * (i + 0.5)) / rings * M_PI / 180.0;
      for (int j = 0; j < n; ++j) {
        const double theta = 360.0 * j / n * M_PI / 180.0;
        const Vec3 p{r * std::sin(phi) * std::cos(theta), r * std::sin(phi) * std::sin(theta),
                     r * std::cos(phi)};
        a.push_back(p);
        b.push_back({p.x + dx, p.y, p.z});
      }
    }
    for (size_t k = 0; k + 1 < a.size(); ++k) {
      const size_t m = (k + 7) % a.size();
      const Vec3 quads[][4] = {{a[k], a[k + 1], b[k], b[k + 1]},
                               {a[k], b[k], a[k + 1], b[m]},
                               {a[k], a[k + 1], a[m], b[m]},
                               {b[k], a[m], b[k + 1], a[k + 1]}};
      for (const auto& q : quads) {
        ASSERT_EQ(Orient3dSign(q[0], q[1], q[2], q[3]), CgalSign(q[0], q[1], q[2], q[3]))
            << trial << " " << k;
        ++tested;
      }
    }
  }
  EXPECT_GT(tested, 10000);
}

}  // namespace
}  // namespace mos::kernel
