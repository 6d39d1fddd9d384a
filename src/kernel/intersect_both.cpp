#include "kernel/intersect_both.h"

#include <algorithm>

#include "kernel/task_pool.h"

namespace mos::kernel {

bool IntersectOnThreads(const BoolOperand& p, const BoolOperand& q, int threads, int minTriangles) {
  if (threads == 1) return false;
  if (p.triBvh.NumItems() + q.triBvh.NumItems() < minTriangles) return false;
  // The machine's count is asked only for a boolean large enough.
  return (threads > 1 ? std::min(threads, AvailableThreads()) : AvailableThreads()) > 1;
}

namespace {

// The memo slot of the direction with these edge and triangle meshes: the
// one claimed for them, else a free one (claimed now), else none.
CandidateMemo* MemoSlot(CandidateMemo* memos, const BoolOperand& edgeMesh, const BoolOperand& triMesh) {
  if (!memos) return nullptr;
  for (int i = 0; i < 2; ++i)
    if (memos[i].edgeMesh == &edgeMesh && memos[i].triMesh == &triMesh) return &memos[i];
  for (int i = 0; i < 2; ++i) {
    if (memos[i].edgeMesh) continue;
    memos[i].edgeMesh = &edgeMesh;
    memos[i].triMesh = &triMesh;
    memos[i].complete = false;
    return &memos[i];
  }
  return nullptr;
}

}  // namespace

bool IntersectBothWays(const BoolKernels& kernels, const BoolOperand& p, const BoolOperand& q,
                       LimitGuard* guard, std::vector<EdgeTriHit>& hitsPQ, std::vector<EdgeTriHit>& hitsQP,
                       int minTriangles, CandidateMemo* memos) {
  auto stopped = [&] { return guard && !guard->Check(); };
  // (Claimed before the directions start: they may run on two threads.)
  if (&p == &q) memos = nullptr;  // both directions would share one slot
  CandidateMemo* const memoPQ = MemoSlot(memos, p, q);
  CandidateMemo* const memoQP = MemoSlot(memos, q, p);
  if (guard && IntersectOnThreads(p, q, guard->Threads(), minTriangles)) {
    // The guard is not thread-safe: it is checked here only, after both.
    RunTasks(
        2,
        [&](int i) {
          (i == 0 ? hitsPQ : hitsQP) = IntersectEdgesWithTriangles(kernels, p, q, i == 0, i == 0 ? memoPQ : memoQP);
        },
        2);
    return !stopped();
  }
  hitsPQ = IntersectEdgesWithTriangles(kernels, p, q, true, memoPQ);
  if (stopped()) return false;
  hitsQP = IntersectEdgesWithTriangles(kernels, p, q, false, memoQP);
  return !stopped();
}

}  // namespace mos::kernel
