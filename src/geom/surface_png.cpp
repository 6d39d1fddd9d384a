#include "geom/surface_png.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <vector>

// stb_image's own dimension cap (1 << 24 per side by default) is kept as a
// second line of defence.
#include "importer/stb_image_static.h"

namespace mos::geom {
namespace {

constexpr unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
// zlib's largest expansion is about 1032:1; a pixel takes at least one bit.
constexpr int64_t kMaxPixelsPerByte = 8 * 1032;

// The PNG without its zero-length IDAT chunks. They carry no image data, but
// stb_image copies them into a buffer it has not allocated yet (memcpy of 0
// bytes to a null pointer: undefined behaviour the fuzzer found). Empty when
// a chunk before IEND runs past the end of the file: stb_image would first
// allocate the length it claims (up to 2 GB for a 92-byte file, found by the
// fuzzer) and then fail on the missing bytes anyway.
std::vector<unsigned char> WithoutEmptyDataChunks(const unsigned char* data, size_t size) {
  std::vector<unsigned char> out(data, data + std::min(size, sizeof kSignature));
  size_t at = sizeof kSignature;
  while (at < size) {
    if (size - at < 12) return {};
    const uint32_t length = (uint32_t{data[at]} << 24) | (uint32_t{data[at + 1]} << 16) |
                            (uint32_t{data[at + 2]} << 8) | data[at + 3];
    if (length > size - at - 12) return {};
    const size_t chunkEnd = at + 12 + length;
    if (!(length == 0 && std::memcmp(data + at + 4, "IDAT", 4) == 0))
      out.insert(out.end(), data + at, data + chunkEnd);
    const bool end = std::memcmp(data + at + 4, "IEND", 4) == 0;
    at = chunkEnd;
    if (end) break;
  }
  out.insert(out.end(), data + std::min(at, size), data + size);
  return out;
}

}  // namespace

bool HasPngSignature(const unsigned char* data, size_t size) {
  return size >= sizeof kSignature && std::memcmp(data, kSignature, sizeof kSignature) == 0;
}

SurfaceData DecodeSurfacePng(const unsigned char* data, size_t size, bool invert,
                             const std::string& fileName, const SurfaceReadLimits& limits) {
  SurfaceData out;
  const std::string unreadable = "Can't read PNG image '" + fileName + "'";
  if (size > static_cast<size_t>(INT_MAX)) {
    out.warnings.push_back(unreadable);
    return out;
  }
#ifndef MOS_HAVE_STB_IMAGE
  out.warnings.push_back(unreadable);
  out.diagnostics.push_back("surface(): this build has no PNG reader (stb_image)");
  return out;
#else
  const int length = static_cast<int>(size);
  int width = 0, height = 0, channels = 0;
  if (!stbi_info_from_memory(data, length, &width, &height, &channels) || width <= 0 ||
      height <= 0) {
    out.warnings.push_back(unreadable);
    return out;
  }
  const int64_t pixels = static_cast<int64_t>(width) * height;
  if (pixels > kMaxPixelsPerByte * static_cast<int64_t>(size)) {
    out.warnings.push_back(unreadable);
    out.diagnostics.push_back("surface(): the PNG header of '" + fileName + "' claims " +
                              std::to_string(width) + "x" + std::to_string(height) +
                              " pixels, more than the file can hold");
    return out;
  }
  if (limits.maxCells > 0 && pixels > limits.maxCells) {
    out.diagnostics.push_back("surface(): the " + std::to_string(width) + "x" +
                              std::to_string(height) + " image '" + fileName +
                              "' exceeds the vertex budget; object left out");
    return out;
  }
  int w = 0, h = 0, n = 0;
  const std::vector<unsigned char> cleaned = WithoutEmptyDataChunks(data, size);
  if (cleaned.empty()) {
    out.warnings.push_back(unreadable);
    return out;
  }
  unsigned char* rgba = stbi_load_from_memory(cleaned.data(), static_cast<int>(cleaned.size()),
                                              &w, &h, &n, 4);
  if (!rgba || w != width || h != height) {
    if (rgba) stbi_image_free(rgba);
    out.warnings.push_back(unreadable);
    return out;
  }
  double lowest = 0;
  out.rows.assign(static_cast<size_t>(height), std::vector<double>(static_cast<size_t>(width)));
  for (int y = 0; y < height; ++y) {
    auto& row = out.rows[static_cast<size_t>(height - 1 - y)];
    for (int x = 0; x < width; ++x) {
      const unsigned char* p = rgba + 4 * (static_cast<size_t>(y) * width + x);
      const double grey = 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
      const double z = 100.0 / 255 * (invert ? 1 - grey : grey);
      row[static_cast<size_t>(x)] = z;
      lowest = std::min(lowest, z - 1);
    }
  }
  stbi_image_free(rgba);
  out.columns = width;
  out.baseLevel = lowest;
  return out;
#endif
}

}  // namespace mos::geom
