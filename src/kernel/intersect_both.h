// Both directions of a boolean's edge-triangle intersection (intersect.h):
// edges of P against triangles of Q, and edges of Q against P. They are
// independent (the kernels are pure, each direction has its own memo, the
// scratch is per thread), so a large boolean runs them as two tasks
// (task_pool.h): the one lever for the wall time of a single big boolean,
// which sibling-subtree threads cannot split. Each direction's hits are the
// very ones a serial call gives.
#pragma once

#include <vector>

#include "kernel/intersect.h"
#include "kernel/limits.h"

namespace mos::kernel {

// Triangles of both operands (those in their BVHs: a window's only) from
// which the two directions go to two threads. Measured on sphere pairs
// (test DISABLED_BreakEven, median of 61, the other core idle): a loss
// under ~500 triangles, little up to ~1000 (0.3 ms), 35-48 % less wall
// time from ~2000 on; with the other core busy, no gain and +1-2 %.
inline constexpr int kIntersectThreadsMinTriangles = 2000;

// Whether IntersectBothWays runs the directions on two threads:
// `threads` as KernelLimits::threads (1: serial, 0: all cores).
bool IntersectOnThreads(const BoolOperand& p, const BoolOperand& q, int threads,
                        int minTriangles = kIntersectThreadsMinTriangles);

// hitsPQ / hitsQP = IntersectEdgesWithTriangles(kernels, p, q, true / false),
// on two threads when IntersectOnThreads says so (threads: the guard's;
// none: serial). False when the guard stopped the boolean (checked after
// each direction, or after both).
// `memos` (may be null): two CandidateMemo slots kept across attempts on
// the same two operands (p and q distinct objects): each direction takes
// the slot recorded for its edge and triangle meshes, or claims a free
// one and records into it.
bool IntersectBothWays(const BoolKernels& kernels, const BoolOperand& p, const BoolOperand& q,
                       LimitGuard* guard, std::vector<EdgeTriHit>& hitsPQ, std::vector<EdgeTriHit>& hitsQP,
                       int minTriangles = kIntersectThreadsMinTriangles, CandidateMemo* memos = nullptr);

}  // namespace mos::kernel
