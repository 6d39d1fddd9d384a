// Default slice counts of twisted linear_extrude against openscad 2021.01:
// each expected count is the number of distinct z values in
// `openscad -o x.off x.scad` minus one, for the same snippet.
#include <gtest/gtest.h>

#include <set>

#include "geom_test_util.h"

namespace mos::geom {
namespace {

struct SlicesCase {
  const char* source;
  int slices;
};

const SlicesCase kSlices[] = {
    {"linear_extrude(height=10, twist=90) square([2,1]);", 6},
    {"linear_extrude(height=10, twist=180) square([2,1]);", 7},
    {"linear_extrude(height=10, twist=360) square([2,1]);", 9},
    {"linear_extrude(height=10, twist=90) square([10,10]);", 8},
    {"linear_extrude(height=10, twist=90, $fn=10) square([2,1]);", 3},
    {"linear_extrude(height=10, twist=90, $fa=5) square([20,20]);", 18},
    {"linear_extrude(height=10, twist=30) square([20,20]);", 3},
    {"linear_extrude(height=1, twist=200, scale=0.6) square(6,center=true);", 7},
    {"linear_extrude(height=20, twist=200, scale=0.6) square(6,center=true);", 12},
    {"linear_extrude(height=50, twist=200, scale=0.6) square(6,center=true);", 17},
    {"linear_extrude(height=1, twist=200, scale=0.2) square(6,center=true);", 5},
    {"linear_extrude(height=1, twist=200, scale=1.5) square(6,center=true);", 7},
    {"linear_extrude(height=1, twist=200, scale=2) square(6,center=true);", 6},
    {"linear_extrude(height=1, twist=200, scale=4) square(6,center=true);", 5},
    {"linear_extrude(height=1, twist=20, scale=0.6) square(20,center=true);", 2},
    {"linear_extrude(height=5, twist=360, scale=3) square(6,center=true);", 10},
    {"linear_extrude(height=5, twist=90, scale=[2,1]) square(6,center=true);", 5},
    {"linear_extrude(height=10, twist=90, scale=[2,1]) square([2,1]);", 6},
};

class ExtrudeSlices : public ::testing::TestWithParam<SlicesCase> {};

TEST_P(ExtrudeSlices, DefaultCountAsOpenscad) {
  RenderResult r = testing::Render(GetParam().source);
  ASSERT_EQ(r.geometry.dim, Dim::k3);
  std::set<double> levels;
  for (const auto& v : r.geometry.mesh.vertPos) levels.insert(v.z);
  EXPECT_EQ(static_cast<int>(levels.size()) - 1, GetParam().slices) << GetParam().source;
  EXPECT_TRUE(kernel::IsClosedManifold(r.geometry.mesh));
}

INSTANTIATE_TEST_SUITE_P(Openscad2021, ExtrudeSlices, ::testing::ValuesIn(kSlices));

}  // namespace
}  // namespace mos::geom
