#include "geom/stb/stb_font_provider.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <system_error>

#include <stb_truetype.h>

#include "geom/stb/font_query.h"

namespace mos::geom {
namespace {

// The native provider's units (freetype_font_provider.cpp): outlines in 26.6
// at a character height of 100000 and 100 dpi, divided by that height;
// positions in the same 26.6 units (the layout scales them by 1/102400).
constexpr double kEmIn266 = 100000.0 * 100.0 / 72.0;
constexpr size_t kMaxFontBytes = size_t{64} << 20;
constexpr size_t kMaxFonts = 512;
constexpr size_t kMaxCodePoints = size_t{1} << 20;

struct FontFace {
  std::string path;
  int index = 0;  // in a collection
  std::vector<std::string> families;  // folded
  std::vector<std::string> styles;    // folded
  bool bold = false, italic = false;
};

std::vector<unsigned char> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<unsigned char> data;
  if (!in) return data;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size <= 0 || static_cast<uint64_t>(size) > kMaxFontBytes) return data;
  in.seekg(0);
  data.resize(static_cast<size_t>(size));
  in.read(reinterpret_cast<char*>(data.data()), size);
  if (!in) data.clear();
  return data;
}

// A name-table string (UTF-16BE on the Unicode/Microsoft platforms), folded;
// only ASCII is kept, which covers the family and style names matched here.
std::string NameString(const stbtt_fontinfo& info, int nameId) {
  const int platforms[][2] = {{3, 1}, {0, 3}, {0, 4}};
  for (const auto& pe : platforms) {
    int length = 0;
    const char* s = stbtt_GetFontNameString(&info, &length, pe[0], pe[1], 0x409, nameId);
    if (!s && pe[0] == 0) s = stbtt_GetFontNameString(&info, &length, pe[0], pe[1], 0, nameId);
    if (!s || length <= 0) continue;
    std::string out;
    for (int i = 0; i + 1 < length; i += 2) {
      const unsigned code = (static_cast<unsigned char>(s[i]) << 8) | static_cast<unsigned char>(s[i + 1]);
      if (code < 128) out += static_cast<char>(code);
    }
    return FoldFontName(out);
  }
  return "";
}

// UTF-8 to code points; a malformed sequence becomes U+FFFD, as in HarfBuzz.
std::vector<uint32_t> CodePoints(const std::string& s) {
  std::vector<uint32_t> out;
  size_t i = 0;
  while (i < s.size() && out.size() < kMaxCodePoints) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    uint32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1Fu) : extra == 2 ? (c & 0x0Fu) : (c & 0x07u);
    bool ok = extra >= 0 && i + extra < s.size();
    for (int k = 1; ok && k <= extra; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      ok = (d >> 6) == 2;
      cp = (cp << 6) | (d & 0x3Fu);
    }
    if (!ok || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += static_cast<size_t>(extra) + 1;
  }
  return out;
}

class StbFontProvider final : public FontProvider {
 public:
  explicit StbFontProvider(std::vector<std::string> dirs) : dirs_(std::move(dirs)) {}

  bool Shape(const TextShapeRequest& request, ShapedText& out, std::string* warning) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    out = {};
    out.outlineUnit = 1;
    out.positionUnit = 1.0 / (1600.0 * 64.0);
    Scan();
    const std::string name = request.font.empty() ? "Liberation Sans" : request.font;
    const FontFace* face = Match(ParseFontName(name));
    const Loaded* font = face ? Load(*face) : nullptr;
    if (!font) {
      if (warning) *warning = "Can't get font " + name;
      return false;
    }
    const stbtt_fontinfo& info = font->info;
    const double k = kEmIn266 * stbtt_ScaleForMappingEmToPixels(&info, 1);  // 26.6 per font unit
    std::vector<int> glyphs;
    for (uint32_t cp : CodePoints(request.text))
      glyphs.push_back(stbtt_FindGlyphIndex(&info, static_cast<int>(cp)));
    const bool rtl = request.direction == "rtl" || request.direction == "btt";
    const bool vertical = request.direction == "ttb" || request.direction == "btt";
    if (rtl) std::reverse(glyphs.begin(), glyphs.end());
    // Vertical metrics as FreeType makes them up for a TrueType font without
    // vmtx (measured against the native provider): the advance is the OS/2
    // typographic ascent - descent (else hhea's), the glyph centred on it
    // vertically and half a horizontal advance left of the pen.
    int ascent = 0, descent = 0, lineGap = 0;
    if (!stbtt_GetFontVMetricsOS2(&info, &ascent, &descent, &lineGap))
      stbtt_GetFontVMetrics(&info, &ascent, &descent, &lineGap);
    const int lineHeight = ascent - descent;
    for (size_t i = 0; i < glyphs.size(); ++i) {
      ShapedGlyph g;
      int advance = 0, lsb = 0;
      stbtt_GetGlyphHMetrics(&info, glyphs[i], &advance, &lsb);
      int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      const bool ink = stbtt_GetGlyphBox(&info, glyphs[i], &x0, &y0, &x1, &y1) != 0;
      if (!ink) x0 = y0 = x1 = y1 = 0;
      if (vertical) {
        const int topBearing = (lineHeight - (y1 - y0)) / 2;
        g.xOffset = -0.5 * advance * k;
        g.yOffset = -(y1 + topBearing) * k;
        g.yAdvance = -lineHeight * k;
      } else {
        int kern = i + 1 < glyphs.size() ? stbtt_GetGlyphKernAdvance(&info, glyphs[i], glyphs[i + 1]) : 0;
        g.xAdvance = (advance + kern) * k;
      }
      if (ink) {
        g.top = y1 * k;
        g.bottom = y0 * k;
        g.width = (x1 - x0) * k;
      }
      Outline(info, glyphs[i], k / 100000.0, g.outline);
      out.glyphs.push_back(std::move(g));
    }
    return true;
  }

  bool AddFontFile(const std::string&) const override { return false; }
  bool AddFontDirectory(const std::string&) const override { return false; }

 private:
  struct Loaded {
    std::vector<unsigned char> data;
    stbtt_fontinfo info{};
  };

  static void Outline(const stbtt_fontinfo& info, int glyph, double unit,
                      std::vector<OutlineStep>& steps) {
    stbtt_vertex* v = nullptr;
    const int n = stbtt_GetGlyphShape(&info, glyph, &v);
    auto P = [unit](double x, double y) { return kernel::Vec2{x * unit, y * unit}; };
    for (int i = 0; i < n; ++i) {
      const stbtt_vertex& s = v[i];
      OutlineStep step;
      switch (s.type) {
        case STBTT_vmove: step = {OutlineStep::kMove, {P(s.x, s.y)}}; break;
        case STBTT_vline: step = {OutlineStep::kLine, {P(s.x, s.y)}}; break;
        case STBTT_vcurve: step = {OutlineStep::kConic, {P(s.cx, s.cy), P(s.x, s.y)}}; break;
        case STBTT_vcubic:
          step = {OutlineStep::kCubic, {P(s.cx, s.cy), P(s.cx1, s.cy1), P(s.x, s.y)}};
          break;
        default: continue;
      }
      steps.push_back(step);
    }
    if (v) stbtt_FreeShape(&info, v);
  }

  // Lists the fonts under the directories once (names from the name table:
  // family ids 1 and 16, style ids 2 and 17).
  void Scan() const {
    if (scanned_) return;
    scanned_ = true;
    for (const std::string& dir : dirs_) {
      std::error_code ec;
      std::filesystem::recursive_directory_iterator it(dir, ec), end;
      std::vector<std::string> files;
      for (; !ec && it != end; it.increment(ec)) {
        if (it.depth() > 2) it.disable_recursion_pending();
        const std::string ext = it->path().extension().string();
        if ((ext == ".ttf" || ext == ".otf" || ext == ".TTF" || ext == ".OTF") &&
            it->is_regular_file(ec))
          files.push_back(it->path().string());
      }
      std::sort(files.begin(), files.end());
      for (const std::string& file : files) {
        if (faces_.size() >= kMaxFonts) return;
        const std::vector<unsigned char> data = ReadFile(file);
        stbtt_fontinfo info{};
        if (data.empty() || !stbtt_InitFont(&info, data.data(), stbtt_GetFontOffsetForIndex(data.data(), 0)))
          continue;
        FontFace face;
        face.path = file;
        for (int id : {1, 16}) {
          const std::string s = NameString(info, id);
          if (!s.empty()) face.families.push_back(s);
        }
        for (int id : {2, 17}) {
          const std::string s = NameString(info, id);
          if (!s.empty()) face.styles.push_back(s);
        }
        if (face.families.empty()) continue;
        StyleFlags(face.styles.empty() ? "" : face.styles[0], face.bold, face.italic);
        faces_.push_back(std::move(face));
      }
    }
  }

  // The family first (the request's in order, then the fallbacks), then the
  // style: an exact style name, else the nearest bold/italic, plain styles
  // ("Regular", "Book") before others ("Condensed", "ExtraLight").
  const FontFace* Match(const FontQuery& q) const {
    std::vector<std::string> families;
    for (const std::string& f : q.families) families.push_back(FoldFontName(f));
    for (const char* f : {"dejavusans", "liberationsans"}) families.push_back(f);
    const std::string style = FoldFontName(q.style);
    for (const std::string& family : families) {
      const FontFace* best = nullptr;
      int bestScore = 0;
      for (const FontFace& face : faces_) {
        if (std::find(face.families.begin(), face.families.end(), family) == face.families.end())
          continue;
        int score = 2 * (face.bold != q.bold) + (face.italic != q.italic);
        const std::string& fs = face.styles.empty() ? std::string() : face.styles[0];
        const bool plain = fs == "regular" || fs == "book" || fs == "bold" || fs == "italic" ||
                           fs == "oblique" || fs == "bolditalic" || fs == "boldoblique";
        if (!plain) score += 4;
        if (!style.empty() &&
            std::find(face.styles.begin(), face.styles.end(), style) != face.styles.end())
          score = -1;
        if (!best || score < bestScore) {
          best = &face;
          bestScore = score;
        }
      }
      if (best) return best;
    }
    return faces_.empty() ? nullptr : &faces_.front();
  }

  const Loaded* Load(const FontFace& face) const {
    auto it = loaded_.find(face.path);
    if (it != loaded_.end()) return it->second.get();
    auto font = std::make_unique<Loaded>();
    font->data = ReadFile(face.path);
    if (font->data.empty() ||
        !stbtt_InitFont(&font->info, font->data.data(),
                        stbtt_GetFontOffsetForIndex(font->data.data(), face.index)))
      return nullptr;
    return (loaded_[face.path] = std::move(font)).get();
  }

  std::vector<std::string> dirs_;
  mutable std::mutex mutex_;
  mutable bool scanned_ = false;
  mutable std::vector<FontFace> faces_;
  mutable std::map<std::string, std::unique_ptr<Loaded>> loaded_;
};

}  // namespace

std::unique_ptr<FontProvider> MakeStbFontProvider(std::vector<std::string> fontDirs) {
  return std::make_unique<StbFontProvider>(std::move(fontDirs));
}

const FontProvider* StbDefaultFontProvider() {
#ifdef MOS_STB_FONT_DIRS
  static const std::unique_ptr<FontProvider> provider = [] {
    std::vector<std::string> dirs;
    std::string list = MOS_STB_FONT_DIRS;
    size_t start = 0;
    while (start <= list.size()) {
      size_t end = list.find(':', start);
      if (end == std::string::npos) end = list.size();
      if (end > start) dirs.push_back(list.substr(start, end - start));
      start = end + 1;
    }
    return MakeStbFontProvider(std::move(dirs));
  }();
  return provider.get();
#else
  return nullptr;
#endif
}

}  // namespace mos::geom
