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

namespace {

// The signed count of crossings of vertMesh's vertex v's ray (+Z forward,
// -Z reverse) with triMesh, negated: v's winding number.
int RayWinding(const BoolKernels& kernels, const BoolOperand& vertMesh, const BoolOperand& triMesh, bool forward,
               int v) {
  const Vec3& pt = vertMesh.pos[v];
  int sum = 0;
  auto count = [&](int t) {
    const auto& tv = triMesh.tri[t];
#ifdef MOS_CHECK_WINDOW  // verification builds: the kernel reads no normal the window left out
    for (int w : tv)
      if (!(triMesh.vertNormal[w].x == triMesh.vertNormal[w].x)) std::abort();
    if (!(vertMesh.vertNormal[v].x == vertMesh.vertNormal[v].x)) std::abort();
#endif
    // Most triangles a ray's box query returns (a cap fan around the
    // ray) have the vertex clearly outside their shadow: no crossing.
    if (ClearlyOutsideShadowXY(pt, triMesh.pos[tv[0]], triMesh.pos[tv[1]], triMesh.pos[tv[2]])) {
#ifdef MOS_CHECK_EDGE_FILTER  // verification builds: a skipped triangle must count nothing
      double zc = 0;
      bool oc = false;
      if (kernels.Kernel02(v, t, forward, zc, oc) != 0) std::abort();
#endif
      return;
    }
    double z = 0;
    bool overlap = false;
    sum += kernels.Kernel02(v, t, forward, z, overlap);
  };
  if (forward) {
    triMesh.triBvh.ForEachAlongPlusZ(pt, count);
  } else {
    Box3 ray;
    ray.Include(pt);
    ray.min.z = -INFINITY;
    triMesh.triBvh.ForEachOverlap(ray, count);
  }
  return -sum;
}

// Every vertex's component (union-find over the uncrossed edges), one ray
// per component from its root.
std::vector<int> WindingByComponents(const BoolKernels& kernels, const BoolOperand& vertMesh,
                                     const BoolOperand& triMesh, bool forward, const std::vector<char>& crossed) {
  const BoolMeshView view = vertMesh.View();
  const int numHe = 3 * vertMesh.NumTri();
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
      winding[root] = RayWinding(kernels, vertMesh, triMesh, forward, root);
      done[root] = 1;
    }
    winding[v] = winding[root];
  }
  return winding;
}

// The same for a closed triMesh, which winds 0 times around a point
// outside its box (a ray from there meets it as often going in as coming
// out; the kernels' decisions on shared edges agree): those vertices have
// winding 0, and so has every vertex joined to one of them by uncrossed
// edges. Only the rest (inside the box, so in the window where the meshes'
// boxes meet) are joined by union-find, and each of their components
// that reaches no vertex outside casts one ray, which meets only
// triangles in the window's XY column (all a windowed triMesh has).
std::vector<int> WindingInsideBox(const BoolKernels& kernels, const BoolOperand& vertMesh,
                                  const BoolOperand& triMesh, bool forward, const std::vector<char>& crossed) {
  const int nv = vertMesh.NumVert();
  std::vector<int> winding(nv, 0);
  std::vector<int> inside;
  for (int v = 0; v < nv; ++v)
    if (triMesh.box.Contains(vertMesh.pos[v])) inside.push_back(v);
  if (inside.empty()) return winding;
  // parent[v] is meaningful for inside vertices only; `outer` marks a
  // vertex joined to an outside one by an uncrossed edge.
  std::vector<int> parent(nv, -1);
  for (int v : inside) parent[v] = v;
  std::vector<char> outer(nv, 0);
  const BoolMeshView view = vertMesh.View();
  auto visit = [&](int he) {
    if (!view.Forward(he) || crossed[he]) return;
    const int s = view.Start(he), e = view.End(he);
    const bool sIn = parent[s] >= 0, eIn = parent[e] >= 0;
    if (sIn && eIn) {
      const int a = Find(parent, s);
      const int b = Find(parent, e);
      if (a != b) parent[a] = b;
    } else if (sIn) {
      outer[s] = 1;
    } else if (eIn) {
      outer[e] = 1;
    }
  };
  // Every edge with an end inside lies in a triangle of the window's
  // column, when the vertex mesh is windowed.
  if (vertMesh.windowed) {
    for (int t : vertMesh.windowTris)
      for (int he = 3 * t; he < 3 * t + 3; ++he) visit(he);
  } else {
    for (int he = 0; he < 3 * vertMesh.NumTri(); ++he) visit(he);
  }
  for (int v : inside)
    if (outer[v]) outer[Find(parent, v)] = 1;
  std::vector<char> done(nv, 0);
  for (int v : inside) {
    const int root = Find(parent, v);
    if (!done[root]) {
      winding[root] = outer[root] ? 0 : RayWinding(kernels, vertMesh, triMesh, forward, root);
      done[root] = 1;
    }
    winding[v] = winding[root];
  }
  return winding;
}

}  // namespace

std::vector<int> WindingNumbers(const BoolKernels& kernels, const BoolOperand& p, const BoolOperand& q,
                                bool forward, const std::vector<EdgeTriHit>& hits) {
  const BoolOperand& vertMesh = forward ? p : q;
  const BoolOperand& triMesh = forward ? q : p;
  std::vector<char> crossed(3 * static_cast<size_t>(vertMesh.NumTri()), 0);
  for (const EdgeTriHit& h : hits) crossed[h.edge] = 1;
  if (!(triMesh.closed && p.noNan && q.noNan)) return WindingByComponents(kernels, vertMesh, triMesh, forward, crossed);
  std::vector<int> winding = WindingInsideBox(kernels, vertMesh, triMesh, forward, crossed);
#ifdef MOS_CHECK_WINDOW  // verification builds: a ray from every component's root agrees
  if (!triMesh.windowed && WindingByComponents(kernels, vertMesh, triMesh, forward, crossed) != winding) std::abort();
#endif
  return winding;
}

}  // namespace mos::kernel
