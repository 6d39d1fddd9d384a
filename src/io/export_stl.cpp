#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "io/block_writer.h"
#include "io/export_mesh.h"
#include "io/number_format_g6.h"
#include "io/number_format_g6_memo.h"

namespace mos::io {
namespace {

using kernel::Vec3;

std::array<Vec3, 3> Corners(const kernel::Mesh& mesh, int t) {
  const auto& tv = mesh.triVerts[t];
  return {mesh.vertPos[tv[0]], mesh.vertPos[tv[1]], mesh.vertPos[tv[2]]};
}

// Inlined into the ASCII writer's loop (a call passed the corners and the
// result through the stack: ~25 instructions per facet).
[[gnu::always_inline]] inline Vec3 UnitNormal(Vec3 a, Vec3 b, Vec3 c) {
  return kernel::Normalized(kernel::Cross(b - a, c - a));
}

Vec3 UnitNormal(const std::array<Vec3, 3>& c) { return UnitNormal(c[0], c[1], c[2]); }

// "x y z" as 2021.01 prints a vertex, in a fixed buffer (no allocation).
// `read` is that text read back, as a stream would parse it. Trivially
// constructible, so a table of them is not filled before use.
struct PrintedVec {
  // Two numbers of at most 13 characters and their spaces, then the room
  // FormatG6 needs for the third.
  char text[2 * 14 + kG6BufferSize];
  std::size_t size;
  double read[3];

  PrintedVec() = default;
  void Print(Vec3 v, G6Memo& memo) {
    size = memo.Format(v.x, text, read[0]);
    text[size++] = ' ';
    size += memo.Format(v.y, text + size, read[1]);
    text[size++] = ' ';
    size += memo.Format(v.z, text + size, read[2]);
  }
  Vec3 Read() const { return {read[0], read[1], read[2]}; }
  // The first `size` bytes of the texts, compared 8 at a time in place (the
  // bytes after them are scratch: the last word is masked); a memcmp call
  // cost more than the compare. At most 41 bytes are text, so the 8-byte
  // reads stay inside `text`.
  bool operator==(const PrintedVec& o) const {
#ifdef MOS_CHECK_STL_TEXT_COMPARE  // the word compare against memcmp
    const bool want = size == o.size && std::memcmp(text, o.text, size) == 0;
    if (SameText(o) != want) std::abort();
    return want;
  }
  bool SameText(const PrintedVec& o) const {
#endif
    static_assert(sizeof(text) >= 41 + 7, "the masked last word must stay inside text");
    if (size != o.size) return false;
    if constexpr (std::endian::native != std::endian::little) {
      return std::memcmp(text, o.text, size) == 0;
    } else {
      std::size_t i = 0;
      for (; i + 8 <= size; i += 8)
        if (Word(text + i) != Word(o.text + i)) return false;
      if (i == size) return true;
      const uint64_t mask = ~uint64_t{0} >> (8 * (8 - (size - i)));  // the low size-i bytes
      return ((Word(text + i) ^ Word(o.text + i)) & mask) == 0;
    }
  }
  static uint64_t Word(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
};

// A printed vector into the block: the whole text buffer, a copy of known
// length (inlined, no memcpy call); the bytes past v.size are overwritten
// by what follows (Reserve leaves room for them).
void PutVec(BlockWriter& w, const PrintedVec& v) {
  std::memcpy(w.Cursor(), v.text, sizeof v.text);
  w.Advance(v.size);
}

// A normal's text, printed in place (nothing reads it back).
void PutNormal(BlockWriter& w, Vec3 n) { w.Advance(FormatG6Vec3(n.x, n.y, n.z, w.Cursor())); }

void PutFloat(std::ostream& out, double v) {
  const float f = static_cast<float>(v);
  unsigned char bytes[4];
  uint32_t bits;
  std::memcpy(&bits, &f, 4);
  for (int i = 0; i < 4; ++i) bytes[i] = static_cast<unsigned char>(bits >> (8 * i));
  out.write(reinterpret_cast<const char*>(bytes), 4);
}

}  // namespace

std::string FormatNumber(double v) {
  char buf[kG6BufferSize];
  return std::string(buf, FormatG6(v, buf));  // "%g", like 2021.01's exporters
}

void WriteStlAscii(const kernel::Mesh& mesh, std::ostream& out) {
  BlockWriter w(out);
  w.Literal("solid OpenSCAD_Model\n");
  // Each vertex printed once (a vertex is a corner of ~6 triangles), all
  // up front, in place (a mesh's vertices are its triangles' corners; the
  // memo gives the same text in any order).
  const std::size_t numVert = mesh.vertPos.size();
  std::unique_ptr<PrintedVec[]> printedVerts(new PrintedVec[numVert > 0 ? numVert : 1]);
  auto memo = std::make_unique<G6Memo>();  // coordinates shared by vertices
  for (std::size_t v = 0; v < numVert; ++v) printedVerts[v].Print(mesh.vertPos[v], *memo);
  // The triangle range read once (the block writes could alias the mesh
  // for the compiler, which then reloaded the size every facet).
  const std::array<int, 3>* tri = mesh.triVerts.data();
  const std::array<int, 3>* const triEnd = tri + mesh.triVerts.size();
  for (; tri != triEnd; ++tri) {
    const auto& tv = *tri;
    const PrintedVec &a = printedVerts[tv[0]], &b = printedVerts[tv[1]], &d = printedVerts[tv[2]];
    if (a == b || b == d || a == d) continue;  // collapses when printed
    // 2021.01 computes the normal from the printed (rounded) corners. Note:
    // a non-finite coordinate reads back as itself here (a stream would fail).
    w.Reserve();  // a facet is well under BlockWriter::kRoom, scratch included
    w.Literal("  facet normal ");
    PutNormal(w, UnitNormal(a.Read(), b.Read(), d.Read()));
    w.Literal("\n    outer loop\n      vertex ");
    PutVec(w, a);
    w.Literal("\n      vertex ");
    PutVec(w, b);
    w.Literal("\n      vertex ");
    PutVec(w, d);
    w.Literal("\n    endloop\n  endfacet\n");
  }
  w.Reserve();
  w.Literal("endsolid OpenSCAD_Model\n");
  w.Flush();
}

void WriteStlBinary(const kernel::Mesh& mesh, std::ostream& out) {
  char header[80] = {};
  const char* title = "OpenSCAD Model\n";
  std::memcpy(header, title, std::strlen(title));
  out.write(header, 80);
  const uint32_t count = static_cast<uint32_t>(mesh.NumTri());
  for (int i = 0; i < 4; ++i) out.put(static_cast<char>((count >> (8 * i)) & 0xff));
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const auto c = Corners(mesh, t);
    const Vec3 n = UnitNormal(c);
    PutFloat(out, n.x), PutFloat(out, n.y), PutFloat(out, n.z);
    for (const Vec3& p : c) PutFloat(out, p.x), PutFloat(out, p.y), PutFloat(out, p.z);
    out.put(0), out.put(0);
  }
}

}  // namespace mos::io
