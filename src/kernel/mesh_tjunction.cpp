// Closing small gaps: a vertex that lies on (within epsilon of) the interior
// of a boundary edge splits that edge's triangle, so both sides of the crack
// end up sharing edges.
#include <algorithm>
#include <cmath>

#include "kernel/bvh.h"
#include "kernel/mesh_repair_steps.h"

namespace mos::kernel::repair {

namespace {

constexpr int kMaxPasses = 8;  // each pass splits each triangle along one edge

// Halfedges on edges used by exactly one triangle.
std::vector<int> BoundaryHalfedges(const Mesh& mesh) {
  std::vector<int> out;
  const auto uses = SortedEdgeUses(mesh);
  for (size_t i = 0; i < uses.size();) {
    size_t j = i;
    while (j < uses.size() && uses[j].key == uses[i].key) ++j;
    if (j - i == 1) out.push_back(uses[i].halfedge);
    i = j;
  }
  return out;
}

struct Hit {
  double t;  // parameter along the edge
  int vert;
};

int OnePass(Mesh& mesh, double epsilon, LimitGuard& guard) {
  const std::vector<int> boundary = BoundaryHalfedges(mesh);
  if (boundary.empty()) return 0;
  std::vector<Box3> boxes(boundary.size());
  std::vector<int> boundaryVerts;
  for (size_t k = 0; k < boundary.size(); ++k) {
    const Vec3 a = mesh.vertPos[HalfedgeStart(mesh, boundary[k])];
    const Vec3 b = mesh.vertPos[HalfedgeEnd(mesh, boundary[k])];
    boxes[k] = Box3::FromPoints(a, b);
    boxes[k].min -= Vec3{epsilon, epsilon, epsilon};
    boxes[k].max += Vec3{epsilon, epsilon, epsilon};
    boundaryVerts.push_back(HalfedgeStart(mesh, boundary[k]));
    boundaryVerts.push_back(HalfedgeEnd(mesh, boundary[k]));
  }
  std::sort(boundaryVerts.begin(), boundaryVerts.end());
  boundaryVerts.erase(std::unique(boundaryVerts.begin(), boundaryVerts.end()), boundaryVerts.end());
  const Bvh bvh(boxes);
  // Vertices lying on each boundary edge's interior.
  std::vector<std::vector<Hit>> hits(boundary.size());
  const double eps2 = epsilon * epsilon;
  for (int v : boundaryVerts) {
    const Vec3 p = mesh.vertPos[v];
    bvh.ForEachContaining(p, [&](int k) {
      const int a = HalfedgeStart(mesh, boundary[k]), b = HalfedgeEnd(mesh, boundary[k]);
      if (v == a || v == b) return;
      const Vec3 pa = mesh.vertPos[a], pb = mesh.vertPos[b];
      const Vec3 d = pb - pa;
      const double len2 = Dot(d, d);
      if (len2 == 0) return;
      const double t = Dot(p - pa, d) / len2;
      if (!(t > 0 && t < 1)) return;
      const Vec3 closest = pa + d * t;
      const double dist2 = LengthSquared(p - closest);
      // Strictly inside: not within epsilon of either end (those weld).
      if (dist2 <= eps2 && LengthSquared(p - pa) > eps2 && LengthSquared(p - pb) > eps2)
        hits[k].push_back({t, v});
    });
  }
  // Split each triangle along at most one of its edges per pass.
  std::vector<char> triSplit(mesh.triVerts.size(), 0);
  int inserted = 0;
  const int originalTris = mesh.NumTri();
  for (size_t k = 0; k < boundary.size(); ++k) {
    if (hits[k].empty()) continue;
    const int h = boundary[k];
    const int t = h / 3;
    if (t >= originalTris || triSplit[t]) continue;
    if (!guard.Check(mesh.NumVert(), EstimateBytes(mesh))) break;
    triSplit[t] = 1;
    auto& hk = hits[k];
    std::sort(hk.begin(), hk.end(), [](const Hit& x, const Hit& y) { return x.t < y.t; });
    const int a = HalfedgeStart(mesh, h), b = HalfedgeEnd(mesh, h);
    const int c = mesh.triVerts[t][(h % 3 + 2) % 3];
    const uint32_t prop = mesh.triProp[t];
    // Fan from c over a, v1, ..., vk, b (same orientation as a, b, c).
    std::vector<int> chain{a};
    for (const Hit& hit : hk)
      if (hit.vert != chain.back()) chain.push_back(hit.vert);
    chain.push_back(b);
    mesh.triVerts[t] = {chain[0], chain[1], c};
    for (size_t s = 1; s + 1 < chain.size(); ++s) {
      mesh.triVerts.push_back({chain[s], chain[s + 1], c});
      mesh.triProp.push_back(prop);
    }
    inserted += static_cast<int>(chain.size()) - 2;
  }
  return inserted;
}

}  // namespace

int CloseTJunctions(Mesh& mesh, double epsilon, LimitGuard& guard) {
  int total = 0;
  for (int pass = 0; pass < kMaxPasses && !guard.Stopped(); ++pass) {
    const int inserted = OnePass(mesh, epsilon, guard);
    if (inserted == 0) break;
    total += inserted;
  }
  return total;
}

}  // namespace mos::kernel::repair
