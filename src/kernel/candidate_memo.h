// The broad phase's per-pair rules that the candidate pairs of a boolean
// direction (intersect.cpp) and their replay for another attempt on the
// same operands (CandidateMemo) share: the horizontal-plane rule, which
// reads the perturbation, and the plane tests, which do not.
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

#include "kernel/boolean_operand.h"
#include "kernel/edge_plane_filter.h"
#include "kernel/predicates.h"

namespace mos::kernel {

// Whether the edge (a, b) and the prepared triangle lie in one horizontal
// plane: the pairs the horizontal-plane rule (HorizontalRule) decides.
inline bool InHorizontalPlane(const TriangleMissTest& test, const Vec3& a, const Vec3& b) {
  return test.flatZ && a.z == test.p[0].z && b.z == test.p[0].z;
}

// An edge and a triangle in one horizontal plane (every z equal, so the
// kernels' interpolated z equal it too): every z comparison of the
// kernels is a tie, decided by expandP times the z of a P vertex's
// normal: an end of the edge (forward; Kernel02 of each end, Kernel11's
// nearer end) or a corner of the triangle (reverse; Kernel02's nearest
// corner, Kernel11's nearer end of a triangle edge). Where all of those
// go one way, every Kernel02 and Kernel11 term of Kernel12 keeps its XY
// sign (P below Q at every tie) or every one is 0 (above): the sum is
// then 0, since the XY terms (the ends' inside counts and the edge's
// boundary crossings, from the same shared Shadow01 answers) cancel, as
// for any edge that stays on one side of the triangle. Only an edge
// whose ties go both ways can cross (intersect_filters_test has such
// edges: skipping them fails it).
struct HorizontalRule {
  BoolMeshView ev;
  const BoolOperand& triMesh;
  const std::vector<Vec3>& normalP;
  double expandP;
  bool forward;

  bool AboveAtTies(int v) const { return !(expandP * normalP[v].z < 0); }
  // True: the rule finds the pair (he, t) no hit.
  bool OneWay(int he, int t, const TriangleMissTest& test, const Vec3& a, const Vec3& b) const {
    if (!InHorizontalPlane(test, a, b)) return false;
    if (forward) return AboveAtTies(ev.Start(he)) == AboveAtTies(ev.End(he));
    const auto& tv = triMesh.tri[static_cast<size_t>(t)];
    const bool up = AboveAtTies(tv[0]);
    return AboveAtTies(tv[1]) == up && AboveAtTies(tv[2]) == up;
  }
};

// The plane tests of a pair the horizontal-plane rule left: true when the
// edge (a, b) clearly misses the prepared triangle. `bigEdge`, `extent`:
// as for EdgeMissesPreparedTriangle.
// What EdgeMissesPreparedTriangle left undecided (`prepared`: -2, an end
// near the plane, or -1). (Out of line: the plane tests inlined into the
// tree walks stay small.)
[[gnu::noinline]] inline bool PlaneTestsUndecided(const TriangleMissTest& test, const Vec3& a, const Vec3& b,
                                                  double bigEdge, int prepared) {
  if (prepared == -2)
    return EdgeClearlyApartInPlane(a - test.p[0], b - test.p[0], test.e1, test.e2, test.n,
                                   std::max(test.big, bigEdge));
  return EdgeClearlyMissesTriangle(a, b, test.p[0], test.p[1], test.p[2]);
}

[[gnu::always_inline]] inline bool PlaneTestsMiss(const TriangleMissTest& test, const Vec3& a, const Vec3& b,
                                                  double bigEdge, double extent) {
  const int prepared = EdgeMissesPreparedTriangle(test, a, b, bigEdge, extent);
  if (prepared >= 0) return prepared != 0;
  return PlaneTestsUndecided(test, a, b, bigEdge, prepared);
}

// The broad phase's pairs (BroadPhaseEdgeTri, same order) without those
// the plane tests find clearly apart: each edge's ends and sizes once,
// each triangle's plane once (TriangleTests), then a few products per
// pair; what those leave undecided goes to EdgeClearlyMissesTriangle.
// Long edges walk the tree with the line test (WalkKeptByLine) as well:
// the pairs it turns down have no kernel hit, the rest keep their order.
// One direction's candidate pairs (edges of one operand, triangles of the
// other) as far as they do not depend on the perturbation, kept for
// another attempt on the same two prepared operands (Boolean's other
// perturbation choice, or the second attempt after an inconsistent one):
// that attempt skips the tree walks and the plane tests, and asks only
// the horizontal-plane rule (which reads the perturbation) again.
struct CandidateMemo {
  const BoolOperand* edgeMesh = nullptr;  // claimed by this direction (null: free)
  const BoolOperand* triMesh = nullptr;
  bool complete = false;  // recorded in full (no walk left the rule's pairs out)
  std::vector<std::pair<int, int>> kept;  // the recording call's pairs, in order
  // The pairs of an edge and a triangle in one horizontal plane (the
  // rule's), in walk order: where they were met (kept's size then) and
  // whether kept (then kept[at] is the pair).
  struct Flat {
    int he, tri;
    unsigned at;
    bool kept;
  };
  std::vector<Flat> flat;
};

// CandidatePairs (candidate_pairs.h) into `pairs`, recorded into `memo`
// (complete unless a walk left the rule's pairs out).
void RecordCandidatePairs(const BoolKernels& kernels, const BoolOperand& edgeMesh, const BoolOperand& triMesh,
                          bool forward, std::vector<std::pair<int, int>>& pairs, CandidateMemo& memo);

// The pairs CandidatePairs (candidate_pairs.h) gives for `memo`'s edge and
// triangle meshes under `kernels` and `forward`, from memo's complete
// record of another call on them: the same pairs in the same order (the
// walks and the plane tests read no perturbation; the rule's pairs are
// asked again, and their plane tests where the rule leaves them).
void ReplayCandidatePairs(const BoolKernels& kernels, const BoolOperand& edgeMesh, const BoolOperand& triMesh,
                          bool forward, const CandidateMemo& memo, std::vector<std::pair<int, int>>& pairs);

}  // namespace mos::kernel
