// Every edge/triangle pair the broad phase hands the exact kernel, for a
// union and a difference of two meshes and both edge directions: for the
// tests that check a broad-phase filter never drops a pair Kernel12 counts
// as a hit.
#pragma once

#include <utility>
#include <vector>

#include "kernel/assemble.h"
#include "kernel/boolean.h"
#include "kernel/boolean_operand.h"
#include "kernel/intersect.h"

namespace mos::kernel::testing {

// One broad-phase candidate: edge `he` of `em` against triangle `t` of `tm`.
struct BroadPhasePair {
  const BoolOperand& em;
  const BoolOperand& tm;
  const BoolKernels& kernels;
  bool forward;
  int he, t;
  Vec3 start, end;  // the edge's end points

  // Kernel12 of the pair (0: no hit).
  int Hit() const {
    Vec3 point{};
    return kernels.Kernel12(he, t, forward, point);
  }
};

// Calls visit(pair) for each candidate pair of a op b, for op in {union,
// difference} and both edge directions.
template <class Visit>
void ForEachBroadPhasePair(const Mesh& a, const Mesh& b, Visit visit) {
  const BoolOperand p = PrepareOperand(a), q = PrepareOperand(b);
  for (OpType op : {OpType::kUnion, OpType::kDifference}) {
    const BoolRoles roles = RolesFor(op, false);
    const BoolKernels kernels(p.View(), q.View(), &p.vertNormal, roles.expandP);
    for (bool forward : {true, false}) {
      const BoolOperand& em = forward ? p : q;
      const BoolOperand& tm = forward ? q : p;
      std::vector<std::pair<int, int>> pairs;
      BroadPhaseEdgeTri(em, tm, pairs);
      const BoolMeshView ev = em.View();
      for (const auto& [he, t] : pairs)
        visit(BroadPhasePair{em, tm, kernels, forward, he, t, em.pos[ev.Start(he)], em.pos[ev.End(he)]});
    }
  }
}

}  // namespace mos::kernel::testing
