#include "io/export_mesh.h"

namespace mos::io {

void WriteOff(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
              std::ostream& out) {
  bool anyColor = false;
  for (int t = 0; t < mesh.NumTri() && !anyColor; ++t) {
    anyColor = TriangleColor(mesh, properties, t) != nullptr;
  }
  out << "OFF " << mesh.NumVert() << " " << mesh.NumTri() << " 0\n";
  for (const auto& v : mesh.vertPos)
    out << FormatNumber(v.x) << " " << FormatNumber(v.y) << " " << FormatNumber(v.z) << " \n";
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const auto& tv = mesh.triVerts[t];
    out << "3 " << tv[0] << " " << tv[1] << " " << tv[2];
    if (anyColor) {
      if (const geom::FaceProperty* p = TriangleColor(mesh, properties, t)) {
        for (double c : p->rgba) out << " " << FormatNumber(c);
      }
    }
    out << "\n";
  }
}

}  // namespace mos::io
