// projection() of a sphere minus a horizontal cone (examples/Old/example021):
// the sphere's rings above and below the equator and the cut curves project
// onto (nearly) the same points; the shadow must still be the whole outline.
#include <gtest/gtest.h>

#include <cmath>

#include "geom/tessellation.h"
#include "kernel/boolean.h"
#include "kernel/polygon2d.h"
#include "kernel/section.h"

namespace mos::geom {
namespace {

kernel::Mesh SphereMinusHorizontalCone() {
  // difference() { sphere(25, $fa=30);
  //   rotate(90, [1,0,0]) cylinder(h=62.5, r1=12.5, r2=6.25, center=true); }
  kernel::Mesh sphere = SphereMesh(25, FragmentCount(25, 0, 2, 30), 0);
  kernel::Mesh cone = CylinderMesh(62.5, 12.5, 6.25, true, FragmentCount(12.5, 0, 2, 12), 1);
  for (kernel::Vec3& p : cone.vertPos) p = kernel::Vec3{p.x, -p.z, p.y};  // rotate 90 about x
  return kernel::Boolean(sphere, cone, kernel::OpType::kDifference);
}

TEST(ShadowSphereMinusCone, ShadowIsTheWholeOutlineAs2021) {
  kernel::PolygonOpResult shadow = kernel::ProjectShadow(SphereMinusHorizontalCone());
  ASSERT_EQ(shadow.status, kernel::HullStatus::kOk);
  // openscad 2021.01 -o x.svg: one contour of 30 points, area 1710.50621
  // from its 6-digit coordinates (perimeter ~150 x 5e-5 rounding: 1e-2).
  EXPECT_NEAR(kernel::SignedArea(shadow.polygon), 1710.50621, 1e-2);
  double minX = 1e9, maxX = -1e9, minY = 1e9, maxY = -1e9;
  int outer = 0;
  for (const kernel::Contour& c : shadow.polygon.contours) {
    if (kernel::SignedArea(c) > 1e-6) ++outer;
    for (const kernel::Vec2& p : c) {
      minX = std::min(minX, p.x);
      maxX = std::max(maxX, p.x);
      minY = std::min(minY, p.y);
      maxY = std::max(maxY, p.y);
    }
  }
  EXPECT_EQ(outer, 1);
  EXPECT_NEAR(minX, -24.1481457, 1e-6);
  EXPECT_NEAR(maxX, 24.1481457, 1e-6);
  EXPECT_NEAR(minY, -23.8715433, 1e-6);
  EXPECT_NEAR(maxY, 21.5997491, 1e-6);
}

}  // namespace
}  // namespace mos::geom
