#include "importer/zip_archive.h"

#include <algorithm>
#include <cstring>

// Only stb_image's zlib decoder is used here.
#include "importer/stb_image_static.h"

namespace mos::importer {
namespace {

constexpr uint32_t kLocalSignature = 0x04034b50;
constexpr uint32_t kCentralSignature = 0x02014b50;
constexpr uint32_t kEndSignature = 0x06054b50;
constexpr uint64_t kMaxInflateRatio = 1032;

uint32_t U16(std::string_view b, size_t at) {
  return static_cast<unsigned char>(b[at]) | static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8;
}
uint32_t U32(std::string_view b, size_t at) { return U16(b, at) | U16(b, at + 2) << 16; }

}  // namespace

bool LooksLikeZip(std::string_view b) { return b.size() >= 4 && U32(b, 0) == kLocalSignature; }

bool ReadZipDirectory(std::string_view b, std::vector<ZipEntry>& entries, std::string& error) {
  entries.clear();
  if (b.size() < 22) {
    error = "too short for a ZIP archive";
    return false;
  }
  // The end record sits in the last 22 + 65535 (comment) bytes.
  size_t end = std::string_view::npos;
  const size_t lowest = b.size() > 22 + 65535 ? b.size() - 22 - 65535 : 0;
  for (size_t at = b.size() - 22 + 1; at-- > lowest;) {
    if (U32(b, at) == kEndSignature) {
      end = at;
      break;
    }
  }
  if (end == std::string_view::npos) {
    error = "no ZIP end of central directory record";
    return false;
  }
  const uint32_t count = U16(b, end + 10);
  uint64_t pos = U32(b, end + 16);
  for (uint32_t k = 0; k < count; ++k) {
    if (pos + 46 > b.size() || U32(b, pos) != kCentralSignature) {
      error = "ZIP central directory is truncated";
      return false;
    }
    ZipEntry e;
    e.method = static_cast<uint16_t>(U16(b, pos + 10));
    e.compressedSize = U32(b, pos + 20);
    e.size = U32(b, pos + 24);
    const uint32_t nameLen = U16(b, pos + 28), extraLen = U16(b, pos + 30),
                   commentLen = U16(b, pos + 32);
    e.localHeader = U32(b, pos + 42);
    if (pos + 46 + nameLen > b.size()) {
      error = "ZIP central directory is truncated";
      return false;
    }
    e.name.assign(b.data() + pos + 46, nameLen);
    entries.push_back(std::move(e));
    pos += 46 + static_cast<uint64_t>(nameLen) + extraLen + commentLen;
  }
  return true;
}

bool ExtractZipEntry(std::string_view b, const ZipEntry& e, uint64_t maxBytes, std::string& out,
                     std::string& error) {
  out.clear();
  if (e.localHeader + 30 > b.size() || U32(b, e.localHeader) != kLocalSignature) {
    error = "ZIP entry '" + e.name + "' has no local header";
    return false;
  }
  const uint64_t data = e.localHeader + 30 + U16(b, e.localHeader + 26) + U16(b, e.localHeader + 28);
  if (data > b.size() || e.compressedSize > b.size() - data) {
    error = "ZIP entry '" + e.name + "' is truncated";
    return false;
  }
  std::string_view packed = b.substr(data, e.compressedSize);
  if (e.size > maxBytes || (e.method == 8 && e.size > (e.compressedSize + 1) * kMaxInflateRatio)) {
    error = "ZIP entry '" + e.name + "' claims an impossible size";
    return false;
  }
  if (e.method == 0) {
    if (e.size != e.compressedSize) {
      error = "ZIP entry '" + e.name + "' is truncated";
      return false;
    }
    out.assign(packed);
    return true;
  }
  if (e.method != 8) {
    error = "ZIP entry '" + e.name + "' uses an unsupported compression method (" +
            std::to_string(e.method) + ")";
    return false;
  }
#ifdef MOS_HAVE_STB_IMAGE
  // One byte more than the directory says, so a stream that inflates to
  // more than that is caught (stb fails when the buffer overflows).
  // stb's decoder wants up to 16 bits of lookahead past the last code and
  // fails ("bad huffman code") when a raw stream ends at the buffer's end:
  // zero padding gives it that (a zlib or PNG stream has its checksum there).
  std::string padded(packed);
  padded.append(8, '\0');
  out.assign(static_cast<size_t>(e.size) + 1, '\0');
  const int got = stbi_zlib_decode_noheader_buffer(
      out.data(), static_cast<int>(out.size()), padded.data(), static_cast<int>(padded.size()));
  if (got < 0 || static_cast<uint64_t>(got) != e.size) {
    out.clear();
    error = "ZIP entry '" + e.name + "' has corrupt deflate data";
    return false;
  }
  out.resize(static_cast<size_t>(got));
  return true;
#else
  error = "cannot inflate ZIP entries (built without stb_image)";
  return false;
#endif
}

}  // namespace mos::importer
