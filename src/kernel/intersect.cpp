#include "kernel/intersect.h"

#include <algorithm>
#include <utility>
#ifdef MOS_CHECK_EDGE_FILTER
#include <cstdlib>
#endif

#include "kernel/edge_plane_filter.h"

namespace mos::kernel {

void BroadPhaseEdgeTri(const BoolOperand& edgeMesh, const BoolOperand& triMesh,
                       std::vector<std::pair<int, int>>& pairs) {
  const BoolMeshView ev = edgeMesh.View();
  for (int he = 0; he < 3 * edgeMesh.NumTri(); ++he) {
    if (edgeMesh.twin[he] >= 0 && !ev.Forward(he)) continue;
    Box3 b;
    b.Include(edgeMesh.pos[ev.Start(he)]);
    b.Include(edgeMesh.pos[ev.End(he)]);
    triMesh.triBvh.ForEachOverlap(b, [&](int t) { pairs.emplace_back(he, t); });
  }
}

std::vector<EdgeTriHit> IntersectEdgesWithTriangles(const BoolKernels& kernels, const BoolOperand& p,
                                                    const BoolOperand& q, bool forward) {
  const BoolOperand& edgeMesh = forward ? p : q;
  const BoolOperand& triMesh = forward ? q : p;
  std::vector<std::pair<int, int>> pairs;
  BroadPhaseEdgeTri(edgeMesh, triMesh, pairs);
  std::vector<EdgeTriHit> hits;
  const BoolMeshView ev0 = edgeMesh.View();
  for (const auto& [he, t] : pairs) {
    // Most box-overlapping pairs of long triangles cross the plane outside
    // the triangle: skipped without the exact kernels (no hit either way).
    const auto& tv = triMesh.tri[t];
    if (EdgeClearlyMissesTriangle(edgeMesh.pos[ev0.Start(he)], edgeMesh.pos[ev0.End(he)],
                                  triMesh.pos[tv[0]], triMesh.pos[tv[1]], triMesh.pos[tv[2]])) {
#ifdef MOS_CHECK_EDGE_FILTER  // verification builds: a skipped pair must be no hit
      Vec3 unused{};
      if (kernels.Kernel12(he, t, forward, unused) != 0) std::abort();
#endif
      continue;
    }
    Vec3 point{};
    const int x = kernels.Kernel12(he, t, forward, point);
    if (x == 0) continue;
    // Kernel12's sign: forward, +1 where the P edge enters Q; reverse, +1
    // where the Q edge leaves P.
    hits.push_back(EdgeTriHit{he, t, forward ? x : -x, point});
  }
  const BoolMeshView ev = edgeMesh.View();
  std::sort(hits.begin(), hits.end(), [&](const EdgeTriHit& a, const EdgeTriHit& b) {
    if (a.edge != b.edge) return a.edge < b.edge;
    const Vec3 s = edgeMesh.pos[ev.Start(a.edge)];
    const Vec3 d = edgeMesh.pos[ev.End(a.edge)] - s;
    const double ta = Dot(a.pos - s, d);
    const double tb = Dot(b.pos - s, d);
    if (ta != tb) return ta < tb;
    return a.tri < b.tri;
  });
  return hits;
}

}  // namespace mos::kernel
