// AMF (ISO/ASTM 52915) in the layout 2021.01 writes; colours as <color> of
// one <volume> per colour (the AMF way to colour a region of a mesh).
#include <map>

#include "io/export_mesh.h"

namespace mos::io {

void WriteAmf(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
              std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<amf unit=\"millimeter\">\n"
      << " <metadata type=\"producer\">OpenSCAD 2021.01</metadata>\n"
      << " <object id=\"0\">\n"
      << "  <mesh>\n"
      << "   <vertices>\n";
  for (const auto& v : mesh.vertPos) {
    out << "    <vertex><coordinates>\n"
        << "     <x>" << FormatNumber(v.x) << "</x>\n"
        << "     <y>" << FormatNumber(v.y) << "</y>\n"
        << "     <z>" << FormatNumber(v.z) << "</z>\n"
        << "    </coordinates></vertex>\n";
  }
  out << "   </vertices>\n";
  // Volumes in order of each colour's first triangle; the uncoloured ones
  // share a volume without <color>.
  std::map<std::array<double, 4>, size_t> volumeOf;
  std::vector<std::array<double, 4>> volumeColor;
  std::vector<std::vector<int>> volumeTris;
  const std::array<double, 4> kNone{-1, -1, -1, -1};
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const geom::FaceProperty* p = TriangleColor(mesh, properties, t);
    const std::array<double, 4> key = p ? p->rgba : kNone;
    auto [it, inserted] = volumeOf.emplace(key, volumeTris.size());
    if (inserted) {
      volumeColor.push_back(key);
      volumeTris.emplace_back();
    }
    volumeTris[it->second].push_back(t);
  }
  for (size_t v = 0; v < volumeTris.size(); ++v) {
    out << "   <volume>\n";
    if (volumeColor[v] != kNone) {
      const auto& c = volumeColor[v];
      out << "    <color><r>" << FormatNumber(c[0]) << "</r><g>" << FormatNumber(c[1])
          << "</g><b>" << FormatNumber(c[2]) << "</b><a>" << FormatNumber(c[3])
          << "</a></color>\n";
    }
    for (int t : volumeTris[v]) {
      const auto& tv = mesh.triVerts[t];
      out << "    <triangle>\n"
          << "     <v1>" << tv[0] << "</v1>\n"
          << "     <v2>" << tv[1] << "</v2>\n"
          << "     <v3>" << tv[2] << "</v3>\n"
          << "    </triangle>\n";
    }
    out << "   </volume>\n";
  }
  out << "  </mesh>\n"
      << " </object>\n"
      << "</amf>\n";
}

}  // namespace mos::io
