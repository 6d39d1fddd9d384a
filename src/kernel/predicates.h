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

  int Start(int he) const { return (*tri)[he / 3][he % 3]; }
  int End(int he) const { return (*tri)[he / 3][(he + 1) % 3]; }
  bool Forward(int he) const { return Start(he) < End(he); }
  // The canonical halfedge of he's edge.
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
Vec2 InterpolateYz(const Vec3& a, const Vec3& b, double x);

// Crossing in the XY plane of segment pL-pR with segment qL-qR, where pL/qL
// share one x and pR/qR share another.
Xyzz IntersectXy(const Vec3& pL, const Vec3& pR, const Vec3& qL, const Vec3& qR);

// The intersection kernels for a pair of meshes.
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

 private:
  BoolMeshView p_, q_;
  const std::vector<Vec3>* normalP_;
  double expandP_;
};

}  // namespace mos::kernel
