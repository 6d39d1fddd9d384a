// Reads back a ZIP archive as the exporter tests need it: walks the central
// directory from the end record, checks every local header against it, and
// recomputes each stored entry's CRC-32 bit by bit (independently of
// io::Crc32). Throws std::runtime_error on any inconsistency.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace mos::testing {

inline uint32_t BitwiseCrc32(const std::string& bytes) {
  uint32_t crc = 0xffffffffu;
  for (unsigned char b : bytes) {
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

struct ZipEntry {
  std::string name;
  std::string content;
  uint32_t crc = 0;
  uint16_t method = 0;
};

inline std::vector<ZipEntry> ReadZip(const std::string& zip) {
  auto u16 = [&](size_t at) -> uint32_t {
    if (at + 2 > zip.size()) throw std::runtime_error("truncated zip");
    return static_cast<unsigned char>(zip[at]) | static_cast<unsigned char>(zip[at + 1]) << 8;
  };
  auto u32 = [&](size_t at) -> uint32_t { return u16(at) | u16(at + 2) << 16; };
  if (zip.size() < 22) throw std::runtime_error("too short for a zip");
  const size_t eocd = zip.size() - 22;  // the writer adds no comment
  if (u32(eocd) != 0x06054b50) throw std::runtime_error("no end of central directory record");
  const uint32_t count = u16(eocd + 10);
  if (u16(eocd + 8) != count) throw std::runtime_error("entry counts differ");
  const uint32_t cdSize = u32(eocd + 12), cdOffset = u32(eocd + 16);
  if (static_cast<size_t>(cdOffset) + cdSize != eocd) throw std::runtime_error("directory misplaced");
  std::vector<ZipEntry> entries;
  size_t at = cdOffset;
  size_t expectedLocal = 0;
  for (uint32_t i = 0; i < count; ++i) {
    if (u32(at) != 0x02014b50) throw std::runtime_error("bad central header");
    ZipEntry e;
    e.method = static_cast<uint16_t>(u16(at + 10));
    e.crc = u32(at + 16);
    const uint32_t csize = u32(at + 20), usize = u32(at + 24);
    const uint32_t nameLen = u16(at + 28), extraLen = u16(at + 30), commentLen = u16(at + 32);
    const uint32_t local = u32(at + 42);
    e.name = zip.substr(at + 46, nameLen);
    at += 46 + nameLen + extraLen + commentLen;
    if (local != expectedLocal) throw std::runtime_error("entries not contiguous: " + e.name);
    if (u32(local) != 0x04034b50) throw std::runtime_error("bad local header: " + e.name);
    if (u16(local + 8) != e.method || u32(local + 14) != e.crc || u32(local + 18) != csize ||
        u32(local + 22) != usize)
      throw std::runtime_error("local header disagrees with directory: " + e.name);
    const uint32_t lName = u16(local + 26), lExtra = u16(local + 28);
    if (zip.substr(local + 30, lName) != e.name) throw std::runtime_error("name differs");
    if (e.method != 0 || csize != usize) throw std::runtime_error("not stored: " + e.name);
    const size_t data = local + 30 + lName + lExtra;
    if (data + csize > cdOffset) throw std::runtime_error("data overlaps directory");
    e.content = zip.substr(data, csize);
    if (BitwiseCrc32(e.content) != e.crc) throw std::runtime_error("CRC mismatch: " + e.name);
    expectedLocal = data + csize;
    entries.push_back(std::move(e));
  }
  if (at != eocd || expectedLocal != cdOffset) throw std::runtime_error("stray bytes in zip");
  return entries;
}

}  // namespace mos::testing
