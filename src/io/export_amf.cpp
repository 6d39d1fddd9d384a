// AMF (ISO/ASTM 52915) in the layout 2021.01 writes; colours as <color> of
// one <volume> per colour (the AMF way to colour a region of a mesh).
#include <map>

#include "io/block_writer.h"
#include "io/export_mesh.h"
#include "io/number_format_g6.h"
#include "io/number_format_g6_memo.h"

namespace mos::io {

// Written into one output block (io/block_writer.h): the bytes the stream
// version wrote (tests/unit/geom/export_text_bytes_test.cpp compares them).
void WriteAmf(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
              std::ostream& out) {
  BlockWriter w(out);
  w.Literal("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<amf unit=\"millimeter\">\n"
            " <metadata type=\"producer\">OpenSCAD 2021.01</metadata>\n"
            " <object id=\"0\">\n"
            "  <mesh>\n"
            "   <vertices>\n");
  auto memo = std::make_unique<G6Memo>();  // coordinates shared by vertices
  double ignored;
  for (const auto& v : mesh.vertPos) {
    w.Reserve();
    w.Literal("    <vertex><coordinates>\n     <x>");
    w.Advance(memo->Format(v.x, w.Cursor(), ignored));
    w.Literal("</x>\n     <y>");
    w.Advance(memo->Format(v.y, w.Cursor(), ignored));
    w.Literal("</y>\n     <z>");
    w.Advance(memo->Format(v.z, w.Cursor(), ignored));
    w.Literal("</z>\n    </coordinates></vertex>\n");
  }
  w.Reserve();
  w.Literal("   </vertices>\n");
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
    w.Reserve();
    w.Literal("   <volume>\n");
    if (volumeColor[v] != kNone) {
      const auto& c = volumeColor[v];
      w.Literal("    <color><r>");
      w.Advance(FormatG6(c[0], w.Cursor()));
      w.Literal("</r><g>");
      w.Advance(FormatG6(c[1], w.Cursor()));
      w.Literal("</g><b>");
      w.Advance(FormatG6(c[2], w.Cursor()));
      w.Literal("</b><a>");
      w.Advance(FormatG6(c[3], w.Cursor()));
      w.Literal("</a></color>\n");
    }
    for (int t : volumeTris[v]) {
      const auto& tv = mesh.triVerts[t];
      w.Reserve();
      w.Literal("    <triangle>\n     <v1>");
      w.Int(tv[0]);
      w.Literal("</v1>\n     <v2>");
      w.Int(tv[1]);
      w.Literal("</v2>\n     <v3>");
      w.Int(tv[2]);
      w.Literal("</v3>\n    </triangle>\n");
    }
    w.Reserve();
    w.Literal("   </volume>\n");
  }
  w.Reserve();
  w.Literal("  </mesh>\n"
            " </object>\n"
            "</amf>\n");
  w.Flush();
}

}  // namespace mos::io
