// Robust mesh booleans (J. Smith, "Towards robust inexact geometric
// computation", UCAM-CL-TR-766, 2009; see shared/KERNEL.md). Inputs are
// closed, oriented, manifold triangle meshes; the output always is too,
// whatever coplanar or touching faces the inputs have: exact ties are
// decided by symbolic perturbation, never by tolerances. Per-triangle
// properties (triProp) are carried to the output triangles cut from them.
#pragma once

#include <vector>

#include "kernel/limits.h"
#include "kernel/mesh.h"

namespace mos::kernel {

enum class OpType { kUnion, kDifference, kIntersection };

// a op b. Union and intersection are symmetric in the result's solid; the
// output is cleaned up (short and colinear edges collapsed, degenerate
// triangles swapped away, pinched vertices split).
// With a guard, it is checked between the boolean's stages and while it
// triangulates: once it stops (cancel, deadline) the result is empty.
Mesh Boolean(const Mesh& a, const Mesh& b, OpType op, LimitGuard* guard = nullptr);

// Boolean, with the operands' content fingerprints (boolean_operand.h)
// where the caller already found them (null: found here when needed).
struct MeshFingerprint;
Mesh BooleanWithFingerprints(const Mesh& a, const Mesh& b, OpType op, LimitGuard* guard,
                             const MeshFingerprint* fingerprintA, const MeshFingerprint* fingerprintB);

// n-ary: union and intersection of all operands; difference is the first
// minus the union of the rest. Operands with disjoint boxes are
// concatenated without a boolean; the rest combine smallest first. With a
// guard, it is checked before each pairwise boolean: once it stops (cancel,
// deadline), the result is empty and the guard says why.
Mesh BooleanN(std::vector<Mesh> meshes, OpType op, LimitGuard* guard = nullptr);

// The boolean without the final cleanup (for tests of the raw topology).
Mesh BooleanRaw(const Mesh& a, const Mesh& b, OpType op, LimitGuard* guard = nullptr);

// One fixed strategy, cleaned (for tests): 0 perturbs a, 1 perturbs b, 2
// moves b by a rounding-sized step. Boolean tries them in this order until
// the topology is consistent, except that it perturbs b first when only a
// has vertices without an outward perturbation direction near b.
Mesh BooleanStrategy(const Mesh& a, const Mesh& b, OpType op, int strategy);

}  // namespace mos::kernel
