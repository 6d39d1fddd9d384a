// Keep and assemble (Smith 2009, ch. 4): from winding numbers and the
// edge-triangle hits, the output vertices and, per input face, the directed
// edges of its output polygon: partial edges (input edges cut at the hits),
// new edges (where a face of P crosses a face of Q) and whole edges.
#pragma once

#include <array>
#include <cstdint>
#include <unordered_set>
#include <utility>
#include <vector>

#include "kernel/boolean.h"
#include "kernel/boolean_operand.h"
#include "kernel/intersect.h"

namespace mos::kernel {

// How the operands' pieces survive: a piece of P with winding number w
// (w.r.t. Q) appears cP + sP * w times, negative meaning reversed; the same
// for Q. expandP is the direction P is perturbed along its normals.
struct BoolRoles {
  int cP, sP, cQ, sQ;
  double expandP;
};

// Roles for `op` with P = first operand, or with the operands swapped
// (P = second): the same result, perturbing the other mesh.
BoolRoles RolesFor(OpType op, bool swapped);

struct FacePolygons {
  bool consistent = true;  // every inclusion in [-1, 1], every new edge paired
  std::vector<Vec3> vertPos;
  int numOriginalVerts = 0;  // vertPos[0, n) are input vertices, the rest intersection points
  // Faces 0..nP-1 are P's triangles, nP.. are Q's; each holds directed
  // edges (output vertex ids) counter-clockwise seen from outside the result:
  // face f's are edges[faceStart[f], faceStart[f + 1]) (one array for all
  // faces, no allocation per face).
  std::vector<int> faceStart;
  std::vector<std::pair<int, int>> edges;
  size_t NumFaces() const { return faceStart.empty() ? 0 : faceStart.size() - 1; }
  const std::pair<int, int>* FaceEdges(size_t f) const { return edges.data() + faceStart[f]; }
  int NumFaceEdges(size_t f) const { return faceStart[f + 1] - faceStart[f]; }
  // The outward normal of the result's face f is its operand triangle's
  // normal (BoolOperand::faceNormal) times flipP (f < numFacesP) or flipQ:
  // -1 for an operand kept reversed whole, else 1 (read where needed, not
  // copied for every face).
  int numFacesP = 0;
  double flipP = 1.0, flipQ = 1.0;
  std::vector<uint32_t> faceProp;
  // Faces no intersection touches (no hit on their edges, none of the
  // other operand's edges through them, all corners kept with one
  // inclusion, a closed operand): each is its own input triangle, given
  // here directly (no edges in `edges`), starting where the edge list's
  // first edge would (so the output is what the edge path gives).
  // directCorner: 0 for the other faces, else +-(k + 1): k is the input
  // corner the triangle starts at, the sign the inclusion's (negative:
  // reversed). Empty when no face is direct.
  std::vector<std::array<int, 3>> directTri;
  std::vector<signed char> directCorner;
  bool IsDirect(size_t f) const { return !directCorner.empty() && directCorner[f] != 0; }
};

// The outward normal of output face f of AssembleFaces(p, q, ...).
inline Vec3 FaceNormalOf(const FacePolygons& faces, const BoolOperand& p, const BoolOperand& q, size_t f) {
  const int face = static_cast<int>(f);
  return face < faces.numFacesP ? p.faceNormal[static_cast<size_t>(face)] * faces.flipP
                                : q.faceNormal[static_cast<size_t>(face - faces.numFacesP)] * faces.flipQ;
}

// `direct`: give untouched faces as directTri (false: every face by its
// edges, the generic path).
FacePolygons AssembleFaces(const BoolOperand& p, const BoolOperand& q, const BoolRoles& roles,
                           const std::vector<int>& windingP, const std::vector<int>& windingQ,
                           const std::vector<EdgeTriHit>& hitsPQ, const std::vector<EdgeTriHit>& hitsQP,
                           bool direct = true);

// The input halfedge (of the face's operand, local index) that slot `j` of
// direct face f's output triangle runs along or against, and back.
inline int DirectSlotToCorner(int directCorner, int j) {
  const int k = directCorner > 0 ? directCorner - 1 : -directCorner - 1;
  return directCorner > 0 ? (k + j) % 3 : (k + 3 - j) % 3;
}
inline int DirectCornerToSlot(int directCorner, int c) {
  const int k = directCorner > 0 ? directCorner - 1 : -directCorner - 1;
  return directCorner > 0 ? (c + 3 - k) % 3 : (k + 3 - c) % 3;
}

// Closes each face's directed edges into loops of vertex ids.
std::vector<std::vector<int>> LinkLoops(const std::pair<int, int>* edges, size_t numEdges);
// The same loops into loops[0, returned count), reusing the room of the
// vectors `loops` already holds (entries past the count are left over):
// one face after another without allocations.
size_t LinkLoopsInto(const std::pair<int, int>* edges, size_t numEdges, std::vector<std::vector<int>>& loops);
inline std::vector<std::vector<int>> LinkLoops(const std::vector<std::pair<int, int>>& edges) {
  return LinkLoops(edges.data(), edges.size());
}
namespace assemble_detail {
// LinkLoops by a sorted index of the edges' starts: the reference the
// tests hold LinkLoops's paths to (it was the path for faces of more than
// 64 edges).
std::vector<std::vector<int>> LinkLoopsSorted(const std::pair<int, int>* edges, size_t numEdges);
// LinkLoopsInto's path for faces of more than 64 edges (chains of each
// start vertex's edges; any number of edges).
size_t LinkManyLoops(const std::pair<int, int>* edges, size_t numEdges, std::vector<std::vector<int>>& loops);
// How the output-face ear clipper of a large face (256 corners or more)
// skips the blocker grid's cells that lie clearly outside an ear: not at
// all, by the cell's box (the earlier way), or by the box of the points
// the cell holds (the default; the same triangles, fewer points tested).
// Tests switch it to compare the three; never changed while a face is
// triangulated.
enum class EarClipCellTest { kNone, kCellBox, kPointBox };
inline EarClipCellTest earClipCellTest = EarClipCellTest::kPointBox;
// Whether the output-face triangulation skips the vote of an outer loop on
// a hole whose box lies clearly beside the loop's (the default; the same
// assignment). Tests switch it off to compare; never changed while a face
// is triangulated.
inline bool holeBoxSkip = true;
}  // namespace assemble_detail

// Undirected vertex pairs already joined by an edge of the output mesh:
// an open-addressing table of the pairs' 64-bit keys (a node-based set
// allocated once per diagonal, a boolean's thousands of them).
class EdgeSet {
 public:
  // Inline (see Slot): a boolean asks and adds a key per output edge.
  bool Has(int a, int b) const {
    const uint64_t key = PairKey(a, b);
    if (key == kEmpty) return hasEmptyKey_;
    return !slots_.empty() && slots_[Slot(key)] == key;
  }
  void Add(int a, int b) {
    const uint64_t key = PairKey(a, b);
    if (key == kEmpty) {
      hasEmptyKey_ = true;
      return;
    }
    if (2 * (count_ + 1) > slots_.size()) Grow();  // keep at most half full
    const size_t slot = Slot(key);
    if (slots_[slot] == key) return;
    slots_[slot] = key;
    ++count_;
  }
  // Room for about n keys without growing on the way (the rehashes of a
  // table grown one Add at a time were half of Add's cost); the answers
  // never depend on the table's size.
  void Reserve(size_t n);

 private:
  // The key of (0, 0), kept apart: a zero-filled table is one memset.
  static constexpr uint64_t kEmpty = 0;
  static uint64_t PairKey(int a, int b) {
    const uint64_t lo = static_cast<uint32_t>(a < b ? a : b);
    const uint64_t hi = static_cast<uint32_t>(a < b ? b : a);
    return (lo << 32) | hi;
  }
  void Grow();
  // The slot holding `key`, or the empty slot where it would go. Defined
  // here (inline) so it is inlined: the libraries are position-independent,
  // where an exported function is not.
  size_t Slot(uint64_t key) const {
    uint64_t h = key * 0x9E3779B97F4A7C15ull;
    h ^= h >> 32;
    const size_t mask = slots_.size() - 1;
    size_t slot = static_cast<size_t>(h) & mask;
    while (slots_[slot] != kEmpty && slots_[slot] != key) slot = (slot + 1) & mask;
    return slot;
  }
  std::vector<uint64_t> slots_;  // size a power of two, at most half full
  size_t count_ = 0;
  bool hasEmptyKey_ = false;
};

// Triangulates the loops of one output face, projected to the plane:
// counter-clockwise outer boundaries with clockwise holes inside them.
// Vertices are numbered by their position in the concatenation of the
// loops; `ids` gives their mesh vertex ids. Always uses every loop edge
// exactly once (a fallback ear is cut when the polygon is slightly
// invalid), and avoids diagonals between vertices `edges` already joins,
// so the mesh stays manifold; the diagonals it adds go into `edges`.
std::vector<std::array<int, 3>> TriangulateOutputFace(const std::vector<std::vector<Vec2>>& loops,
                                                      const std::vector<int>& ids, EdgeSet& edges);
// The same into `tris` (cleared first; its room reused from face to face).
// Only loops[0, numLoops) are the face's.
void TriangulateOutputFace(const std::vector<std::vector<Vec2>>& loops, size_t numLoops, const std::vector<int>& ids,
                           EdgeSet& edges, std::vector<std::array<int, 3>>& tris);

}  // namespace mos::kernel
