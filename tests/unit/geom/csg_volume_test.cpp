// Volumes of CSG results against openscad 2021.01. Each reference volume was
// computed once: `openscad -o x.stl x.scad` on the snippet, then the signed
// volume of the ASCII STL (sum of det(a,b,c)/6 over its facets, python).
// Tolerance as in the differential runner: |dV| <= 1e-6 |V| + area * d with
// d = 6e-6 * the largest |coordinate| (2021.01 prints 6 significant digits).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "geom_test_util.h"

namespace mos::geom {
namespace {

struct CsgCase {
  const char* name;
  const char* source;
  double openscadVolume;
};

const CsgCase kCases[] = {
    {"cube_minus_cylinder", "difference(){cube(10,center=true); cylinder(r=3,h=20,center=true);}",
     735.496486},
    {"cube_union_sphere", "union(){cube(10); translate([5,5,5]) sphere(r=4);}", 1000},
    {"sphere_and_cube", "intersection(){sphere(6,$fn=24); cube(9,center=true);}", 664.5916878},
    {"for_overlap", "for(i=[0:3]) translate([i*1.5,0,0]) cube(2);", 26},
    {"intersection_for", "intersection_for(i=[0,45]) rotate([0,0,i]) cube([10,10,2],center=true);",
     165.6854762},
    {"hull3d", "hull(){cube(1); translate([5,0,0]) sphere(1);}", 10.31827235},
    {"plate_with_hole", "linear_extrude(2) difference(){square(10); translate([5,5]) circle(3);}",
     147.0992227},
    {"minkowski_box", "minkowski(){cube(4,center=true); sphere(1,$fn=8);}", 188.2057242},
    {"coplanar_pocket", "difference(){cube(10); translate([2,2,0]) cube([3,3,10]);}", 910},
    {"coplanar_union", "union(){cube(5); translate([5,0,0]) cube(5); translate([2,2,5]) cube(1);}",
     251},
    {"torus_cut",
     "difference(){rotate_extrude($fn=24) translate([5,0]) circle(r=2,$fn=12); cube([20,20,20]);}",
     326.1117423},
    {"union2d_extrude",
     "linear_extrude(3) union(){square([6,2]); translate([3,0]) circle(2,$fn=16); square([2,6]);}",
     78.36870622},
    {"offset_extrude", "linear_extrude(1) offset(r=1,$fn=16) square(5);", 48.06145865},
    {"hull2d_extrude", "linear_extrude(1) hull(){circle(1,$fn=12); translate([6,2]) square(2);}",
     21.0621743},
    {"colored_union", "color(\"red\") cube(3); color([0,0,1]) translate([2,2,2]) cube(3);", 53},
    {"nested_difference",
     "difference(){sphere(5,$fn=20); for(a=[0,90]) rotate([a,0,0]) "
     "cylinder(r=2,h=12,center=true,$fn=12); cube(3);}",
     300.9737167},
    {"mirror_scale",
     "mirror([1,0,0]) scale([2,1,1]) difference(){cube(4); translate([1,1,1]) cube(4);}", 74},
    {"twisted_difference",
     "difference(){linear_extrude(height=6,twist=60,slices=6) square(4,center=true); "
     "cylinder(r=1,h=20,center=true,$fn=8);}",
     84.09991539},
    {"twisted_ring_neg",
     "linear_extrude(height=5, twist=-45, slices=3) "
     "difference(){square(6,center=true); square(2,center=true);}",
     171.9864128},
    {"twisted_ring_pos",
     "linear_extrude(height=5, twist=200, scale=0.6) "
     "difference(){square(6,center=true); translate([1,0]) circle(1,$fn=6);}",
     122.8877246},
};

class CsgVolume : public ::testing::TestWithParam<CsgCase> {};

TEST_P(CsgVolume, MatchesOpenscadAndIsManifold) {
  const CsgCase& c = GetParam();
  RenderResult r = testing::Render(c.source);
  ASSERT_EQ(r.geometry.dim, Dim::k3) << c.name;
  const kernel::Mesh& m = r.geometry.mesh;
  EXPECT_EQ(kernel::DescribeManifoldProblem(m), "") << c.name;
  double maxCoord = 0;
  for (const auto& v : m.vertPos)
    maxCoord = std::max({maxCoord, std::abs(v.x), std::abs(v.y), std::abs(v.z)});
  const double volume = kernel::SignedVolume(m);
  const double tolerance =
      1e-6 * std::abs(c.openscadVolume) + kernel::SurfaceArea(m) * 6e-6 * maxCoord;
  EXPECT_NEAR(volume, c.openscadVolume, tolerance) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Openscad2021, CsgVolume, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<CsgCase>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace mos::geom
