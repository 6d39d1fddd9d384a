#include "kernel/intersect.h"

#include <algorithm>
#include <utility>
#if defined(MOS_CHECK_EDGE_FILTER) || defined(MOS_CHECK_SHARED_KERNELS)
#include <cstdlib>
#include <cstring>
#endif

#include "kernel/edge_plane_filter.h"
#include "kernel/shared_kernel12.h"

namespace mos::kernel {

namespace {

Box3 EdgeBox(const BoolOperand& mesh, const BoolMeshView& view, int he) {
  Box3 b;
  b.Include(mesh.pos[view.Start(he)]);
  b.Include(mesh.pos[view.End(he)]);
  return b;
}

bool Canonical(const BoolOperand& mesh, const BoolMeshView& view, int he) {
  return mesh.twin[he] < 0 || view.Forward(he);
}

}  // namespace

void BroadPhaseEdgeTri(const BoolOperand& edgeMesh, const BoolOperand& triMesh,
                       std::vector<std::pair<int, int>>& pairs) {
  const BoolMeshView ev = edgeMesh.View();
  const Bvh& triBvh = triMesh.triBvh;
  if (!edgeMesh.noNan || !triMesh.noNan) {
    // A NaN coordinate: a box need not hold its parts' boxes, so only the
    // query per edge is sure to find every pair its box test finds.
    for (int he = 0; he < 3 * edgeMesh.NumTri(); ++he) {
      if (!Canonical(edgeMesh, ev, he)) continue;
      triBvh.ForEachOverlap(EdgeBox(edgeMesh, ev, he), [&](int t) { pairs.emplace_back(he, t); });
    }
    return;
  }
  // The same pairs in the same order, skipping the triangles whose box
  // misses the other mesh's box (found by one query of the edge mesh's
  // tree): their edges' boxes, inside theirs, miss it too.
  const int numTri = edgeMesh.NumTri();
  std::vector<char> near(static_cast<size_t>(numTri), 0);
  edgeMesh.triBvh.ForEachOverlap(triBvh.RootBox(), [&](int t) { near[t] = 1; });
  for (int t = 0; t < numTri; ++t) {
    if (!near[t]) continue;
    for (int he = 3 * t; he < 3 * t + 3; ++he) {
      if (!Canonical(edgeMesh, ev, he)) continue;
      triBvh.ForEachOverlap(EdgeBox(edgeMesh, ev, he), [&](int tri) { pairs.emplace_back(he, tri); });
    }
  }
}

std::vector<EdgeTriHit> IntersectEdgesWithTriangles(const BoolKernels& kernels, const BoolOperand& p,
                                                    const BoolOperand& q, bool forward) {
  const BoolOperand& edgeMesh = forward ? p : q;
  const BoolOperand& triMesh = forward ? q : p;
  std::vector<std::pair<int, int>> pairs;
  BroadPhaseEdgeTri(edgeMesh, triMesh, pairs);
  const BoolMeshView ev0 = edgeMesh.View();
  // The pairs by their edge's start vertex (a stable counting sort, so the
  // pairs of one edge stay together): the kernels then share the start
  // vertex's answers across its edges (SharedKernel12).
  std::vector<int> order(pairs.size());
  {
    std::vector<int> first(edgeMesh.pos.size() + 1, 0);
    for (const auto& pr : pairs) ++first[ev0.Start(pr.first) + 1];
    for (size_t v = 1; v < first.size(); ++v) first[v] += first[v - 1];
    for (size_t i = 0; i < pairs.size(); ++i) order[first[ev0.Start(pairs[i].first)]++] = static_cast<int>(i);
  }
  SharedKernel12 shared(kernels, forward);
  std::vector<std::pair<int, EdgeTriHit>> found;  // (pair index, hit)
  for (const int i : order) {
    const auto& [he, t] = pairs[i];
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
    const int x = shared.Kernel12(he, t, point);
#ifdef MOS_CHECK_SHARED_KERNELS  // verification builds: sharing changes no bit
    Vec3 plainPoint{};
    if (kernels.Kernel12(he, t, forward, plainPoint) != x ||
        (x != 0 && std::memcmp(&plainPoint, &point, sizeof point) != 0))
      std::abort();
#endif
    if (x == 0) continue;
    // Kernel12's sign: forward, +1 where the P edge enters Q; reverse, +1
    // where the Q edge leaves P.
    found.emplace_back(i, EdgeTriHit{he, t, forward ? x : -x, point});
  }
  // Back in the broad phase's order, so the sort below sees the same input.
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<EdgeTriHit> hits;
  hits.reserve(found.size());
  for (const auto& f : found) hits.push_back(f.second);
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
