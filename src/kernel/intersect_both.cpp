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

bool IntersectBothWays(const BoolKernels& kernels, const BoolOperand& p, const BoolOperand& q,
                       LimitGuard* guard, std::vector<EdgeTriHit>& hitsPQ, std::vector<EdgeTriHit>& hitsQP,
                       int minTriangles) {
  auto stopped = [&] { return guard && !guard->Check(); };
  if (guard && IntersectOnThreads(p, q, guard->Threads(), minTriangles)) {
    // The guard is not thread-safe: it is checked here only, after both.
    RunTasks(
        2, [&](int i) { (i == 0 ? hitsPQ : hitsQP) = IntersectEdgesWithTriangles(kernels, p, q, i == 0); }, 2);
    return !stopped();
  }
  hitsPQ = IntersectEdgesWithTriangles(kernels, p, q, true);
  if (stopped()) return false;
  hitsQP = IntersectEdgesWithTriangles(kernels, p, q, false);
  return !stopped();
}

}  // namespace mos::kernel
