// The kernels of kernel/predicates.h that the shared evaluation
// (SharedKernel12) calls for every pair, defined inline so they are
// compiled into their callers (a call and its argument arrays were a
// tenth of a pair's work). Included by predicates.h only.
#pragma once

#include <cmath>
#include <utility>
#include <vector>

namespace mos::kernel {

namespace predicates_detail {
inline double Dist2(const Vec3& a, const Vec3& b) {
  const Vec3 d = a - b;
  return Dot(d, d);
}
}  // namespace predicates_detail

inline ShadowResult BoolKernels::Shadow01(int vert, int vs, int ve, bool vertInQ) const {
  const std::vector<Vec3>& nP = *normalP_;
  ShadowResult out;
  if (!vertInQ) {
    const Vec3& v = p_.Pos(vert);
    const Vec3& es = q_.Pos(vs);
    const Vec3& ee = q_.Pos(ve);
    const double dir = expandP_ * nP[vert].x;
    const int s = static_cast<int>(Shadows(v.x, ee.x, dir)) - static_cast<int>(Shadows(v.x, es.x, dir));
    out.overlap = s != 0;
    if (!out.overlap) return out;
    out.yz = InterpolateYz(es, ee, v.x);
    out.s = Shadows(v.y, out.yz.x, expandP_ * nP[vert].y) ? s : 0;
  } else {
    const Vec3& v = q_.Pos(vert);
    const Vec3& es = p_.Pos(vs);
    const Vec3& ee = p_.Pos(ve);
    const int s = static_cast<int>(Shadows(es.x, v.x, expandP_ * nP[vs].x)) -
                  static_cast<int>(Shadows(ee.x, v.x, expandP_ * nP[ve].x));
    out.overlap = s != 0;
    if (!out.overlap) return out;
    out.yz = InterpolateYz(es, ee, v.x);
    const bool nearerStart = predicates_detail::Dist2(es, v) < predicates_detail::Dist2(ee, v);
    const double dir = nearerStart ? nP[vs].y : nP[ve].y;
    out.s = Shadows(out.yz.x, v.y, expandP_ * dir) ? s : 0;
  }
  return out;
}

inline Kernel11Result BoolKernels::Kernel11From(const int (&pv)[2], const int (&qv)[2],
                                         const ShadowResult* const (&pvShadow)[2],
                                         const ShadowResult* const (&qvShadow)[2]) const {
  Kernel11Result out;
  Vec3 pRL[2] = {};
  Vec3 qRL[2] = {};
  int k = 0;
  bool shadows = false;
  int s = 0;
  for (int i = 0; i < 2; ++i) {
    const ShadowResult& sh = *pvShadow[i];
    if (!sh.overlap) continue;
    const int s01 = sh.s;
    s += s01 * (i == 0 ? 1 : -1);
    if (k < 2 && (k == 0 || (s01 != 0) != shadows)) {
      shadows = s01 != 0;
      pRL[k] = p_.Pos(pv[i]);
      qRL[k] = {pRL[k].x, sh.yz.x, sh.yz.y};
      ++k;
    }
  }
  for (int i = 0; i < 2; ++i) {
    const ShadowResult& sh = *qvShadow[i];
    if (!sh.overlap) continue;
    const int s10 = sh.s;
    s += s10 * (i == 0 ? 1 : -1);
    if (k < 2 && (k == 0 || (s10 != 0) != shadows)) {
      shadows = s10 != 0;
      qRL[k] = q_.Pos(qv[i]);
      pRL[k] = {qRL[k].x, sh.yz.x, sh.yz.y};
      ++k;
    }
  }
  out.overlap = s != 0;
  if (!out.overlap) return out;
  if (k < 2) {  // cannot happen with consistent predicates; stay finite
    pRL[1] = pRL[0];
    qRL[1] = qRL[0];
  }
  out.xyzz = IntersectXy(pRL[0], pRL[1], qRL[0], qRL[1]);
  const Xyzz& xyzz = out.xyzz;
  const Vec3 at{xyzz.x, xyzz.y, xyzz.zP};
  const std::vector<Vec3>& nP = *normalP_;
  const bool nearerStart = predicates_detail::Dist2(p_.Pos(pv[0]), at) < predicates_detail::Dist2(p_.Pos(pv[1]), at);
  const double dir = nearerStart ? nP[pv[0]].z : nP[pv[1]].z;
  out.s = Shadows(xyzz.zP, xyzz.zQ, expandP_ * dir) ? s : 0;
  return out;
}

inline Kernel02Result BoolKernels::Kernel02From(int vert, int tri, bool forward, const int (&heF)[3],
                                         const ShadowResult* const (&edges)[3]) const {
  Kernel02Result out;
  const BoolMeshView& triMesh = forward ? q_ : p_;
  const Vec3& pos = forward ? p_.Pos(vert) : q_.Pos(vert);
  int s = 0;
  int k = 0;
  bool shadows = false;
  Vec3 yzz[2] = {};
  int closest = -1;
  double minMetric = INFINITY;
  for (int i = 0; i < 3; ++i) {
    if (!forward) {
      const int tv = triMesh.Start(heF[i]);
      const double metric = predicates_detail::Dist2(pos, triMesh.Pos(tv));
      if (closest < 0 || metric < minMetric) {
        minMetric = metric;
        closest = tv;
      }
    }
    const ShadowResult& sh = *edges[i];
    if (!sh.overlap) continue;
    const int s01 = sh.s;
    s += s01 * (3 * tri + i == heF[i] ? 1 : -1);
    if (k < 2 && (k == 0 || (s01 != 0) != shadows)) {
      shadows = s01 != 0;
      yzz[k++] = {sh.yz.x, sh.yz.y, sh.yz.y};
    }
  }
  out.overlap = s != 0;
  if (!out.overlap) return out;
  if (k < 2) yzz[1] = yzz[0];
  const double z = InterpolateYz(yzz[0], yzz[1], pos.y).x;
  out.z = z;
  const std::vector<Vec3>& nP = *normalP_;
  if (forward) {
    out.s = Shadows(pos.z, z, expandP_ * nP[vert].z) ? s : 0;
  } else {
    out.s = Shadows(z, pos.z, expandP_ * nP[closest].z) ? s : 0;
  }
  return out;
}

inline int BoolKernels::Kernel12From(const int (&ev)[2], int tri, bool forward, const int (&heF)[3],
                              const Kernel02Result (&ends)[2], const Kernel11Result* const (&edges)[3],
                              Vec3& point) const {
  const BoolMeshView& edgeMesh = forward ? p_ : q_;
  int x = 0;
  int k = 0;
  bool shadows = false;
  Vec3 xzy0[2] = {};  // the edge, coordinates (x, z, y)
  Vec3 xzy1[2] = {};  // the triangle
  for (int i = 0; i < 2; ++i) {
    const Kernel02Result& r = ends[i];
    if (!r.overlap) continue;
    const int s = r.s;
    x += s * ((i == 0) == forward ? 1 : -1);
    if (k < 2 && (k == 0 || (s != 0) != shadows)) {
      shadows = s != 0;
      const Vec3& v = edgeMesh.Pos(ev[i]);
      xzy0[k] = {v.x, v.z, v.y};
      xzy1[k] = xzy0[k];
      xzy1[k].y = r.z;
      ++k;
    }
  }
  for (int i = 0; i < 3; ++i) {
    const Kernel11Result& r = *edges[i];
    if (!r.overlap) continue;
    const int s = r.s;
    const Xyzz& xyzz = r.xyzz;
    // The shadow crossing is P's edge crossing Q's; for a Q edge entering a
    // P triangle that is the opposite sense, hence the sign by direction.
    x += (forward ? -s : s) * (3 * tri + i == heF[i] ? 1 : -1);
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
