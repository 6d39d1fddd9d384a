// SVG and DXF export: byte-identical to 2021.01 on primitives (data/svg_*
// were written by `openscad -o`), and read back for structure on a shape
// with a hole and two parts.
#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "geom_test_util.h"
#include "io/contour_order.h"
#include "kernel/grid_snap.h"
#include "io/export_2d.h"

namespace mos::geom {
namespace {

std::string Svg(const RenderResult& r) {
  std::ostringstream out;
  io::WriteSvg(r.geometry.polygon, out);
  return out.str();
}

std::string Dxf(const RenderResult& r) {
  std::ostringstream out;
  io::WriteDxf(r.geometry.polygon, out);
  return out.str();
}

// The contours of an SVG path as written: "M x,y L x,y ... z", y flipped back.
std::vector<kernel::Contour> SvgContours(const std::string& svg) {
  const size_t d = svg.find("<path d=\"");
  const size_t end = svg.find('"', d + 9);
  std::istringstream in(svg.substr(d + 9, end - d - 9));
  std::vector<kernel::Contour> out;
  std::string word;
  while (in >> word) {
    if (word == "M") out.emplace_back();
    if (word == "M" || word == "L") {
      std::string xy;
      in >> xy;
      const size_t comma = xy.find(',');
      out.back().push_back({std::stod(xy.substr(0, comma)), -std::stod(xy.substr(comma + 1))});
    } else if (word != "z") {
      ADD_FAILURE() << "unexpected path word " << word;
    }
  }
  return out;
}

struct DxfLine {
  kernel::Vec2 a, b;
};

// LINE entities of a DXF, checking the group codes around them.
std::vector<DxfLine> DxfLines(const std::string& dxf) {
  std::istringstream in(dxf);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  std::vector<DxfLine> out;
  for (size_t i = 0; i + 1 < lines.size(); i += 2) {
    if (lines[i] != "  0" || lines[i + 1] != "LINE") continue;
    EXPECT_LT(i + 13, lines.size());
    if (i + 13 >= lines.size()) break;
    EXPECT_EQ(lines[i + 2], "  8");
    EXPECT_EQ(lines[i + 3], "0");
    EXPECT_EQ(lines[i + 4], " 10");
    EXPECT_EQ(lines[i + 6], " 20");
    EXPECT_EQ(lines[i + 8], " 11");
    EXPECT_EQ(lines[i + 10], " 21");
    out.push_back({{std::stod(lines[i + 5]), std::stod(lines[i + 7])},
                   {std::stod(lines[i + 9]), std::stod(lines[i + 11])}});
    i += 10;
  }
  return out;
}

TEST(ExportSvg, CircleIsByteIdenticalToOpenscad) {
  RenderResult r = RenderFile(testing::DataPath("svg_circle.scad"), SourceOptions{});
  EXPECT_EQ(Svg(r), testing::ReadText(testing::DataPath("svg_circle.svg")));
}

TEST(ExportSvg, TranslatedSquareIsByteIdenticalToOpenscad) {
  RenderResult r = RenderFile(testing::DataPath("svg_square.scad"), SourceOptions{});
  EXPECT_EQ(Svg(r), testing::ReadText(testing::DataPath("svg_square.svg")));
}

TEST(ExportDxf, CircleIsByteIdenticalToOpenscad) {
  RenderResult r = RenderFile(testing::DataPath("svg_circle.scad"), SourceOptions{});
  EXPECT_EQ(Dxf(r), testing::ReadText(testing::DataPath("svg_circle.dxf")));
}

TEST(ExportDxf, TranslatedSquareIsByteIdenticalToOpenscad) {
  RenderResult r = RenderFile(testing::DataPath("svg_square.scad"), SourceOptions{});
  EXPECT_EQ(Dxf(r), testing::ReadText(testing::DataPath("svg_square.dxf")));
}

// Several outlines with holes and an island: the contour order and start
// points 2021.01 writes after Clipper (io/contour_order.h).
TEST(ExportSvg, NestedContoursAreByteIdenticalToOpenscad) {
  RenderResult r = RenderFile(testing::DataPath("svg_nested.scad"), SourceOptions{});
  EXPECT_EQ(Svg(r), testing::ReadText(testing::DataPath("svg_nested.svg")));
}

TEST(ExportDxf, NestedContoursAreByteIdenticalToOpenscad) {
  RenderResult r = RenderFile(testing::DataPath("svg_nested.scad"), SourceOptions{});
  EXPECT_EQ(Dxf(r), testing::ReadText(testing::DataPath("svg_nested.dxf")));
}

TEST(ContourOrder, TreeOrderAndLowestVertexLast) {
  kernel::Polygon2d p;
  p.contours = {
      {{0, 0}, {2, 0}, {2, 2}, {0, 2}},              // low outline
      {{10, 0}, {10, 1}, {11, 1}, {11, 0}},          // hole of the high outline (clockwise)
      {{5, -1}, {15, -1}, {15, 5}, {5, 5}},          // high outline
  };
  const kernel::Polygon2d q = io::OrderContoursAsOpenscad(p);
  ASSERT_EQ(q.contours.size(), 3u);
  EXPECT_EQ(q.contours[0], (kernel::Contour{{15, 5}, {5, 5}, {5, -1}, {15, -1}}));
  EXPECT_EQ(q.contours[1], (kernel::Contour{{10, 0}, {10, 1}, {11, 1}, {11, 0}}));
  EXPECT_EQ(q.contours[2], (kernel::Contour{{2, 2}, {0, 2}, {0, 0}, {2, 0}}));
}

TEST(ContourOrder, SingleContourKeepsItsOwnOrder) {
  kernel::Polygon2d p;
  p.contours = {{{0, 0}, {2, 0}, {2, 2}, {0, 2}}};
  EXPECT_EQ(io::OrderContoursAsOpenscad(p).contours, p.contours);
}

TEST(ContourOrder, ManyContoursSortByTopAndBeyondTheBoundStayAsGiven) {
  auto grid = [](int side) {
    kernel::Polygon2d p;
    for (int i = 0; i < side; ++i) {
      for (int j = 0; j < side; ++j) {
        const double x = 3 * i, y = 3 * j;
        p.contours.push_back({{x, y}, {x + 1, y}, {x + 1, y + 1}, {x, y + 1}});
      }
    }
    return p;
  };
  const kernel::Polygon2d small = grid(30);
  const kernel::Polygon2d ordered = io::OrderContoursAsOpenscad(small);
  ASSERT_EQ(ordered.contours.size(), 900u);
  for (size_t k = 0; k + 1 < ordered.contours.size(); ++k) {
    // Each square now ends at its lower right corner, so its top is [0].y.
    EXPECT_GE(ordered.contours[k][0].y, ordered.contours[k + 1][0].y);
    EXPECT_EQ(ordered.contours[k][3].y, ordered.contours[k][0].y - 1);
    EXPECT_EQ(ordered.contours[k][3].x, ordered.contours[k][2].x + 1);
  }
  const kernel::Polygon2d large = grid(46);  // 2116 contours: over the bound
  ASSERT_GT(large.contours.size(), io::kMaxOrderedContours);
  EXPECT_EQ(io::OrderContoursAsOpenscad(large).contours, large.contours);
}

TEST(ExportSvg, EmptyAndHugeInputsStayWellFormed) {
  std::ostringstream empty;
  io::WriteSvg(kernel::Polygon2d{}, empty);
  EXPECT_NE(empty.str().find("viewBox=\"0 0 0 0\""), std::string::npos);
  EXPECT_NE(empty.str().find("<path d=\"\n\" stroke="), std::string::npos);
  kernel::Polygon2d huge;
  huge.contours = {{{-1e300, 0}, {1e300, 0}, {0, 1e300}}};
  std::ostringstream out;
  io::WriteSvg(huge, out);
  EXPECT_NE(out.str().find("M -1e+300,-0 L 1e+300,-0 L 0,-1e+300 z"), std::string::npos);
  EXPECT_NE(out.str().find("viewBox=\"-1000000000000000 -1000000000000000 "), std::string::npos);
  std::ostringstream dxf;
  io::WriteDxf(kernel::Polygon2d{}, dxf);
  EXPECT_EQ(dxf.str(),
            "  0\nSECTION\n  2\nBLOCKS\n  0\nENDSEC\n  0\nSECTION\n  2\nENTITIES\n"
            "  0\nENDSEC\n  0\nSECTION\n  2\nOBJECTS\n  0\nDICTIONARY\n  0\nENDSEC\n  0\nEOF\n");
}

const char* const kHoleAndCircle =
    "difference() { square(10); translate([2,2]) square(3); }\n"
    "translate([20,0]) circle(3, $fn=5);";

TEST(ExportSvg, ContoursAndViewBoxReadBack) {
  RenderResult r = testing::Render(kHoleAndCircle);
  ASSERT_EQ(r.geometry.dim, Dim::k2);
  const std::string svg = Svg(r);
  EXPECT_NE(svg.find("<svg width=\"23mm\" height=\"13mm\" viewBox=\"0 -10 23 13\""),
            std::string::npos);
  const auto contours = SvgContours(svg);
  ASSERT_EQ(contours.size(), 3u);
  std::multiset<size_t> sizes;
  double area = 0;
  for (const auto& c : contours) {
    sizes.insert(c.size());
    area += kernel::SignedArea(c);
  }
  EXPECT_EQ(sizes, (std::multiset<size_t>{4, 4, 5}));
  // Outer boundaries counter-clockwise, the hole clockwise: the signed sum
  // is the area (6 significant digits in the file: 20.9271 is off by 5e-5).
  EXPECT_NEAR(area, kernel::SignedArea(r.geometry.polygon), 2e-3);
  // The two top-level objects are unioned on 2021.01's 2^-16 grid: the
  // pentagon's vertices are truncated toward zero (the squares are on it).
  kernel::Contour pentagon;
  for (int i = 0; i < 5; ++i)
    pentagon.push_back(kernel::TruncateToClipperGrid(
        kernel::Vec2{20 + 3 * std::cos(i * 72 * M_PI / 180), 3 * std::sin(i * 72 * M_PI / 180)}));
  EXPECT_NEAR(kernel::SignedArea(r.geometry.polygon), 100 - 9 + kernel::SignedArea(pentagon), 1e-9);
  EXPECT_GT(std::fabs(kernel::SignedArea(pentagon) - 2.5 * 9 * std::sin(72 * M_PI / 180)), 1e-6);
}

TEST(ExportDxf, OneLinePerEdgeClosingEachContour) {
  RenderResult r = testing::Render(kHoleAndCircle);
  const std::string dxf = Dxf(r);
  EXPECT_EQ(dxf.rfind("  0\nSECTION\n  2\nBLOCKS\n  0\nENDSEC\n  0\nSECTION\n  2\nENTITIES\n", 0),
            0u);
  const std::string tail =
      "  0\nENDSEC\n  0\nSECTION\n  2\nOBJECTS\n  0\nDICTIONARY\n  0\nENDSEC\n  0\nEOF\n";
  EXPECT_EQ(dxf.substr(dxf.size() - tail.size()), tail);
  const auto lines = DxfLines(dxf);
  ASSERT_EQ(lines.size(), 13u);
  // Each line starts where the previous one ended, except at a contour's
  // start, and each contour closes on its first point.
  size_t start = 0;
  int contours = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const bool last = i + 1 == lines.size() ||
                      !(lines[i + 1].a.x == lines[i].b.x && lines[i + 1].a.y == lines[i].b.y);
    if (last) {
      EXPECT_EQ(lines[i].b.x, lines[start].a.x);
      EXPECT_EQ(lines[i].b.y, lines[start].a.y);
      ++contours;
      start = i + 1;
    }
  }
  EXPECT_EQ(contours, 3);
}

TEST(ExportSvg, LongContoursBreakAfterEverySixthPoint) {
  RenderResult r = testing::Render("circle(1, $fn=12);");
  const std::string svg = Svg(r);
  const size_t d = svg.find("<path d=\"\n") + 10;
  const std::string path = svg.substr(d, svg.find("\" stroke") - d);
  std::vector<std::string> rows;
  std::istringstream in(path);
  std::string row;
  while (std::getline(in, row)) rows.push_back(row);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].rfind("M 1,-0 L ", 0), 0u);
  EXPECT_EQ(rows[1].rfind(" L ", 0), 0u);
  EXPECT_EQ(rows[2], " z");
}

}  // namespace
}  // namespace mos::geom
