// STL: binary when the size matches the triangle count of the header
// (84 + 50 n bytes), else ascii when it starts with "solid", else a
// truncated binary file (an error).
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "importer/mesh_data.h"

namespace mos::importer {
namespace {

float ReadFloat(const char* p) {
  uint32_t bits = static_cast<uint32_t>(static_cast<unsigned char>(p[0])) |
                  static_cast<uint32_t>(static_cast<unsigned char>(p[1])) << 8 |
                  static_cast<uint32_t>(static_cast<unsigned char>(p[2])) << 16 |
                  static_cast<uint32_t>(static_cast<unsigned char>(p[3])) << 24;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

bool ReadBinary(std::string_view b, uint64_t count, MeshData& out) {
  out.points.reserve(static_cast<size_t>(count) * 3);
  out.faces.reserve(static_cast<size_t>(count));
  for (uint64_t t = 0; t < count; ++t) {
    const char* rec = b.data() + 84 + t * 50 + 12;  // skip the normal
    std::vector<int> face;
    for (int v = 0; v < 3; ++v) {
      const char* p = rec + v * 12;
      face.push_back(static_cast<int>(out.points.size()));
      out.points.push_back({ReadFloat(p), ReadFloat(p + 4), ReadFloat(p + 8)});
    }
    out.faces.push_back(std::move(face));
  }
  return true;
}

// Next whitespace-separated word of `s` from `pos`.
std::string_view Word(std::string_view s, size_t& pos) {
  while (pos < s.size() && std::isspace(static_cast<unsigned char>(s[pos]))) ++pos;
  size_t start = pos;
  while (pos < s.size() && !std::isspace(static_cast<unsigned char>(s[pos]))) ++pos;
  return s.substr(start, pos - start);
}

bool Number(std::string_view w, double& v) {
  if (w.empty() || w.size() > 64) return false;
  std::string t(w);
  char* end = nullptr;
  v = std::strtod(t.c_str(), &end);
  return end == t.c_str() + t.size();
}

std::string_view TrimLine(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

// Line by line as 2021.01 reads ascii STL: "outer loop" starts a facet,
// each "vertex x y z" adds a point, the third one the triangle; errors
// are worded as 2021.01 words them.
bool ReadAscii(std::string_view s, MeshData& out, std::string& error) {
  size_t pos = 0;
  long long lineNo = 0;
  int count = 0;
  std::array<std::array<double, 3>, 3> tri{};
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view line = TrimLine(s.substr(pos, nl - pos));
    pos = nl + 1;
    ++lineNo;
    if (line.find("outer loop") != std::string_view::npos) {
      count = 0;
      continue;
    }
    if (line.find("solid") != std::string_view::npos || line.find("facet") != std::string_view::npos ||
        line.find("endloop") != std::string_view::npos)
      continue;
    if (line.find("vertex") == std::string_view::npos) continue;
    size_t at = line.find("vertex") + 6;
    std::array<double, 3> p{};
    bool ok = true;
    for (double& c : p) ok = ok && Number(Word(line, at), c);
    if (!ok || !TrimLine(line.substr(std::min(at, line.size()))).empty()) {
      error = "STL line " + std::to_string(lineNo) + ", can't parse vertex line '" +
              std::string(line) + "'";
      return false;
    }
    if (count >= 3) {
      error = "STL line " + std::to_string(lineNo) + ", extra vertex line '" + std::string(line) +
              "'";
      return false;
    }
    tri[count++] = p;
    if (count == 3) {
      const int base = static_cast<int>(out.points.size());
      for (const auto& q : tri) out.points.push_back(q);
      out.faces.push_back({base, base + 1, base + 2});
    }
  }
  return true;
}

}  // namespace

bool ReadStl(std::string_view b, MeshData& out, std::string& error) {
  out = MeshData();
  if (b.size() >= 84) {
    uint64_t count = static_cast<unsigned char>(b[80]) |
                     static_cast<uint64_t>(static_cast<unsigned char>(b[81])) << 8 |
                     static_cast<uint64_t>(static_cast<unsigned char>(b[82])) << 16 |
                     static_cast<uint64_t>(static_cast<unsigned char>(b[83])) << 24;
    if (84 + 50 * count == b.size()) return ReadBinary(b, count, out);
  }
  size_t pos = 0;
  if (Word(b, pos) == "solid") return ReadAscii(b, out, error);
  if (b.empty()) return false;  // no error text: an empty file is just empty
  if (b.size() < 84) {
    error = "too short for a binary STL file (" + std::to_string(b.size()) + " bytes)";
  } else {
    error = "binary STL size does not match its triangle count (" + std::to_string(b.size()) +
            " bytes)";
  }
  return false;
}

}  // namespace mos::importer
