// A fontconfig-style font name ("Liberation Sans:style=Bold Italic",
// "DejaVu Sans:bold", "Arial,Helvetica-12:slant=italic") reduced to what the
// stb_truetype provider matches on: the families in order and the style.
// Only the parts 2021.01 models use are read; other properties are ignored.
#pragma once

#include <string>
#include <vector>

namespace mos::geom {

struct FontQuery {
  std::vector<std::string> families;  // as written, in order
  std::string style;                  // the style= value, "" when none
  bool bold = false, italic = false;  // from style= or :bold / :weight= / :slant=
};

FontQuery ParseFontName(const std::string& name);

// fontconfig compares family and style names ignoring case and blanks.
std::string FoldFontName(const std::string& name);

// Bold / italic as a font's style name ("Bold Oblique", "Italic") says.
void StyleFlags(const std::string& style, bool& bold, bool& italic);

}  // namespace mos::geom
