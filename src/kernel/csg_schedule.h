// n-ary boolean scheduling (see shared/KERNEL.md, "Around the boolean").
#pragma once

#include <vector>

#include "kernel/boolean.h"
#include "kernel/hull_status.h"
#include "kernel/limits.h"
#include "kernel/mesh.h"

namespace mos::kernel {

// Union of meshes: groups whose boxes are disjoint from everything else are
// concatenated; the rest are combined smallest first (by triangle count)
// from a heap. A guard (boolean.h) is checked before each pairwise boolean.
Mesh UnionAll(std::vector<Mesh> meshes, LimitGuard* guard = nullptr);

// a union b: Boolean(a, b, kUnion) after the components of either that touch
// no other component's box are taken out and appended (union_pieces.h);
// when there are none, exactly Boolean(a, b, kUnion).
Mesh UnionPair(Mesh a, Mesh b, LimitGuard* guard = nullptr);

// Intersection of all meshes, smallest first.
Mesh IntersectAll(std::vector<Mesh> meshes, LimitGuard* guard = nullptr);

// BooleanN (boolean.h) with a cancel token and a vertex / memory budget:
// checked before every binary boolean (the operands' sizes) and on the
// result. Stops with kCancelled or kTooLarge, an empty mesh and a
// diagnostic; otherwise status kOk and BooleanN's result.
MeshOpResult BooleanN(std::vector<Mesh> meshes, OpType op, const KernelLimits& limits);

}  // namespace mos::kernel
