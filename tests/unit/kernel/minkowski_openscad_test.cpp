// Minkowski volumes against OpenSCAD 2021.01 (Debian `openscad`, CGAL
// Nef polyhedra). Operands are rebuilt here with 2021.01's tessellation
// (sphere: (fn+1)/2 rings at polar angles 180 (i+0.5)/rings, fn points per
// ring at 360 j/fn; cylinder: fn points at 360 j/fn); the expected volumes
// come from the STL that `openscad -o x.stl x.scad` wrote for the snippet
// quoted above each test.
#include <gtest/gtest.h>

#include <cmath>

#include "kernel/boolean.h"
#include "kernel/hull3d.h"
#include "kernel/mesh_primitives.h"
#include "kernel/minkowski3d.h"
#include "hull_test_support.h"

namespace mos::kernel {
namespace {

constexpr double kDeg = M_PI / 180;

Mesh OpenScadSphere(double r, int fn) {
  std::vector<Vec3> p;
  const int rings = (fn + 1) / 2;
  for (int i = 0; i < rings; ++i) {
    const double phi = 180.0 * (i + 0.5) / rings * kDeg;
    for (int j = 0; j < fn; ++j) {
      const double th = 360.0 * j / fn * kDeg;
      p.push_back({r * std::sin(phi) * std::cos(th), r * std::sin(phi) * std::sin(th), r * std::cos(phi)});
    }
  }
  return ConvexHull3d(p).mesh;
}

Mesh OpenScadCylinder(double r, double h, int fn) {
  std::vector<Vec3> p;
  for (int j = 0; j < fn; ++j) {
    const double th = 360.0 * j / fn * kDeg;
    p.push_back({r * std::cos(th), r * std::sin(th), 0});
    p.push_back({r * std::cos(th), r * std::sin(th), h});
  }
  return ConvexHull3d(p).mesh;
}

// `tolerance`: relative; 2021.01 writes STL coordinates with 6 significant
// digits, which moves volumes by a few 1e-6 when coordinates are irrational.
double ExpectVolume(const Mesh& a, const Mesh& b, double expected, double tolerance) {
  const auto r = Minkowski3d(a, b);
  EXPECT_EQ(r.status, HullStatus::kOk);
  EXPECT_TRUE(testing::IsClosedOrientedManifold(r.mesh)) << DescribeManifoldProblem(r.mesh);
  const double volume = testing::Volume(r.mesh);
  EXPECT_NEAR(volume, expected, tolerance * expected);
  return volume;
}

Mesh HullOfSum(const Mesh& a, const Mesh& b) {
  std::vector<Vec3> sums;
  for (const Vec3& p : a.vertPos) {
    for (const Vec3& q : b.vertPos) sums.push_back(p + q);
  }
  return ConvexHull3d(sums).mesh;
}

// minkowski() { difference() { cube(10); translate([3,3,-1]) cube([4,4,12]); }
//               sphere(1.5, $fn=8); }
TEST(MinkowskiOpenScad, FramePlusSphere) {
  const Mesh frame = Boolean(MakeBox({0, 0, 0}, {10, 10, 10}), MakeBox({3, 3, -1}, {7, 7, 11}),
                             OpType::kDifference);
  const Mesh sphere = OpenScadSphere(1.5, 8);
  const double ours = ExpectVolume(frame, sphere, 2000.0440063103622, 1e-5);
  // Exactly: the frame is four boxes, the sum the union of four convex sums.
  const Mesh exact = BooleanN({HullOfSum(MakeBox({0, 0, 0}, {10, 3, 10}), sphere),
                               HullOfSum(MakeBox({0, 7, 0}, {10, 10, 10}), sphere),
                               HullOfSum(MakeBox({0, 3, 0}, {3, 7, 10}), sphere),
                               HullOfSum(MakeBox({7, 3, 0}, {10, 7, 10}), sphere)},
                              OpType::kUnion);
  EXPECT_NEAR(ours, testing::Volume(exact), 1e-9 * ours);
}

// minkowski() { union() { cube([10,2,2]); cube([2,10,2]); cube([2,2,10]); }
//               difference() { cube(2, center=true); cube([1,1,3], center=true); } }
TEST(MinkowskiOpenScad, CornerPlusTube) {
  Mesh corner = BooleanN({MakeBox({0, 0, 0}, {10, 2, 2}), MakeBox({0, 0, 0}, {2, 10, 2}),
                          MakeBox({0, 0, 0}, {2, 2, 10})},
                         OpType::kUnion);
  const Mesh tube = Boolean(MakeBox({-1, -1, -1}, {1, 1, 1}), MakeBox({-0.5, -0.5, -1.5}, {0.5, 0.5, 1.5}),
                            OpType::kDifference);
  ExpectVolume(corner, tube, 447.99999999999994, 1e-12);
}

// minkowski() { cube([10,10,1]); cylinder(r=2, h=1, $fn=12); }
TEST(MinkowskiOpenScad, PlatePlusCylinder) {
  ExpectVolume(MakeBox({0, 0, 0}, {10, 10, 1}), OpenScadCylinder(2, 1, 12), 383.9996424025, 1e-6);
}

}  // namespace
}  // namespace mos::kernel
