// Cheap tests before the edge/triangle kernel (Kernel12) of a boolean: true
// when an edge clearly misses a triangle: both ends clearly on one side of
// its plane, or the edge clearly crossing the plane clearly outside the
// triangle. Margins are far above floating-point error (relative 1e-6 of
// the largest coordinate times the pair's size), so only clear misses are
// skipped; everything near a tie is left to the exact kernels. An edge on
// or near the plane is skipped when its shadow is clearly apart from the
// triangle's (EdgeClearlyApartInPlane).
#pragma once

#include <algorithm>
#include <cmath>

#include "kernel/vec.h"

namespace mos::kernel {

// Whether the edge (a, b) and the triangle (0, e1, e2), all relative to
// the triangle's first corner, are clearly apart seen along the axis the
// triangle's normal n is closest to: a point where the edge met the
// triangle would lie in both shadows. For an edge on or near the
// triangle's plane (a coplanar cap fan against a cube face), where the
// side test cannot decide. Separating lines: the triangle's three edges
// and the edge's own line.
// `scale`: the largest coordinate; a clear gap is wider than 1e-6 of it.
inline bool EdgeClearlyApartInPlane(const Vec3& a, const Vec3& b, const Vec3& e1, const Vec3& e2, const Vec3& n,
                                    double scale) {
  const double ax = std::fabs(n.x), ay = std::fabs(n.y), az = std::fabs(n.z);
  const int k = ax > ay && ax > az ? 0 : (ay > az ? 1 : 2);
  if (!(std::fabs(n[k]) > 0)) return false;  // degenerate triangle
  const int u = (k + 1) % 3, v = (k + 2) % 3;  // cyclic: the shadow's area is n[k]
  const double sign = n[k] > 0 ? 1.0 : -1.0;  // orientation of the shadow (u, v)
  const double tol = 1e-6 * scale;
  auto cross = [&](double px, double py, double qx, double qy) { return px * qy - py * qx; };
  const double pu[3] = {0, e1[u], e2[u]}, pv[3] = {0, e1[v], e2[v]};
  for (int i = 0; i < 3; ++i) {
    const int j = i == 2 ? 0 : i + 1;
    const double ex = pu[j] - pu[i], ey = pv[j] - pv[i];
    // Both ends clearly outside this edge of the (counter-clockwise) shadow.
    if (sign * cross(ex, ey, a[u] - pu[i], a[v] - pv[i]) < -tol * std::max(std::fabs(ex), std::fabs(ey)) &&
        sign * cross(ex, ey, b[u] - pu[i], b[v] - pv[i]) < -tol * std::max(std::fabs(ex), std::fabs(ey)))
      return true;
  }
  const double dx = b[u] - a[u], dy = b[v] - a[v];
  const double t = tol * std::max(std::fabs(dx), std::fabs(dy));
  int above = 0, below = 0;
  for (int i = 0; i < 3; ++i) {
    const double c = cross(dx, dy, pu[i] - a[u], pv[i] - a[v]);
    above += c > t;
    below += c < -t;
  }
  return above == 3 || below == 3;  // the triangle clearly on one side of the edge's line
}

inline bool EdgeClearlyMissesTriangle(const Vec3& a, const Vec3& b, const Vec3& p0, const Vec3& p1,
                                      const Vec3& p2) {
  const Vec3 e1 = p1 - p0, e2 = p2 - p0, da = a - p0, db = b - p0;
  const Vec3 n = Cross(e1, e2);
  const double sa = Dot(n, da), sb = Dot(n, db);
  auto maxAbs = [](const Vec3& v) { return std::max({std::fabs(v.x), std::fabs(v.y), std::fabs(v.z)}); };
  const double m = std::max({maxAbs(e1), maxAbs(e2), maxAbs(da), maxAbs(db)});
  const double big = std::max({maxAbs(a), maxAbs(b), maxAbs(p0), maxAbs(p1), maxAbs(p2), m});
  const double margin = 1e-6 * big * m * m;
  if (!(std::fabs(sa) > margin && std::fabs(sb) > margin)) return EdgeClearlyApartInPlane(da, db, e1, e2, n, big);
  if ((sa > 0) == (sb > 0)) return true;  // both ends on one side
  // The crossing point, and the side of each triangle edge it is on.
  const Vec3 x = a + (b - a) * (sa / (sa - sb));
  const Vec3 p[3] = {p0, p1, p2};
  const double outMargin = margin * m;
  for (int i = 0; i < 3; ++i) {
    const Vec3 e = p[(i + 1) % 3] - p[i];
    if (Dot(Cross(n, e), x - p[i]) < -outMargin) return true;
  }
  return false;
}

}  // namespace mos::kernel
