#include "geom/stb/font_query.h"

#include <cctype>

namespace mos::geom {
namespace {

std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {  // fontconfig's escape
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

bool Contains(const std::string& folded, const char* word) {
  return folded.find(word) != std::string::npos;
}

}  // namespace

std::string FoldFontName(const std::string& name) {
  std::string out;
  for (char c : name)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void StyleFlags(const std::string& style, bool& bold, bool& italic) {
  const std::string f = FoldFontName(style);
  bold = Contains(f, "bold") || Contains(f, "black") || Contains(f, "heavy");
  italic = Contains(f, "italic") || Contains(f, "oblique");
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
    const std::string key = FoldFontName(eq == std::string::npos ? p : p.substr(0, eq));
    const std::string value = eq == std::string::npos ? "" : Trim(p.substr(eq + 1));
    const std::string folded = FoldFontName(value);
    if (eq == std::string::npos) {  // constants: bold, italic, oblique, ...
      bool b = false, it = false;
      StyleFlags(key, b, it);
      q.bold = q.bold || b;
      q.italic = q.italic || it;
    } else if (key == "style") {
      q.style = value;
      bool b = false, it = false;
      StyleFlags(value, b, it);
      q.bold = q.bold || b;
      q.italic = q.italic || it;
    } else if (key == "weight") {
      q.bold = Contains(folded, "bold") || Contains(folded, "black") ||
               (!folded.empty() && std::isdigit(static_cast<unsigned char>(folded[0])) &&
                std::stoi(folded.substr(0, 4)) >= 150);  // fontconfig: bold = 200
    } else if (key == "slant") {
      q.italic = Contains(folded, "italic") || Contains(folded, "oblique") ||
                 (!folded.empty() && folded != "0" && folded != "roman" &&
                  std::isdigit(static_cast<unsigned char>(folded[0])));
    }
  }
  return q;
}

}  // namespace mos::geom
