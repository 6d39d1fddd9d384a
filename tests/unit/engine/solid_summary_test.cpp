// SummarizeSolid gives exactly what the kernel's separate measures give.
#include <gtest/gtest.h>

#include <string>

#include "engine/solid_summary.h"
#include "geom/geometry_evaluator.h"
#include "kernel/mesh.h"
#include "kernel/mesh_properties.h"

namespace mos::engine {
namespace {

kernel::Mesh Solid(const std::string& source) {
  geom::SourceOptions options;
  return geom::RenderSource(source, "model.scad", "", options).geometry.mesh;
}

void ExpectSameAsKernel(const kernel::Mesh& m, const std::string& what) {
  SCOPED_TRACE(what);
  const GeometrySummary s = SummarizeSolid(m);
  EXPECT_EQ(s.kind, GeometryKind::ThreeD);
  EXPECT_EQ(s.triangles, m.triVerts.size());
  EXPECT_EQ(s.vertices, m.vertPos.size());
  EXPECT_EQ(s.volume, kernel::SignedVolume(m));  // bit for bit
  EXPECT_EQ(s.area, kernel::SurfaceArea(m));
  EXPECT_EQ(s.components, kernel::ComponentCount(m));
  EXPECT_EQ(s.genus, kernel::Genus(m));
  const kernel::Box3 box = kernel::BoundingBox(m);
  EXPECT_EQ(s.bboxMin[0], box.min.x);
  EXPECT_EQ(s.bboxMin[2], box.min.z);
  EXPECT_EQ(s.bboxMax[1], box.max.y);
}

TEST(SolidSummary, MatchesTheKernelMeasures) {
  ExpectSameAsKernel(Solid("cube(3);"), "cube");
  ExpectSameAsKernel(Solid("rotate_extrude($fn=12) translate([5,0]) circle(1, $fn=8);"), "torus");
  ExpectSameAsKernel(
      Solid("difference() { sphere(10, $fn=16); sphere(8, $fn=16); }"
            "translate([30,0,0]) difference() { cube(10, center=true); cylinder(r=2, h=20, center=true, $fn=8);"
            " rotate([90,0,0]) cylinder(r=2, h=20, center=true, $fn=8); }"),
      "hollow ball and a cube with two crossing bores");
}

TEST(SolidSummary, GenusOfATorusAndComponentsOfAHollowBall) {
  const GeometrySummary torus = SummarizeSolid(Solid("rotate_extrude($fn=12) translate([5,0]) circle(1, $fn=8);"));
  EXPECT_EQ(torus.components, 1);
  EXPECT_EQ(torus.genus, 1);
  const GeometrySummary ball = SummarizeSolid(Solid("difference() { sphere(10, $fn=16); sphere(8, $fn=16); }"));
  EXPECT_EQ(ball.components, 2);
  EXPECT_EQ(ball.genus, 0);
  EXPECT_GT(ball.volume, 0);
}

TEST(SolidSummary, MeshWithoutHalfedgesCountsEveryHalfedge) {
  kernel::Mesh m = Solid("cube(2);");
  m.halfedgeTwin.clear();
  ExpectSameAsKernel(m, "cube without twins");
}

// Two tetrahedra joined at one vertex (one component, as ComponentIds joins
// by vertices), an open triangle apart, and a vertex no triangle uses.
TEST(SolidSummary, PinchedOpenAndUnusedVertices) {
  kernel::Mesh m;
  m.vertPos = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1},   // tetrahedron 1
               {9, 9, 9},                                      // unused
               {-1, 0, 0}, {0, -1, 0}, {0, 0, -1},           // tetrahedron 2 (shares vertex 0)
               {5, 5, 5}, {6, 5, 5}, {5, 6, 5}};             // one open triangle
  m.triVerts = {{0, 2, 1}, {0, 1, 3}, {0, 3, 2}, {1, 2, 3},
                {0, 5, 6}, {0, 7, 5}, {0, 6, 7}, {5, 7, 6},
                {8, 9, 10}};
  kernel::BuildHalfedges(m);
  ExpectSameAsKernel(m, "pinched, open, unused");
  const GeometrySummary s = SummarizeSolid(m);
  EXPECT_EQ(s.components, 2);
  m.halfedgeTwin.resize(6);  // a short twin array: the rest count as unpaired
  ExpectSameAsKernel(m, "short twin array");
}

TEST(SolidSummary, EmptyMesh) {
  const GeometrySummary s = SummarizeSolid(kernel::Mesh{});
  EXPECT_EQ(s.components, 0);
  EXPECT_EQ(s.volume, 0);
  EXPECT_EQ(s.triangles, 0u);
}

}  // namespace
}  // namespace mos::engine
