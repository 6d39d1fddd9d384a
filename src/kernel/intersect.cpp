#include "kernel/intersect.h"

#include <algorithm>
#include <utility>

namespace mos::kernel {

namespace {
BoolBox TriBox(const BoolOperand& m, int t) {
  BoolBox b;
  for (int i = 0; i < 3; ++i) b.Add(m.pos[m.tri[t][i]]);
  return b;
}
}  // namespace

void BroadPhaseEdgeTri(const BoolOperand& edgeMesh, const BoolOperand& triMesh,
                       std::vector<std::pair<int, int>>& pairs) {
  const BoolMeshView ev = edgeMesh.View();
  std::vector<std::pair<BoolBox, int>> edges;
  for (int he = 0; he < 3 * edgeMesh.NumTri(); ++he) {
    if (edgeMesh.twin[he] >= 0 && !ev.Forward(he)) continue;
    BoolBox b;
    b.Add(edgeMesh.pos[ev.Start(he)]);
    b.Add(edgeMesh.pos[ev.End(he)]);
    if (!b.Overlaps(triMesh.box)) continue;
    edges.emplace_back(b, he);
  }
  std::vector<std::pair<BoolBox, int>> tris;
  for (int t = 0; t < triMesh.NumTri(); ++t) {
    BoolBox b = TriBox(triMesh, t);
    if (!b.Overlaps(edgeMesh.box)) continue;
    tris.emplace_back(b, t);
  }
  auto byLoX = [](const std::pair<BoolBox, int>& a, const std::pair<BoolBox, int>& b) {
    return a.first.lo.x < b.first.lo.x;
  };
  std::sort(edges.begin(), edges.end(), byLoX);
  std::sort(tris.begin(), tris.end(), byLoX);
  // Sweep: for every edge, the triangles starting at or before its end in x
  // that have not ended before its start.
  std::vector<int> active;  // indices into tris
  size_t next = 0;
  for (const auto& [ebox, he] : edges) {
    while (next < tris.size() && tris[next].first.lo.x <= ebox.hi.x) active.push_back(static_cast<int>(next++));
    size_t keep = 0;
    for (size_t i = 0; i < active.size(); ++i) {
      const auto& [tbox, t] = tris[active[i]];
      if (tbox.hi.x < ebox.lo.x) continue;  // ends before every later edge starts
      active[keep++] = active[i];
      if (tbox.Overlaps(ebox)) pairs.emplace_back(he, t);
    }
    active.resize(keep);
  }
}

std::vector<EdgeTriHit> IntersectEdgesWithTriangles(const BoolKernels& kernels, const BoolOperand& p,
                                                    const BoolOperand& q, bool forward) {
  const BoolOperand& edgeMesh = forward ? p : q;
  const BoolOperand& triMesh = forward ? q : p;
  std::vector<std::pair<int, int>> pairs;
  BroadPhaseEdgeTri(edgeMesh, triMesh, pairs);
  std::vector<EdgeTriHit> hits;
  for (const auto& [he, t] : pairs) {
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
