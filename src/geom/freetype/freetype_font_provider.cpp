// The FontProvider of both builds: fontconfig (natively; in WASM
// font_file_matcher.cpp) matches the font, HarfBuzz shapes the string and
// FreeType loads the (hinted) glyph outlines, as 2021.01 does with the same
// libraries. Measured against openscad 2021.01: its glyphs are
// loaded at a character height of 100000 (26.6) at 100 dpi, outline points
// scale by size/100000 and HarfBuzz positions by size/102400.
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "geom/freetype/font_library_api.h"
#include "geom/freetype/font_matcher.h"
#include "geom/text_font.h"

namespace mos::geom {
namespace {

constexpr FT_F26Dot6 kCharHeight = 100000;
constexpr FT_UInt kDpi = 100;
const char* const kDefaultFont = "Liberation Sans";

struct DecomposeState {
  std::vector<OutlineStep>* steps;
};

// Outline points divided by the character height (flattened in those units
// and then multiplied by the size, the last bits come out as 2021.01's).
kernel::Vec2 V(const FT_Vector* v) {
  const double h = static_cast<double>(kCharHeight);
  return {static_cast<double>(v->x) / h, static_cast<double>(v->y) / h};
}
int MoveTo(const FT_Vector* to, void* user) {
  static_cast<DecomposeState*>(user)->steps->push_back({OutlineStep::kMove, {V(to)}});
  return 0;
}
int LineTo(const FT_Vector* to, void* user) {
  static_cast<DecomposeState*>(user)->steps->push_back({OutlineStep::kLine, {V(to)}});
  return 0;
}
int ConicTo(const FT_Vector* c, const FT_Vector* to, void* user) {
  static_cast<DecomposeState*>(user)->steps->push_back({OutlineStep::kConic, {V(c), V(to)}});
  return 0;
}
int CubicTo(const FT_Vector* c1, const FT_Vector* c2, const FT_Vector* to, void* user) {
  static_cast<DecomposeState*>(user)->steps->push_back({OutlineStep::kCubic, {V(c1), V(c2), V(to)}});
  return 0;
}

class FreetypeFontProvider final : public FontProvider {
 public:
  bool Shape(const TextShapeRequest& request, ShapedText& out, std::string* warning) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    out = {};
    out.outlineUnit = 1;
    out.positionUnit = 1.0 / (1600.0 * 64.0);
    if (!Init()) {
      if (warning) *warning = "Can't initialize the font library; text() ignored";
      return false;
    }
    const std::string fontName = request.font.empty() ? kDefaultFont : request.font;
    std::string file;
    int index = 0;
    if (!MatchFont(fontName, file, index)) {
      if (warning) *warning = "Can't get font " + fontName;
      return false;
    }
    FT_Face face = nullptr;
    if (api_->FT_New_Face(library_, file.c_str(), index, &face) != 0) {
      if (warning) *warning = "Can't open font " + fontName + " (" + file + ")";
      return false;
    }
    std::unique_ptr<FT_FaceRec_, decltype(api_->FT_Done_Face)> faceGuard(face, api_->FT_Done_Face);
    // Symbol fonts (MarVoSym, Webdings) have only a Microsoft symbol
    // charmap; HarfBuzz then also tries the 0xF000 private-use codes.
    if (!face->charmap) api_->FT_Select_Charmap(face, FT_ENCODING_MS_SYMBOL);
    if (api_->FT_Set_Char_Size(face, 0, kCharHeight, kDpi, kDpi) != 0) {
      if (warning) *warning = "Can't set font size for " + fontName;
      return false;
    }
    hb_font_t* font = api_->hb_ft_font_create(face, nullptr);
    hb_buffer_t* buffer = api_->hb_buffer_create();
    api_->hb_buffer_set_direction(buffer, Direction(request.direction));
    api_->hb_buffer_set_script(buffer, api_->hb_script_from_string(request.script.c_str(), -1));
    api_->hb_buffer_set_language(buffer, api_->hb_language_from_string(request.language.c_str(), -1));
    api_->hb_buffer_add_utf8(buffer, request.text.c_str(), static_cast<int>(request.text.size()), 0,
                       static_cast<int>(request.text.size()));
    api_->hb_shape(font, buffer, nullptr, 0);
    unsigned int count = 0;
    const hb_glyph_info_t* info = api_->hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* pos = api_->hb_buffer_get_glyph_positions(buffer, &count);
    FT_Outline_Funcs funcs{};
    funcs.move_to = MoveTo;
    funcs.line_to = LineTo;
    funcs.conic_to = ConicTo;
    funcs.cubic_to = CubicTo;
    for (unsigned int i = 0; i < count; ++i) {
      ShapedGlyph g;
      g.xOffset = pos[i].x_offset;
      g.yOffset = pos[i].y_offset;
      g.xAdvance = pos[i].x_advance;
      g.yAdvance = pos[i].y_advance;
      if (api_->FT_Load_Glyph(face, info[i].codepoint, FT_LOAD_DEFAULT) == 0 &&
          face->glyph->format == FT_GLYPH_FORMAT_OUTLINE) {
        DecomposeState state{&g.outline};
        api_->FT_Outline_Decompose(&face->glyph->outline, &funcs, &state);
        const FT_Glyph_Metrics& m = face->glyph->metrics;
        g.top = static_cast<double>(m.horiBearingY);
        g.bottom = static_cast<double>(m.horiBearingY - m.height);
        g.width = static_cast<double>(m.width);
      }
      out.glyphs.push_back(std::move(g));
    }
    api_->hb_buffer_destroy(buffer);
    api_->hb_font_destroy(font);
    return true;
  }

  bool AddFontFile(const std::string& path) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!Init()) return false;
    matches_.clear();  // the new font may match better
    return matcher_->AddFile(path);
  }
  bool AddFontDirectory(const std::string& path) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!Init()) return false;
    matches_.clear();
    return matcher_->AddDirectory(path);
  }

 private:
  static hb_direction_t Direction(const std::string& d) {
    if (d == "rtl") return HB_DIRECTION_RTL;
    if (d == "ttb") return HB_DIRECTION_TTB;
    if (d == "btt") return HB_DIRECTION_BTT;
    return HB_DIRECTION_LTR;
  }

  // The matcher's answer for a font name, remembered until a font file or
  // directory is added: fontconfig's substitutions and match cost ~1.3 M
  // instructions a text() (sign.scad's two texts asked for the same font),
  // and a running engine re-shapes every edited text. The font set is
  // fixed between additions (mos never asks fontconfig to rescan), so the
  // answer is the same. -DMOS_CHECK_FONT_MATCH matches again on every hit
  // and aborts on a different answer.
  bool MatchFont(const std::string& name, std::string& file, int& index) const {
    const auto it = matches_.find(name);
    if (it != matches_.end()) {
      const FontMatch& m = it->second;
#ifdef MOS_CHECK_FONT_MATCH
      std::string checkFile;
      int checkIndex = 0;
      const bool checkOk = matcher_->Match(name, checkFile, checkIndex);
      if (checkOk != m.ok || (m.ok && (checkFile != m.file || checkIndex != m.index))) std::abort();
#endif
      if (!m.ok) return false;
      file = m.file;
      index = m.index;
      return true;
    }
    FontMatch m;
    m.ok = matcher_->Match(name, m.file, m.index);
    if (matches_.size() >= 256) matches_.clear();  // many names in a long session: start over
    matches_.emplace(name, m);
    if (!m.ok) return false;
    file = m.file;
    index = m.index;
    return true;
  }

  bool Init() const {
    if (library_) return true;
    if (failed_) return false;
    api_ = LoadFontLibraries();
    if (!api_) {
      failed_ = true;
      return false;
    }
#ifdef MOS_FONT_LIBS_STATIC
    const bool ok = api_->FT_Init_FreeType(&library_) == 0;
#else
    const bool ok = api_->FT_Init_FreeType(&library_) == 0 && api_->FcInit();
#endif
    if (!ok) {
      library_ = nullptr;
      failed_ = true;
      return false;
    }
#ifdef MOS_FONT_LIBS_STATIC
    matcher_ = MakeFontFileMatcher(*api_, library_, SplitDirs(MOS_FONT_DIRS));
#else
    matcher_ = MakeFontconfigMatcher(*api_);
#endif
    if (const char* env = std::getenv("OPENSCAD_FONT_PATH"))
      for (const std::string& dir : SplitDirs(env)) matcher_->AddDirectory(dir);
    return true;
  }

  // ':'-separated directories, empty parts dropped.
  static std::vector<std::string> SplitDirs(const std::string& list) {
    std::vector<std::string> dirs;
    size_t start = 0;
    while (start <= list.size()) {
      size_t end = list.find(':', start);
      if (end == std::string::npos) end = list.size();
      if (end > start) dirs.push_back(list.substr(start, end - start));
      start = end + 1;
    }
    return dirs;
  }

  mutable std::mutex mutex_;
  mutable const FontLibraryApi* api_ = nullptr;  // set by Init()
  mutable FT_Library library_ = nullptr;
  mutable bool failed_ = false;
  mutable std::unique_ptr<FontMatcher> matcher_;  // set by Init()
  struct FontMatch {
    bool ok = false;
    std::string file;
    int index = 0;
  };
  mutable std::map<std::string, FontMatch> matches_;  // MatchFont's answers
};

}  // namespace

const FontProvider* NativeFontProvider() {
  static const FreetypeFontProvider provider;
  return &provider;
}

}  // namespace mos::geom
