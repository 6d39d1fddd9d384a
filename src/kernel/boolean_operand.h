// One operand of a boolean, prepared for the intersection kernels: paired
// halfedges, angle-weighted vertex pseudo-normals and bounding boxes.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "kernel/bbox.h"
#include "kernel/bvh.h"
#include "kernel/mesh.h"
#include "kernel/predicates.h"
#include "kernel/vec.h"

namespace mos::kernel {

struct BoolOperand {
  std::vector<Vec3> pos;
  std::vector<std::array<int, 3>> tri;
  std::vector<int> twin;
  std::vector<uint32_t> prop;
  std::vector<Vec3> vertNormal;  // perturbation direction (see perturbation_direction.h)
  // Vertices no perturbation direction moves to the outer side of all
  // their faces (MakeDirectionsOutward).
  std::vector<int> stuckVerts;
  std::vector<Vec3> faceNormal;
  Box3 box;
  bool closed = true;  // every halfedge found exactly one twin
  bool noNan = true;   // no coordinate is NaN: every box holds its parts' boxes
  // Known closed and manifold (every used vertex one fan): the mesh's
  // PreparedSlot records it for this content (a boolean's cleaned result).
  bool fansKnown = false;
  Bvh triBvh;          // over the triangles' boxes (Karras LBVH)
  // A windowed preparation (PrepareOperandPair): only the triangles whose
  // box meets the XY column of the window (where both operands' boxes
  // meet) are in triBvh and listed in windowTris (ascending); vertNormal
  // and stuckVerts are those of these triangles' vertices (zero / not
  // listed elsewhere), faceNormal that of the triangles around those
  // vertices (zero elsewhere). pos, tri, twin, prop, box, closed and noNan
  // are whole. The kernels never see anything else: every edge/triangle
  // pair whose boxes meet lies in the window, and a vertex's winding ray
  // is cast only when the vertex is in the other operand's box (closed:
  // outside it the winding is 0), hence in the window's column.
  bool windowed = false;
  std::vector<int> windowTris;
  // With narrowWinding, the box the winding numbers of the other operand's
  // vertices use (RunBoolean swaps it in for WindingNumbers, which gives
  // winding 0 to a vertex outside the closed triMesh's box): for a windowed
  // operand over whose column (every triangle over the window's XY) the
  // other operand's vertices in its box all lie, the box of that column:
  // a vertical line through such a vertex meets only column triangles, so
  // outside their box it meets none on one side, and the winding is 0.
  bool narrowWinding = false;
  Box3 windingBox;

  BoolMeshView View() const { return BoolMeshView{&pos, &tri, &twin}; }
  int NumTri() const { return static_cast<int>(tri.size()); }
  int NumVert() const { return static_cast<int>(pos.size()); }
};

// Copies `mesh` and derives twins, normals and boxes. Triangles with an
// out-of-range index are dropped.
BoolOperand PrepareOperand(const Mesh& mesh);

// Content fingerprint of a mesh's positions and triangles (sizes and two
// independent 64-bit hashes of the exact bits of each).
struct MeshFingerprint {
  size_t numVert = 0, numTri = 0;
  uint64_t h1 = 0, h2 = 0;  // the positions
  uint64_t t1 = 0, t2 = 0;  // the triangles
  bool operator==(const MeshFingerprint& o) const { return SameTriangles(o) && h1 == o.h1 && h2 == o.h2; }
  // The same vertex count and triangles (positions may differ: a moved copy).
  bool SameTriangles(const MeshFingerprint& o) const {
    return numVert == o.numVert && numTri == o.numTri && t1 == o.t1 && t2 == o.t2;
  }
};
MeshFingerprint FingerprintOf(const Mesh& mesh);
// FingerprintOf without the positions' hash (h1 = h2 = 0): enough for
// MeshFingerprint::SameTriangles, at about half the cost.
MeshFingerprint TriangleFingerprintOf(const Mesh& mesh);

// A prepared operand kept with a mesh (Mesh::prepared), and the content it
// was prepared from. Its `prop` is left empty: properties are taken from
// the mesh at each use (a cached solid's property ids are shifted).
struct PreparedOperand {
  MeshFingerprint fingerprint;
  BoolOperand operand;
};

struct PreparedSlot {
  std::mutex mutex;  // copies of one mesh may be used from several threads
  std::shared_ptr<const PreparedOperand> data;
  // Set by the boolean that made the mesh: while the mesh has these
  // triangles (MeshFingerprint::SameTriangles: closedness, manifoldness and
  // the twins depend on the triangles alone, so a copy moved by a
  // transform that keeps the orientation keeps it) it is closed and
  // manifold and its halfedgeTwin is complete, so a preparation takes the
  // twins instead of pairing the halfedges again (the pairing of a closed
  // manifold mesh is unique: same twins).
  bool closedTwinsKnown = false;
  MeshFingerprint closedTwins;  // only compared by SameTriangles (positions' hash not kept)
  // Set by a windowed preparation (PrepareOperandPair) of this content: a
  // mesh used again is likely used more (a cached solid, a part shared by
  // several booleans), so its next preparation is whole (and kept) unless
  // its window is very small.
  bool windowedBefore = false;
  MeshFingerprint windowedFor;
  // Set by TakeIsolatedComponents (union_pieces.h) for this content: the
  // boxes of the mesh's connected components (in ComponentIds' order), so
  // a solid united again (a cached prefix in a re-render) is not walked
  // again to find that nothing of it is apart.
  bool componentsKnown = false;
  MeshFingerprint componentsFor;
  std::vector<Box3> componentBoxes;
  // Set by the boolean that made the mesh: two vertices its triangles use
  // coincide (solids that only touch). A boolean with it likely runs its
  // other perturbation choice too (Boolean), so it keeps its candidate
  // pairs for that (CandidateMemo). A hint only: it changes no result.
  bool coincidentUsed = false;
};

// PrepareOperand, reusing what Mesh::prepared holds when it was prepared
// from the same positions and triangles, and keeping the new preparation
// there otherwise. Same result as PrepareOperand.
BoolOperand PrepareOperandCached(const Mesh& mesh);

// Both operands of the boolean a (P) with b (Q). A mesh whose whole
// preparation Mesh::prepared holds takes it (as PrepareOperandCached); a
// closed one whose triangles in the window's column are under half of its
// triangles (under a tenth when it was windowed before, see PreparedSlot)
// (both free of NaN) is prepared for the window only (see
// BoolOperand::windowed; not kept in Mesh::prepared); any other is
// prepared whole and kept (as PrepareOperandCached). Returns false, with
// nothing prepared, when the meshes' boxes do not overlap. Every
// intersection kernel and winding number comes out as with PrepareOperand.
// The operand with fewer triangles (not found kept) may be prepared for a
// region instead of a column: the triangles meeting the box of the other
// one's column (its whole box when it is whole) or the XY column over the
// other one's vertices in its box (their winding rays); see the
// implementation for why that suffices and when it is not done.
// `fingerprintA`, `fingerprintB` (optional): FingerprintOf(a), of b, when
// the caller found them (then they are not found again).
bool PrepareOperandPair(const Mesh& a, const Mesh& b, BoolOperand& p, BoolOperand& q,
                        const MeshFingerprint* fingerprintA = nullptr, const MeshFingerprint* fingerprintB = nullptr);

// Pairs each halfedge with its opposite (start/end swapped). Returns false
// when some halfedge has none or the pairing is ambiguous (kept -1 / first).
bool PairHalfedges(const std::vector<std::array<int, 3>>& tri, std::vector<int>& twin);

}  // namespace mos::kernel
