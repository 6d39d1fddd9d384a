// hull() of a polyhedron that is not a closed solid: 2021.01 hulls its
// points anyway (issue1089: one nearly flat quad gives a flat tetrahedron).
#include <gtest/gtest.h>

#include <string>

#include "mos/engine.h"
#include "render_geometry.h"

namespace mos {
namespace {

using testing::RenderGeometry;

TEST(EngineHullOpenPolyhedron, FlatQuadOfIssue1089GivesTheFlatTetrahedron) {
  RenderResult r = RenderGeometry(
      "hull() polyhedron(points = ["
      "[-0.249434174697078959, -9.946811825017595865, 7.668480694904857842],"
      "[-0.503165223042536525, 8.8964795095546467252, 0.896037100784631946],"
      "[-0.503165223042536525, -0.66656805007570774091, 3.819754148011998751],"
      "[-0.503165223042536525, -10.229615609706060653, 6.743471195239365557]],"
      "faces = [[0,1,2,3]]);");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.summary.kind, GeometryKind::ThreeD);
  // openscad 2021.01 -o x.stl: 4 triangles, 4 vertices, area 20.0000281
  // and V = 4.8e-06 from its 6-digit coordinates; the exact points are
  // not coplanar (V ~ 4e-16), so the hull is a flat tetrahedron.
  EXPECT_EQ(r.summary.triangles, 4u);
  EXPECT_EQ(r.summary.vertices, 4u);
  EXPECT_GT(r.summary.volume, 0.0);
  EXPECT_LT(r.summary.volume, 1e-12);
  EXPECT_NEAR(r.summary.area, 20.0000281251, 1e-4);
  EXPECT_NEAR(r.summary.bboxMin[1], -10.2296156, 1e-6);
  EXPECT_NEAR(r.summary.bboxMax[2], 7.6684807, 1e-6);
}

TEST(EngineHullOpenPolyhedron, OpenBoxHullsToTheCube) {
  // A cube without its top face: repair cannot close it, hull still can.
  RenderResult r = RenderGeometry(
      "hull() polyhedron(points=[[0,0,0],[1,0,0],[1,1,0],[0,1,0],"
      "[0,0,1],[1,0,1],[1,1,1],[0,1,1]],"
      "faces=[[0,1,2,3],[0,4,5,1],[1,5,6,2],[2,6,7,3],[3,7,4,0]]);");
  ASSERT_TRUE(r.ok);
  EXPECT_NEAR(r.summary.volume, 1.0, 1e-12);
  EXPECT_EQ(r.summary.genus, 0);
}

TEST(EngineHullOpenPolyhedron, OpenPolyhedronAloneIsStillLeftOut) {
  RenderResult r = RenderGeometry(
      "polyhedron(points=[[0,0,0],[1,0,0],[1,1,0],[0,1,1]], faces=[[0,1,2,3]]);");
  EXPECT_EQ(r.summary.kind, GeometryKind::Empty);
}

}  // namespace
}  // namespace mos
