// One-axis geometric predicates with symbolic perturbation, and the
// intersection kernels built from them (J. Smith, "Towards robust inexact
// geometric computation", UCAM-CL-TR-766, 2009, ch. 4; the same structure
// as the Manifold library's boolean, reimplemented).
//
// Only mesh P is perturbed: each of its vertices moves an infinitesimal
// distance `expandP` along its pseudo-normal (union: +1, outward; difference
// and intersection: -1, inward). Every decision is `a < b` along one axis; an
// exact tie is decided by the sign of the perturbation. Every shared
// sub-decision is taken on the canonical (forward, start < end) halfedge so
// all callers agree, which is what makes the resulting topology consistent.
#pragma once

#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

// True when p lies below q along an axis; on a tie, when the perturbation of
// p's side (dir) moves it down.
inline bool Shadows(double p, double q, double dir) { return p == q ? dir < 0 : p < q; }

// Read-only view of one boolean operand: positions, triangles, twins.
struct BoolMeshView {
  const std::vector<Vec3>* pos = nullptr;
  const std::vector<std::array<int, 3>>* tri = nullptr;
  const std::vector<int>* twin = nullptr;

  // (Unsigned arithmetic: halfedges are never negative, and it divides
  // by 3 with fewer instructions.)
  int Start(int he) const {
    const unsigned u = static_cast<unsigned>(he);
    return (*tri)[u / 3][u % 3];
  }
  int End(int he) const {
    const unsigned u = static_cast<unsigned>(he);
    const unsigned corner = u % 3;
    return (*tri)[u / 3][corner == 2 ? 0 : corner + 1];
  }
  bool Forward(int he) const { return Start(he) < End(he); }
  // The canonical halfedge of he's edge (he itself when unpaired, so an
  // open input cannot index out of range).
  int Canonical(int he) const {
    const int tw = (*twin)[he];
    return Forward(he) || tw < 0 ? he : tw;
  }
  const Vec3& Pos(int v) const { return (*pos)[v]; }
};

struct Xyzz {
  double x, y, zP, zQ;  // crossing point in XY, z of the P and the Q edge there
};

// Linear interpolation of (y, z) along segment a-b at coordinate x, from
// the nearer endpoint to limit rounding. NaN-free: degenerate spans return b.
// (This and IntersectXy are defined here so the kernels inline them: the
// call was a fifth of a Shadow01.)
inline Vec2 InterpolateYz(const Vec3& a, const Vec3& b, double x) {
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

// Crossing in the XY plane of segment pL-pR with segment qL-qR, where pL/qL
// share one x and pR/qR share another.
inline Xyzz IntersectXy(const Vec3& pL, const Vec3& pR, const Vec3& qL, const Vec3& qR) {
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

// One Shadow01 answer (see BoolKernels::Shadow01): sign, whether the x
// ranges overlap, and the edge's (y, z) at the vertex's x when they do.
struct ShadowResult {
  int s = 0;
  bool overlap = false;
  Vec2 yz{};
};

// One Kernel02 answer: sign, overlap, and the triangle's z when overlapping.
struct Kernel02Result {
  int s = 0;
  bool overlap = false;
  double z = 0;
};

// One Kernel11 answer: sign, overlap, and the crossing when overlapping.
struct Kernel11Result {
  int s = 0;
  bool overlap = false;
  Xyzz xyzz{};
};

// The intersection kernels for a pair of meshes.
//
// Each composite kernel is also offered as a `...From` function that takes
// the answers of the kernels it is built from, so a caller may compute a
// sub-answer shared by neighbouring pairs once (SharedKernel12); the plain
// form calls the same function with freshly computed answers, so both give
// the same bits.
class BoolKernels {
 public:
  BoolKernels(BoolMeshView p, BoolMeshView q, const std::vector<Vec3>* normalP, double expandP)
      : p_(p), q_(q), normalP_(normalP), expandP_(expandP) {}

  // Vertex vs edge along x, then y: sign (+1 edge runs towards +x) when the
  // vertex's x is within the edge's x range and the vertex lies below the
  // edge in y. `vertInQ`: the vertex is Q's and the edge P's. `overlap` is
  // set when the x ranges overlap (then yz holds the edge's y,z at that x).
  int Shadow01(int vert, int edge, bool vertInQ, Vec2& yz, bool& overlap) const;

  // P edge vs Q edge (both canonical): crossing sign of their XY shadows
  // (+1 when the P edge crosses the Q edge from its right to its left),
  // nonzero only when the P edge passes below the Q edge in z.
  int Kernel11(int edgeP, int edgeQ, Xyzz& xyzz, bool& overlap) const;

  // Vertex vs triangle: signed inside-count of the vertex's XY position,
  // nonzero only when the vertex is below (forward: P vertex, Q triangle) or
  // above (reverse: Q vertex, P triangle) the triangle. z = triangle's z.
  int Kernel02(int vert, int tri, bool forward, double& z, bool& overlap) const;

  // Edge vs triangle (forward: P edge, Q triangle; else Q edge, P triangle):
  // integer crossing sign and the crossing point.
  int Kernel12(int edge, int tri, bool forward, Vec3& point) const;

  // (The answers are passed by pointer: a caller that keeps them passes
  // them without copies.)
  // Shadow01 of a vertex on the edge from edgeStart to edgeEnd (the
  // edge's vertex ids, start first, in the other mesh).
  ShadowResult Shadow01(int vert, int edgeStart, int edgeEnd, bool vertInQ) const;
  // Kernel11 of the P edge pv[0] -> pv[1] and the Q edge qv[0] -> qv[1]
  // (vertex ids) from Shadow01(pv[i], Q edge, false) and
  // Shadow01(qv[i], P edge, true).
  Kernel11Result Kernel11From(const int (&pv)[2], const int (&qv)[2], const ShadowResult* const (&pvShadow)[2],
                              const ShadowResult* const (&qvShadow)[2]) const;
  // Kernel02 from Shadow01(vert, heF[i], !forward), where heF[i] is the
  // canonical halfedge of the triangle's halfedge 3 tri + i.
  Kernel02Result Kernel02From(int vert, int tri, bool forward, const int (&heF)[3],
                              const ShadowResult* const (&edges)[3]) const;
  // Kernel12 of the edge ev[0] -> ev[1] (vertex ids) from Kernel02 of its
  // ends against tri and Kernel11 of the edge with heF[i] (P edge first).
  int Kernel12From(const int (&ev)[2], int tri, bool forward, const int (&heF)[3], const Kernel02Result (&ends)[2],
                   const Kernel11Result* const (&edges)[3], Vec3& point) const;

  const BoolMeshView& P() const { return p_; }
  const BoolMeshView& Q() const { return q_; }
  // P's perturbation: its vertices move expandP * normalP[v] (symbolically).
  const std::vector<Vec3>& NormalP() const { return *normalP_; }
  double ExpandP() const { return expandP_; }

 private:
  BoolMeshView p_, q_;
  const std::vector<Vec3>* normalP_;
  double expandP_;
};

}  // namespace mos::kernel

#include "kernel/predicates_inline.h"  // IWYU pragma: export
