// projection() and projection(cut=true) areas against OpenSCAD 2021.01 for
// rotate_extrude($fn=24) translate([5,0]) circle(2, $fn=12) (areas from the
// SVG that `openscad -o x.svg` wrote). 2021.01 snaps 2D results to a grid of
// 1/65536, which moves these areas by up to ~perimeter / 65536 / 2 (5e-4
// here): our exact-arithmetic areas must agree to that, and the cut to the
// analytic annulus to 1e-12.
#include <gtest/gtest.h>

#include <cmath>

#include "kernel/mesh_transform.h"
#include "kernel/section.h"
#include "hull_test_support.h"

namespace mos::kernel {
namespace {

constexpr double kDeg = M_PI / 180;

// The torus as 2021.01 tessellates it: circle points at 360 i/12, the
// profile revolved to 24 angles 360 j/24 + `start` (degrees).
Mesh Torus(double start) {
  Mesh m;
  const int fn = 24, fc = 12;
  for (int j = 0; j < fn; ++j) {
    const double a = (start + 360.0 * j / fn) * kDeg;
    for (int i = 0; i < fc; ++i) {
      const double t = 360.0 * i / fc * kDeg;
      const double r = 5 + 2 * std::cos(t);
      m.vertPos.push_back({r * std::cos(a), r * std::sin(a), 2 * std::sin(t)});
    }
  }
  for (int j = 0; j < fn; ++j) {
    for (int i = 0; i < fc; ++i) {
      const int a = j * fc + i, b = j * fc + (i + 1) % fc;
      const int c = ((j + 1) % fn) * fc + (i + 1) % fc, d = ((j + 1) % fn) * fc + i;
      m.triVerts.push_back({a, d, c});
      m.triVerts.push_back({a, c, b});
    }
  }
  m.triProp.assign(m.triVerts.size(), 0);
  BuildHalfedges(m);
  if (testing::Volume(m) < 0) {
    for (auto& t : m.triVerts) std::swap(t[1], t[2]);
    BuildHalfedges(m);
  }
  return m;
}

// projection(cut=true) rotate_extrude($fn=24) translate([5,0]) circle(2, $fn=12);
TEST(SectionOpenScad, TorusCutIsAnnulusOf24Gons) {
  const Mesh torus = Torus(0);
  ASSERT_TRUE(testing::IsClosedOrientedManifold(torus));
  const auto r = ProjectCut(torus);
  ASSERT_EQ(r.status, HullStatus::kOk);
  ASSERT_EQ(r.polygon.contours.size(), 2u);
  const double exact = 12 * (49 - 9) * std::sin(15 * kDeg);
  EXPECT_NEAR(SignedArea(r.polygon), exact, 1e-12);
  EXPECT_NEAR(SignedArea(r.polygon), 124.23313768224, 5e-4);
}

// projection() rotate([30,20,0]) rotate_extrude($fn=24) translate([5,0]) circle(2, $fn=12);
TEST(SectionOpenScad, RotatedTorusShadow) {
  Mesh torus = Torus(0);
  ASSERT_TRUE(TransformMesh(torus, Affine3::Rotation({0, 1, 0}, 20) * Affine3::Rotation({1, 0, 0}, 30)));
  const auto r = ProjectShadow(torus);
  ASSERT_EQ(r.status, HullStatus::kOk);
  ASSERT_EQ(r.polygon.contours.size(), 2u);
  EXPECT_NEAR(SignedArea(r.polygon), 112.366601341932, 5e-4);
}

}  // namespace
}  // namespace mos::kernel
