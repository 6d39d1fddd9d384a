#include "kernel/winding.h"

#include <algorithm>
#include <cmath>
#if defined(MOS_CHECK_EDGE_FILTER) || defined(MOS_CHECK_WINDOW)
#include <cstdlib>
#endif
#include <numeric>

namespace mos::kernel {

namespace {

// Whether p's XY position is clearly outside the triangle's XY shadow (a
// gap wider than 1e-6 of the largest coordinate, far above rounding): then
// the vertex/triangle kernel counts no crossing, whatever the
// perturbation. Separating lines: the shadow's box sides and the lines
// through its edges (the triangle may be vertical: a segment shadow).
bool ClearlyOutsideShadowXY(const Vec3& p, const Vec3& a, const Vec3& b, const Vec3& c) {
  const double big = std::max({std::fabs(p.x), std::fabs(p.y), std::fabs(a.x), std::fabs(a.y), std::fabs(b.x),
                               std::fabs(b.y), std::fabs(c.x), std::fabs(c.y)});
  const double tol = 1e-6 * big;
  if (p.x < std::min({a.x, b.x, c.x}) - tol || p.x > std::max({a.x, b.x, c.x}) + tol ||
      p.y < std::min({a.y, b.y, c.y}) - tol || p.y > std::max({a.y, b.y, c.y}) + tol)
    return true;
  const Vec3* v[3] = {&a, &b, &c};
  for (int i = 0; i < 3; ++i) {
    const Vec3& s = *v[i];
    const Vec3& e = *v[(i + 1) % 3];
    const Vec3& o = *v[(i + 2) % 3];
    const double ex = e.x - s.x, ey = e.y - s.y;
    const double m = tol * std::max(std::fabs(ex), std::fabs(ey));
    // Along the edge's normal the shadow spans [min(0, co), max(0, co)].
    const double co = ex * (o.y - s.y) - ey * (o.x - s.x);
    const double cp = ex * (p.y - s.y) - ey * (p.x - s.x);
    if (cp < std::min(0.0, co) - m || cp > std::max(0.0, co) + m) return true;
  }
  return false;
}

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
  // A closed mesh winds 0 times around a point outside its box (the ray
  // meets it as often going in as coming out: the kernels' decisions on
  // shared edges agree), so such a point casts no ray; a windowed triMesh
  // needs this, as its tree holds only the window's column.
  const bool outsideIsZero = triMesh.closed && p.noNan && q.noNan;
  for (int v = 0; v < vertMesh.NumVert(); ++v) {
    const int root = Find(parent, v);
    if (!done[root]) {
      const Vec3& pt = vertMesh.pos[root];
      int sum = 0;
      auto count = [&](int t) {
        const auto& tv = triMesh.tri[t];
#ifdef MOS_CHECK_WINDOW  // verification builds: the kernel reads no normal the window left out
        for (int w : tv)
          if (!(triMesh.vertNormal[w].x == triMesh.vertNormal[w].x)) std::abort();
        if (!(vertMesh.vertNormal[root].x == vertMesh.vertNormal[root].x)) std::abort();
#endif
        // Most triangles a ray's box query returns (a cap fan around the
        // ray) have the vertex clearly outside their shadow: no crossing.
        if (ClearlyOutsideShadowXY(pt, triMesh.pos[tv[0]], triMesh.pos[tv[1]], triMesh.pos[tv[2]])) {
#ifdef MOS_CHECK_EDGE_FILTER  // verification builds: a skipped triangle must count nothing
          double zc = 0;
          bool oc = false;
          if (kernels.Kernel02(root, t, forward, zc, oc) != 0) std::abort();
#endif
          return;
        }
        double z = 0;
        bool overlap = false;
        sum += kernels.Kernel02(root, t, forward, z, overlap);
      };
      auto cast = [&] {
        if (forward) {
          triMesh.triBvh.ForEachAlongPlusZ(pt, count);
        } else {
          Box3 ray;
          ray.Include(pt);
          ray.min.z = -INFINITY;
          triMesh.triBvh.ForEachOverlap(ray, count);
        }
      };
      if (!outsideIsZero || triMesh.box.Contains(pt)) {
        cast();
      } else {
#ifdef MOS_CHECK_WINDOW  // verification builds: the ray would have counted 0
        if (!triMesh.windowed) {
          cast();
          if (sum != 0) std::abort();
        }
#endif
      }
      winding[root] = -sum;
      done[root] = 1;
    }
    winding[v] = winding[root];
  }
  return winding;
}

}  // namespace mos::kernel
