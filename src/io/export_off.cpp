#include <fstream>

#include "io/export_mesh.h"

namespace mos::io {

void WriteOff(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
              std::ostream& out) {
  auto colorOf = [&](int t) -> const geom::FaceProperty* {
    if (t >= static_cast<int>(mesh.triProp.size())) return nullptr;
    const uint32_t p = mesh.triProp[t];
    return p < properties.size() && properties[p].HasColor() ? &properties[p] : nullptr;
  };
  bool anyColor = false;
  for (int t = 0; t < mesh.NumTri() && !anyColor; ++t) anyColor = colorOf(t) != nullptr;
  out << "OFF " << mesh.NumVert() << " " << mesh.NumTri() << " 0\n";
  for (const auto& v : mesh.vertPos)
    out << FormatNumber(v.x) << " " << FormatNumber(v.y) << " " << FormatNumber(v.z) << " \n";
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const auto& tv = mesh.triVerts[t];
    out << "3 " << tv[0] << " " << tv[1] << " " << tv[2];
    if (anyColor) {
      const geom::FaceProperty* p = colorOf(t);
      if (p) {
        for (double c : p->rgba) out << " " << FormatNumber(c);
      }
    }
    out << "\n";
  }
}

bool ExportMeshFile(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
                    const std::string& path, const std::string& format, std::string& error) {
  std::ofstream file(path, std::ios::binary);
  if (!file) {
    error = "Can't open file \"" + path + "\" for export";
    return false;
  }
  if (format == "stl" || format == "asciistl") WriteStlAscii(mesh, file);
  else if (format == "binstl") WriteStlBinary(mesh, file);
  else if (format == "off") WriteOff(mesh, properties, file);
  else {
    error = "Unknown export format: " + format;
    return false;
  }
  file.flush();
  if (!file) {
    error = "Error writing \"" + path + "\"";
    return false;
  }
  return true;
}

}  // namespace mos::io
