// Winding numbers of one operand's vertices with respect to the other
// (Smith 2009, ch. 4): vertices joined by edges that no triangle crosses
// share a winding number (union-find); one vertex per group counts signed
// crossings of a +Z ray (P vertices) or -Z ray (Q vertices) with the other
// mesh through the vertex-triangle kernel.
#pragma once

#include <vector>

#include "kernel/boolean_operand.h"
#include "kernel/intersect.h"
#include "kernel/predicates.h"

namespace mos::kernel {

// forward: winding of P's vertices w.r.t. Q; else of Q's w.r.t. P.
// `hits`: the edge-triangle hits of the same direction.
std::vector<int> WindingNumbers(const BoolKernels& kernels, const BoolOperand& p, const BoolOperand& q,
                                bool forward, const std::vector<EdgeTriHit>& hits);

}  // namespace mos::kernel
