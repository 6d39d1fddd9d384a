#include "kernel/winding.h"

#include <cmath>
#include <numeric>

namespace mos::kernel {

namespace {
int Find(std::vector<int>& parent, int v) {
  int root = v;
  while (parent[root] != root) root = parent[root];
  while (parent[v] != root) {
    const int next = parent[v];
    parent[v] = root;
    v = next;
  }
  return root;
}
}  // namespace

std::vector<int> WindingNumbers(const BoolKernels& kernels, const BoolOperand& p, const BoolOperand& q,
                                bool forward, const std::vector<EdgeTriHit>& hits) {
  const BoolOperand& vertMesh = forward ? p : q;
  const BoolOperand& triMesh = forward ? q : p;
  const BoolMeshView view = vertMesh.View();
  const int numHe = 3 * vertMesh.NumTri();
  std::vector<char> crossed(numHe, 0);
  for (const EdgeTriHit& h : hits) crossed[h.edge] = 1;
  std::vector<int> parent(vertMesh.NumVert());
  std::iota(parent.begin(), parent.end(), 0);
  for (int he = 0; he < numHe; ++he) {
    if (!view.Forward(he) || crossed[he]) continue;
    const int a = Find(parent, view.Start(he));
    const int b = Find(parent, view.End(he));
    if (a != b) parent[a] = b;
  }
  std::vector<int> winding(vertMesh.NumVert(), 0);
  std::vector<char> done(vertMesh.NumVert(), 0);
  for (int v = 0; v < vertMesh.NumVert(); ++v) {
    const int root = Find(parent, v);
    if (!done[root]) {
      const Vec3& pt = vertMesh.pos[root];
      int sum = 0;
      auto count = [&](int t) {
        double z = 0;
        bool overlap = false;
        sum += kernels.Kernel02(root, t, forward, z, overlap);
      };
      if (forward) {
        triMesh.triBvh.ForEachAlongPlusZ(pt, count);
      } else {
        Box3 ray;
        ray.Include(pt);
        ray.min.z = -INFINITY;
        triMesh.triBvh.ForEachOverlap(ray, count);
      }
      winding[root] = -sum;
      done[root] = 1;
    }
    winding[v] = winding[root];
  }
  return winding;
}

}  // namespace mos::kernel
