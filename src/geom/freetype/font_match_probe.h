// Native builds, for tests: fontconfig's pick and font_file_matcher.cpp's
// (the WASM build's) side by side, so a test can check they agree on this
// machine's fonts.
#pragma once

#include <string>
#include <vector>

namespace mos::geom {

struct FontMatchPair {
  std::string name;
  std::string fontconfigFile;   // fontconfig (a fresh configuration + appFonts)
  std::string fileMatcherFile;  // the file matcher over systemDirs + appFonts
};

// False when FreeType or fontconfig cannot be loaded.
bool CompareFontMatchers(const std::vector<std::string>& systemDirs,
                         const std::vector<std::string>& appFonts,
                         const std::vector<std::string>& names, std::vector<FontMatchPair>& out);

}  // namespace mos::geom
