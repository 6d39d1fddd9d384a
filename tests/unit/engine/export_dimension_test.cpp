// ExportGeometry through the public API: every format by extension and by
// name, and 2021.01's refusals for a result of the wrong dimension.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "mos/engine.h"
#include "render_geometry.h"

namespace mos {
namespace {

using testing::RenderGeometry;

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("mos_export_dim_" + name)).string();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ExportDimension, EveryThreeDFormatWritesACube) {
  RenderResult r = RenderGeometry("cube(1);");
  ASSERT_TRUE(r.ok);
  const std::pair<const char*, const char*> expected[] = {
      {"stl", "solid OpenSCAD_Model\n"}, {"off", "OFF 8 12 0\n"},
      {"obj", "# OpenSCAD_Model"},       {"amf", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<amf"},
      {"3mf", "PK\x03\x04"}};
  for (const auto& [ext, head] : expected) {
    const std::string path = TempPath(std::string("cube.") + ext);
    std::filesystem::remove(path);
    ASSERT_EQ(ExportGeometry(r, path), "") << ext;
    EXPECT_EQ(ReadFile(path).rfind(head, 0), 0u) << ext;
    std::filesystem::remove(path);
  }
}

TEST(ExportDimension, FormatNameOverridesTheExtension) {
  RenderResult r = RenderGeometry("cube(1);");
  const std::string path = TempPath("cube.txt");
  ASSERT_EQ(ExportGeometry(r, path, "binstl"), "");
  EXPECT_EQ(ReadFile(path).size(), 84u + 50u * 12u);
  ASSERT_EQ(ExportGeometry(r, path, "ASCIISTL"), "");
  EXPECT_EQ(ReadFile(path).rfind("solid OpenSCAD_Model\n", 0), 0u);
  std::filesystem::remove(path);
}

TEST(ExportDimension, TwoDFormatsWriteASquare) {
  RenderResult r = RenderGeometry("square([2, 3]);");
  ASSERT_EQ(r.summary.kind, GeometryKind::TwoD);
  const std::string svg = TempPath("square.svg"), dxf = TempPath("square.dxf");
  ASSERT_EQ(ExportGeometry(r, svg), "");
  ASSERT_EQ(ExportGeometry(r, dxf), "");
  EXPECT_NE(ReadFile(svg).find("M 0,-0 L 2,-0 L 2,-3 L 0,-3 z\n"), std::string::npos);
  EXPECT_NE(ReadFile(dxf).find("  0\nLINE\n  8\n0\n 10\n0\n 20\n0\n 11\n2\n 21\n0\n"),
            std::string::npos);
  std::filesystem::remove(svg);
  std::filesystem::remove(dxf);
}

TEST(ExportDimension, TwoDResultAsThreeDFormatUsesOpenscadWords) {
  RenderResult r = RenderGeometry("circle(1);");
  const std::string path = TempPath("circle.3mf");
  std::filesystem::remove(path);
  for (const char* fmt : {"stl", "binstl", "off", "obj", "amf", "3mf"}) {
    EXPECT_EQ(ExportGeometry(r, path, fmt), "Current top level object is not a 3D object.");
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(ExportDimension, ThreeDResultAsTwoDFormatUsesOpenscadWords) {
  RenderResult r = RenderGeometry("sphere(1);");
  const std::string path = TempPath("sphere.svg");
  std::filesystem::remove(path);
  EXPECT_EQ(ExportGeometry(r, path), "Current top level object is not a 2D object.");
  EXPECT_EQ(ExportGeometry(r, path, "dxf"), "Current top level object is not a 2D object.");
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(ExportDimension, EmptyResultIsRefusedAsOpenscadDoes) {
  RenderResult r = RenderGeometry("echo(1);");
  EXPECT_EQ(ExportGeometry(r, TempPath("e.stl")), "Current top level object is empty.");
  EXPECT_EQ(ExportGeometry(r, TempPath("e.3mf")), "Current top level object is empty.");
  // 2021.01 says "not a 2D object" for an empty result and a 2D format.
  EXPECT_EQ(ExportGeometry(r, TempPath("e.svg")), "Current top level object is not a 2D object.");
}

TEST(ExportDimension, MissingSuffixAndUnknownFormat) {
  RenderResult r = RenderGeometry("cube(1);");
  EXPECT_EQ(ExportGeometry(r, TempPath("nosuffix")),
            "Either add a valid suffix or specify one using the --export-format option.");
  EXPECT_NE(ExportGeometry(r, TempPath("x.xyz")).find("unknown export format 'xyz'"),
            std::string::npos);
}

TEST(ExportDimension, UnwritablePathIsReported) {
  RenderResult r = RenderGeometry("cube(1);");
  EXPECT_NE(ExportGeometry(r, "/nonexistent-dir/x.3mf").find("Can't open file"),
            std::string::npos);
}

}  // namespace
}  // namespace mos
