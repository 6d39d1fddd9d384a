// Builds small ZIP archives for the importer tests: entries stored or with
// the given deflate bytes (the reader does not check CRCs, so none are
// computed), and a raw deflate stream of stored blocks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mos::importer::testing {

struct TestZipEntry {
  std::string name;
  std::string data;        // as stored in the archive
  uint16_t method = 0;     // 0 stored, 8 deflate
  uint32_t size = 0;       // uncompressed size for method 8
};

inline void Put16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>(v & 0xff));
  s.push_back(static_cast<char>((v >> 8) & 0xff));
}
inline void Put32(std::string& s, uint32_t v) {
  Put16(s, v & 0xffff);
  Put16(s, v >> 16);
}

inline std::string MakeZip(const std::vector<TestZipEntry>& entries) {
  std::string z, central;
  for (const TestZipEntry& e : entries) {
    const uint32_t size = e.method == 0 ? static_cast<uint32_t>(e.data.size()) : e.size;
    const uint32_t offset = static_cast<uint32_t>(z.size());
    Put32(z, 0x04034b50);
    Put16(z, 20); Put16(z, 0); Put16(z, e.method); Put16(z, 0); Put16(z, 0);
    Put32(z, 0); Put32(z, static_cast<uint32_t>(e.data.size())); Put32(z, size);
    Put16(z, static_cast<uint32_t>(e.name.size())); Put16(z, 0);
    z += e.name + e.data;
    Put32(central, 0x02014b50);
    Put16(central, 20); Put16(central, 20); Put16(central, 0); Put16(central, e.method);
    Put16(central, 0); Put16(central, 0);
    Put32(central, 0); Put32(central, static_cast<uint32_t>(e.data.size())); Put32(central, size);
    Put16(central, static_cast<uint32_t>(e.name.size()));
    Put16(central, 0); Put16(central, 0); Put16(central, 0); Put16(central, 0);
    Put32(central, 0); Put32(central, offset);
    central += e.name;
  }
  const uint32_t at = static_cast<uint32_t>(z.size());
  z += central;
  Put32(z, 0x06054b50);
  Put16(z, 0); Put16(z, 0);
  Put16(z, static_cast<uint32_t>(entries.size())); Put16(z, static_cast<uint32_t>(entries.size()));
  Put32(z, static_cast<uint32_t>(central.size())); Put32(z, at); Put16(z, 0);
  return z;
}

// A raw deflate stream of stored blocks (BTYPE 00) holding `data`.
inline std::string DeflateStored(const std::string& data) {
  std::string out;
  size_t pos = 0;
  do {
    const size_t n = std::min<size_t>(65535, data.size() - pos);
    out.push_back(pos + n == data.size() ? 1 : 0);
    Put16(out, static_cast<uint32_t>(n));
    Put16(out, static_cast<uint32_t>(~n & 0xffff));
    out += data.substr(pos, n);
    pos += n;
  } while (pos < data.size());
  return out;
}

inline TestZipEntry Deflated(const std::string& name, const std::string& content) {
  return {name, DeflateStored(content), 8, static_cast<uint32_t>(content.size())};
}

}  // namespace mos::importer::testing
