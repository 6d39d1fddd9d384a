#include "io/export_mesh.h"

namespace mos::io {

void WriteObj(const kernel::Mesh& mesh, std::ostream& out) {
  out << "# OpenSCAD_Model (mos)\n";
  for (const auto& v : mesh.vertPos) {
    out << "v " << FormatNumber(v.x) << " " << FormatNumber(v.y) << " " << FormatNumber(v.z)
        << "\n";
  }
  for (const auto& tv : mesh.triVerts) {
    out << "f " << tv[0] + 1 << " " << tv[1] + 1 << " " << tv[2] + 1 << "\n";
  }
}

}  // namespace mos::io
