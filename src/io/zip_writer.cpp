#include "io/zip_writer.h"

#include <array>
#include <limits>

namespace mos::io {
namespace {

std::array<uint32_t, 256> MakeCrcTable() {
  std::array<uint32_t, 256> table{};
  for (uint32_t n = 0; n < 256; ++n) {
    uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}

void Put16(std::string& out, uint32_t v) {
  out.push_back(static_cast<char>(v & 0xff));
  out.push_back(static_cast<char>((v >> 8) & 0xff));
}

void Put32(std::string& out, uint32_t v) {
  Put16(out, v & 0xffff);
  Put16(out, v >> 16);
}

// 1980-01-01 00:00:00 in MS-DOS format: a fixed time keeps the output
// reproducible (the same model gives the same bytes).
constexpr uint32_t kDosTime = 0;
constexpr uint32_t kDosDate = (0 << 9) | (1 << 5) | 1;
constexpr uint32_t kVersion = 20;  // 2.0: what stored entries need
constexpr uint32_t kFlagUtf8 = 1u << 11;

}  // namespace

uint32_t Crc32(const std::string& bytes) {
  static const std::array<uint32_t, 256> table = MakeCrcTable();
  uint32_t c = 0xffffffffu;
  for (unsigned char b : bytes) c = table[(c ^ b) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

void ZipWriter::Add(const std::string& name, std::string content) {
  Entry e;
  e.name = name;
  e.crc = Crc32(content);
  e.content = std::move(content);
  entries_.push_back(std::move(e));
}

bool ZipWriter::Write(std::ostream& out) const {
  constexpr uint64_t kMax = std::numeric_limits<uint32_t>::max();
  if (entries_.size() >= 0xffff) return false;
  uint64_t total = 0;
  for (const Entry& e : entries_) {
    total += 30 + e.name.size() + e.content.size() + 46 + e.name.size();
    if (e.name.size() >= 0xffff || total >= kMax) return false;
  }
  std::string central;
  uint64_t offset = 0;
  for (const Entry& e : entries_) {
    const uint32_t size = static_cast<uint32_t>(e.content.size());
    std::string local;
    Put32(local, 0x04034b50);  // local file header signature
    Put16(local, kVersion);
    Put16(local, kFlagUtf8);
    Put16(local, 0);  // method: stored
    Put16(local, kDosTime);
    Put16(local, kDosDate);
    Put32(local, e.crc);
    Put32(local, size);  // compressed size
    Put32(local, size);  // uncompressed size
    Put16(local, static_cast<uint32_t>(e.name.size()));
    Put16(local, 0);  // extra field length
    local += e.name;
    out.write(local.data(), static_cast<std::streamsize>(local.size()));
    out.write(e.content.data(), static_cast<std::streamsize>(e.content.size()));

    Put32(central, 0x02014b50);  // central directory header signature
    Put16(central, kVersion);    // made by (MS-DOS attributes)
    Put16(central, kVersion);    // needed to extract
    Put16(central, kFlagUtf8);
    Put16(central, 0);
    Put16(central, kDosTime);
    Put16(central, kDosDate);
    Put32(central, e.crc);
    Put32(central, size);
    Put32(central, size);
    Put16(central, static_cast<uint32_t>(e.name.size()));
    Put16(central, 0);  // extra
    Put16(central, 0);  // comment
    Put16(central, 0);  // disk number
    Put16(central, 0);  // internal attributes
    Put32(central, 0);  // external attributes
    Put32(central, static_cast<uint32_t>(offset));
    central += e.name;
    offset += local.size() + e.content.size();
  }
  std::string end;
  Put32(end, 0x06054b50);  // end of central directory signature
  Put16(end, 0);
  Put16(end, 0);
  Put16(end, static_cast<uint32_t>(entries_.size()));
  Put16(end, static_cast<uint32_t>(entries_.size()));
  Put32(end, static_cast<uint32_t>(central.size()));
  Put32(end, static_cast<uint32_t>(offset));
  Put16(end, 0);  // comment length
  out.write(central.data(), static_cast<std::streamsize>(central.size()));
  out.write(end.data(), static_cast<std::streamsize>(end.size()));
  return static_cast<bool>(out);
}

}  // namespace mos::io
