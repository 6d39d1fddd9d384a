// The FontMatcher without fontconfig (the WASM build): reads each font's
// names, weight, width, slant and version with FreeType the way fontconfig's
// FcFreeTypeQuery does, then picks with geom/font_name_match.h.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <system_error>

#include "geom/font_name_match.h"
#include "geom/freetype/font_matcher.h"

namespace mos::geom {
namespace {

constexpr size_t kMaxFaces = 4096;
constexpr int kMaxDepth = 4;

bool IsFontFile(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc";
}

// A name-table string as UTF-8: UTF-16BE on the Unicode and Microsoft
// platforms, bytes (ASCII kept) on the others.
std::string Decode(const FT_SfntName& n) {
  std::string out;
  if (n.platform_id == 0 || n.platform_id == 3) {
    for (FT_UInt i = 0; i + 1 < n.string_len; i += 2) {
      unsigned cp = (static_cast<unsigned>(n.string[i]) << 8) | n.string[i + 1];
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // no surrogates in family names we match
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    }
  } else {
    for (FT_UInt i = 0; i < n.string_len; ++i)
      if (n.string[i] < 0x80) out += static_cast<char>(n.string[i]);
  }
  return out;
}

void AddUnique(std::vector<std::string>& list, const std::string& s) {
  if (!s.empty() && std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
}

class FontFileMatcher final : public FontMatcher {
 public:
  FontFileMatcher(const FontLibraryApi& api, FT_Library library, std::vector<std::string> dirs)
      : api_(api), library_(library), systemDirs_(std::move(dirs)) {}

  bool Match(const std::string& name, std::string& file, int& index) override {
    ScanSystem();
    const int i = PickFontFace(ParseFontName(name), faces_);
    if (i < 0) return false;
    file = faces_[static_cast<size_t>(i)].path;
    index = faces_[static_cast<size_t>(i)].index;
    return true;
  }
  bool AddFile(const std::string& path) override {
    ScanSystem();
    return ScanFile(path);
  }
  bool AddDirectory(const std::string& path) override {
    ScanSystem();
    return ScanDirectory(path);
  }

 private:
  void ScanSystem() {
    if (scanned_) return;
    scanned_ = true;
    for (const std::string& dir : systemDirs_) ScanDirectory(dir);
  }

  // Every font file below `dir`, in sorted path order (as fontconfig scans).
  bool ScanDirectory(const std::string& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return false;
    std::vector<std::string> files;
    std::filesystem::recursive_directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (it.depth() >= kMaxDepth) it.disable_recursion_pending();
      if (IsFontFile(it->path()) && it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    bool any = false;
    for (const std::string& f : files) any = ScanFile(f) || any;
    return any;
  }

  bool ScanFile(const std::string& path) {
    if (!seen_.insert(path).second) return true;
    FT_Long faces = 1;
    bool any = false;
    for (FT_Long i = 0; i < faces && faces_.size() < kMaxFaces; ++i) {
      FT_Face face = nullptr;
      if (api_.FT_New_Face(library_, path.c_str(), i, &face) != 0) break;
      faces = std::min<FT_Long>(face->num_faces, 256);
      FontFaceInfo info = Describe(face);
      api_.FT_Done_Face(face);
      info.path = path;
      info.index = static_cast<int>(i);
      if (info.families.empty()) continue;
      faces_.push_back(std::move(info));
      any = true;
    }
    return any;
  }

  FontFaceInfo Describe(FT_Face face) const {
    FontFaceInfo info;
    std::vector<std::string> families[3], styles[3];  // by name id rank
    const FT_UInt count = api_.FT_Get_Sfnt_Name_Count(face);
    for (FT_UInt i = 0; i < count; ++i) {
      FT_SfntName n{};
      if (api_.FT_Get_Sfnt_Name(face, i, &n) != 0) continue;
      const int family = n.name_id == 16 ? 0 : n.name_id == 1 ? 1 : n.name_id == 21 ? 2 : -1;
      const int style = n.name_id == 17 ? 0 : n.name_id == 2 ? 1 : n.name_id == 22 ? 2 : -1;
      if (family >= 0) AddUnique(families[family], Decode(n));
      if (style >= 0) AddUnique(styles[style], Decode(n));
    }
    for (auto& list : families)
      for (const std::string& s : list) AddUnique(info.families, s);
    for (auto& list : styles)
      for (const std::string& s : list) AddUnique(info.styles, s);
    if (info.families.empty() && face->family_name) info.families.push_back(face->family_name);
    if (info.styles.empty() && face->style_name) info.styles.push_back(face->style_name);

    const auto* os2 = static_cast<const TT_OS2*>(api_.FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
    if (os2 && os2->version != 0xFFFF) {
      info.weight = WeightFromOpenType(os2->usWeightClass);
      info.width = WidthFromOpenType(os2->usWidthClass);
    } else {
      info.weight = (face->style_flags & FT_STYLE_FLAG_BOLD) ? 200 : 80;
    }
    info.slant = -1;
    for (const std::string& s : info.styles)
      if (info.slant < 0) info.slant = SlantFromStyleName(s);
    if (info.slant < 0) info.slant = (face->style_flags & FT_STYLE_FLAG_ITALIC) ? 100 : 0;
    if (const auto* head = static_cast<const TT_Header*>(api_.FT_Get_Sfnt_Table(face, FT_SFNT_HEAD)))
      info.version = head->Font_Revision;
    return info;
  }

  const FontLibraryApi& api_;
  FT_Library library_;
  std::vector<std::string> systemDirs_;
  bool scanned_ = false;
  std::vector<FontFaceInfo> faces_;
  std::set<std::string> seen_;
};

}  // namespace

std::unique_ptr<FontMatcher> MakeFontFileMatcher(const FontLibraryApi& api, FT_Library library,
                                                 std::vector<std::string> systemDirs) {
  return std::make_unique<FontFileMatcher>(api, library, std::move(systemDirs));
}

}  // namespace mos::geom
