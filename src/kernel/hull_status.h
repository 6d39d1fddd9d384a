// Outcome of hull, minkowski and section operations.
#pragma once

#include "kernel/limits.h"
#include "kernel/mesh.h"
#include "kernel/polygon2d.h"

namespace mos::kernel {

enum class HullStatus {
  kOk,         // a valid result (for 3D: closed, outward-oriented, manifold)
  kEmpty,      // fewer than 3 distinct points, or all collinear: no solid
  kPlanar,     // all points coplanar: no solid (see Hull3dResult)
  kCancelled,  // the cancel token was set (KernelLimits::cancel)
  kTooLarge,   // the vertex or memory budget would be exceeded
};

// A finished 3D result (closed, manifold, outward; empty unless kOk).
struct MeshOpResult {
  HullStatus status = HullStatus::kOk;
  Mesh mesh;
  KernelDiagnostic diagnostic;  // when stopped
};

// A finished 2D result in Polygon2d's canonical form (outer CCW, holes CW).
struct PolygonOpResult {
  HullStatus status = HullStatus::kOk;
  Polygon2d polygon;
  KernelDiagnostic diagnostic;  // when stopped
};

}  // namespace mos::kernel
