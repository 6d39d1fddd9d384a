// A certificate that the cleanup's flat-vertex test keeps a vertex, so a
// vertex examined again after a neighbour's collapse need not walk its fan.
//
// The test (Cleaner::CollapseColinear) walks a vertex's fan and groups the
// triangles' unit normals into at most two planes: a normal joins the last
// plane whose representative (the first normal of that plane) it meets
// with Dot > cosTol, else starts a plane; a third plane, a degenerate
// triangle (normal length not > 0) or a second property in a plane keeps
// the vertex. Which triangle ends the walk depends on where it starts, but
// whether the vertex is kept does not when the fan holds a degenerate
// triangle (the walk reaches it unless it stops earlier, keeping the vertex
// either way), or three normals no grouping can put two of into one plane.
#pragma once

#include "kernel/vec.h"

namespace mos::kernel::cleanup_detail {

// Whether unit normals a and b can never join one plane of the grouping:
// with e = 1 - cosTol, two normals within acos(cosTol) of one
// representative are within twice that angle of each other, so
// 1 - Dot(a, b) < 2 (1 - c^2) <= 4 e (c = cos of the angle to the
// representative; a representative itself is within e). Twice that, plus
// the rounding of a dot product of almost-unit vectors, is asked for.
// False for a coarse tolerance (e >= 1e-3), where the bound is not worth
// keeping, and for NaN.
inline bool NeverOnePlane(const Vec3& a, const Vec3& b, double cosTol) {
  const double e = 1 - cosTol;
  if (!(e >= 0 && e < 1e-3)) return false;
  return 1 - Dot(a, b) > 8 * e + 1e-13;
}

// Three normals, pairwise NeverOnePlane: any grouping needs three planes.
inline bool ThreePlanesApart(const Vec3& a, const Vec3& b, const Vec3& c, double cosTol) {
  return NeverOnePlane(a, b, cosTol) && NeverOnePlane(a, c, cosTol) && NeverOnePlane(b, c, cosTol);
}

}  // namespace mos::kernel::cleanup_detail
