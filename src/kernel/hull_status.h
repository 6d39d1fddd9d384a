// Outcome of hull, minkowski and section operations.
#pragma once

namespace mos::kernel {

enum class HullStatus {
  kOk,         // a valid result (for 3D: closed, outward-oriented, manifold)
  kEmpty,      // fewer than 3 distinct points, or all collinear: no solid
  kPlanar,     // all points coplanar: no solid (see Hull3dResult)
  kCancelled,  // the cancel token was set (KernelLimits::cancel)
  kTooLarge,   // the vertex or memory budget would be exceeded
};

}  // namespace mos::kernel
