// Intersection kernels from one-axis predicates (Smith 2009, ch. 4).
#include "kernel/predicates.h"

#include <cmath>
#include <utility>

namespace mos::kernel {

Vec2 InterpolateYz(const Vec3& a, const Vec3& b, double x) {
  const double span = b.x - a.x;
  if (span == 0) return {b.y, b.z};
  const double dxL = x - a.x;
  const double dxR = x - b.x;
  const bool useL = std::fabs(dxL) < std::fabs(dxR);
  const double lambda = (useL ? dxL : dxR) / span;
  if (!std::isfinite(lambda)) return {b.y, b.z};
  const Vec3& base = useL ? a : b;
  return {base.y + lambda * (b.y - a.y), base.z + lambda * (b.z - a.z)};
}

Xyzz IntersectXy(const Vec3& pL, const Vec3& pR, const Vec3& qL, const Vec3& qR) {
  const double dyL = qL.y - pL.y;
  const double dyR = qR.y - pR.y;
  const bool useL = std::fabs(dyL) < std::fabs(dyR);
  double lambda = (useL ? dyL : dyR) / (dyL - dyR);
  if (!std::isfinite(lambda)) lambda = 0;
  Xyzz out{};
  out.x = (useL ? pL.x : pR.x) + lambda * (pR.x - pL.x);
  const double pDy = pR.y - pL.y;
  const double qDy = qR.y - qL.y;
  const bool useP = std::fabs(pDy) < std::fabs(qDy);
  const double yBase = useL ? (useP ? pL.y : qL.y) : (useP ? pR.y : qR.y);
  out.y = yBase + lambda * (useP ? pDy : qDy);
  out.zP = (useL ? pL.z : pR.z) + lambda * (pR.z - pL.z);
  out.zQ = (useL ? qL.z : qR.z) + lambda * (qR.z - qL.z);
  return out;
}

namespace {
double Dist2(const Vec3& a, const Vec3& b) {
  const Vec3 d = a - b;
  return Dot(d, d);
}
}  // namespace

int BoolKernels::Shadow01(int vert, int edge, bool vertInQ, Vec2& yz, bool& overlap) const {
  const std::vector<Vec3>& nP = *normalP_;
  int s = 0;
  if (!vertInQ) {
    const Vec3& v = p_.Pos(vert);
    const Vec3& es = q_.Pos(q_.Start(edge));
    const Vec3& ee = q_.Pos(q_.End(edge));
    const double dir = expandP_ * nP[vert].x;
    s = static_cast<int>(Shadows(v.x, ee.x, dir)) - static_cast<int>(Shadows(v.x, es.x, dir));
    overlap = s != 0;
    if (!overlap) return 0;
    yz = InterpolateYz(es, ee, v.x);
    if (!Shadows(v.y, yz.x, expandP_ * nP[vert].y)) s = 0;
  } else {
    const Vec3& v = q_.Pos(vert);
    const int vs = p_.Start(edge);
    const int ve = p_.End(edge);
    const Vec3& es = p_.Pos(vs);
    const Vec3& ee = p_.Pos(ve);
    s = static_cast<int>(Shadows(es.x, v.x, expandP_ * nP[vs].x)) -
        static_cast<int>(Shadows(ee.x, v.x, expandP_ * nP[ve].x));
    overlap = s != 0;
    if (!overlap) return 0;
    yz = InterpolateYz(es, ee, v.x);
    const double dir = Dist2(es, v) < Dist2(ee, v) ? nP[vs].y : nP[ve].y;
    if (!Shadows(yz.x, v.y, expandP_ * dir)) s = 0;
  }
  return s;
}

int BoolKernels::Kernel11(int edgeP, int edgeQ, Xyzz& xyzz, bool& overlap) const {
  Vec3 pRL[2] = {};
  Vec3 qRL[2] = {};
  int k = 0;
  bool shadows = false;
  int s = 0;
  const int pv[2] = {p_.Start(edgeP), p_.End(edgeP)};
  for (int i = 0; i < 2; ++i) {
    Vec2 yz{};
    bool ov = false;
    const int s01 = Shadow01(pv[i], edgeQ, false, yz, ov);
    if (!ov) continue;
    s += s01 * (i == 0 ? 1 : -1);
    if (k < 2 && (k == 0 || (s01 != 0) != shadows)) {
      shadows = s01 != 0;
      pRL[k] = p_.Pos(pv[i]);
      qRL[k] = {pRL[k].x, yz.x, yz.y};
      ++k;
    }
  }
  const int qv[2] = {q_.Start(edgeQ), q_.End(edgeQ)};
  for (int i = 0; i < 2; ++i) {
    Vec2 yz{};
    bool ov = false;
    const int s10 = Shadow01(qv[i], edgeP, true, yz, ov);
    if (!ov) continue;
    s += s10 * (i == 0 ? 1 : -1);
    if (k < 2 && (k == 0 || (s10 != 0) != shadows)) {
      shadows = s10 != 0;
      qRL[k] = q_.Pos(qv[i]);
      pRL[k] = {qRL[k].x, yz.x, yz.y};
      ++k;
    }
  }
  overlap = s != 0;
  if (!overlap) return 0;
  if (k < 2) {  // cannot happen with consistent predicates; stay finite
    pRL[1] = pRL[0];
    qRL[1] = qRL[0];
  }
  xyzz = IntersectXy(pRL[0], pRL[1], qRL[0], qRL[1]);
  const Vec3 at{xyzz.x, xyzz.y, xyzz.zP};
  const std::vector<Vec3>& nP = *normalP_;
  const double dir = Dist2(p_.Pos(pv[0]), at) < Dist2(p_.Pos(pv[1]), at) ? nP[pv[0]].z : nP[pv[1]].z;
  if (!Shadows(xyzz.zP, xyzz.zQ, expandP_ * dir)) s = 0;
  return s;
}

int BoolKernels::Kernel02(int vert, int tri, bool forward, double& z, bool& overlap) const {
  const BoolMeshView& triMesh = forward ? q_ : p_;
  const Vec3& pos = forward ? p_.Pos(vert) : q_.Pos(vert);
  int s = 0;
  int k = 0;
  bool shadows = false;
  Vec3 yzz[2] = {};
  int closest = -1;
  double minMetric = INFINITY;
  for (int i = 0; i < 3; ++i) {
    const int he = 3 * tri + i;
    const int heF = triMesh.Canonical(he);
    if (!forward) {
      const int tv = triMesh.Start(heF);
      const double metric = Dist2(pos, triMesh.Pos(tv));
      if (closest < 0 || metric < minMetric) {
        minMetric = metric;
        closest = tv;
      }
    }
    Vec2 yz{};
    bool ov = false;
    const int s01 = Shadow01(vert, heF, !forward, yz, ov);
    if (!ov) continue;
    s += s01 * (he == heF ? 1 : -1);
    if (k < 2 && (k == 0 || (s01 != 0) != shadows)) {
      shadows = s01 != 0;
      yzz[k++] = {yz.x, yz.y, yz.y};
    }
  }
  overlap = s != 0;
  if (!overlap) return 0;
  if (k < 2) yzz[1] = yzz[0];
  z = InterpolateYz(yzz[0], yzz[1], pos.y).x;
  const std::vector<Vec3>& nP = *normalP_;
  if (forward) {
    if (!Shadows(pos.z, z, expandP_ * nP[vert].z)) s = 0;
  } else {
    if (!Shadows(z, pos.z, expandP_ * nP[closest].z)) s = 0;
  }
  return s;
}

int BoolKernels::Kernel12(int edge, int tri, bool forward, Vec3& point) const {
  const BoolMeshView& edgeMesh = forward ? p_ : q_;
  const BoolMeshView& triMesh = forward ? q_ : p_;
  int x = 0;
  int k = 0;
  bool shadows = false;
  Vec3 xzy0[2] = {};  // the edge, coordinates (x, z, y)
  Vec3 xzy1[2] = {};  // the triangle
  const int ev[2] = {edgeMesh.Start(edge), edgeMesh.End(edge)};
  for (int i = 0; i < 2; ++i) {
    double z = 0;
    bool ov = false;
    const int s = Kernel02(ev[i], tri, forward, z, ov);
    if (!ov) continue;
    x += s * ((i == 0) == forward ? 1 : -1);
    if (k < 2 && (k == 0 || (s != 0) != shadows)) {
      shadows = s != 0;
      const Vec3& v = edgeMesh.Pos(ev[i]);
      xzy0[k] = {v.x, v.z, v.y};
      xzy1[k] = xzy0[k];
      xzy1[k].y = z;
      ++k;
    }
  }
  for (int i = 0; i < 3; ++i) {
    const int he = 3 * tri + i;
    const int heF = triMesh.Canonical(he);
    Xyzz xyzz{};
    bool ov = false;
    const int s = forward ? Kernel11(edge, heF, xyzz, ov) : Kernel11(heF, edge, xyzz, ov);
    if (!ov) continue;
    // The shadow crossing is P's edge crossing Q's; for a Q edge entering a
    // P triangle that is the opposite sense, hence the sign by direction.
    x += (forward ? -s : s) * (he == heF ? 1 : -1);
    if (k < 2 && (k == 0 || (s != 0) != shadows)) {
      shadows = s != 0;
      xzy0[k] = {xyzz.x, xyzz.zP, xyzz.y};
      xzy1[k] = xzy0[k];
      xzy1[k].y = xyzz.zQ;
      if (!forward) std::swap(xzy0[k].y, xzy1[k].y);
      ++k;
    }
  }
  if (x == 0) return 0;
  if (k < 2) {
    xzy0[1] = xzy0[0];
    xzy1[1] = xzy1[0];
  }
  const Xyzz xzyy = IntersectXy(xzy0[0], xzy0[1], xzy1[0], xzy1[1]);
  point = {xzyy.x, xzyy.zP, xzyy.y};
  return x;
}

}  // namespace mos::kernel
