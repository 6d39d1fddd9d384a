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

// The same two clear-miss tests for many edges against one triangle (the
// broad phase meets each candidate triangle with several edges): the
// triangle's plane and edge lines once, then a few products per edge.
// Margins from the triangle's own size m (the largest |component| of p1 - p0
// and p2 - p0), the largest coordinate `big` of the triangle and the edge,
// and for the crossing point also the edge's extent L: a skipped end is
// more than 3e-7 big from the plane (|n| <= 3 m^2), a skipped crossing more
// than 9e-8 big max(1, L / m) outside a triangle edge (|c| <= 10.4 m^3), far
// above the rounding of these products and of the crossing point (under
// 1e-8 L: the ends are clearly apart in plane distance). Trivially
// copyable, no initialisation (kept in bulk, made on first use).
struct TriangleMissTest {
  Vec3 p[3];      // the corners
  Vec3 e1, e2;    // p1 - p0, p2 - p0
  Vec3 n;        // Cross(e1, e2)
  double dn;     // Dot(n, p0)
  Vec3 c[3];     // Cross(n, p[i + 1] - p[i]): towards the inside, in the plane
  double dc[3];  // Dot(c[i], p[i])
  double big;    // the largest |coordinate| of the corners
  double m2;     // 1e-6 m^2
  double m;
  bool flatZ;    // the corners' z are equal (==)
};

inline double MaxAbs3(const Vec3& v) { return std::max({std::fabs(v.x), std::fabs(v.y), std::fabs(v.z)}); }

inline void MakeTriangleMissTest(const Vec3& p0, const Vec3& p1, const Vec3& p2, TriangleMissTest& t) {
  const Vec3 e1 = p1 - p0, e2 = p2 - p0;
  t.p[0] = p0;
  t.p[1] = p1;
  t.p[2] = p2;
  t.e1 = e1;
  t.e2 = e2;
  t.n = Cross(e1, e2);
  t.dn = Dot(t.n, p0);
  for (int i = 0; i < 3; ++i) {
    t.c[i] = Cross(t.n, t.p[i == 2 ? 0 : i + 1] - t.p[i]);
    t.dc[i] = Dot(t.c[i], t.p[i]);
  }
  t.big = std::max({MaxAbs3(p0), MaxAbs3(p1), MaxAbs3(p2)});
  t.m = std::max(MaxAbs3(e1), MaxAbs3(e2));
  t.m2 = 1e-6 * t.m * t.m;
  t.flatZ = p0.z == p1.z && p1.z == p2.z;
}

// EdgeMissesPreparedTriangle where an end is within `margin` of the plane
// (out of line: the rarer case). One end near the plane, the other
// clearly off: a hit lies where the edge is within the margin of the
// plane, on the piece from the near end to q, a fraction tau >= (margin +
// |s_near|) / |s_far - s_near| of the way (|s| >= |s_far - s_near| t -
// |s_near| beyond it); both ends of that piece clearly outside one
// triangle edge (a half-space) means no hit. Else -2.
[[gnu::noinline]] inline int EdgeNearPlaneMissesTriangle(const TriangleMissTest& t, const Vec3& a, const Vec3& b,
                                                         double sa, double sb, double margin, double extent) {
  const bool nearA = !(std::fabs(sa) > margin), nearB = !(std::fabs(sb) > margin);
  if (nearA == nearB) return -2;
  const double outMargin = margin * std::max(t.m, extent);
  if (!(outMargin >= 0x1p-900 && outMargin < 0x1p900)) return -2;
  const Vec3& nearEnd = nearA ? a : b;
  const Vec3& farEnd = nearA ? b : a;
  const double far = std::fabs(nearA ? sb : sa);
  const double tau = std::min(1.0, 4 * margin / (far - margin));
  const Vec3 q = nearEnd + (farEnd - nearEnd) * tau;
  for (int i = 0; i < 3; ++i)
    if (Dot(t.c[i], nearEnd) - t.dc[i] < -outMargin && Dot(t.c[i], q) - t.dc[i] < -outMargin) return 1;
  return -2;
}

// Edge (a, b) against a prepared triangle. `bigEdge`: the largest
// |coordinate| of a and b; `extent`: MaxAbs3(b - a). Returns 1 when the
// edge clearly misses (both ends clearly on one side of the plane, or it
// clearly crosses the plane clearly outside the triangle), 0 when it
// crosses the plane not clearly outside, -2 when an end is near the plane
// (then EdgeClearlyApartInPlane may still find them apart), -1 when
// undecided (a degenerate triangle, margins out of the normal range, NaN or
// infinity): then EdgeClearlyMissesTriangle decides.
inline int EdgeMissesPreparedTriangle(const TriangleMissTest& t, const Vec3& a, const Vec3& b, double bigEdge,
                                      double extent) {
  const double big = std::max(t.big, bigEdge);
  const double margin = t.m2 * big;
  const double sa = Dot(t.n, a) - t.dn, sb = Dot(t.n, b) - t.dn;
  if (!(margin >= 0x1p-900 && margin < 0x1p900 && std::isfinite(sa) && std::isfinite(sb))) return -1;
  if (!(std::fabs(sa) > margin && std::fabs(sb) > margin)) return EdgeNearPlaneMissesTriangle(t, a, b, sa, sb, margin, extent);
  if ((sa > 0) == (sb > 0)) return 1;
  const double outMargin = margin * std::max(t.m, extent);
  if (!(outMargin >= 0x1p-900 && outMargin < 0x1p900)) return -1;
  const Vec3 x = a + (b - a) * (sa / (sa - sb));
  for (int i = 0; i < 3; ++i)
    if (Dot(t.c[i], x) - t.dc[i] < -outMargin) return 1;
  return 0;
}

// Whether the edge (a, b) clearly misses the prepared triangle: the tests
// above, and what they leave undecided by EdgeClearlyApartInPlane (an end
// near the plane) or EdgeClearlyMissesTriangle.
inline bool EdgeClearlyMissesTriangle(const TriangleMissTest& t, const Vec3& a, const Vec3& b, double bigEdge,
                                      double extent) {
  const int miss = EdgeMissesPreparedTriangle(t, a, b, bigEdge, extent);
  if (miss >= 0) return miss != 0;
  if (miss == -2) return EdgeClearlyApartInPlane(a - t.p[0], b - t.p[0], t.e1, t.e2, t.n, std::max(t.big, bigEdge));
  return EdgeClearlyMissesTriangle(a, b, t.p[0], t.p[1], t.p[2]);
}

}  // namespace mos::kernel
