#include "io/block_writer.h"
#include "io/export_mesh.h"
#include "io/number_format_g6.h"
#include "io/number_format_g6_memo.h"

namespace mos::io {

// Written into one block (io/block_writer.h) with the exact %g formatter:
// the same bytes the stream version (`out << FormatNumber(x) << " " ...`)
// wrote, at a fraction of the cost (tests/unit/geom/export_text_bytes_test.cpp
// compares the two).
void WriteOff(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
              std::ostream& out) {
  bool anyColor = false;
  for (int t = 0; t < mesh.NumTri() && !anyColor; ++t) {
    anyColor = TriangleColor(mesh, properties, t) != nullptr;
  }
  BlockWriter w(out);
  w.Literal("OFF ");
  w.Int(mesh.NumVert());
  w.Char(' ');
  w.Int(mesh.NumTri());
  w.Literal(" 0\n");
  auto memo = std::make_unique<G6Memo>();  // coordinates shared by vertices
  double ignored;
  for (const auto& v : mesh.vertPos) {
    w.Reserve();
    w.Advance(memo->Format(v.x, w.Cursor(), ignored));
    w.Char(' ');
    w.Advance(memo->Format(v.y, w.Cursor(), ignored));
    w.Char(' ');
    w.Advance(memo->Format(v.z, w.Cursor(), ignored));
    w.Literal(" \n");
  }
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const auto& tv = mesh.triVerts[t];
    w.Reserve();
    w.Literal("3 ");
    w.Int(tv[0]);
    w.Char(' ');
    w.Int(tv[1]);
    w.Char(' ');
    w.Int(tv[2]);
    if (anyColor) {
      if (const geom::FaceProperty* p = TriangleColor(mesh, properties, t)) {
        for (double c : p->rgba) {
          w.Char(' ');
          w.Advance(FormatG6(c, w.Cursor()));
        }
      }
    }
    w.Char('\n');
  }
  w.Flush();
}

}  // namespace mos::io
