// Edge-triangle intersections between two boolean operands (Smith 2009,
// ch. 4): the broad phase pairs edges with triangles whose boxes touch, the
// kernels decide each pair by integer signs and give the new vertex.
#pragma once

#include <cstring>
#include <vector>

#include "kernel/boolean_operand.h"
#include "kernel/candidate_memo.h"
#include "kernel/predicates.h"

namespace mos::kernel {

struct EdgeTriHit {
  int edge;   // canonical halfedge of the edge's mesh
  int tri;    // triangle of the other mesh
  int dw;     // change of the edge's winding number w.r.t. the other mesh, +-1
  Vec3 pos;   // the new vertex
};

// The same hits bit for bit (positions compared by their bytes): what the
// check builds and tests of the windowed and region preparations compare.
inline bool SameHitBits(const std::vector<EdgeTriHit>& a, const std::vector<EdgeTriHit>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].edge != b[i].edge || a[i].tri != b[i].tri || a[i].dw != b[i].dw ||
        std::memcmp(&a[i].pos, &b[i].pos, sizeof(Vec3)) != 0)
      return false;
  return true;
}

// forward: edges of P against triangles of Q; else edges of Q against P.
// Sorted by edge, then by position along the edge.
// `memo` (may be null): where it holds this direction's pairs complete,
// they are taken from it (the same pairs in the same order); else, when
// it was claimed for this direction, they are recorded into it.
std::vector<EdgeTriHit> IntersectEdgesWithTriangles(const BoolKernels& kernels, const BoolOperand& p,
                                                    const BoolOperand& q, bool forward,
                                                    CandidateMemo* memo = nullptr);

// Candidate (edge, triangle) pairs whose closed boxes overlap, from the
// triangle BVH. Edges are canonical halfedges of `edgeMesh`.
void BroadPhaseEdgeTri(const BoolOperand& edgeMesh, const BoolOperand& triMesh,
                       std::vector<std::pair<int, int>>& pairs);

}  // namespace mos::kernel
