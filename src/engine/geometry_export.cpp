// Engine-level export of a rendered geometry, chosen by format or extension.
#include <algorithm>
#include <cctype>

#include "engine/rendered_geometry.h"
#include "io/export_file.h"

namespace mos {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string ExtensionOf(const std::string& path) {
  const size_t slash = path.find_last_of("/\\");
  const size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return Lower(path.substr(dot + 1));
}

// Formats 2021.01 writes from a render that mos does not (yet).
bool IsUnavailableGeometryFormat(const std::string& fmt) {
  for (const char* f : {"pdf", "png", "nef3", "nefdbg", "term", "wrl"}) {
    if (fmt == f) return true;
  }
  return false;
}

}  // namespace

std::string ExportGeometry(const RenderResult& result, const std::string& path,
                           const std::string& format) {
  const std::string fmt = format.empty() ? ExtensionOf(path) : Lower(format);
  if (fmt.empty()) {
    return "Either add a valid suffix or specify one using the --export-format option.";
  }
  if (io::DimOfFormat(fmt) == io::FormatDim::kNone) {
    if (IsUnavailableGeometryFormat(fmt)) {
      return "'" + path + "': export format '" + fmt +
             "' is not available in mos (3D: stl, binstl, off, obj, amf, 3mf; 2D: svg, dxf); "
             "nothing was written";
    }
    return "'" + path + "': unknown export format '" + fmt + "'; nothing was written";
  }
  if (!result.geometry) return "'" + path + "': nothing was rendered; nothing was written";
  const geom::RenderResult& r = result.geometry->render;
  std::string error;
  if (!io::ExportGeometryFile(r.geometry, r.properties, path, fmt, error)) return error;
  return "";
}

}  // namespace mos
