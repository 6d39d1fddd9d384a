// STL: binary when the size matches the triangle count of the header
// (84 + 50 n bytes), else ascii when it starts with "solid", else a
// truncated binary file (an error).
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

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

bool ReadAscii(std::string_view s, MeshData& out, std::string& error) {
  size_t pos = 0;
  std::vector<int> face;
  for (;;) {
    std::string_view w = Word(s, pos);
    if (w.empty()) break;
    if (w == "vertex") {
      std::array<double, 3> p{};
      for (double& c : p)
        if (!Number(Word(s, pos), c)) {
          error = "bad vertex coordinate";
          return false;
        }
      face.push_back(static_cast<int>(out.points.size()));
      out.points.push_back(p);
    } else if (w == "endloop") {
      if (face.size() != 3) {
        error = "a facet without three vertices";
        return false;
      }
      out.faces.push_back(face);
      face.clear();
    }
  }
  if (!face.empty()) {
    error = "the file ends inside a facet";
    return false;
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
  if (b.size() < 84) {
    error = "too short for a binary STL file (" + std::to_string(b.size()) + " bytes)";
  } else {
    error = "binary STL size does not match its triangle count (" + std::to_string(b.size()) +
            " bytes)";
  }
  return false;
}

}  // namespace mos::importer
