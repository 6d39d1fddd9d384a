// A minimal ZIP archive writer (PKWARE APPNOTE 6.3: local file headers,
// central directory, end of central directory record) with stored
// (uncompressed) entries and their CRC-32. Enough for 3MF packages; Debian
// has no header-only zip library, so this one is our own.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace mos::io {

// CRC-32 as ZIP uses it (polynomial 0xEDB88320, reflected, inverted).
uint32_t Crc32(const std::string& bytes);

class ZipWriter {
 public:
  // Adds one stored entry; `name` uses '/' separators.
  void Add(const std::string& name, std::string content);
  // Writes the archive. Entries larger than 4 GiB are not supported
  // (no ZIP64); Write returns false and writes nothing then.
  bool Write(std::ostream& out) const;

 private:
  struct Entry {
    std::string name;
    std::string content;
    uint32_t crc = 0;
  };
  std::vector<Entry> entries_;
};

}  // namespace mos::io
