// Behaviour the differential corpus (tests/differential) found wrong, with
// the numbers openscad 2021.01 gives for the same models.
#include <gtest/gtest.h>

#include <cmath>

#include "geom_test_util.h"
#include "kernel/mesh.h"
#include "kernel/mesh_properties.h"

namespace mos::geom {
namespace {

// A profile with a hole swept a full turn makes two shells and no caps: the
// inner one must stay a cavity (2021.01: V = 14066.08 for this torus).
TEST(DifferentialFixes, RotateExtrudeOfAProfileWithAHoleKeepsTheCavity) {
  RenderResult r = testing::Render(
      "rotate_extrude() translate([20,0,0]) difference() { circle(r=10); circle(r=8); }");
  ASSERT_EQ(r.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(r.geometry.mesh), 14066.0778, 0.05);
}

// Left of the axis, 2021.01 sweeps the points where they are: angle=45 of a
// square at x in [-4,-3] lies at y <= 0 on the -X side, angle=-45 at y >= 0
// (openscad 2021.01's bboxes).
TEST(DifferentialFixes, RotateExtrudeLeftOfTheAxisSweepsInPlace) {
  for (double angle : {45.0, -45.0}) {
    RenderResult r = testing::Render("rotate_extrude(angle=" + std::to_string(angle) +
                                     ") translate([-4,0]) square(1);");
    ASSERT_EQ(r.geometry.dim, Dim::k3);
    const kernel::Box3 box = kernel::BoundingBox(r.geometry.mesh);
    EXPECT_NEAR(box.min.x, -4, 1e-9);
    EXPECT_LE(box.max.x, 0);
    if (angle > 0) {
      EXPECT_LE(box.max.y, 1e-12);
    } else {
      EXPECT_GE(box.min.y, -1e-12);
    }
    EXPECT_GT(kernel::SignedVolume(r.geometry.mesh), 0);
  }
}

// 2021.01 truncates the segment count of a partial sweep: 30 fragments per
// turn and angle=100 give 8 segments (8 * 8 side + 2 * 2 cap triangles).
TEST(DifferentialFixes, RotateExtrudePartialSegmentsTruncate) {
  RenderResult r = testing::Render("rotate_extrude(angle=100) translate([20,0,0]) square(5);");
  ASSERT_EQ(r.geometry.dim, Dim::k3);
  EXPECT_EQ(r.geometry.mesh.NumTri(), 68);
}

// intersection() with a child of the other dimension: 2021.01 warns, and
// the ignored child empties the intersection.
TEST(DifferentialFixes, IntersectionWithAnIgnoredChildIsEmpty) {
  RenderResult r = testing::Render("intersection() { cube(5, center=true); circle(r=2); }");
  EXPECT_TRUE(r.geometry.Empty());
  RenderResult u = testing::Render("union() { cube(5, center=true); circle(r=2); }");
  EXPECT_FALSE(u.geometry.Empty());
}

// A corner on the axis makes both diagonals of its side quads equally long;
// 2021.01 then splits by the twist's direction (V = 2050.2502 in its STL).
TEST(DifferentialFixes, TwistedQuadsWithEqualDiagonalsSplitByTheTwistRule) {
  RenderResult r =
      testing::Render("linear_extrude(height=20, twist=45, slices=10) square([10,10]);");
  ASSERT_EQ(r.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(r.geometry.mesh), 2050.2502, 0.01);
}

// The slice reaching a top scaled to zero on one axis splits its side quads
// along the longer diagonal (issue2259.scad; 2021.01: 6 facets, V = 1333.33
// for one slice, 12 facets, V = 1000 for two; the shorter diagonals would
// give 666.67 and 833.33).
TEST(DifferentialFixes, ZeroScaledTopSliceSplitsAlongTheLongerDiagonal) {
  const char* oneSlice =
      "linear_extrude(height=10, scale=[1,0], slices=1) polygon([[20,0],[0,10],[0,-10]]);";
  const char* twoSlices =
      "linear_extrude(height=10, scale=[1,0], slices=2) polygon([[20,0],[0,10],[0,-10]]);";
  RenderResult one = testing::Render(oneSlice);
  ASSERT_EQ(one.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(one.geometry.mesh), 4000.0 / 3, 1e-6);
  EXPECT_EQ(one.geometry.mesh.NumTri(), 6);
  EXPECT_TRUE(kernel::IsClosedManifold(one.geometry.mesh));
  RenderResult two = testing::Render(twoSlices);
  ASSERT_EQ(two.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(two.geometry.mesh), 1000.0, 1e-6);
  EXPECT_TRUE(kernel::IsClosedManifold(two.geometry.mesh));
}

}  // namespace
}  // namespace mos::geom
