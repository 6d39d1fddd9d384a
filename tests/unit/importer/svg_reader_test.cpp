// The SVG reader against numbers learned from openscad 2021.01 on the same
// small drawings: page units and viewBox, the y flip, curve segment counts,
// transforms, fill and stroke.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "importer/svg_data.h"
#include "importer/svg_path.h"
#include "importer/svg_transform.h"

namespace mos::importer {
namespace {

struct Box {
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
};

std::vector<SvgShape> Read(const std::string& body, const std::string& svgAttrs = "",
                           double dpi = 72, bool center = false) {
  SvgOptions o;
  o.dpi = dpi;
  o.center = center;
  std::vector<SvgShape> shapes;
  std::string error;
  std::vector<std::string> warnings;
  EXPECT_TRUE(ReadSvg("<svg xmlns=\"http://www.w3.org/2000/svg\" " + svgAttrs + ">" + body + "</svg>",
                      o, shapes, error, warnings))
      << error;
  return shapes;
}

Box Bounds(const std::vector<SvgShape>& shapes) {
  Box b;
  for (const auto& s : shapes)
    for (const auto* list : {&s.fill, &s.stroke})
      for (const auto& c : *list)
        for (const auto& p : c) {
          b.x0 = std::min(b.x0, p[0]);
          b.y0 = std::min(b.y0, p[1]);
          b.x1 = std::max(b.x1, p[0]);
          b.y1 = std::max(b.y1, p[1]);
        }
  return b;
}

void ExpectBox(const Box& b, double x0, double y0, double x1, double y1) {
  EXPECT_NEAR(b.x0, x0, 1e-4);
  EXPECT_NEAR(b.y0, y0, 1e-4);
  EXPECT_NEAR(b.x1, x1, 1e-4);
  EXPECT_NEAR(b.y1, y1, 1e-4);
}

const char kRect[] = "<rect x=\"10\" y=\"20\" width=\"30\" height=\"40\"/>";

TEST(SvgPage, WithoutViewBoxUserUnitsAreMillimetresFlippedAboutTheHeight) {
  ExpectBox(Bounds(Read(kRect)), 10, -60, 40, -20);
  ExpectBox(Bounds(Read(kRect, "width=\"100mm\" height=\"50mm\"")), 10, -10, 40, 30);
  // 50 px at 72 dpi = 17.6389 mm; at 96 dpi 13.2292 mm.
  ExpectBox(Bounds(Read(kRect, "width=\"100\" height=\"50\"")), 10, -42.3611, 40, -2.3611);
  ExpectBox(Bounds(Read(kRect, "width=\"100\" height=\"50\"", 96)), 10, -46.7708, 40, -6.77083);
  ExpectBox(Bounds(Read(kRect, "height=\"50pc\"")), 10, 151.6667, 40, 191.6667);
  ExpectBox(Bounds(Read(kRect, "height=\"50%\"")), 10, -60, 40, -20);
}

TEST(SvgPage, ViewBoxScalesAndAligns) {
  ExpectBox(Bounds(Read(kRect, "width=\"100mm\" height=\"50mm\" viewBox=\"0 0 200 100\"")), 5, 20,
            20, 40);
  // No size: the viewBox in px.
  ExpectBox(Bounds(Read(kRect, "viewBox=\"0 0 200 100\"")), 3.52777, 14.1111, 14.1111, 28.2222);
  // 2021.01 adds the viewBox's y offset.
  ExpectBox(Bounds(Read(kRect, "width=\"100mm\" height=\"50mm\" viewBox=\"0 7 200 100\"")), 5, 16.5,
            20, 36.5);
  ExpectBox(Bounds(Read(kRect, "width=\"100mm\" height=\"50mm\" viewBox=\"0 0 200 200\"")), 27.5,
            35, 35, 45);
  ExpectBox(Bounds(Read(kRect, "width=\"100mm\" height=\"50mm\" viewBox=\"0 0 200 200\" "
                               "preserveAspectRatio=\"xMinYMax slice\"")),
            5, 70, 20, 90);
  ExpectBox(Bounds(Read(kRect, "width=\"100mm\" height=\"50mm\" viewBox=\"0 0 200 200\" "
                               "preserveAspectRatio=\"none\"")),
            5, 35, 20, 45);
  ExpectBox(Bounds(Read(kRect, "width=\"100mm\" height=\"50mm\" viewBox=\"0 0 20 200\" "
                               "preserveAspectRatio=\"xMidYMid slice\"")),
            50, 225, 200, 425);
}

TEST(SvgPage, CenterUsesTheBoundingBox) {
  ExpectBox(Bounds(Read(kRect, "", 72, true)), -15, -20, 15, 20);
}

size_t FillPoints(const std::vector<SvgShape>& shapes) {
  size_t n = 0;
  for (const auto& s : shapes)
    for (const auto& c : s.fill) n += c.size();
  return n;
}

TEST(SvgShapes, CurveSegmentCountsOf2021) {
  EXPECT_EQ(FillPoints(Read("<circle r=\"10\"/>")), 40u);
  EXPECT_EQ(FillPoints(Read("<ellipse rx=\"10\" ry=\"5\"/>")), 40u);
  EXPECT_EQ(FillPoints(Read("<rect width=\"40\" height=\"30\" rx=\"5\"/>")), 40u);  // 4 corners of 10
  EXPECT_EQ(FillPoints(Read("<path d=\"M0,0 C 0,10 10,10 10,0 Z\"/>")), 21u);
  EXPECT_EQ(FillPoints(Read("<path d=\"M0,0 Q 5,10 10,0 Z\"/>")), 21u);
  EXPECT_EQ(FillPoints(Read("<path d=\"M0,0 A 5 5 0 0 1 10,0 Z\"/>")), 15u);
  // A large arc of about 348 degrees: 23 segments.
  EXPECT_EQ(FillPoints(Read("<path d=\"M0,0 A 5 5 0 1 1 0,1 Z\"/>")), 24u);
  // Radii too small are scaled up: a half circle of radius 5.
  ExpectBox(Bounds(Read("<path d=\"M0,0 A 1 1 0 0 1 10,0 Z\"/>")), 0, 0, 10, 5);
}

TEST(SvgShapes, PathCommandsRelativeAndSmooth) {
  auto paths = [](const char* d) {
    SvgPointBudget budget{1000000};
    return ParseSvgPathData(d, budget);
  };
  auto p = paths("M1,1 l2,0 0,2 -2,0z m5,0 h1 v1 h-1 z");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_TRUE(p[0].closed);
  ASSERT_EQ(p[1].points.size(), 4u);
  EXPECT_EQ(p[1].points[0], (std::array<double, 2>{6, 1}));
  EXPECT_EQ(p[1].points[2], (std::array<double, 2>{7, 2}));
  // S reflects the last control point: a symmetric S curve ends at (40, 0).
  p = paths("M0,0 C 0,10 10,10 10,0 S 20,-10 20,0");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].points.size(), 41u);
  EXPECT_FALSE(p[0].closed);
  EXPECT_LT(p[0].points[30][1], 0);
  // Numbers run together. As in 2021.01, flags written together make one
  // number ("0010"), which leaves the arc short and drops it, and so is a
  // lineto short of a number; an unknown command is skipped.
  p = paths("M0-0.5.5.5L10,0a1 1 0 0010,0 L 5 X 3 L 20,0");
  ASSERT_EQ(p.size(), 1u);
  ASSERT_EQ(p[0].points.size(), 4u);
  EXPECT_EQ(p[0].points[0], (std::array<double, 2>{0, -0.5}));
  EXPECT_EQ(p[0].points[1], (std::array<double, 2>{0.5, 0.5}));
  EXPECT_EQ(p[0].points[2], (std::array<double, 2>{10, 0}));
  EXPECT_EQ(p[0].points[3], (std::array<double, 2>{20, 0}));
  // 2021.01 closes the last subpath too once a Z came before it.
  p = paths("M5,5 L10,0 L0,0 Z M0,10 L10,10 M0,20 L10,20");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_TRUE(p[0].closed);
  EXPECT_FALSE(p[1].closed);
  EXPECT_TRUE(p[2].closed);
  p = paths("M0,10 L10,10 M0,20 L10,20");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_FALSE(p[1].closed);
  p = paths("M0,0 L10,0 L10,10 L5 Z");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(p[0].closed);
  EXPECT_EQ(p[0].points.size(), 3u);
}

TEST(SvgShapes, TransformsCompose) {
  SvgMatrix m = ParseSvgTransform("translate(5,5) scale(2)");
  EXPECT_EQ(m.Apply({1, 1}), (std::array<double, 2>{7, 7}));
  m = ParseSvgTransform("rotate(90 1 1)");
  auto q = m.Apply({2, 1});
  EXPECT_NEAR(q[0], 1, 1e-12);
  EXPECT_NEAR(q[1], 2, 1e-12);
  m = ParseSvgTransform("skewX(45)");
  EXPECT_NEAR(m.Apply({0, 1})[0], 1, 1e-12);
  m = ParseSvgTransform("matrix(1 2 3 4 5 6) bogus(1) scale(9)");
  EXPECT_EQ(m.Apply({1, 0}), (std::array<double, 2>{6, 8}));
  ExpectBox(Bounds(Read("<g transform=\"translate(5,5) scale(2)\"><rect width=\"10\" height=\"10\" "
                        "transform=\"rotate(45)\"/></g>")),
            -9.14214, -33.2843, 19.1421, -5);
}

TEST(SvgShapes, OpenPathsAreStrokedClosedOnesFilled) {
  // Default: width 1, square caps; a polygon is filled whatever its stroke.
  auto s = Read("<line x1=\"0\" y1=\"0\" x2=\"10\" y2=\"0\"/>");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_TRUE(s[0].fill.empty());
  ExpectBox(Bounds(s), -0.5, -0.5, 10.5, 0.5);
  s = Read("<polygon points=\"0,0 10,0 10,10\" style=\"fill:none;stroke-width:2\"/>");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_TRUE(s[0].stroke.empty());
  // Butt caps and the shape's own width; the stroke is made before the
  // transform (2021.01 scales it with the shape).
  ExpectBox(Bounds(Read("<path d=\"M0,0 L10,0\" style=\"stroke-linecap:butt\" stroke-width=\"4\"/>")),
            0, -2, 10, 2);
  ExpectBox(Bounds(Read("<polyline points=\"0,0 10,0\" transform=\"scale(2,1)\"/>")), -1, -0.5, 21,
            0.5);
  // A path ending on its start point is closed.
  s = Read("<path d=\"M0,0 L10,0 L10,10 L0,0\"/>");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].fill.size(), 1u);
  // <defs>, <use> and <text> add nothing.
  EXPECT_TRUE(Read("<defs><rect width=\"1\" height=\"1\"/></defs><text>x</text><use href=\"#a\"/>").empty());
}

TEST(SvgShapes, AttributesArePlainNumbersAs2021Reads) {
  // A unit or a space makes an attribute 0 (an empty rect, x = 0).
  EXPECT_TRUE(Read("<rect width=\"10mm\" height=\"10\"/>").empty());
  ExpectBox(Bounds(Read("<rect x=\" 3 \" y=\"1in\" width=\"10\" height=\".5e1\"/>")), 0, -5, 10, 0);
  // stroke-width "2px" is invalid: the default width 1.
  ExpectBox(Bounds(Read("<path d=\"M0,0 L10,0\" stroke-width=\"2px\"/>")), -0.5, -0.5, 10.5, 0.5);
  // Point pairs with a malformed number are dropped: a diagonal line remains.
  ExpectBox(Bounds(Read("<polyline points=\"0,0 10mm,0 10,10 5\"/>")), -0.707107, -10.707107,
            10.707107, 0.707107);
  EXPECT_EQ(FillPoints(Read("<polygon points=\"0 0,10 0 10,10\"/>")), 3u);
}

TEST(SvgShapes, MiterJoinsAreSquaredPastTheLimit) {
  // A right angle keeps its miter point (10.5, 0.5) in OpenSCAD's y-up frame.
  ExpectBox(Bounds(Read("<path d=\"M0,0 L10,0 L10,1\"/>")), -0.5, -1.5, 10.5, 0.5);
  // A needle turn is cut at half the width from the vertex (2021.01: x max 10.5834).
  Box b = Bounds(Read("<path d=\"M0,0 L10,0 L5,3\"/>"));
  EXPECT_NEAR(b.x1, 10.5834, 1e-4);
}

TEST(SvgErrors, BrokenDocumentsAndNumbers) {
  std::vector<SvgShape> shapes;
  std::string error;
  std::vector<std::string> warnings;
  EXPECT_FALSE(ReadSvg("<svg><path d=\"M0", SvgOptions(), shapes, error, warnings));
  EXPECT_FALSE(ReadSvg("<notsvg/>", SvgOptions(), shapes, error, warnings));
  EXPECT_FALSE(ReadSvg("junk", SvgOptions(), shapes, error, warnings));
  ASSERT_TRUE(ReadSvg("<svg><path d=\"M0,0 L1e308,1e308 L-1e308,0 Z\" transform=\"scale(1e10)\"/>"
                      "<rect width=\"nan\" height=\"1\"/><circle r=\"1e400\"/></svg>",
                      SvgOptions(), shapes, error, warnings));
  EXPECT_TRUE(shapes.empty());
  ASSERT_FALSE(warnings.empty());
  EXPECT_NE(warnings.back().find("non-finite"), std::string::npos);
  // The point budget bounds what a small file can ask for.
  SvgOptions small;
  small.maxPoints = 100;
  warnings.clear();
  std::string many;
  for (int i = 0; i < 10; ++i) many += "<circle r=\"1\"/>";
  ASSERT_TRUE(ReadSvg("<svg>" + many + "</svg>", small, shapes, error, warnings));
  EXPECT_EQ(shapes.size(), 2u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("more than 100 points"), std::string::npos);
}

}  // namespace
}  // namespace mos::importer
