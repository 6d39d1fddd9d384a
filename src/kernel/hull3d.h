// 3D convex hull by Quickhull (C. B. Barber, D. P. Dobkin, H. Huhdanpaa,
// "The Quickhull algorithm for convex hulls", ACM TOMS 22(4), 1996).
#pragma once

#include <cstdint>
#include <vector>

#include "kernel/hull_status.h"
#include "kernel/limits.h"
#include "kernel/mesh.h"
#include "kernel/vec.h"

namespace mos::kernel {

struct Hull3dResult {
  HullStatus status = HullStatus::kEmpty;
  // kOk: closed, manifold, outward-oriented triangles (halfedgeTwin filled);
  // coplanar hull faces are merged into one convex polygon and re-triangulated,
  // so no vertex lies inside a face or on an edge. Otherwise empty.
  Mesh mesh;
  // kPlanar: the flat hull polygon (CCW about `planarNormal`, no collinear
  // points). OpenSCAD 2021.01 turns coplanar hull() input into such a
  // one-sided polygon, which is not a solid; our kernel keeps only closed
  // meshes, so the caller decides (it is empty for booleans).
  std::vector<Vec3> planarPolygon;
  Vec3 planarNormal;
  // Why the operation stopped (kCancelled, kTooLarge), else empty.
  KernelDiagnostic diagnostic;
};

// The exact convex hull of the points (exact orientation signs, see
// hull3d.cpp). Non-finite points and points beyond 1e150 are ignored; exact
// duplicates are merged. Every triangle gets property `prop`.
Hull3dResult ConvexHull3d(const std::vector<Vec3>& points,
                          const KernelLimits& limits = {}, uint32_t prop = 0);

}  // namespace mos::kernel
