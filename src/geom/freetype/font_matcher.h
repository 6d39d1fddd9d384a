// Font name -> font file for the FreeType provider: fontconfig natively;
// in WASM, where there is no fontconfig, a scan of the font directories
// matched the way fontconfig would (geom/font_name_match.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "geom/freetype/font_library_api.h"

namespace mos::geom {

class FontMatcher {
 public:
  virtual ~FontMatcher() = default;
  // The file and face index for a fontconfig-style name; false when none.
  virtual bool Match(const std::string& name, std::string& file, int& index) = 0;
  // `use <font.ttf>`, --font-path, OPENSCAD_FONT_PATH: matchable from now on.
  virtual bool AddFile(const std::string& path) = 0;
  virtual bool AddDirectory(const std::string& path) = 0;
};

#ifndef MOS_FONT_LIBS_STATIC
// fontconfig's configuration and fonts (FcInit must have succeeded).
std::unique_ptr<FontMatcher> MakeFontconfigMatcher(const FontLibraryApi& api);
#endif

// The fonts (.ttf/.otf/.ttc/.otc) under `systemDirs`, read with FreeType
// when first matched; added files and directories rank after them, as
// fontconfig's application fonts do. `library` must outlive the matcher.
std::unique_ptr<FontMatcher> MakeFontFileMatcher(const FontLibraryApi& api, FT_Library library,
                                                 std::vector<std::string> systemDirs);

}  // namespace mos::geom
