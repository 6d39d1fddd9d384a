#include <charconv>

#include "io/block_writer.h"
#include "io/export_mesh.h"
#include "io/number_format_g6.h"
#include "io/number_format_g6_memo.h"

namespace mos::io {
namespace {

// An int as a stream prints it (decimal, no grouping: the classic locale).
void Int(BlockWriter& w, int v) {
  char* p = w.Cursor();
  w.Advance(static_cast<std::size_t>(std::to_chars(p, p + 16, v).ptr - p));
}

}  // namespace

// Written into one block (io/block_writer.h) with the exact %g formatter:
// the same bytes the stream version (`out << FormatNumber(x) << " " ...`)
// wrote, at a fraction of the cost (tests/unit/geom/export_off_test.cpp
// compares the two).
void WriteOff(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
              std::ostream& out) {
  bool anyColor = false;
  for (int t = 0; t < mesh.NumTri() && !anyColor; ++t) {
    anyColor = TriangleColor(mesh, properties, t) != nullptr;
  }
  BlockWriter w(out);
  w.Literal("OFF ");
  Int(w, mesh.NumVert());
  w.Char(' ');
  Int(w, mesh.NumTri());
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
    Int(w, tv[0]);
    w.Char(' ');
    Int(w, tv[1]);
    w.Char(' ');
    Int(w, tv[2]);
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
