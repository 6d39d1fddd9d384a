// The portable FontProvider for builds without FreeType/HarfBuzz/fontconfig
// (the WASM build): fonts read by stb_truetype (Debian's libstb-dev) from
// fixed directories (in WASM the fonts embedded at link time, see
// bindings/wasm/CMakeLists.txt), matched by family/style name, and shaped
// simply: one glyph per code point, advances from hmtx plus pair kerning
// (kern / GPOS pair tables as stb_truetype reads them), left to right.
//
// Where it differs from the native provider (tests/unit/geom/
// text_stb_provider_test.cpp measures it): no hinting (FreeType hints
// outlines and advances at 2021.01's working size, ~1/2000 em), no
// complex-script shaping (ligatures, Arabic joining, marks), no bidi or
// mirroring ("rtl" only reverses the glyph order), vertical layout
// synthesised from the horizontal metrics, and no fontconfig fallback to
// other fonts for missing glyphs. User font files (`use <x.ttf>`,
// --font-path) are refused: stb_truetype does not validate font data, so
// only the fonts bundled with the build are read.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "geom/text_font.h"

namespace mos::geom {

// A provider reading the .ttf/.otf files under `fontDirs` (searched two
// levels deep when first used). Families tried when the requested one is
// missing: DejaVu Sans (fontconfig's sans-serif on Debian), Liberation Sans,
// then any font.
std::unique_ptr<FontProvider> MakeStbFontProvider(std::vector<std::string> fontDirs);

// The provider over the build's font directories (MOS_STB_FONT_DIRS,
// ':'-separated; in WASM "/fonts").
const FontProvider* StbDefaultFontProvider();

}  // namespace mos::geom
