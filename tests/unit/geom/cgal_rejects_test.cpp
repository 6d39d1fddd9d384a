// Extrusions 2021.01's CGAL conversion rejects (cgal_closed_check.h): a
// boolean with other operands drops them with its error. Expected values
// from openscad 2021.01 on the same snippets.
#include <gtest/gtest.h>

#include <string>

#include "geom/cgal_closed_check.h"
#include "geom_test_util.h"
#include "kernel/mesh_properties.h"

namespace mos::geom {
namespace {

using kernel::Vec3;
using Soup = std::vector<std::array<Vec3, 3>>;

// A tetrahedron with outward faces, shifted by `o`.
Soup Tetra(Vec3 o, double s = 1) {
  const Vec3 a = o, b = o + Vec3{s, 0, 0}, c = o + Vec3{0, s, 0}, d = o + Vec3{0, 0, s};
  return {{a, c, b}, {a, b, d}, {a, d, c}, {b, c, d}};
}

Soup Join(Soup a, const Soup& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

TEST(CgalClosedCheck, ClosedTetrahedronPasses) { EXPECT_TRUE(ClosedManifoldSoup(Tetra({0, 0, 0}))); }

TEST(CgalClosedCheck, OpenSoupFails) {
  Soup s = Tetra({0, 0, 0});
  s.pop_back();
  EXPECT_FALSE(ClosedManifoldSoup(s));
}

// Two tetrahedra meeting in one vertex: every edge is fine, the vertex has
// two fans (2021.01: linear_extrude(scale=0) of two squares fails).
TEST(CgalClosedCheck, TwoFansAtOneVertexFail) {
  EXPECT_FALSE(ClosedManifoldSoup(Join(Tetra({0, 0, 0}), Tetra({0, 0, 0}, -1))));
}

// Triangles with a repeated corner do not count (2021.01 drops them).
TEST(CgalClosedCheck, CollapsedTrianglesAreIgnored) {
  Soup s = Tetra({0, 0, 0});
  s.push_back({Vec3{0, 0, 0}, Vec3{0, 0, 0}, Vec3{1, 0, 0}});
  EXPECT_TRUE(ClosedManifoldSoup(s));
}

// issue591.scad: the first difference's solid (two squares extruded to one
// top line, four triangles on that line) is dropped with 2021.01's error,
// so only the second model remains (V = 2.25, y from 1.5 to 2.5).
TEST(CgalRejects, DifferenceOfARejectedExtrusionIsEmpty) {
  RenderResult r = testing::Render(
      "module cutoff() { difference() { children(); translate([0,0,2.5]) cube(2, center=true); } }"
      "cutoff() { linear_extrude(height=3, scale=[0,1]) {"
      "  translate([1,0,0]) square(1,true); translate([-1,0,0]) square(1,true); } }"
      "translate([0,2,0]) cutoff() {"
      "  linear_extrude(height=3, scale=[0,1]) translate([1,0,0]) square(1,true);"
      "  linear_extrude(height=3, scale=[0,1]) translate([-1,0,0]) square(1,true); }");
  ASSERT_EQ(r.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(r.geometry.mesh), 2.25, 1e-9);
  EXPECT_DOUBLE_EQ(kernel::BoundingBox(r.geometry.mesh).min.y, 1.5);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].text,
            "The given mesh is not closed! Unable to convert to CGAL_Nef_Polyhedron.");
}

// A lone rejected extrusion is exported as it is (no CGAL conversion), and
// a convex outline is never rejected (2021.01 hulls it).
TEST(CgalRejects, OnlyBooleansWithOtherSolidsDropThem) {
  const std::string twoSquares =
      "linear_extrude(height=3, scale=[0,1]) {"
      "  translate([1,0,0]) square(1,true); translate([-1,0,0]) square(1,true); }";
  RenderResult lone = testing::Render(twoSquares);
  EXPECT_EQ(lone.geometry.dim, Dim::k3);
  EXPECT_TRUE(lone.errors.empty());
  RenderResult convex = testing::Render(
      "union() { linear_extrude(height=3, scale=[0,1]) square(1,true);"
      "  translate([5,0,0]) cube(1); }");
  EXPECT_TRUE(convex.errors.empty());
  EXPECT_NEAR(kernel::SignedVolume(convex.geometry.mesh), 1.5 + 1, 1e-9);
}

// linear_extrude-scale-zero-tests.scad's square with a hole: rejected for
// scale [0,0] (outer and inner apex meet), accepted for [0,1] (the two top
// lines overlap but share no edge), as 2021.01 does.
TEST(CgalRejects, SquareWithHole) {
  const std::string shape = "difference() { square(2,true); square(1,true); }";
  auto errors = [&](const std::string& scale) {
    return testing::Render("union() { linear_extrude(height=3, slices=20, scale=" + scale + ") " +
                           shape + " translate([100,0,0]) cube(1); }")
        .errors.size();
  };
  EXPECT_EQ(errors("[0,0]"), 1u);
  EXPECT_EQ(errors("[0,1]"), 0u);
  EXPECT_EQ(errors("[1,0]"), 0u);
}

// Outlines touching in a vertex make an edge with four faces: rejected
// whatever the scale (issue791.scad, a self-intersecting polygon filled
// even-odd, minus a cube: 2021.01's result is empty; two squares meeting
// in a corner, unioned with a cube: its error). Squares sharing part of an
// edge merge into one outline and pass.
TEST(CgalRejects, OutlinesTouchingInAVertex) {
  RenderResult bowtie = testing::Render(
      "difference() { linear_extrude(height=2, convexity=2)"
      "  polygon(points=[[0,0],[1,-1],[2,0.2],[2,-0.2],[1,1]]); cube(center=true); }");
  EXPECT_TRUE(bowtie.geometry.Empty());
  EXPECT_EQ(bowtie.errors.size(), 1u);
  auto errors = [](const std::string& body) {
    return testing::Render("union() { " + body + " translate([100,0,0]) cube(1); }").errors.size();
  };
  EXPECT_EQ(errors("linear_extrude(1) { square(1); translate([1,1]) square(1); }"), 1u);
  EXPECT_EQ(errors("linear_extrude(1, twist=30) { square(1); translate([1,1]) square(1); }"), 1u);
  EXPECT_EQ(errors("linear_extrude(1) { square(1); translate([1,0.5]) square(1); }"), 0u);
}

// polyhedron-tests.scad's octahedra: with one face flipped 2021.01 rejects
// it (its union keeps only the cube), with every face flipped it does not.
TEST(CgalRejects, PolyhedronWithOneFlippedFace) {
  const std::string points = "points=[[1,0,0],[-1,0,0],[0,1,0],[0,-1,0],[0,0,1],[0,0,-1]]";
  const std::string oneFlipped =
      "faces=[[0,4,2],[0,2,5],[0,3,4],[0,5,3],[1,2,4],[1,5,2],[1,3,4],[1,3,5]]";
  const std::string allFlipped =
      "faces=[[0,2,4],[0,5,2],[0,4,3],[0,3,5],[1,4,2],[1,2,5],[1,3,4],[1,5,3]]";
  RenderResult one = testing::Render("union() { polyhedron(" + points + ", " + oneFlipped +
                                     "); translate([5,0,0]) cube(1); }");
  ASSERT_EQ(one.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(one.geometry.mesh), 1.0, 1e-9);
  EXPECT_EQ(one.errors.size(), 1u);
  RenderResult all = testing::Render("union() { polyhedron(" + points + ", " + allFlipped +
                                     "); translate([5,0,0]) cube(1); }");
  ASSERT_EQ(all.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(all.geometry.mesh), 1.0 + 4.0 / 3, 1e-9);
  EXPECT_TRUE(all.errors.empty());
  // Alone, the repaired octahedron is kept (no CGAL conversion).
  RenderResult lone = testing::Render("polyhedron(" + points + ", " + oneFlipped + ");");
  ASSERT_EQ(lone.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(lone.geometry.mesh), 4.0 / 3, 1e-9);
}

// issue1137.scad: a cube polyhedron with a self-crossing face, in a
// minkowski: 2021.01 cannot convert it and the sum is empty. An empty
// operand, though, is ignored (minkowski() { cube(1); sphere(0); } is the
// cube in 2021.01).
TEST(CgalRejects, MinkowskiWithARejectedOperandIsEmpty) {
  RenderResult r = testing::Render(
      "minkowski() {"
      "  polyhedron(faces=[[3,2,0,1],[7,6,5,4],[4,5,2,3],[5,6,1,2],[6,7,0,1],[7,4,3,0]],"
      "    points=[[0,1,1],[1,1,1],[1,0,1],[0,0,1],[0,0,0],[1,0,0],[1,1,0],[0,1,0]]);"
      "  polyhedron(faces=[[3,2,1,0],[7,6,5,4],[4,5,2,3],[5,6,1,2],[6,7,0,1],[7,4,3,0]],"
      "    points=[[0,1,1],[1,1,1],[1,0,1],[0,0,1],[0,0,0],[1,0,0],[1,1,0],[0,1,0]]);"
      "}");
  EXPECT_TRUE(r.geometry.Empty());
  EXPECT_EQ(r.errors.size(), 1u);
  RenderResult withEmpty = testing::Render("minkowski() { cube(1); sphere(0); }");
  ASSERT_EQ(withEmpty.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(withEmpty.geometry.mesh), 1.0, 1e-9);
}

}  // namespace
}  // namespace mos::geom
