#include "geom/surface_file.h"

#include <sys/stat.h>

#include <cstdio>

#include "geom/surface_dat.h"
#include "geom/surface_png.h"

namespace mos::geom {

SurfaceData ParseSurfaceBytes(const std::string& bytes, bool invert, const std::string& fileName,
                              const SurfaceReadLimits& limits) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  if (HasPngSignature(data, bytes.size()))
    return DecodeSurfacePng(data, bytes.size(), invert, fileName, limits);
  return ParseSurfaceDat(bytes, fileName, limits);
}

SurfaceData ReadSurfaceFile(const std::string& path, bool invert,
                            const SurfaceReadLimits& limits) {
  SurfaceData out;
  const std::string cannotOpen = "The file '" + path + "' couldn't be opened.";
  struct stat st {};
  if (path.empty() || stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    out.warnings.push_back(cannotOpen);
    return out;
  }
  if (limits.maxFileBytes > 0 && st.st_size > limits.maxFileBytes) {
    out.diagnostics.push_back("surface(): '" + path + "' is larger than " +
                              std::to_string(limits.maxFileBytes >> 20) +
                              " MB; object left out");
    return out;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    out.warnings.push_back(cannotOpen);
    return out;
  }
  std::string bytes;
  char buffer[65536];
  size_t got = 0;
  // Read by chunks up to the cap (the file may have grown since stat).
  while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
    bytes.append(buffer, got);
    if (limits.maxFileBytes > 0 && static_cast<int64_t>(bytes.size()) > limits.maxFileBytes) break;
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) {
    out.warnings.push_back(cannotOpen);
    return out;
  }
  return ParseSurfaceBytes(bytes, invert, path, limits);
}

}  // namespace mos::geom
