// text(): glyph outlines, shaping and font matching against openscad
// 2021.01. data/text/<name>.svg were written by `openscad -o` (see
// data/text/make_reference.sh); most must be byte-identical. The layout math
// is also tested on a hand-made ShapedText, without any font.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

#include "geom/text_font.h"
#include "geom/text_layout.h"
#include "geom_test_util.h"
#include "io/export_2d.h"

namespace mos::geom {
namespace {

using kernel::Contour;
using kernel::Vec2;

std::string Svg(const RenderResult& r) {
  std::ostringstream out;
  io::WriteSvg(r.geometry.polygon, out);
  return out.str();
}

double Area(const Contour& c) {
  double a = 0;
  for (size_t i = 0; i < c.size(); ++i) {
    const Vec2& p = c[i];
    const Vec2& q = c[(i + 1) % c.size()];
    a += p.x * q.y - q.x * p.y;
  }
  return a / 2;
}

double Area(const kernel::Polygon2d& p) {
  double a = 0;
  for (const auto& c : p.contours) a += Area(c);
  return a;
}

struct Box {
  double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
};
Box Bounds(const kernel::Polygon2d& p) {
  Box b;
  for (const auto& c : p.contours)
    for (const Vec2& v : c) {
      b.minX = std::min(b.minX, v.x), b.maxX = std::max(b.maxX, v.x);
      b.minY = std::min(b.minY, v.y), b.maxY = std::max(b.maxY, v.y);
    }
  return b;
}

// The contours of an SVG path as written ("M x,y L x,y ... z").
std::vector<std::vector<std::string>> SvgContours(const std::string& svg) {
  std::vector<std::vector<std::string>> out;
  std::istringstream in(svg.substr(svg.find("<path d=\"") + 9));
  std::string word;
  while (in >> word && word.find('"') == std::string::npos) {
    if (word == "M") out.emplace_back();
    if (word == "M" || word == "L") {
      std::string xy;
      in >> xy;
      out.back().push_back(xy);
    }
  }
  return out;
}

// True when `b` is `a` started at another vertex.
bool SameCycle(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  for (size_t s = 0; s < a.size(); ++s) {
    bool same = true;
    for (size_t i = 0; i < a.size() && same; ++i) same = a[(s + i) % a.size()] == b[i];
    if (same) return true;
  }
  return a.empty();
}

bool HaveFonts() { return DefaultFontProvider() != nullptr; }

class TextReference : public ::testing::TestWithParam<const char*> {};

TEST_P(TextReference, SvgIsByteIdenticalToOpenscad) {
  if (!HaveFonts()) GTEST_SKIP() << "built without MOS_WITH_FREETYPE";
  const std::string name = std::string("text/") + GetParam();
  RenderResult r = RenderFile(testing::DataPath(name + ".scad"), SourceOptions{});
  EXPECT_TRUE(r.warnings.empty()) << r.warnings[0].text;
  EXPECT_EQ(Svg(r), testing::ReadText(testing::DataPath(name + ".svg"))) << name;
}

INSTANTIATE_TEST_SUITE_P(Openscad2021, TextReference,
                         ::testing::Values("o_default", "o_fn40", "ll", "g_top", "lg_center",
                                           "spacing_halign", "bold_right", "serif_italic",
                                           "dejavu"));

// Glyphs with several equally low vertices (H, A, l in "Hello") come out
// with the same contours in the same order, but some start at another vertex:
// 2021.01's start vertex of non-convex Clipper results is not emulated yet
// (geom/clipper_order.h), for polygon() just the same.
class TextReferenceUpToStart : public ::testing::TestWithParam<const char*> {};

TEST_P(TextReferenceUpToStart, SameContoursAsOpenscad) {
  if (!HaveFonts()) GTEST_SKIP() << "built without MOS_WITH_FREETYPE";
  const std::string name = std::string("text/") + GetParam();
  RenderResult r = RenderFile(testing::DataPath(name + ".scad"), SourceOptions{});
  const auto expected = SvgContours(testing::ReadText(testing::DataPath(name + ".svg")));
  const auto actual = SvgContours(Svg(r));
  ASSERT_EQ(actual.size(), expected.size()) << name;
  ASSERT_FALSE(expected.empty());
  for (size_t i = 0; i < expected.size(); ++i)
    EXPECT_TRUE(SameCycle(expected[i], actual[i])) << name << " contour " << i;
}

INSTANTIATE_TEST_SUITE_P(Openscad2021, TextReferenceUpToStart,
                         ::testing::Values("hello", "rtl", "ttb", "ttb_center", "btt_right_top",
                                           "negative_size"));

TEST(Text, OHasAHoleAndLHasNone) {
  if (!HaveFonts()) GTEST_SKIP() << "built without MOS_WITH_FREETYPE";
  RenderResult o = testing::Render("text(\"O\");");
  RenderResult l = testing::Render("text(\"l\");");
  ASSERT_EQ(o.geometry.dim, Dim::k2);
  ASSERT_EQ(o.geometry.polygon.contours.size(), 2u);
  ASSERT_EQ(l.geometry.polygon.contours.size(), 1u);
  // One outer contour and one hole of opposite orientation.
  const double a0 = Area(o.geometry.polygon.contours[0]), a1 = Area(o.geometry.polygon.contours[1]);
  EXPECT_LT(a0 * a1, 0);
  EXPECT_GT(Area(o.geometry.polygon), 20);
  // "l" at size 10: a bar from x 0.9358 to 2.1564 (FreeType's hinted
  // outline at 2021.01's working size) and 10.0634 high, on Clipper's grid.
  const Box b = Bounds(l.geometry.polygon);
  EXPECT_EQ(b.minX, std::floor(0.9358 * 65536) / 65536);
  EXPECT_EQ(b.maxX, std::floor(2.1564 * 65536) / 65536);
  EXPECT_EQ(b.minY, 0);
  EXPECT_EQ(b.maxY, std::floor(10.0634 * 65536) / 65536);
  EXPECT_NEAR(Area(l.geometry.polygon), (2.1564 - 0.9358) * 10.0634, 1e-3);
}

TEST(Text, CurveStepsFollowFragments) {
  EXPECT_EQ(TextCurveSteps(10, 0, 2, 12), 4);   // 30 fragments
  EXPECT_EQ(TextCurveSteps(10, 3, 2, 12), 2);   // at least two
  EXPECT_EQ(TextCurveSteps(10, 16, 2, 12), 3);
  EXPECT_EQ(TextCurveSteps(1, 0, 2, 12), 2);    // 5 fragments
  EXPECT_EQ(TextCurveSteps(10, 64, 2, 12), 9);
  if (!HaveFonts()) return;
  // "O": 32 conic segments and nothing else, each `steps` points (as
  // 2021.01's exports of it have).
  for (int fn : {8, 16, 40}) {
    RenderResult r = testing::Render("text(\"O\", $fn = " + std::to_string(fn) + ");");
    size_t n = 0;
    for (const auto& c : r.geometry.polygon.contours) n += c.size();
    EXPECT_EQ(n, 32u * (fn / 8 + 1)) << fn;
  }
}

TEST(Text, StyleAndSizeChangeTheOutline) {
  if (!HaveFonts()) GTEST_SKIP() << "built without MOS_WITH_FREETYPE";
  const double regular = Area(testing::Render("text(\"l\");").geometry.polygon);
  const double bold = Area(testing::Render("text(\"l\", font=\"Liberation Sans:style=Bold\");")
                               .geometry.polygon);
  EXPECT_GT(bold, regular * 1.3);
  const Box half = Bounds(testing::Render("text(\"l\", size=5);").geometry.polygon);
  EXPECT_NEAR(half.maxY, 10.0634 / 2, 1e-4);
}

TEST(Text, UnknownFontFallsBackAsFontconfigDoes) {
  if (!HaveFonts()) GTEST_SKIP() << "built without MOS_WITH_FREETYPE";
  // 2021.01 takes fontconfig's best match without a warning.
  RenderResult r = testing::Render("text(\"l\", font=\"No Such Font Xyz\");");
  EXPECT_TRUE(r.warnings.empty());
  EXPECT_EQ(r.geometry.polygon.contours.size(), 1u);
}

// `use <font.ttf>` makes the font matchable, as in 2021.01 (a symbol font
// with only a Microsoft symbol charmap, from openscad-testing-data).
TEST(Text, UsedFontFileIsMatched) {
  if (!HaveFonts()) GTEST_SKIP() << "built without MOS_WITH_FREETYPE";
  const std::string font = "/usr/share/openscad/testdata/ttf/marvosym-3.10/marvosym.ttf";
  if (!std::ifstream(font)) FAIL() << "openscad-testing-data not installed (scripts/install_deps.sh)";
  RenderResult r = RenderFile(testing::DataPath("text/marvosym_use.scad"), SourceOptions{});
  EXPECT_EQ(Svg(r), testing::ReadText(testing::DataPath("text/marvosym_use.svg")));
}

// The provider remembers each font name's match until a font is added:
// asked for "MarVoSym" before its file is used (fontconfig's fallback is
// remembered), the same name must match the font once `use <font.ttf>`
// has added it, and a repeated text must shape as the first did.
TEST(Text, FontMatchIsForgottenWhenAFontIsAdded) {
  if (!HaveFonts()) GTEST_SKIP() << "built without MOS_WITH_FREETYPE";
  const std::string font = "/usr/share/openscad/testdata/ttf/marvosym-3.10/marvosym.ttf";
  if (!std::ifstream(font)) FAIL() << "openscad-testing-data not installed (scripts/install_deps.sh)";
  const std::string before = Svg(testing::Render("text(\"0A\", font = \"MarVoSym\", size = 40);"));
  EXPECT_EQ(Svg(testing::Render("text(\"0A\", font = \"MarVoSym\", size = 40);")), before);
  RenderResult r = RenderFile(testing::DataPath("text/marvosym_use.scad"), SourceOptions{});
  EXPECT_EQ(Svg(r), testing::ReadText(testing::DataPath("text/marvosym_use.svg")));
}

TEST(Text, AddFontPathChecksThePath) {
  EXPECT_FALSE(AddFontPath(""));
  EXPECT_FALSE(AddFontPath("/no/such/font/dir"));
  if (HaveFonts()) {
    EXPECT_TRUE(AddFontPath("/usr/share/fonts/truetype/liberation"));
  }
}

TEST(Text, HugeFnIsRefusedBeforeAllocating) {
  if (!HaveFonts()) GTEST_SKIP() << "built without MOS_WITH_FREETYPE";
  RenderResult r = testing::Render("text(\"O\", $fn = 1e9);");
  EXPECT_TRUE(r.geometry.polygon.contours.empty());
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_NE(r.warnings[0].text.find("vertex budget"), std::string::npos);
}

TEST(Text, EmptyStringIsEmpty) {
  // A number is no text in 2021.01 (its .csg shows text = ""), nor is size 0.
  for (const char* src : {"text(\"\");", "text(42);", "text(\"x\", size = 0);"}) {
    RenderResult r = testing::Render(src);
    EXPECT_TRUE(r.geometry.polygon.contours.empty()) << src;
    EXPECT_TRUE(r.warnings.empty()) << src;
  }
}

// Layout on a synthetic glyph: a unit square outline and a conic, no font.
TEST(TextLayout, PlacesScalesAndAligns) {
  ShapedGlyph g;
  g.outline = {{OutlineStep::kMove, {{0, 0}}},
               {OutlineStep::kLine, {{1, 0}}},
               {OutlineStep::kConic, {{1, 1}, {0, 1}}},
               {OutlineStep::kLine, {{0, 0}}}};
  g.xAdvance = 2;
  g.top = 1;
  g.bottom = 0;
  ShapedText t;
  t.glyphs = {g, g};
  t.outlineUnit = 0.5;   // per unit at size 1
  t.positionUnit = 0.25;
  TextLayoutParams p;
  p.size = 2;
  p.curveSteps = 2;
  kernel::Polygon2d out = LayoutText(t, p);
  ASSERT_EQ(out.contours.size(), 2u);
  ASSERT_EQ(out.contours[0].size(), 5u);  // move, line, 2 curve points, line
  EXPECT_EQ(out.contours[0][2].x, 0.75);  // conic midpoint (0.75, 0.75) * 1
  EXPECT_EQ(out.contours[0][2].y, 0.75);
  EXPECT_EQ(out.contours[1][0].x, 1.0);   // second glyph at advance 2 * 0.25 * 2
  p.spacing = 2;
  p.halign = "right";
  p.valign = "top";
  out = LayoutText(t, p);
  EXPECT_EQ(out.contours[0][0].x, -4.0);  // total advance 8 units * 0.5
  EXPECT_EQ(out.contours[0][0].y, -0.5);  // top 1 unit * 0.5
  EXPECT_EQ(out.contours[1][0].x, -2.0);
}

}  // namespace
}  // namespace mos::geom
