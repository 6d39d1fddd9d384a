// Font name -> font face, as fontconfig resolves it on Debian 12, for builds
// without fontconfig (WASM; freetype/font_file_matcher.cpp scans the font
// files into FontFaceInfo). Natively fontconfig itself matches; the unit test
// text_font_match_test.cpp checks both pick the same file.
//
// The parts of fontconfig's FcNameParse / FcConfigSubstitute /
// FcDefaultSubstitute / FcFontMatch that OpenSCAD font names reach:
//   name: "Family1,Family2-size:style=Bold Italic:weight=200:slant=italic:bold"
//   family list: the names given, each followed by its metric-compatible
//     alias (Debian's 30-metric-aliases.conf: Arial -> Liberation Sans, ...),
//     then the generic family (sans-serif unless one is given) with Debian's
//     preferred fonts for it (DejaVu first);
//   score, compared in fontconfig's priority order, lowest wins:
//     family position, style name (exact, ignoring case), |slant - query|,
//     |weight - query|, |width - query| (defaults: roman, regular, normal),
//     newer font version, then the earlier face (system fonts before the
//     ones added with `use <font.ttf>`).
// Not modelled: language and charset coverage, spacing, pixel sizes and
// fontconfig's other rules; no OpenSCAD model of the corpora needs them.
#pragma once

#include <string>
#include <vector>

namespace mos::geom {

// fontconfig's numeric scales (FC_WEIGHT_*, FC_SLANT_*, FC_WIDTH_*).
struct FontQuery {
  std::vector<std::string> families;  // as written, in order
  std::string style;                  // the style= value, "" when none
  double weight = 80;                 // regular
  double slant = 0;                   // roman
  double width = 100;                 // normal
};

FontQuery ParseFontName(const std::string& name);

// What a font file says of one of its faces, in fontconfig's terms.
struct FontFaceInfo {
  std::string path;
  int index = 0;                      // face in a collection
  std::vector<std::string> families;  // typographic (16) then family (1) names
  std::vector<std::string> styles;    // typographic (17) then subfamily (2) names
  double weight = 80, slant = 0, width = 100;
  long version = 0;                   // head.fontRevision (16.16)
};

// fontconfig's family comparison: case and blanks ignored (ASCII).
std::string FoldFontName(const std::string& name);

// The weight fontconfig gives an OS/2 usWeightClass (FcWeightFromOpenType).
double WeightFromOpenType(int usWeightClass);
// The width for an OS/2 usWidthClass (1..9), 100 when out of range.
double WidthFromOpenType(int usWidthClass);
// Slant from a style name ("Oblique" 110, "Italic" 100), -1 when it says none.
double SlantFromStyleName(const std::string& style);

// The family list fontconfig matches against for a query (aliases and the
// generic fallback appended), folded.
std::vector<std::string> CandidateFamilies(const FontQuery& query);

// Index into `faces` of the best match; -1 only when `faces` is empty.
int PickFontFace(const FontQuery& query, const std::vector<FontFaceInfo>& faces);

}  // namespace mos::geom
