#include "geom/text_font.h"

#include <cctype>
#include <filesystem>
#include <system_error>

namespace mos::geom {

#ifdef MOS_WITH_FREETYPE
const FontProvider* NativeFontProvider();  // freetype/freetype_font_provider.cpp
const FontProvider* DefaultFontProvider() { return NativeFontProvider(); }
#else
const FontProvider* DefaultFontProvider() { return nullptr; }
#endif

bool AddFontPath(const std::string& path) {
  const FontProvider* provider = DefaultFontProvider();
  if (!provider || path.empty()) return false;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return provider->AddFontDirectory(path);
  return std::filesystem::is_regular_file(path, ec) && provider->AddFontFile(path);
}

void RegisterUsedFonts(const lang::File& file) {
  const FontProvider* provider = DefaultFontProvider();
  if (!provider) return;
  for (const lang::UseDirective& u : file.uses) {
    if (u.resolved.size() < 4) continue;
    std::string ext = u.resolved.substr(u.resolved.size() - 4);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".ttf" || ext == ".otf") provider->AddFontFile(u.resolved);
  }
}

}  // namespace mos::geom
