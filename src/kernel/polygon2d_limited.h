// The 2D operations with a cancel token and a vertex / memory budget
// (limits.h). They stop with status kCancelled or kTooLarge, an empty
// polygon and a diagnostic, never a crash; otherwise they return what the
// unlimited versions (polygon2d.h, offset2d.h) return.
#pragma once

#include <vector>

#include "kernel/hull_status.h"
#include "kernel/limits.h"
#include "kernel/offset2d.h"
#include "kernel/polygon2d.h"

namespace mos::kernel {

PolygonOpResult Boolean2d(const Polygon2d& a, const Polygon2d& b, BoolOp2d op, FillRule fillA, FillRule fillB,
                          const KernelLimits& limits);
PolygonOpResult Simplify2d(const Polygon2d& input, FillRule fill, const KernelLimits& limits);
PolygonOpResult UnionAll2d(const std::vector<Polygon2d>& parts, const KernelLimits& limits);
// Also checks the vertices the offset arcs would create before making them.
PolygonOpResult Offset2d(const Polygon2d& input, const OffsetOptions& options, const KernelLimits& limits);

namespace polygon2d_detail {
// The shared implementations; guard may be null (no limits).
Polygon2d Boolean2dGuarded(const Polygon2d& a, const Polygon2d& b, BoolOp2d op, FillRule fillA, FillRule fillB,
                           LimitGuard* guard);
Polygon2d UnionAll2dGuarded(const std::vector<Polygon2d>& parts, LimitGuard* guard);
PolygonOpResult Finish(Polygon2d polygon, const LimitGuard& guard);
}  // namespace polygon2d_detail

}  // namespace mos::kernel
