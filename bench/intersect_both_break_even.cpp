// The break-even of IntersectBothWays' gate (src/kernel/intersect_both.h):
// the wall time of a boolean's two intersection directions, serial and on
// two threads (best and median of 61 rounds), for sphere pairs of growing
// size. Run it on an idle machine:
//     build/bench/mos_bench_intersect_both
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "kernel/assemble.h"
#include "kernel/boolean_operand.h"
#include "kernel/intersect.h"
#include "kernel/intersect_both.h"
#include "kernel/limits.h"
#include "kernel/mesh_primitives.h"

int main() {
  using namespace mos::kernel;
  using Clock = std::chrono::steady_clock;
  for (const int seg : {8, 12, 16, 20, 24, 32, 40, 48, 64, 96, 128}) {
    const Mesh a = MakeUvSphere({0, 0, 0}, 10, seg), b = MakeUvSphere({5, 2, 1}, 9, seg);
    BoolOperand p, q;
    if (!PrepareOperandPair(a, b, p, q)) return 1;
    const BoolKernels kernels(p.View(), q.View(), &p.vertNormal, false);
    std::vector<double> us[2];
    for (int round = 0; round < 61; ++round) {
      for (int mode = 0; mode < 2; ++mode) {
        KernelLimits limits;
        limits.threads = mode == 0 ? 1 : 2;
        LimitGuard guard(limits, "bench");
        std::vector<EdgeTriHit> pq, qp;
        const auto t0 = Clock::now();
        IntersectBothWays(kernels, p, q, &guard, pq, qp, 0);  // gate 0: two threads when allowed
        us[mode].push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
      }
    }
    for (auto& v : us) std::sort(v.begin(), v.end());
    std::printf("triangles %6d: serial %8.1f us (median %8.1f), two threads %8.1f us (median %8.1f)\n",
                p.triBvh.NumItems() + q.triBvh.NumItems(), us[0][0], us[0][30], us[1][0], us[1][30]);
  }
  return 0;
}
