#include "io/block_writer.h"
#include "io/export_mesh.h"
#include "io/number_format_g6_memo.h"

namespace mos::io {

// One output block (io/block_writer.h): the bytes the stream version wrote
// (tests/unit/geom/export_text_bytes_test.cpp compares them).
void WriteObj(const kernel::Mesh& mesh, std::ostream& out) {
  BlockWriter w(out);
  w.Literal("# OpenSCAD_Model (mos)\n");
  auto memo = std::make_unique<G6Memo>();  // coordinates shared by vertices
  double ignored;
  for (const auto& v : mesh.vertPos) {
    w.Reserve();
    w.Literal("v ");
    w.Advance(memo->Format(v.x, w.Cursor(), ignored));
    w.Char(' ');
    w.Advance(memo->Format(v.y, w.Cursor(), ignored));
    w.Char(' ');
    w.Advance(memo->Format(v.z, w.Cursor(), ignored));
    w.Char('\n');
  }
  for (const auto& tv : mesh.triVerts) {
    w.Reserve();
    w.Literal("f ");
    w.Int(tv[0] + 1);
    w.Char(' ');
    w.Int(tv[1] + 1);
    w.Char(' ');
    w.Int(tv[2] + 1);
    w.Char('\n');
  }
  w.Flush();
}

}  // namespace mos::io
