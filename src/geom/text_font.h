// The font side of text(): a provider matches a font, shapes the string and
// hands back glyph outlines and positions in FreeType's 26.6 units at
// 2021.01's working size; text_layout.h turns them into polygons. Both
// builds use FreeType and HarfBuzz (freetype/); fontconfig matches the font
// natively, font_name_match.h in WASM.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kernel/vec.h"
#include "lang/ast.h"

namespace mos::geom {

// What text() asks of a font (the string and the font/shaping parameters).
struct TextShapeRequest {
  std::string text;       // UTF-8
  std::string font;       // fontconfig name, e.g. "Liberation Sans:style=Bold"; "" = default
  std::string direction;  // "ltr", "rtl", "ttb", "btt" (anything else: ltr)
  std::string language;   // BCP 47, e.g. "en"
  std::string script;     // ISO 15924, e.g. "Latn"
};

// One step of a glyph outline, as FreeType decomposes it.
struct OutlineStep {
  enum Kind { kMove, kLine, kConic, kCubic } kind = kMove;
  kernel::Vec2 p[3];  // to (line, move); control, to (conic); c1, c2, to (cubic)
};

struct ShapedGlyph {
  std::vector<OutlineStep> outline;  // in outline units
  double xOffset = 0, yOffset = 0;   // in position units
  double xAdvance = 0, yAdvance = 0;
  double top = 0, bottom = 0;        // the glyph's ink extent, in position units
  double width = 0;                  // the glyph's ink width, in position units
};

struct ShapedText {
  std::vector<ShapedGlyph> glyphs;
  // A length of one outline unit / one position unit at text size 1.
  double outlineUnit = 1, positionUnit = 1;
};

class FontProvider {
 public:
  virtual ~FontProvider() = default;
  // False (with a message in *warning) when no font could be had at all.
  virtual bool Shape(const TextShapeRequest& request, ShapedText& out,
                     std::string* warning) const = 0;
  // Makes a font file / every font in a directory matchable for the rest of
  // the process (2021.01's `use <font.ttf>`); false when it could not.
  virtual bool AddFontFile(const std::string& path) const = 0;
  virtual bool AddFontDirectory(const std::string& path) const = 0;
};

// The provider of this build (FreeType/HarfBuzz when built with
// MOS_WITH_FREETYPE, as both the native and the WASM build are by default),
// or null when the build has none.
const FontProvider* DefaultFontProvider();

// Registers the fonts a file names with `use <x.ttf>` / `use <x.otf>` (its
// own uses, found by the parser) with the default provider.
void RegisterUsedFonts(const lang::File& file);

// Adds a font file or a directory of fonts (the CLI's --font-path); false
// when the build has no provider or the path could not be added. Natively,
// OPENSCAD_FONT_PATH (':'-separated directories, as 2021.01 reads it) is
// added when the provider starts.
bool AddFontPath(const std::string& path);

}  // namespace mos::geom
