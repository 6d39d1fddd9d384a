// Engine-level export of a rendered geometry, chosen by format or extension.
#include <algorithm>
#include <cctype>

#include "engine/rendered_geometry.h"
#include "io/export_mesh.h"

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

}  // namespace

std::string ExportGeometry(const RenderResult& result, const std::string& path,
                           const std::string& format) {
  const std::string fmt = format.empty() ? ExtensionOf(path) : Lower(format);
  if (fmt != "stl" && fmt != "asciistl" && fmt != "binstl" && fmt != "off") {
    return "'" + path + "': export format '" + fmt +
           "' is not available yet in mos (3D: stl, binstl, off); nothing was written";
  }
  if (!result.geometry) return "'" + path + "': nothing was rendered; nothing was written";
  const geom::RenderResult& r = result.geometry->render;
  if (r.geometry.dim == geom::Dim::k2) {
    return "'" + path + "': the result is 2D; 2D export (svg, dxf) is not available yet";
  }
  // An empty top level: 2021.01 refuses to export it ("Current top level
  // object is empty."); so do we, writing nothing.
  if (r.geometry.dim == geom::Dim::kEmpty) {
    return "Current top level object is empty.";
  }
  std::string error;
  if (!io::ExportMeshFile(r.geometry.mesh, r.properties, path, fmt, error)) return error;
  return "";
}

}  // namespace mos
