// OFF ("OFF" / "COFF" / "NOFF" header, counts, vertices, "n i0 .. in-1"
// faces, '#' comments) and OBJ ("v x y z", "f a b c" with 1-based or
// negative indices, "a/b/c" taking the vertex index).
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "importer/mesh_data.h"

namespace mos::importer {
namespace {

// Words of the text without '#' comments, one line at a time.
class Words {
 public:
  explicit Words(std::string_view s) : s_(s) {}
  // Next word on any line.
  std::string_view Next() {
    for (;;) {
      while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' ||
                                  s_[pos_] == '\n'))
        ++pos_;
      if (pos_ < s_.size() && s_[pos_] == '#') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
        continue;
      }
      break;
    }
    size_t start = pos_;
    while (pos_ < s_.size() && !std::isspace(static_cast<unsigned char>(s_[pos_])) &&
           s_[pos_] != '#')
      ++pos_;
    return s_.substr(start, pos_ - start);
  }
  size_t Remaining() const { return s_.size() - pos_; }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

bool Number(std::string_view w, double& v) {
  if (w.empty() || w.size() > 64) return false;
  std::string t(w);
  char* end = nullptr;
  v = std::strtod(t.c_str(), &end);
  return end == t.c_str() + t.size();
}
bool Integer(std::string_view w, long long& v) {
  double d;
  if (!Number(w, d) || d != std::floor(d) || std::fabs(d) > 2e9) return false;
  v = static_cast<long long>(d);
  return true;
}

}  // namespace

bool ReadOff(std::string_view text, MeshData& out, std::string& error) {
  out = MeshData();
  Words w(text);
  std::string_view first = w.Next();
  long long nv, nf, ne;
  bool headed = first.size() >= 3 && first.substr(first.size() - 3) == "OFF";
  if (!Integer(headed ? w.Next() : first, nv) || !Integer(w.Next(), nf) || !Integer(w.Next(), ne) ||
      nv < 0 || nf < 0) {
    error = "bad OFF header";
    return false;
  }
  // Every vertex needs at least 6 characters, every face 8: counts beyond
  // that are lies and are not reserved.
  if (static_cast<double>(nv) * 6 + static_cast<double>(nf) * 8 >
      static_cast<double>(w.Remaining()) + 16) {
    error = "OFF header counts (" + std::to_string(nv) + " vertices, " + std::to_string(nf) +
            " faces) do not fit the file";
    return false;
  }
  out.points.reserve(static_cast<size_t>(nv));
  for (long long i = 0; i < nv; ++i) {
    std::array<double, 3> p{};
    for (double& c : p)
      if (!Number(w.Next(), c)) {
        error = "bad OFF vertex " + std::to_string(i);
        return false;
      }
    out.points.push_back(p);
  }
  out.faces.reserve(static_cast<size_t>(nf));
  for (long long i = 0; i < nf; ++i) {
    long long n;
    if (!Integer(w.Next(), n) || n < 0 || static_cast<double>(n) * 2 > static_cast<double>(w.Remaining()) + 2) {
      error = "bad OFF face " + std::to_string(i);
      return false;
    }
    std::vector<int> face;
    for (long long k = 0; k < n; ++k) {
      long long idx;
      if (!Integer(w.Next(), idx)) {
        error = "bad OFF face " + std::to_string(i);
        return false;
      }
      face.push_back(static_cast<int>(idx));
    }
    out.faces.push_back(std::move(face));
  }
  return true;
}

bool ReadObj(std::string_view text, MeshData& out, std::string& error) {
  out = MeshData();
  size_t pos = 0;
  long long lineNo = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++lineNo;
    Words w(line);
    std::string_view key = w.Next();
    if (key == "v") {
      std::array<double, 3> p{};
      for (double& c : p)
        if (!Number(w.Next(), c)) {
          error = "bad vertex on line " + std::to_string(lineNo);
          return false;
        }
      out.points.push_back(p);
    } else if (key == "f") {
      std::vector<int> face;
      for (std::string_view item = w.Next(); !item.empty(); item = w.Next()) {
        long long idx;
        if (!Integer(item.substr(0, item.find('/')), idx) || idx == 0) {
          error = "bad face on line " + std::to_string(lineNo);
          return false;
        }
        idx = idx > 0 ? idx - 1 : static_cast<long long>(out.points.size()) + idx;
        face.push_back(idx >= 0 && idx < 2147483647 ? static_cast<int>(idx) : -1);
      }
      out.faces.push_back(std::move(face));
    }
  }
  return true;
}

}  // namespace mos::importer
