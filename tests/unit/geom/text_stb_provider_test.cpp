// The stb_truetype font provider (the WASM build's) against the native
// FreeType/HarfBuzz/fontconfig one, on the same font files; what differs is
// measured here and bounded (see stb/stb_font_provider.h for the causes).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "geom/stb/font_query.h"
#include "geom/stb/stb_font_provider.h"
#include "geom/text_font.h"
#include "geom/text_layout.h"
#include "kernel/polygon2d.h"

namespace mos::geom {
namespace {

const char* const kLiberation = "/usr/share/fonts/truetype/liberation";
const char* const kDejaVu = "/usr/share/fonts/truetype/dejavu";

bool FontsInstalled() {
  return std::filesystem::exists(std::string(kLiberation) + "/LiberationSans-Regular.ttf") &&
         std::filesystem::exists(std::string(kDejaVu) + "/DejaVuSans.ttf");
}

struct Measure {
  double area = 0, minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
  size_t contours = 0;
};

Measure Render(const FontProvider& provider, const std::string& text, const std::string& font,
               const std::string& direction = "ltr") {
  ShapedText shaped;
  std::string warning;
  EXPECT_TRUE(provider.Shape({text, font, direction, "en", "Latn"}, shaped, &warning)) << warning;
  TextLayoutParams layout;
  layout.size = 10;
  layout.curveSteps = 8;
  layout.vertical = direction == "ttb" || direction == "btt";
  const kernel::Polygon2d p = LayoutText(shaped, layout);
  Measure m;
  m.area = std::fabs(kernel::SignedArea(p));
  m.contours = p.contours.size();
  for (const auto& c : p.contours)
    for (const kernel::Vec2& v : c) {
      m.minX = std::min(m.minX, v.x), m.maxX = std::max(m.maxX, v.x);
      m.minY = std::min(m.minY, v.y), m.maxY = std::max(m.maxY, v.y);
    }
  return m;
}

TEST(FontQuery, ParsesFamiliesAndStyle) {
  FontQuery q = ParseFontName("Liberation Sans:style=Bold Italic");
  ASSERT_EQ(q.families.size(), 1u);
  EXPECT_EQ(q.families[0], "Liberation Sans");
  EXPECT_EQ(q.style, "Bold Italic");
  EXPECT_TRUE(q.bold);
  EXPECT_TRUE(q.italic);
  q = ParseFontName("Arial, DejaVu Sans-12:bold");
  ASSERT_EQ(q.families.size(), 2u);
  EXPECT_EQ(q.families[1], "DejaVu Sans");
  EXPECT_TRUE(q.bold);
  EXPECT_FALSE(q.italic);
  q = ParseFontName("X:weight=200:slant=100");
  EXPECT_TRUE(q.bold);
  EXPECT_TRUE(q.italic);
  EXPECT_EQ(FoldFontName("Liberation Sans"), "liberationsans");
}

TEST(StbFontProvider, NoFontsMeansAWarningNotACrash) {
  auto provider = MakeStbFontProvider({"/nonexistent-font-dir"});
  ShapedText shaped;
  std::string warning;
  EXPECT_FALSE(provider->Shape({"abc", "", "ltr", "en", "Latn"}, shaped, &warning));
  EXPECT_EQ(warning, "Can't get font Liberation Sans");
  EXPECT_FALSE(provider->AddFontFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
}

TEST(StbFontProvider, MatchesFamilyAndStyle) {
  if (!FontsInstalled()) GTEST_SKIP() << "fonts-liberation / fonts-dejavu not installed";
  auto stb = MakeStbFontProvider({kLiberation, kDejaVu});
  const Measure regular = Render(*stb, "Hello", "Liberation Sans");
  const Measure bold = Render(*stb, "Hello", "Liberation Sans:style=Bold");
  const Measure dejavu = Render(*stb, "Hello", "DejaVu Sans");
  const Measure unknown = Render(*stb, "Hello", "No Such Font");
  EXPECT_GT(bold.area, regular.area * 1.2);  // heavier strokes
  EXPECT_NE(dejavu.maxX, regular.maxX);
  EXPECT_EQ(unknown.maxX, dejavu.maxX);  // fontconfig's sans-serif on Debian
  EXPECT_EQ(unknown.area, dejavu.area);
}

// The native provider (FreeType, hinted, HarfBuzz-shaped) against stb on
// the same fonts, for Latin text (no ligatures in these fonts' default
// features, kerning pairs included): same glyph and contour counts; the
// outlines differ by FreeType's hinting only. Measured (2026-11-27, size 10,
// 28 glyphs): areas within 2.2e-4 relative, extents within 0.003 (1/4600 of
// the size), in all three directions (vertical metrics synthesised alike).
TEST(StbFontProvider, AgreesWithFreetypeWithinHinting) {
  if (!FontsInstalled()) GTEST_SKIP() << "fonts-liberation / fonts-dejavu not installed";
  auto stb = MakeStbFontProvider({kLiberation, kDejaVu});
  const FontProvider* native = DefaultFontProvider();
  if (!native || native == StbDefaultFontProvider()) GTEST_SKIP() << "no FreeType provider in this build";
  for (const char* font : {"Liberation Sans", "Liberation Sans:style=Bold", "DejaVu Sans"}) {
    for (const char* direction : {"ltr", "rtl", "ttb"}) {
      const std::string text = "Hello, World! AVATAR Tj 0123";
      const Measure a = Render(*native, text, font, direction);
      const Measure b = Render(*stb, text, font, direction);
      std::printf("%-28s %s area %.6f vs %.6f (rel %.2e); bbox [%.4f %.4f %.4f %.4f] vs [%.4f %.4f %.4f %.4f]\n",
                  font, direction, a.area, b.area, std::fabs(a.area - b.area) / a.area, a.minX, a.minY,
                  a.maxX, a.maxY, b.minX, b.minY, b.maxX, b.maxY);
      EXPECT_EQ(a.contours, b.contours) << font << " " << direction;
      EXPECT_NEAR(a.area, b.area, 5e-4 * a.area) << font << " " << direction;
      EXPECT_NEAR(a.minX, b.minX, 0.005) << font << " " << direction;
      EXPECT_NEAR(a.maxX, b.maxX, 0.005) << font << " " << direction;
      EXPECT_NEAR(a.minY, b.minY, 0.005) << font << " " << direction;
      EXPECT_NEAR(a.maxY, b.maxY, 0.005) << font << " " << direction;
    }
  }
}

}  // namespace
}  // namespace mos::geom
