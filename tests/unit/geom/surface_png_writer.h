// A minimal PNG writer for the surface tests: stored (uncompressed) deflate
// blocks, correct CRCs and Adler-32, any colour type and bit depth the caller
// packs the rows for.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mos::geom::testing {

inline uint32_t Crc32(const std::string& bytes) {
  uint32_t c = 0xffffffffu;
  for (unsigned char b : bytes) {
    c ^= b;
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
  }
  return c ^ 0xffffffffu;
}

inline void PutU32(std::string& out, uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<char>((v >> s) & 0xff));
}

inline std::string Chunk(const std::string& type, const std::string& data) {
  std::string out;
  PutU32(out, static_cast<uint32_t>(data.size()));
  out += type + data;
  PutU32(out, Crc32(type + data));
  return out;
}

// `rows`: the packed bytes of each scanline (without the filter byte).
inline std::string MakePng(uint32_t width, uint32_t height, int colourType, int depth,
                           const std::vector<std::vector<uint8_t>>& rows,
                           const std::vector<uint8_t>& palette = {}) {
  std::string raw;
  for (const auto& r : rows) {
    raw.push_back('\0');
    raw.append(r.begin(), r.end());
  }
  std::string z = "\x78\x01";  // zlib header, no compression
  size_t pos = 0;
  do {
    const size_t n = std::min<size_t>(65535, raw.size() - pos);
    const bool last = pos + n == raw.size();
    z.push_back(last ? '\x01' : '\x00');
    z.push_back(static_cast<char>(n & 0xff));
    z.push_back(static_cast<char>(n >> 8));
    z.push_back(static_cast<char>(~n & 0xff));
    z.push_back(static_cast<char>((~n >> 8) & 0xff));
    z.append(raw, pos, n);
    pos += n;
  } while (pos < raw.size());
  uint32_t a = 1, b = 0;
  for (unsigned char ch : raw) {
    a = (a + ch) % 65521;
    b = (b + a) % 65521;
  }
  PutU32(z, (b << 16) | a);
  std::string ihdr;
  PutU32(ihdr, width);
  PutU32(ihdr, height);
  ihdr.push_back(static_cast<char>(depth));
  ihdr.push_back(static_cast<char>(colourType));
  ihdr.append(3, '\0');
  std::string png = "\x89PNG\r\n\x1a\n";
  png += Chunk("IHDR", ihdr);
  if (!palette.empty()) png += Chunk("PLTE", std::string(palette.begin(), palette.end()));
  png += Chunk("IDAT", z) + Chunk("IEND", "");
  return png;
}

}  // namespace mos::geom::testing
