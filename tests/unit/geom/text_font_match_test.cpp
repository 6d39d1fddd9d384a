// Font name matching without fontconfig (geom/font_name_match.h, the WASM
// build's): parsing, the ranking on hand-made faces, and, natively, the same
// file as fontconfig picks for every font name of the corpora and common
// others, with and without the test fonts models add with `use <x.ttf>`.
#include <gtest/gtest.h>

#include <filesystem>

#include "geom/font_name_match.h"
#ifdef MOS_WITH_FREETYPE
#include "geom/freetype/font_match_probe.h"
#endif

namespace mos::geom {
namespace {

TEST(FontNameMatch, ParsesFamiliesStyleAndProperties) {
  FontQuery q = ParseFontName("Liberation Sans:style=Bold Italic");
  ASSERT_EQ(q.families.size(), 1u);
  EXPECT_EQ(q.families[0], "Liberation Sans");
  EXPECT_EQ(q.style, "Bold Italic");
  EXPECT_EQ(q.weight, 80);  // style= leaves weight/slant at the defaults
  q = ParseFontName("Arial, Helvetica-12:bold:italic:width=75");
  ASSERT_EQ(q.families.size(), 2u);
  EXPECT_EQ(q.families[1], "Helvetica");
  EXPECT_EQ(q.weight, 200);
  EXPECT_EQ(q.slant, 100);
  EXPECT_EQ(q.width, 75);
  q = ParseFontName("A\\:B:weight=bold:slant=oblique");
  ASSERT_EQ(q.families.size(), 1u);
  EXPECT_EQ(q.families[0], "A:B");
  EXPECT_EQ(q.weight, 200);
  EXPECT_EQ(q.slant, 110);
  q = ParseFontName("");
  EXPECT_TRUE(q.families.empty());
}

TEST(FontNameMatch, OpenTypeScales) {
  EXPECT_EQ(WeightFromOpenType(400), 80);
  EXPECT_EQ(WeightFromOpenType(700), 200);
  EXPECT_EQ(WeightFromOpenType(200), 40);
  EXPECT_EQ(WeightFromOpenType(450), 90);
  EXPECT_EQ(WidthFromOpenType(5), 100);
  EXPECT_EQ(WidthFromOpenType(3), 75);
  EXPECT_EQ(SlantFromStyleName("Bold Oblique"), 110);
  EXPECT_EQ(SlantFromStyleName("Italic"), 100);
  EXPECT_EQ(SlantFromStyleName("Slanted"), -1);
}

TEST(FontNameMatch, RanksFamilyStyleSlantWeightWidthVersion) {
  auto face = [](const char* path, const char* family, const char* style, double weight,
                 double slant, double width = 100, long version = 0x10000) {
    FontFaceInfo f;
    f.path = path;
    f.families = {family};
    f.styles = {style};
    f.weight = weight;
    f.slant = slant;
    f.width = width;
    f.version = version;
    return f;
  };
  const std::vector<FontFaceInfo> faces = {
      face("dv", "DejaVu Sans", "Book", 80, 0),
      face("dvb", "DejaVu Sans", "Bold", 200, 0),
      face("dvo", "DejaVu Sans", "Oblique", 80, 110),
      face("dvc", "DejaVu Sans", "Condensed", 80, 0, 87),
      face("ls", "Liberation Sans", "Regular", 80, 0),
      face("lsb", "Liberation Sans", "Bold", 200, 0),
      face("ls2", "Liberation Sans", "Regular", 80, 0, 100, 0x20000),  // newer, added later
      face("lm", "Liberation Mono", "Regular", 80, 0),
      face("dvm", "DejaVu Sans Mono", "Book", 80, 0),
  };
  auto pick = [&](const char* name) { return faces[static_cast<size_t>(PickFontFace(ParseFontName(name), faces))].path; };
  EXPECT_EQ(pick("DejaVu Sans"), "dv");
  EXPECT_EQ(pick("dejavusans:bold"), "dvb");
  EXPECT_EQ(pick("DejaVu Sans:italic"), "dvo");  // oblique is the nearest slant
  EXPECT_EQ(pick("DejaVu Sans:style=Condensed"), "dvc");
  EXPECT_EQ(pick("Liberation Sans"), "ls2");      // the newer version
  EXPECT_EQ(pick("Liberation Sans:style=Black"), "ls2");  // no such style: regular
  EXPECT_EQ(pick("Liberation Sans:style=Bold"), "lsb");
  EXPECT_EQ(pick("Arial"), "ls2");                // metric alias
  EXPECT_EQ(pick("Courier New"), "lm");
  EXPECT_EQ(pick("No Such Font"), "dv");          // sans-serif: DejaVu Sans
  EXPECT_EQ(pick("No Such Font:bold"), "dvb");
  EXPECT_EQ(pick("monospace"), "dvm");
  EXPECT_EQ(pick("Consolas"), "dvm");
  EXPECT_EQ(pick(""), "dv");
  EXPECT_EQ(PickFontFace(ParseFontName("x"), {}), -1);
}

// Every name the corpora's text() models use, and common others.
const char* const kNames[] = {
    "Liberation Sans", "Liberation Sans:style=Regular", "Liberation Sans:style=Bold",
    "Liberation Sans:style=Italic", "Liberation Sans:style=Bold Italic", "Liberation Mono",
    "Liberation Serif", "Bitstream Vera Sans", "Amiri:style=Regular", "MarVoSym", "Bank Gothic",
    "Arial", "Helvetica", "Times New Roman", "Times", "Courier New", "Courier", "serif",
    "sans-serif", "monospace", "mono", "sans", "Arial Narrow", "DejaVu Sans", "DejaVu Sans:style=Bold",
    "DejaVu Sans:bold", "DejaVu Sans:style=Oblique", "DejaVu Sans:italic",
    "DejaVu Sans:style=Condensed", "DejaVu Sans Condensed", "DejaVu Sans Light",
    "DejaVu Serif:style=Italic", "DejaVu Sans Mono", "Liberation Mono:bold:italic",
    "Nonexistent:style=Bold", "Nonexistent:italic", "Liberation Sans:style=Black",
    "Liberation Sans:weight=200", "Liberation Serif:italic", "Georgia", "Consolas", "Verdana",
    "Amiri", "Amiri:style=Bold", "Amiri:italic", "Liberation Sans Narrow:style=Narrow", "Webdings",
};

const std::string kTtf = "/usr/share/openscad/testdata/ttf/";

#ifdef MOS_WITH_FREETYPE  // the probe needs the native FreeType/fontconfig build
TEST(FontNameMatch, SameFileAsFontconfig) {
  if (!std::filesystem::exists("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf") ||
      !std::filesystem::exists(kTtf))
    FAIL() << "needs fonts-liberation and openscad-testing-data (scripts/install_deps.sh)";
  const std::vector<std::vector<std::string>> appFontSets = {
      {},
      {kTtf + "liberation-2.00.1/LiberationSans-Regular.ttf"},
      {kTtf + "amiri-0.106/amiri-regular.ttf"},
      {kTtf + "marvosym-3.10/marvosym.ttf"},
  };
  const std::vector<std::string> names(std::begin(kNames), std::end(kNames));
  for (const auto& appFonts : appFontSets) {
    std::vector<FontMatchPair> pairs;
    ASSERT_TRUE(CompareFontMatchers({"/usr/share/fonts", "/usr/local/share/fonts"}, appFonts, names, pairs));
    ASSERT_EQ(pairs.size(), names.size());
    for (const FontMatchPair& p : pairs) {
      EXPECT_FALSE(p.fontconfigFile.empty()) << p.name;
      EXPECT_EQ(p.fileMatcherFile, p.fontconfigFile)
          << p.name << " with " << (appFonts.empty() ? "no added font" : appFonts[0]);
    }
  }
}
#endif

}  // namespace
}  // namespace mos::geom
