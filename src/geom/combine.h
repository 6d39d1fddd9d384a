// Combining the geometries of a node's children: booleans (n-ary, through
// the kernel), hull and minkowski, for 3D meshes and 2D polygon sets.
#pragma once

#include <string>
#include <vector>

#include "geom/geometry.h"
#include "kernel/limits.h"

namespace mos::geom {

enum class CombineOp { kUnion, kDifference, kIntersection, kHull, kMinkowski };

struct CombineContext {
  kernel::KernelLimits limits;
  uint32_t newProp = 0;  // property for new faces (hull, minkowski)
  std::vector<GeomMessage>* warnings = nullptr;
  std::vector<lang::SourceSpan> childSpans;  // one per child, for messages
};

// The children (empty ones included, as they matter for difference and
// intersection) combined by `op`. 2021.01's dimension rule: the first
// non-empty child decides; children of the other dimension are dropped with
// "Mixing 2D and 3D objects is not supported."
Geometry Combine(std::vector<Geometry> children, CombineOp op, const CombineContext& ctx);

}  // namespace mos::geom
