// The native FontMatcher: fontconfig's own match, as 2021.01 makes it.
#include "geom/freetype/font_matcher.h"

namespace mos::geom {
namespace {

class FontconfigMatcher final : public FontMatcher {
 public:
  explicit FontconfigMatcher(const FontLibraryApi& api) : api_(api) {}

  // fontconfig's best match for a name such as "Liberation Sans:style=Bold".
  bool Match(const std::string& name, std::string& file, int& index) override {
    FcPattern* pattern = api_.FcNameParse(reinterpret_cast<const FcChar8*>(name.c_str()));
    if (!pattern) return false;
    api_.FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    api_.FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = api_.FcFontMatch(nullptr, pattern, &result);
    api_.FcPatternDestroy(pattern);
    if (!match) return false;
    FcChar8* path = nullptr;
    bool ok = api_.FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch && path;
    if (ok) {
      file = reinterpret_cast<const char*>(path);
      if (api_.FcPatternGetInteger(match, FC_INDEX, 0, &index) != FcResultMatch) index = 0;
    }
    api_.FcPatternDestroy(match);
    return ok;
  }
  bool AddFile(const std::string& path) override {
    return api_.FcConfigAppFontAddFile(nullptr, reinterpret_cast<const FcChar8*>(path.c_str())) == FcTrue;
  }
  bool AddDirectory(const std::string& path) override {
    return api_.FcConfigAppFontAddDir(nullptr, reinterpret_cast<const FcChar8*>(path.c_str())) == FcTrue;
  }

 private:
  const FontLibraryApi& api_;
};

}  // namespace

std::unique_ptr<FontMatcher> MakeFontconfigMatcher(const FontLibraryApi& api) {
  return std::make_unique<FontconfigMatcher>(api);
}

}  // namespace mos::geom
