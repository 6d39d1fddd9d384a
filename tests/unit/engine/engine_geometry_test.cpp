// Geometry through the public Engine API: mesh arrays, summary, export.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "mos/engine.h"
#include "render_geometry.h"

namespace mos {
namespace {

using testing::RenderGeometry;

TEST(EngineGeometry, CubeMinusFlushCylinderHasExactVolumeAndGenusOne) {
  RenderResult r = RenderGeometry(
      "difference() { cube(10, center=true); cylinder(h=10, r=2, $fn=4, center=true); }");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.summary.kind, GeometryKind::ThreeD);
  // A $fn=4 cylinder of r=2 is a square of diagonal 4: area 8.
  EXPECT_NEAR(r.summary.volume, 1000.0 - 8.0 * 10.0, 1e-9);
  EXPECT_EQ(r.summary.genus, 1);
  EXPECT_EQ(r.summary.components, 1);
  EXPECT_EQ(r.mesh.indices.size(), r.summary.triangles * 3);
  EXPECT_EQ(r.mesh.partIds.size(), r.summary.triangles);
  EXPECT_EQ(r.mesh.positions.size(), r.summary.vertices * 3);
}

TEST(EngineGeometry, ColorReachesThePalette) {
  RenderResult r = RenderGeometry("color(\"red\") cube(1); translate([3,0,0]) cube(1);");
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(r.mesh.palette.size(), 8u);  // two parts, RGBA each
  bool sawRed = false;
  for (size_t p = 0; p < 2; ++p) {
    if (r.mesh.palette[4 * p] == 255 && r.mesh.palette[4 * p + 1] == 0 &&
        r.mesh.palette[4 * p + 2] == 0)
      sawRed = true;
  }
  EXPECT_TRUE(sawRed);
}

TEST(EngineGeometry, ExportsAsciiStlThatCountsTheTriangles) {
  RenderResult r = RenderGeometry("cube(2);");
  ASSERT_TRUE(r.ok);
  const std::string path =
      (std::filesystem::temp_directory_path() / "mos_engine_geometry_test.stl").string();
  ASSERT_EQ(ExportGeometry(r, path), "");
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const std::string stl = text.str();
  EXPECT_EQ(stl.rfind("solid OpenSCAD_Model", 0), 0u);
  size_t facets = 0;
  for (size_t at = stl.find("facet normal"); at != std::string::npos;
       at = stl.find("facet normal", at + 1))
    ++facets;
  EXPECT_EQ(facets, 12u);
  std::remove(path.c_str());
}

TEST(EngineGeometry, TwoDResultIsMeasuredButNotExportedAsStl) {
  RenderResult r = RenderGeometry("square([2, 3]);");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.summary.kind, GeometryKind::TwoD);
  EXPECT_NEAR(r.summary.area, 6.0, 1e-12);
  EXPECT_NE(ExportGeometry(r, "/tmp/never_written.stl"), "");
}

TEST(EngineGeometry, UnavailableFormatIsRefused) {
  RenderResult r = RenderGeometry("cube(1);");
  EXPECT_NE(ExportGeometry(r, "/tmp/never_written.png").find("not available"),
            std::string::npos);
}

}  // namespace
}  // namespace mos
