#include "geom/freetype/font_match_probe.h"

#include <dlfcn.h>

#include "geom/freetype/font_matcher.h"

namespace mos::geom {

bool CompareFontMatchers(const std::vector<std::string>& systemDirs,
                         const std::vector<std::string>& appFonts,
                         const std::vector<std::string>& names, std::vector<FontMatchPair>& out) {
  const FontLibraryApi* api = LoadFontLibraries();
  void* fc = dlopen("libfontconfig.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!api || !fc) return false;
  // A configuration of its own, so the fonts added here stay out of the
  // process's default one (which text() uses).
  auto load = reinterpret_cast<decltype(&FcInitLoadConfigAndFonts)>(dlsym(fc, "FcInitLoadConfigAndFonts"));
  auto destroy = reinterpret_cast<decltype(&FcConfigDestroy)>(dlsym(fc, "FcConfigDestroy"));
  FT_Library library = nullptr;
  if (!load || !destroy || api->FT_Init_FreeType(&library) != 0) return false;
  FcConfig* config = load();
  if (!config) {
    api->FT_Done_FreeType(library);
    return false;
  }
  for (const std::string& f : appFonts)
    api->FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(f.c_str()));
  std::unique_ptr<FontMatcher> matcher = MakeFontFileMatcher(*api, library, systemDirs);
  for (const std::string& f : appFonts) matcher->AddFile(f);
  for (const std::string& name : names) {
    FontMatchPair pair;
    pair.name = name;
    if (FcPattern* pattern = api->FcNameParse(reinterpret_cast<const FcChar8*>(name.c_str()))) {
      api->FcConfigSubstitute(config, pattern, FcMatchPattern);
      api->FcDefaultSubstitute(pattern);
      FcResult result = FcResultNoMatch;
      if (FcPattern* match = api->FcFontMatch(config, pattern, &result)) {
        FcChar8* path = nullptr;
        if (api->FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch && path)
          pair.fontconfigFile = reinterpret_cast<const char*>(path);
        api->FcPatternDestroy(match);
      }
      api->FcPatternDestroy(pattern);
    }
    int index = 0;
    matcher->Match(name, pair.fileMatcherFile, index);
    out.push_back(std::move(pair));
  }
  matcher.reset();
  destroy(config);
  api->FT_Done_FreeType(library);
  return true;
}

}  // namespace mos::geom
