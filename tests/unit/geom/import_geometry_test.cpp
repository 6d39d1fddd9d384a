// import() end to end on files written by the test: DXF areas, STL/OFF
// solids through repair, and 2021.01's messages for missing files.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "geom/geometry_evaluator.h"
#include "geom/import_geometry.h"
#include "kernel/mesh_properties.h"
#include "kernel/polygon2d.h"

namespace mos::geom {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

ImportRequest Request(const std::string& path) {
  ImportRequest r;
  r.path = path;
  r.displayName = path.substr(path.find_last_of('/') + 1);
  r.line = 3;
  return r;
}

TEST(ImportGeometry, DxfSquareWithHoleIsFilledEvenOdd) {
  auto line = [](int x1, int y1, int x2, int y2) {
    return "0\nLINE\n8\n0\n10\n" + std::to_string(x1) + "\n20\n" + std::to_string(y1) +
           "\n11\n" + std::to_string(x2) + "\n21\n" + std::to_string(y2) + "\n";
  };
  std::string body;
  const int outer[4][2] = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
  const int inner[4][2] = {{2, 2}, {4, 2}, {4, 4}, {2, 4}};
  for (int i = 0; i < 4; ++i) {
    body += line(outer[i][0], outer[i][1], outer[(i + 1) % 4][0], outer[(i + 1) % 4][1]);
    body += line(inner[i][0], inner[i][1], inner[(i + 1) % 4][0], inner[(i + 1) % 4][1]);
  }
  std::string path =
      WriteTemp("hole.dxf", "0\nSECTION\n2\nENTITIES\n" + body + "0\nENDSEC\n0\nEOF\n");
  ImportOutcome o = ImportFile(Request(path));
  EXPECT_TRUE(o.warnings.empty());
  ASSERT_EQ(o.geometry.dim, Dim::k2);
  EXPECT_NEAR(kernel::SignedArea(o.geometry.polygon), 96, 1e-9);
}

TEST(ImportGeometry, MissingFilesAndUnknownFormats) {
  ImportOutcome o = ImportFile(Request("/nonexistent/x.dxf"));
  ASSERT_EQ(o.warnings.size(), 1u);
  EXPECT_EQ(o.warnings[0], "Can't open DXF file '/nonexistent/x.dxf'.");
  o = ImportFile(Request("/nonexistent/x.stl"));
  ASSERT_EQ(o.warnings.size(), 1u);
  EXPECT_EQ(o.warnings[0], "Can't open import file '/nonexistent/x.stl', import() at line 3");
  o = ImportFile(Request("/nonexistent/x.svg"));
  ASSERT_EQ(o.locatedWarnings.size(), 1u);
  EXPECT_EQ(o.locatedWarnings[0], "import() of .svg files is not supported yet; ignored");
  o = ImportFile(Request("/nonexistent/x.xyz"));
  ASSERT_EQ(o.errors.size(), 1u);
  EXPECT_EQ(o.errors[0],
            "Unsupported file format while trying to import file '\"x.xyz\"', import() at line 3");
}

TEST(ImportGeometry, OffCubeIsAClosedSolid) {
  std::string path = WriteTemp(
      "cube.off",
      "OFF\n8 6 0\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n0 0 1\n1 0 1\n1 1 1\n0 1 1\n"
      "4 0 3 2 1\n4 4 5 6 7\n4 0 1 5 4\n4 1 2 6 5\n4 2 3 7 6\n4 3 0 4 7\n");
  ImportOutcome o = ImportFile(Request(path));
  ASSERT_EQ(o.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(o.geometry.mesh), 1.0, 1e-12);
}

TEST(ImportGeometry, TruncatedStlIsADiagnostic) {
  std::string path = WriteTemp("bad.stl", std::string(100, 'x'));
  ImportOutcome o = ImportFile(Request(path));
  EXPECT_EQ(o.geometry.dim, Dim::kEmpty);
  ASSERT_EQ(o.warnings.size(), 1u);
  EXPECT_NE(o.warnings[0].find("can't read 'bad.stl'"), std::string::npos);
}

TEST(ImportGeometry, OpenStlIsLeftOutWithAWarning) {
  std::string path = WriteTemp(
      "open.stl",
      "solid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\n"
      "endloop\nendfacet\nendsolid t\n");
  ImportOutcome o = ImportFile(Request(path));
  EXPECT_EQ(o.geometry.dim, Dim::kEmpty);
  ASSERT_FALSE(o.warnings.empty());
  EXPECT_NE(o.warnings.back().find("not a closed solid"), std::string::npos);
}

// The whole pipeline: dxf_dim() feeds a height, import() and the
// deprecated file= form give the same solid.
TEST(ImportGeometry, ScriptWithDxfDimImportAndExtrudeFile) {
  const std::string dir = ::testing::TempDir();
  WriteTemp("sq.dxf",
            "0\nSECTION\n2\nENTITIES\n0\nLWPOLYLINE\n8\n0\n70\n1\n10\n0\n20\n0\n10\n4\n20\n0\n"
            "10\n4\n20\n4\n10\n0\n20\n4\n0\nDIMENSION\n8\n0\n70\n1\n1\nh\n13\n0\n23\n0\n14\n0\n"
            "24\n3\n0\nENDSEC\n0\nEOF\n");
  SourceOptions options;
  RenderResult a = RenderSource(
      "h = dxf_dim(file=\"sq.dxf\", name=\"h\");\nlinear_extrude(height=h) import(\"sq.dxf\");\n",
      dir + "/a.scad", dir, options);
  ASSERT_EQ(a.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(a.geometry.mesh), 48, 1e-9);
  RenderResult b = RenderSource("dxf_linear_extrude(file=\"sq.dxf\", height=3);\n", dir + "/b.scad",
                                dir, options);
  ASSERT_EQ(b.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(b.geometry.mesh), 48, 1e-9);
  bool deprecated = false;
  for (const auto& line : b.log)
    deprecated = deprecated || line.rfind("DEPRECATED: The dxf_linear_extrude() module", 0) == 0;
  EXPECT_TRUE(deprecated);
}

}  // namespace
}  // namespace mos::geom
