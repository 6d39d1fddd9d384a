// import() end to end on files written by the test: DXF areas, STL/OFF
// solids through repair, and 2021.01's messages for missing files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include "geom/geometry_evaluator.h"
#include "geom/import_geometry.h"
#include "import_test_util.h"
#include "kernel/mesh_properties.h"
#include "kernel/polygon2d.h"

namespace mos::geom {
namespace {

using testing::WriteTemp;

ImportRequest Request(const std::string& path) { return testing::RequestAtLine(path, 3); }

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
  ASSERT_EQ(o.errors.size(), 1u);
  EXPECT_EQ(o.errors[0], "Can't open file '/nonexistent/x.svg', import() at line 3");
  o = ImportFile(Request("/nonexistent/x.amf"));
  ASSERT_EQ(o.warnings.size(), 1u);
  EXPECT_EQ(o.warnings[0], "Can't open import file '/nonexistent/x.amf', import() at line 3");
  o = ImportFile(Request("/nonexistent/x.3mf"));
  ASSERT_EQ(o.warnings.size(), 1u);
  EXPECT_EQ(o.warnings[0], "Could not read file '/nonexistent/x.3mf', import() at line 3");
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

// 2021.01: closed subpaths of one shape fill even-odd, shapes are united,
// open subpaths are stroked (default width 1, square caps), y is flipped.
TEST(ImportGeometry, SvgShapesFillEvenOddAndUnite) {
  std::string path = WriteTemp(
      "shapes.svg",
      "<svg xmlns=\"http://www.w3.org/2000/svg\">"
      "<path d=\"M0,0 H10 V10 H0 Z M2,2 H8 V8 H2 Z\"/>"
      "<rect x=\"4\" y=\"4\" width=\"2\" height=\"2\"/>"
      "<line x1=\"20\" y1=\"0\" x2=\"30\" y2=\"0\"/></svg>");
  ImportOutcome o = ImportFile(Request(path));
  EXPECT_TRUE(o.errors.empty());
  ASSERT_EQ(o.geometry.dim, Dim::k2);
  EXPECT_NEAR(kernel::SignedArea(o.geometry.polygon), 100 - 36 + 4 + 11, 1e-9);
  double minY = 1e9;
  for (const auto& c : o.geometry.polygon.contours)
    for (const auto& p : c) minY = std::min(minY, p.y);
  EXPECT_NEAR(minY, -10, 1e-12);
}

// Two strokes of one path are combined even-odd (2021.01: where they
// overlap, the drawing is empty); strokes of two shapes are united.
TEST(ImportGeometry, SvgStrokesOfOneShapeCombineEvenOdd) {
  const std::string a = "<path d=\"M0,0 L10,0 M5,-5 L5,5\" stroke-linecap=\"butt\"/>";
  const std::string b = "<path d=\"M0,0 L10,0\" stroke-linecap=\"butt\"/>"
                        "<path d=\"M5,-5 L5,5\" stroke-linecap=\"butt\"/>";
  auto area = [](const std::string& name, const std::string& body) {
    std::string path = WriteTemp(name, "<svg xmlns=\"http://www.w3.org/2000/svg\">" + body + "</svg>");
    ImportOutcome o = ImportFile(Request(path));
    EXPECT_EQ(o.geometry.dim, Dim::k2);
    return kernel::SignedArea(o.geometry.polygon);
  };
  EXPECT_NEAR(area("cross1.svg", a), 18, 1e-6);
  EXPECT_NEAR(area("cross2.svg", b), 19, 1e-6);
}

TEST(ImportGeometry, SvgCenterAndDpi) {
  std::string path = WriteTemp("page.svg",
                               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"72\" height=\"72\" "
                               "viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"5\"/></svg>");
  ImportRequest r = Request(path);
  r.center = true;
  r.dpi = 72;
  ImportOutcome o = ImportFile(r);
  ASSERT_EQ(o.geometry.dim, Dim::k2);
  // 72 px at 72 dpi is one inch: the 10 x 5 rectangle is 25.4 x 12.7 mm.
  EXPECT_NEAR(kernel::SignedArea(o.geometry.polygon), 25.4 * 12.7, 1e-9);
  for (const auto& c : o.geometry.polygon.contours)
    for (const auto& p : c) {
      EXPECT_NEAR(std::abs(p.x), 12.7, 1e-9);
      EXPECT_NEAR(std::abs(p.y), 6.35, 1e-9);
    }
}

TEST(ImportGeometry, SvgInvalidDpiWarnsAndUses72) {
  std::string path = WriteTemp("dpi.svg",
                               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"72\" height=\"72\" "
                               "viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>");
  ImportRequest r = Request(path);
  r.dpi = 0.0005;
  r.scriptName = "model.scad";
  ImportOutcome o = ImportFile(r);
  ASSERT_EQ(o.warnings.size(), 1u);
  EXPECT_EQ(o.warnings[0],
            "Invalid dpi value giving, using default of undef dpi. Value must be positive and >= "
            "0.001, file model.scad, import() at line model.scad");
  ASSERT_EQ(o.geometry.dim, Dim::k2);
  EXPECT_NEAR(kernel::SignedArea(o.geometry.polygon), 25.4 * 25.4, 1e-9);
}

TEST(ImportGeometry, BrokenSvgIsAnError) {
  std::string path = WriteTemp("broken.svg", "<svg><path d=\"M0");
  ImportOutcome o = ImportFile(Request(path));
  EXPECT_EQ(o.geometry.dim, Dim::kEmpty);
  ASSERT_EQ(o.errors.size(), 1u);
  EXPECT_EQ(o.errors[0], "Error parsing file '" + path + "', import() at line 3");
}

std::string AmfCube(double offset) {
  std::string s = "<object id=\"1\"><mesh><vertices>";
  for (int i = 0; i < 8; ++i)
    s += "<vertex><coordinates><x>" + std::to_string((i >> 2) + offset) + "</x><y>" +
         std::to_string((i >> 1) & 1) + "</y><z>" + std::to_string(i & 1) + "</z></coordinates></vertex>";
  s += "</vertices><volume>";
  const int f[12][3] = {{0, 1, 3}, {0, 3, 2}, {4, 6, 7}, {4, 7, 5}, {0, 4, 5}, {0, 5, 1},
                        {2, 3, 7}, {2, 7, 6}, {0, 2, 6}, {0, 6, 4}, {1, 5, 7}, {1, 7, 3}};
  for (const auto& t : f)
    s += "<triangle><v1>" + std::to_string(t[0]) + "</v1><v2>" + std::to_string(t[1]) +
         "</v2><v3>" + std::to_string(t[2]) + "</v3></triangle>";
  return s + "</volume></mesh></object>";
}

TEST(ImportGeometry, AmfObjectsAreUnited) {
  std::string path = WriteTemp("two.amf", "<?xml version=\"1.0\"?><amf unit=\"inch\">" +
                                              AmfCube(0) + AmfCube(0.5) + "</amf>");
  ImportOutcome o = ImportFile(Request(path));
  EXPECT_TRUE(o.warnings.empty());
  ASSERT_EQ(o.geometry.dim, Dim::k3);
  // Units are ignored (as 2021.01 does); the overlapping cubes are united.
  EXPECT_NEAR(kernel::SignedVolume(o.geometry.mesh), 1.5, 1e-9);
}

TEST(ImportGeometry, BrokenAmfIsAWarning) {
  std::string path = WriteTemp("broken.amf", "<amf><object><mesh><vertices><vertex><coordinates>"
                                              "<x>0</x><y>a</y><z>0</z></coordinates></vertex>"
                                              "</vertices></mesh></object></amf>");
  ImportOutcome o = ImportFile(Request(path));
  EXPECT_EQ(o.geometry.dim, Dim::kEmpty);
  ASSERT_EQ(o.warnings.size(), 1u);
  EXPECT_EQ(o.warnings[0], "Failed to parse file '" + path + "', import() at line 3");
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
