// ZIP archives as 3MF (and zipped AMF) use them: the central directory read
// from the end record, entries stored or deflate-compressed. Inflating uses
// stb_image's zlib decoder (Debian's libstb-dev, header-only, so it builds
// in WASM too) into a buffer of the size the directory gives, which is
// refused when it exceeds what deflate can make of the compressed bytes
// (about 1032:1) or `maxBytes`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mos::importer {

struct ZipEntry {
  std::string name;
  uint16_t method = 0;  // 0 stored, 8 deflate
  uint64_t compressedSize = 0, size = 0;
  uint64_t localHeader = 0;  // offset of the local file header
};

// True when the bytes start like a ZIP archive ("PK\3\4").
bool LooksLikeZip(std::string_view bytes);

// The entries of the central directory; false with `error` when there is
// no end record or the directory does not fit in the file.
bool ReadZipDirectory(std::string_view bytes, std::vector<ZipEntry>& entries, std::string& error);

// The entry's uncompressed bytes; false with `error` on an unsupported
// method, a truncated archive or corrupt deflate data.
bool ExtractZipEntry(std::string_view bytes, const ZipEntry& entry, uint64_t maxBytes,
                     std::string& out, std::string& error);

}  // namespace mos::importer
