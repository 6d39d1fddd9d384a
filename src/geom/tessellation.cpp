#include "geom/tessellation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <utility>
#include <vector>

namespace mos::geom {
namespace {

using kernel::Mesh;
using kernel::Vec2;
using kernel::Vec3;

constexpr double kPi = 3.14159265358979323846;
constexpr double kTinyRadius = 1.0 / 1048576.0;  // 2^-20: 2021.01's fine grid

// sin of an angle in [0, 90] degrees; exact at 0, 30, 45, 90.
double SinFirstQuadrant(double x) {
  if (x == 0) return 0;
  if (x == 30) return 0.5;
  if (x == 45) return std::sqrt(0.5);
  if (x == 90) return 1;
  if (x < 45) return std::sin(x * kPi / 180);
  return std::cos((90 - x) * kPi / 180);
}

double ReduceDegrees(double x) {
  x = std::fmod(x, 360.0);
  if (x < 0) x += 360;
  return x;
}

void Finish(Mesh& mesh, uint32_t prop) {
  mesh.triProp.assign(mesh.triVerts.size(), prop);
  kernel::BuildHalfedges(mesh);
}

// Finish with the twins the builder knows from its own structure (a closed
// manifold's twins are unique, so they are BuildHalfedges'; its edge table
// cost ~190 instructions per triangle). -DMOS_CHECK_PRIMITIVE_TWINS compares
// them with BuildHalfedges; so does tessellation_test.
void FinishWithTwins(Mesh& mesh, uint32_t prop, std::vector<int> twin) {
  mesh.triProp.assign(mesh.triVerts.size(), prop);
  mesh.halfedgeTwin = std::move(twin);
#ifdef MOS_CHECK_PRIMITIVE_TWINS
  Mesh check = mesh;
  if (!kernel::BuildHalfedges(check) || check.halfedgeTwin != mesh.halfedgeTwin) std::abort();
#endif
}

void Pair(std::vector<int>& twin, int h, int g) {
  twin[h] = g;
  twin[g] = h;
}

// What AddFan knows of its triangles' twins: the pairs of halfedges
// between two of its triangles, and per ring position p the halfedge
// running ring[p] -> ring[(p+1) % k] (its twin lies outside the fan).
struct FanTwins {
  std::vector<std::array<int, 2>> inner;
  std::vector<int> ringHalf;
};

// Triangles over a convex ring of vertex ids (listed counter-clockwise as
// seen from outside): ears (r[i], r[i+1], r[i+2]) are cut off around the
// ring, then the same is done on the ring of the vertices kept, until a
// triangle is left. Unlike a fan from one vertex, whose long thin triangles
// all overlap each other's boxes, most triangles are small and near the
// rim, so a boolean of two coplanar caps (a tube: cylinder minus a coaxial
// cylinder) has few candidate pairs (O(n log n) instead of O(n^2)).
void AddFan(Mesh& mesh, const std::vector<int>& ring, FanTwins* twins = nullptr) {
  std::vector<int> cur = ring, next;
  // pend[m]: the halfedge already made that runs against edge m of the
  // current ring (cur[m] -> cur[m+1]); -1 - p for edge p of the first ring.
  std::vector<int> pend, nextPend;
  if (twins) {
    twins->inner.clear();
    twins->ringHalf.assign(ring.size(), -1);
    for (int p = 0; p < static_cast<int>(ring.size()); ++p) pend.push_back(-1 - p);
  }
  auto match = [&](int h, int p) {
    if (p >= 0) twins->inner.push_back({h, p});
    else twins->ringHalf[-1 - p] = h;
  };
  while (cur.size() > 3) {
    next.clear();
    nextPend.clear();
    size_t i = 0;
    for (; i + 2 < cur.size(); i += 2) {
      if (twins) {
        const int h = 3 * mesh.NumTri();
        match(h, pend[i]);
        match(h + 1, pend[i + 1]);
        nextPend.push_back(h + 2);  // cur[i+2] -> cur[i], against the next ring's edge
      }
      mesh.triVerts.push_back({cur[i], cur[i + 1], cur[i + 2]});
      next.push_back(cur[i]);
    }
    // The vertices the ears did not reach stay on the ring (one or two).
    for (; i < cur.size(); ++i) {
      next.push_back(cur[i]);
      if (twins) nextPend.push_back(pend[i]);
    }
    cur.swap(next);
    pend.swap(nextPend);
  }
  if (cur.size() == 3) {
    if (twins) {
      const int h = 3 * mesh.NumTri();
      for (int e = 0; e < 3; ++e) match(h + e, pend[e]);
    }
    mesh.triVerts.push_back({cur[0], cur[1], cur[2]});
  }
}

}  // namespace

int FragmentCount(double r, double fn, double fs, double fa) {
  if (!(r >= kTinyRadius)) return 3;
  // 2021.01 converts $fn to int; values an int cannot hold (inf, >= 2^31)
  // end up as 3 fragments there.
  if (fn > 0) return fn >= 3 && fn < 2147483648.0 ? static_cast<int>(fn) : 3;
  const double n = std::ceil(std::max(std::min(360.0 / fa, r * 2 * kPi / fs), 5.0));
  // Huge counts ($fs tiny, r huge) are bounded by the caller's vertex budget.
  return n < 2147483647.0 ? static_cast<int>(n) : 2147483647;
}

double SinDegrees(double degrees) {
  if (!std::isfinite(degrees)) return std::nan("");
  double x = ReduceDegrees(degrees);
  const bool negate = x >= 180;  // sin(x) = -sin(x - 180)
  if (negate) x -= 180;
  if (x > 90) x = 180 - x;
  const double s = SinFirstQuadrant(x);
  return negate ? -s : s;
}

double CosDegrees(double degrees) {
  if (!std::isfinite(degrees)) return std::nan("");
  double x = ReduceDegrees(degrees);
  bool negate = x >= 180;  // cos(x) = -cos(x - 180)
  if (negate) x -= 180;
  if (x > 90) {  // cos(x) = -cos(180 - x)
    x = 180 - x;
    negate = !negate;
  }
  const double c = SinFirstQuadrant(90 - x);
  return negate ? -c : c;
}

std::vector<Vec2> CirclePoints(double r, int n) {
  std::vector<Vec2> pts;
  pts.reserve(static_cast<size_t>(std::max(n, 0)));
  for (int i = 0; i < n; ++i) {
    const double phi = (360.0 * i) / n;
    pts.push_back({r * CosDegrees(phi), r * SinDegrees(phi)});
  }
  return pts;
}

Mesh CubeMesh(double sx, double sy, double sz, bool center, uint32_t prop) {
  Mesh mesh;
  if (!(sx > 0 && sy > 0 && sz > 0) || !std::isfinite(sx + sy + sz)) return mesh;
  const Vec3 lo = center ? Vec3{-sx / 2, -sy / 2, -sz / 2} : Vec3{0, 0, 0};
  const Vec3 hi = center ? Vec3{sx / 2, sy / 2, sz / 2} : Vec3{sx, sy, sz};
  mesh.vertPos.reserve(8);
  for (int i = 0; i < 8; ++i)
    mesh.vertPos.push_back({(i & 1) ? hi.x : lo.x, (i & 2) ? hi.y : lo.y, (i & 4) ? hi.z : lo.z});
  // Each face as a quad, counter-clockwise seen from outside, cut as AddFan
  // cuts a ring of four: (q0, q1, q2), (q0, q2, q3).
  const int quads[6][4] = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4},
                           {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
  mesh.triVerts.reserve(12);
  for (const auto& q : quads) {
    mesh.triVerts.push_back({q[0], q[1], q[2]});
    mesh.triVerts.push_back({q[0], q[2], q[3]});
  }
  Finish(mesh, prop);
  return mesh;
}

Mesh SphereMesh(double r, int fragments, uint32_t prop) {
  Mesh mesh;
  if (!(r > 0) || !std::isfinite(r) || fragments < 3) return mesh;
  const int rings = (fragments + 1) / 2;
  // Every ring is CirclePoints(ringR, fragments): ringR times the same
  // cosines and sines, computed once here (the same products, bit for bit).
  const std::vector<Vec2> unit = CirclePoints(1.0, fragments);
  mesh.vertPos.reserve(static_cast<size_t>(rings) * fragments);
  mesh.triVerts.reserve(2 * static_cast<size_t>(rings) * fragments);  // bands and caps
  // Ring i at polar angle 180*(i+0.5)/rings: no vertex at the poles.
  for (int i = 0; i < rings; ++i) {
    const double phi = (180.0 * (i + 0.5)) / rings;
    const double ringR = r * SinDegrees(phi);
    const double z = r * CosDegrees(phi);
    for (const Vec2& p : unit) mesh.vertPos.push_back({ringR * p.x, ringR * p.y, z});
  }
  auto id = [fragments](int ring, int j) { return ring * fragments + (j % fragments); };
  std::vector<int> top, bottom;
  for (int j = 0; j < fragments; ++j) {
    top.push_back(id(0, j));
    bottom.push_back(id(rings - 1, fragments - 1 - j));
  }
  FanTwins topFan, bottomFan;
  AddFan(mesh, top, &topFan);
  const int band = mesh.NumTri();  // T1(i, j) = band + 2 (i n + j), T2 = T1 + 1
  for (int i = 0; i + 1 < rings; ++i) {
    for (int j = 0; j < fragments; ++j) {
      const int a = id(i, j), b = id(i, j + 1), c = id(i + 1, j + 1), d = id(i + 1, j);
      mesh.triVerts.push_back({d, c, b});
      mesh.triVerts.push_back({d, b, a});
    }
  }
  AddFan(mesh, bottom, &bottomFan);
  // Twins: T1 = (d, c, b) has d->c (ring i+1), c->b (down the column j+1),
  // b->d (the diagonal); T2 = (d, b, a) has d->b, b->a (ring i), a->d.
  const int n = fragments;
  std::vector<int> twin(3 * static_cast<size_t>(mesh.NumTri()), -1);
  auto t1 = [&](int i, int j) { return 3 * (band + 2 * (i * n + j)); };  // its first halfedge
  auto t2 = [&](int i, int j) { return t1(i, j) + 3; };
  for (int i = 0; i + 1 < rings; ++i) {
    for (int j = 0; j < n; ++j) {
      Pair(twin, t1(i, j) + 2, t2(i, j));                   // the diagonal
      Pair(twin, t1(i, j) + 1, t2(i, j + 1 == n ? 0 : j + 1) + 2);  // column j+1
      if (i + 2 < rings) Pair(twin, t1(i, j), t2(i + 1, j) + 1);  // ring i+1
    }
  }
  // Top: ring[p] = (0, p); its edge p is the reverse of T2(0, p)'s b->a.
  for (const auto& e : topFan.inner) Pair(twin, e[0], e[1]);
  for (int p = 0; p < n; ++p) Pair(twin, topFan.ringHalf[p], t2(0, p) + 1);
  // Bottom: ring[p] = (R-1, n-1-p); edge p is the reverse of T1(R-2, j)'s
  // d->c with j = n-2-p (mod n).
  for (const auto& e : bottomFan.inner) Pair(twin, e[0], e[1]);
  for (int p = 0; p < n; ++p) Pair(twin, bottomFan.ringHalf[p], t1(rings - 2, (2 * n - 2 - p) % n));
  FinishWithTwins(mesh, prop, std::move(twin));
  return mesh;
}

Mesh CylinderMesh(double h, double r1, double r2, bool center, int fragments, uint32_t prop) {
  Mesh mesh;
  if (!(h > 0) || !(r1 >= 0) || !(r2 >= 0) || (r1 <= 0 && r2 <= 0) ||
      !std::isfinite(h + r1 + r2) || fragments < 3)
    return mesh;
  const double z1 = center ? -h / 2 : 0;
  const double z2 = center ? h / 2 : h;
  // Both rings from one set of cosines and sines (as in SphereMesh).
  const std::vector<Vec2> unit = CirclePoints(1.0, fragments);
  // Sized once (no regrowth): two rings, per ring a side and a cap triangle
  // per fragment at most.
  mesh.vertPos.reserve(2 * static_cast<size_t>(fragments));
  mesh.triVerts.reserve(4 * static_cast<size_t>(fragments));
  // A zero radius is one apex vertex.
  auto addRing = [&](double r, double z) {
    std::vector<int> ids;
    if (r <= 0) {
      ids.assign(fragments, mesh.NumVert());
      mesh.vertPos.push_back({0, 0, z});
      return ids;
    }
    for (const Vec2& p : unit) {
      ids.push_back(mesh.NumVert());
      mesh.vertPos.push_back({r * p.x, r * p.y, z});
    }
    return ids;
  };
  const std::vector<int> lower = addRing(r1, z1);
  const std::vector<int> upper = addRing(r2, z2);
  for (int j = 0; j < fragments; ++j) {
    const int k = (j + 1) % fragments;
    if (r1 > 0) mesh.triVerts.push_back({lower[j], lower[k], upper[k]});
    if (r2 > 0) mesh.triVerts.push_back({lower[j], upper[k], upper[j]});
  }
  FanTwins upperFan, lowerFan;
  if (r2 > 0) AddFan(mesh, upper, &upperFan);
  if (r1 > 0) AddFan(mesh, std::vector<int>(lower.rbegin(), lower.rend()), &lowerFan);
  // Twins. Per column j (k = j+1): A_j = (L_j, L_k, U_k) when r1 > 0, then
  // B_j = (L_j, U_k, U_j) when r2 > 0 (an apex: L or U one vertex).
  // A_j: L_j->L_k (lower ring), L_k->U_k (side k), U_k->L_j (diagonal);
  // B_j: L_j->U_k (diagonal), U_k->U_j (upper ring), U_j->L_j (side j).
  const int n = fragments;
  const int per = (r1 > 0 ? 1 : 0) + (r2 > 0 ? 1 : 0);
  std::vector<int> twin(3 * static_cast<size_t>(mesh.NumTri()), -1);
  auto a = [&](int j) { return 3 * per * j; };
  auto b = [&](int j) { return 3 * (per * j + per - 1); };
  for (int j = 0; j < n; ++j) {
    const int k = j + 1 == n ? 0 : j + 1;
    if (r1 > 0 && r2 > 0) {
      Pair(twin, a(j) + 2, b(j));      // the diagonal
      Pair(twin, a(j) + 1, b(k) + 2);  // side k
    } else if (r1 > 0) {
      Pair(twin, a(j) + 1, a(k) + 2);  // L_k -> apex against apex -> L_k
    } else {
      Pair(twin, b(j), b(k) + 2);  // apex -> U_k against U_k -> apex
    }
  }
  if (r2 > 0) {  // ring[p] = U_p: edge p is the reverse of B_p's U_{p+1} -> U_p
    for (const auto& e : upperFan.inner) Pair(twin, e[0], e[1]);
    for (int p = 0; p < n; ++p) Pair(twin, upperFan.ringHalf[p], b(p) + 1);
  }
  if (r1 > 0) {  // ring[p] = L_{n-1-p}: edge p reverses A_j's L_j -> L_{j+1}, j = n-2-p
    for (const auto& e : lowerFan.inner) Pair(twin, e[0], e[1]);
    for (int p = 0; p < n; ++p) Pair(twin, lowerFan.ringHalf[p], a((2 * n - 2 - p) % n));
  }
  FinishWithTwins(mesh, prop, std::move(twin));
  return mesh;
}

kernel::Polygon2d SquarePolygon(double sx, double sy, bool center) {
  kernel::Polygon2d poly;
  if (!(sx > 0 && sy > 0) || !std::isfinite(sx + sy)) return poly;
  const double x0 = center ? -sx / 2 : 0, y0 = center ? -sy / 2 : 0;
  poly.contours.push_back({{x0, y0}, {x0 + sx, y0}, {x0 + sx, y0 + sy}, {x0, y0 + sy}});
  return poly;
}

kernel::Polygon2d CirclePolygon(double r, int fragments) {
  kernel::Polygon2d poly;
  if (!(r > 0) || !std::isfinite(r) || fragments < 3) return poly;
  poly.contours.push_back(CirclePoints(r, fragments));
  return poly;
}

}  // namespace mos::geom
