#include "geom/font_name_match.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace mos::geom {
namespace {

std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string Lower(const std::string& s) {
  std::string out = s;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Splits at `sep`, honouring fontconfig's backslash escape.
std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      cur += s[++i];
    } else if (s[i] == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += s[i];
    }
  }
  out.push_back(cur);
  return out;
}

struct Constant {
  const char* name;
  enum { kWeight, kSlant, kWidth } object;
  double value;
};

// fontconfig's name constants (fcname.c) for weight, slant and width.
const Constant kConstants[] = {
    {"thin", Constant::kWeight, 0},          {"extralight", Constant::kWeight, 40},
    {"ultralight", Constant::kWeight, 40},   {"demilight", Constant::kWeight, 55},
    {"semilight", Constant::kWeight, 55},    {"light", Constant::kWeight, 50},
    {"book", Constant::kWeight, 75},         {"regular", Constant::kWeight, 80},
    {"normal", Constant::kWeight, 80},       {"medium", Constant::kWeight, 100},
    {"demibold", Constant::kWeight, 180},    {"semibold", Constant::kWeight, 180},
    {"bold", Constant::kWeight, 200},        {"extrabold", Constant::kWeight, 205},
    {"ultrabold", Constant::kWeight, 205},   {"black", Constant::kWeight, 210},
    {"heavy", Constant::kWeight, 210},       {"roman", Constant::kSlant, 0},
    {"italic", Constant::kSlant, 100},       {"oblique", Constant::kSlant, 110},
    {"ultracondensed", Constant::kWidth, 50}, {"extracondensed", Constant::kWidth, 63},
    {"condensed", Constant::kWidth, 75},     {"semicondensed", Constant::kWidth, 87},
    {"semiexpanded", Constant::kWidth, 113}, {"expanded", Constant::kWidth, 125},
    {"extraexpanded", Constant::kWidth, 150}, {"ultraexpanded", Constant::kWidth, 200},
};

const Constant* FindConstant(const std::string& folded) {
  for (const Constant& c : kConstants)
    if (folded == c.name) return &c;
  return nullptr;
}

// A property value: a number or a constant of that object; NAN when neither.
double PropertyValue(const std::string& value, int object) {
  const std::string f = FoldFontName(value);
  if (const Constant* c = FindConstant(f)) return c->object == object ? c->value : NAN;
  char* end = nullptr;
  const double v = std::strtod(f.c_str(), &end);
  return end && end != f.c_str() && *end == '\0' ? v : NAN;
}

// Metric-compatible aliases (Debian 12's 30-metric-aliases.conf) and the
// Bitstream Vera names DejaVu replaces (57-dejavu-*.conf), for the fonts a
// Debian system or the WASM bundle has.
struct Alias {
  const char* family;  // folded
  const char* target;  // folded
};
const Alias kAliases[] = {
    {"arial", "liberationsans"},          {"helvetica", "liberationsans"},
    {"arimo", "liberationsans"},          {"albany", "liberationsans"},
    {"albanyamt", "liberationsans"},      {"arialnarrow", "liberationsansnarrow"},
    {"helveticanarrow", "liberationsansnarrow"}, {"timesnewroman", "liberationserif"},
    {"times", "liberationserif"},         {"tinos", "liberationserif"},
    {"thorndale", "liberationserif"},     {"thorndaleamt", "liberationserif"},
    {"couriernew", "liberationmono"},     {"courier", "liberationmono"},
    {"cousine", "liberationmono"},        {"cumberland", "liberationmono"},
    {"cumberlandamt", "liberationmono"},  {"bitstreamverasans", "dejavusans"},
    {"bitstreamveraserif", "dejavuserif"}, {"bitstreamverasansmono", "dejavusansmono"},
};

// Families fontconfig's 45-latin.conf files under serif or monospace (the
// rest, and unknown names, fall back to sans-serif).
const char* const kSerif[] = {"dejavuserif", "liberationserif", "bitstreamveraserif", "timesnewroman",
                              "times", "tinos", "georgia", "palatino", "palatinolinotype",
                              "bookantiqua", "garamond", "cambria", "nimbusroman", "nimbusromanno9l",
                              "freeserif", "urwpalladiol", "century", "centuryschoolbook"};
const char* const kMono[] = {"dejavusansmono", "liberationmono", "bitstreamverasansmono",
                             "couriernew", "courier", "cousine", "consolas", "andalemono",
                             "nimbusmono", "nimbusmonops", "freemono", "inconsolata"};

// The fonts Debian 12's fontconfig prefers for each generic family
// (60-latin.conf with fonts-dejavu and fonts-liberation installed).
const char* const kSansPrefer[] = {"dejavusans", "bitstreamverasans", "liberationsans"};
const char* const kSerifPrefer[] = {"dejavuserif", "bitstreamveraserif", "liberationserif"};
const char* const kMonoPrefer[] = {"dejavusansmono", "bitstreamverasansmono", "liberationmono"};

template <size_t N>
bool In(const char* const (&list)[N], const std::string& f) {
  for (const char* s : list)
    if (f == s) return true;
  return false;
}

void Add(std::vector<std::string>& out, const std::string& f) {
  if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
}

}  // namespace

std::string FoldFontName(const std::string& name) {
  std::string out;
  for (char c : name)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

FontQuery ParseFontName(const std::string& name) {
  FontQuery q;
  const std::vector<std::string> parts = Split(name, ':');
  // The family part: comma-separated names, an optional "-size" ignored.
  std::string families = parts[0];
  const size_t dash = families.rfind('-');
  if (dash != std::string::npos && dash + 1 < families.size() &&
      std::isdigit(static_cast<unsigned char>(families[dash + 1])))
    families = families.substr(0, dash);
  for (const std::string& f : Split(families, ',')) {
    const std::string t = Trim(f);
    if (!t.empty()) q.families.push_back(t);
  }
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string p = Trim(parts[i]);
    const size_t eq = p.find('=');
    if (eq == std::string::npos) {  // a constant: bold, italic, condensed, ...
      if (const Constant* c = FindConstant(FoldFontName(p))) {
        double* target = c->object == Constant::kWeight  ? &q.weight
                         : c->object == Constant::kSlant ? &q.slant
                                                         : &q.width;
        *target = c->value;
      }
      continue;
    }
    const std::string key = FoldFontName(p.substr(0, eq));
    const std::string value = Trim(p.substr(eq + 1));
    if (key == "style") {
      q.style = value;
    } else if (key == "family") {
      q.families.push_back(value);
    } else if (key == "weight" || key == "slant" || key == "width") {
      const int object = key == "weight" ? Constant::kWeight
                         : key == "slant" ? Constant::kSlant
                                          : Constant::kWidth;
      const double v = PropertyValue(value, object);
      if (!std::isnan(v)) (key == "weight" ? q.weight : key == "slant" ? q.slant : q.width) = v;
    }
  }
  return q;
}

double WeightFromOpenType(int w) {
  // FcWeightFromOpenTypeDouble: piecewise linear through these points.
  static const double kMap[][2] = {{0, 0},     {100, 0},   {200, 40},  {300, 50},  {350, 55},
                                   {380, 75},  {400, 80},  {500, 100}, {600, 180}, {700, 200},
                                   {800, 205}, {900, 210}, {1000, 215}};
  if (w < 0) return -1;
  if (w > 1000) w = 1000;
  for (size_t i = 1; i < sizeof kMap / sizeof kMap[0]; ++i) {
    if (w <= kMap[i][0]) {
      const double t = (w - kMap[i - 1][0]) / (kMap[i][0] - kMap[i - 1][0]);
      return kMap[i - 1][1] + t * (kMap[i][1] - kMap[i - 1][1]);
    }
  }
  return 215;
}

double WidthFromOpenType(int w) {
  static const double kWidths[] = {50, 63, 75, 87, 100, 113, 125, 150, 200};
  return w >= 1 && w <= 9 ? kWidths[w - 1] : 100;
}

double SlantFromStyleName(const std::string& style) {
  const std::string f = Lower(style);
  if (f.find("italic") != std::string::npos || f.find("kursiv") != std::string::npos) return 100;
  if (f.find("oblique") != std::string::npos) return 110;
  return -1;
}

std::vector<std::string> CandidateFamilies(const FontQuery& query) {
  std::vector<std::string> out;
  for (const std::string& family : query.families) {
    const std::string f = FoldFontName(family);
    Add(out, f);
    for (const Alias& a : kAliases)
      if (f == a.family) Add(out, a.target);
  }
  // Each family's generic class (serif, monospace) adds its preferred fonts.
  for (const std::string& family : query.families) {
    const std::string f = FoldFontName(family);
    if (f == "serif" || In(kSerif, f)) {
      for (const char* p : kSerifPrefer) Add(out, p);
    } else if (f == "monospace" || f == "mono" || In(kMono, f)) {
      for (const char* p : kMonoPrefer) Add(out, p);
    }
  }
  // Every pattern ends with sans-serif's fonts (49-sansserif.conf adds it
  // when no generic family is given; otherwise it is still the last resort).
  for (const char* p : kSansPrefer) Add(out, p);
  return out;
}

int PickFontFace(const FontQuery& query, const std::vector<FontFaceInfo>& faces) {
  if (faces.empty()) return -1;
  const std::vector<std::string> families = CandidateFamilies(query);
  const std::string style = Lower(query.style);
  int best = -1;
  double bestScore[6] = {};
  for (size_t i = 0; i < faces.size(); ++i) {
    const FontFaceInfo& face = faces[i];
    double familyRank = static_cast<double>(families.size());
    for (const std::string& name : face.families) {
      const auto it = std::find(families.begin(), families.end(), FoldFontName(name));
      if (it != families.end()) familyRank = std::min(familyRank, static_cast<double>(it - families.begin()));
    }
    double styleRank = 0;
    if (!style.empty()) {
      styleRank = 1;
      for (const std::string& s : face.styles)
        if (Lower(s) == style) styleRank = 0;
    }
    const double score[6] = {familyRank,
                             styleRank,
                             std::fabs(face.slant - query.slant),
                             std::fabs(face.weight - query.weight),
                             std::fabs(face.width - query.width),
                             -static_cast<double>(face.version)};
    if (best < 0 || std::lexicographical_compare(score, score + 6, bestScore, bestScore + 6)) {
      best = static_cast<int>(i);
      std::copy(score, score + 6, bestScore);
    }
  }
  return best;
}

}  // namespace mos::geom
