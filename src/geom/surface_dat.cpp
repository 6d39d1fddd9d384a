#include "geom/surface_dat.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace mos::geom {
namespace {

bool IsTrimSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsTrimSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsTrimSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != b[i]) return false;
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Lines as std::getline delivers them, with its end-of-file flag: set when a
// read reached the end without a terminating '\n'.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}
  bool Eof() const { return eof_; }
  std::string_view Next() {
    if (pos_ >= text_.size()) {
      eof_ = true;
      return {};
    }
    const size_t nl = text_.find('\n', pos_);
    std::string_view line;
    if (nl == std::string_view::npos) {
      line = text_.substr(pos_);
      pos_ = text_.size();
      eof_ = true;
    } else {
      line = text_.substr(pos_, nl - pos_);
      pos_ = nl + 1;
    }
    return line;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  bool eof_ = false;
};

}  // namespace

bool ParseDatNumber(std::string_view token, double& value) {
  std::string_view s = token;
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (EqualsNoCase(s, "inf") || EqualsNoCase(s, "infinity")) {
    value = negative ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (s.size() >= 3 && EqualsNoCase(s.substr(0, 3), "nan")) {
    std::string_view rest = s.substr(3);
    if (!rest.empty() && !(rest.front() == '(' && rest.back() == ')')) return false;
    value = negative ? -std::nan("") : std::nan("");
    return true;
  }
  // [digits][.digits] with at least one digit, then optional e[+-]digits.
  size_t i = 0, digits = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t expDigits = 0;
    while (i < s.size() && IsDigit(s[i])) ++i, ++expDigits;
    if (expDigits == 0) return false;
  }
  if (i != s.size()) return false;
  const std::string copy(token);
  value = std::strtod(copy.c_str(), nullptr);
  return true;
}

SurfaceData ParseSurfaceDat(std::string_view text, const std::string& fileName,
                            const SurfaceReadLimits& limits) {
  SurfaceData out;
  LineReader reader(text);
  double lowest = 0;  // min over heights of (height - 1), starting at 0
  int64_t cells = 0;
  while (!reader.Eof()) {
    std::string_view line;
    while (!reader.Eof() && (line.empty() || line[0] == '#')) line = Trim(reader.Next());
    if (line.empty() && reader.Eof()) break;
    std::vector<double> row;
    bool bad = false;
    size_t i = 0;
    while (i < line.size()) {
      if (line[i] == ' ' || line[i] == '\t') {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      double v = 0;
      if (!ParseDatNumber(line.substr(i, j - i), v)) {
        bad = true;
        break;
      }
      if (!std::isfinite(v)) out.nonFinite = true;
      else lowest = std::min(lowest, v - 1);
      row.push_back(v);
      i = j;
    }
    // The grid the rows span (each row as wide as the widest) is what the
    // mesh costs: refuse it before it grows past the budget.
    const int64_t columns = std::max<int64_t>(out.columns, static_cast<int64_t>(row.size()));
    cells = columns * (static_cast<int64_t>(out.rows.size()) + 1);
    if (limits.maxCells > 0 && cells > limits.maxCells) {
      out.diagnostics.push_back("surface(): the height grid of '" + fileName +
                                "' exceeds the vertex budget; object left out");
      out.rows.clear();
      out.columns = 0;
      return out;
    }
    if (!row.empty()) {
      out.columns = static_cast<int>(columns);
      out.rows.push_back(std::move(row));
    }
    if (bad) {
      // 2021.01 only warns when the line was ended by a newline.
      if (!reader.Eof())
        out.warnings.push_back("Illegal value in '" + fileName +
                               "': bad lexical cast: source type value could not be "
                               "interpreted as target");
      break;
    }
  }
  out.baseLevel = lowest;
  return out;
}

}  // namespace mos::geom
