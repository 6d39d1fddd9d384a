// The DXF reader against behaviour observed in openscad 2021.01 (files made
// here, values and warnings as 2021.01 gives them).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "importer/dxf_data.h"

namespace mos::importer {
namespace {

std::string Line(double x1, double y1, double x2, double y2, const std::string& layer = "0") {
  return "0\nLINE\n8\n" + layer + "\n10\n" + std::to_string(x1) + "\n20\n" + std::to_string(y1) +
         "\n11\n" + std::to_string(x2) + "\n21\n" + std::to_string(y2) + "\n";
}
std::string Entities(const std::string& body) {
  return "0\nSECTION\n2\nENTITIES\n" + body + "0\nENDSEC\n0\nEOF\n";
}
DxfOptions Options() {
  DxfOptions o;
  o.fragments = [](double) { return 36; };
  o.displayName = "t.dxf";
  o.fullPath = "/x/t.dxf";
  return o;
}

TEST(DxfReader, FourLinesMakeOneClosedPath) {
  std::vector<std::string> w;
  DxfData d = ParseDxf(Entities(Line(0, 0, 10, 0) + Line(10, 0, 10, 10) + Line(10, 10, 0, 10) +
                                Line(0, 10, 0, 0)),
                       Options(), w);
  EXPECT_TRUE(w.empty());
  ASSERT_EQ(d.points.size(), 4u);
  ASSERT_EQ(d.paths.size(), 1u);
  EXPECT_TRUE(d.paths[0].closed);
  EXPECT_EQ(d.paths[0].indices.size(), 5u);
  auto outlines = DxfOutlines(d);
  ASSERT_EQ(outlines.size(), 1u);
  EXPECT_EQ(outlines[0].size(), 4u);
}

TEST(DxfReader, NearbyEndPointsJoin) {
  std::vector<std::string> w;
  DxfData d = ParseDxf(Entities(Line(0, 0, 1, 0) + Line(1.0000001, 0, 2, 0)), Options(), w);
  EXPECT_EQ(d.points.size(), 3u);
  ASSERT_EQ(d.paths.size(), 1u);
  EXPECT_FALSE(d.paths[0].closed);
  EXPECT_EQ(d.paths[0].indices.size(), 3u);
}

TEST(DxfReader, CrossOfTwoLines) {
  std::vector<std::string> w;
  DxfData d = ParseDxf(Entities(Line(0, 0, 10, 10) + Line(0, 10, 10, 0)), Options(), w);
  double x = 0, y = 0;
  ASSERT_TRUE(DxfCross(d, x, y));
  EXPECT_DOUBLE_EQ(x, 5);
  EXPECT_DOUBLE_EQ(y, 5);
}

TEST(DxfReader, LastEntityWithoutFollowingGroupZeroIsDropped) {
  std::vector<std::string> w;
  DxfData d = ParseDxf("0\nSECTION\n2\nENTITIES\n" + Line(0, 0, 10, 10) + Line(0, 10, 10, 0),
                       Options(), w);
  double x, y;
  EXPECT_FALSE(DxfCross(d, x, y));
  EXPECT_EQ(d.paths.size(), 1u);
}

TEST(DxfReader, EntitiesOutsideSectionsAreIgnored) {
  std::vector<std::string> w;
  DxfData d = ParseDxf(Line(0, 0, 10, 10) + Line(0, 10, 10, 0) + "0\nEOF\n", Options(), w);
  EXPECT_TRUE(d.paths.empty());
}

TEST(DxfReader, LayerFilterAndOriginScale) {
  DxfOptions o = Options();
  o.layer = "b";
  o.originX = 1;
  o.originY = 2;
  o.scale = 2;
  std::vector<std::string> w;
  DxfData d = ParseDxf(Entities(Line(0, 0, 5, 5, "a") + Line(1, 2, 3, 2, "b")), o, w);
  ASSERT_EQ(d.points.size(), 2u);
  EXPECT_DOUBLE_EQ(d.points[0][0], 0);
  EXPECT_DOUBLE_EQ(d.points[0][1], 0);
  EXPECT_DOUBLE_EQ(d.points[1][0], 4);
  EXPECT_DOUBLE_EQ(d.points[1][1], 0);
}

TEST(DxfReader, UnsupportedEntitiesAreCountedInHex) {
  std::string body;
  for (int i = 0; i < 17; ++i) body += "0\nSPLINE\n8\n0\n";
  std::vector<std::string> w;
  ParseDxf(Entities(body), Options(), w);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], "Unsupported DXF Entity 'SPLINE' (11) in \"t.dxf\".");
  DxfOptions o = Options();
  o.layer = "0";
  w.clear();
  ParseDxf(Entities(body), o, w);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], "Unsupported DXF Entity 'SPLINE' (11) in layer '0' of t.dxf");
}

TEST(DxfReader, IllegalValueAndNotEnoughValues) {
  std::vector<std::string> w;
  ParseDxf(Entities("0\nLINE\n10\n0,5\n20\n0\n11\n1\n21\n1\n"), Options(), w);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0], "Illegal value '0,5'in `/x/t.dxf'");
  EXPECT_EQ(w[1], "Not enough input values for ENDSEC. in '/x/t.dxf'");
  EXPECT_EQ(w[2], "Not enough input values for EOF. in '/x/t.dxf'");
}

TEST(DxfReader, CircleUsesFragments) {
  std::vector<std::string> w;
  DxfData d = ParseDxf(Entities("0\nCIRCLE\n8\n0\n10\n0\n20\n0\n40\n5\n"), Options(), w);
  ASSERT_EQ(d.paths.size(), 1u);
  EXPECT_TRUE(d.paths[0].closed);
  EXPECT_EQ(d.points.size(), 36u);
  for (const auto& p : d.points) EXPECT_NEAR(std::hypot(p[0], p[1]), 5, 1e-3);  // on the 1/1024 grid
}

TEST(DxfReader, ArcSweepsCounterClockwiseFromStartToEnd) {
  std::vector<std::string> w;
  DxfData d =
      ParseDxf(Entities("0\nARC\n8\n0\n10\n0\n20\n0\n40\n1\n50\n0\n51\n90\n"), Options(), w);
  ASSERT_EQ(d.paths.size(), 1u);
  EXPECT_FALSE(d.paths[0].closed);
  EXPECT_EQ(d.points.size(), 10u);  // ceil(36 / 4) segments
}

TEST(DxfReader, LwpolylineClosedFlag) {
  std::vector<std::string> w;
  DxfData d = ParseDxf(
      Entities("0\nLWPOLYLINE\n8\n0\n70\n1\n10\n0\n20\n0\n10\n4\n20\n0\n10\n4\n20\n3\n"),
      Options(), w);
  ASSERT_EQ(d.paths.size(), 1u);
  EXPECT_TRUE(d.paths[0].closed);
  EXPECT_EQ(d.paths[0].indices.size(), 4u);
}

TEST(DxfReader, InsertPlacesBlockLines) {
  std::string text = "0\nSECTION\n2\nBLOCKS\n0\nBLOCK\n2\nB\n" + Line(0, 0, 1, 0) +
                     "0\nENDBLK\n0\nENDSEC\n0\nSECTION\n2\nENTITIES\n"
                     "0\nINSERT\n8\n0\n2\nB\n10\n5\n20\n5\n41\n2\n42\n2\n50\n90\n0\nENDSEC\n";
  std::vector<std::string> w;
  DxfData d = ParseDxf(text, Options(), w);
  ASSERT_EQ(d.points.size(), 2u);
  EXPECT_NEAR(d.points[0][0], 5, 1e-12);
  EXPECT_NEAR(d.points[0][1], 5, 1e-12);
  EXPECT_NEAR(d.points[1][0], 5, 1e-12);
  EXPECT_NEAR(d.points[1][1], 7, 1e-12);
}

TEST(DxfReader, DimensionValues) {
  auto dim = [](int type, const std::string& name, const std::string& groups) {
    return "0\nDIMENSION\n8\n0\n70\n" + std::to_string(type) + "\n1\n" + name + "\n" + groups;
  };
  std::string body = dim(0, "lin", "13\n0\n23\n0\n14\n3\n24\n4\n50\n0\n") +
                     dim(1, "al", "13\n0\n23\n0\n14\n3\n24\n4\n") +
                     dim(4, "rad", "10\n1\n20\n1\n15\n1\n25\n3\n") +
                     dim(70, "ordx", "13\n-7\n23\n9\n") + dim(6, "ordy", "13\n-7\n23\n9\n") +
                     dim(2, "ang", "10\n0\n20\n1\n15\n0\n25\n0\n13\n0\n23\n0\n14\n1\n24\n1\n") +
                     dim(5, "bad", "");
  std::vector<std::string> w;
  DxfData d = ParseDxf(Entities(body), Options(), w);
  double v;
  bool unsupported;
  ASSERT_TRUE(DxfDimensionValue(d, "lin", v, unsupported));
  EXPECT_DOUBLE_EQ(v, 3);
  ASSERT_TRUE(DxfDimensionValue(d, "al", v, unsupported));
  EXPECT_DOUBLE_EQ(v, 5);
  ASSERT_TRUE(DxfDimensionValue(d, "rad", v, unsupported));
  EXPECT_DOUBLE_EQ(v, 2);
  ASSERT_TRUE(DxfDimensionValue(d, "ordx", v, unsupported));
  EXPECT_DOUBLE_EQ(v, -7);
  ASSERT_TRUE(DxfDimensionValue(d, "ordy", v, unsupported));
  EXPECT_DOUBLE_EQ(v, 9);
  ASSERT_TRUE(DxfDimensionValue(d, "ang", v, unsupported));
  EXPECT_NEAR(v, 45, 1e-12);
  EXPECT_FALSE(DxfDimensionValue(d, "bad", v, unsupported));
  EXPECT_TRUE(unsupported);
  EXPECT_FALSE(DxfDimensionValue(d, "none", v, unsupported));
  EXPECT_FALSE(unsupported);
}

TEST(DxfReader, HugeFragmentCountsStayWithinTheSegmentBudget) {
  DxfOptions o = Options();
  o.fragments = [](double) { return 2000000000; };
  o.maxSegments = 1000;
  std::vector<std::string> w;
  DxfData d = ParseDxf(Entities("0\nCIRCLE\n8\n0\n10\n0\n20\n0\n40\n5\n0\nCIRCLE\n8\n0\n10\n0\n20\n0\n40\n7\n"), o, w);
  EXPECT_LE(d.points.size(), 1001u);
  ASSERT_FALSE(w.empty());
  EXPECT_NE(w.back().find("more than 1000 line segments"), std::string::npos);
}

TEST(DxfReader, EntityWithoutValuesIsRetriedAtTheNextGroupZero) {
  std::vector<std::string> w;
  ParseDxf("0\nSECTION\n2\nENTITIES\n0\nLINE\n0\nENDSEC\n0\nEOF\n", Options(), w);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0], "Not enough input values for ENDSEC. in '/x/t.dxf'");
  EXPECT_EQ(w[1], "Not enough input values for EOF. in '/x/t.dxf'");
}

TEST(DxfReader, IllegalIdStopsReading) {
  std::vector<std::string> w;
  DxfData d = ParseDxf(Entities(Line(0, 0, 1, 1) + " 7x\nfoo\n" + Line(2, 2, 3, 3)), Options(), w);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], "Illegal ID '7x' in `/x/t.dxf'");
  EXPECT_TRUE(d.paths.empty());  // the first LINE was never ended by a group 0
}

TEST(DxfReader, GarbageNeverCrashes) {
  std::vector<std::string> w;
  ParseDxf("x\ny\n0\n", Options(), w);
  EXPECT_EQ(w.front(), "Illegal ID 'x' in `/x/t.dxf'");
  ParseDxf(Entities("0\nARC\n10\nnan\n20\n1e308\n40\ninf\n50\n-1e300\n51\n1e300\n"), Options(), w);
  ParseDxf(Entities("0\nELLIPSE\n10\n0\n20\n0\n11\n1e308\n21\n1e308\n40\n1\n"), Options(), w);
  SUCCEED();
}

}  // namespace
}  // namespace mos::importer

namespace mos::importer {
namespace {

// Found by mos_fuzz_dxf: a last group code without its value line.
TEST(DxfReader, CodeWithoutValueAtTheEnd) {
  std::vector<std::string> w;
  DxfOptions o;
  o.fragments = [](double) { return 36; };
  DxfData d = ParseDxf("0\nSECTION\n2\nENTITIES\n0\nLINE\n10", o, w);
  EXPECT_TRUE(d.paths.empty());
}

}  // namespace
}  // namespace mos::importer
