#include "geom/clipper_grid.h"

#include <utility>

#include "geom/clipper_clean.h"
#include "geom/clipper_order.h"
#include "geom/rounding_check.h"
#include "kernel/grid_snap.h"
#include "kernel/section.h"

namespace mos::geom {
namespace {

bool OnGrid(const kernel::Polygon2d& polygon) {
  for (const auto& c : polygon.contours)
    for (const kernel::Vec2& p : c)
      if (kernel::RoundToClipperGrid(p.x) != p.x || kernel::RoundToClipperGrid(p.y) != p.y)
        return false;
  return true;
}

}  // namespace

kernel::Polygon2d ClipperOperand(const kernel::Polygon2d& polygon) {
  return kernel::TruncateToClipperGrid(polygon);
}

std::vector<kernel::Polygon2d> ClipperOperands(const std::vector<kernel::Polygon2d>& polygons) {
  std::vector<kernel::Polygon2d> out;
  out.reserve(polygons.size());
  for (const auto& p : polygons) out.push_back(ClipperOperand(p));
  return out;
}

kernel::Polygon2d ClipperResult(kernel::Polygon2d polygon,
                                const std::vector<const kernel::Polygon2d*>& operands,
                                bool endAtLowest) {
  if (!OnGrid(polygon)) {
    kernel::Polygon2d rounded = kernel::RoundToClipperGrid(polygon);
    // Re-simplifying is a no-op when rounding kept the topology (proved
    // cheaply); contour order and start are ClipperOrder's either way.
    if (endAtLowest && RoundingKeepsTopology(polygon, rounded))
      polygon = std::move(rounded);
    else
      polygon = kernel::Simplify2d(rounded, kernel::FillRule::kNonZero);
  }
  // Clipper's result first, then 2021.01's cleanup of it.
  return CleanAsClipper(ClipperOrder(std::move(polygon), operands, endAtLowest));
}

kernel::Polygon2d SanitizedPolygon(const kernel::Polygon2d& raw) {
  const kernel::Polygon2d operand = ClipperOperand(raw);
  return ClipperResult(kernel::Simplify2d(operand, kernel::FillRule::kEvenOdd), {&operand});
}

kernel::PolygonOpResult SnappedShadow(const kernel::Mesh& mesh, const kernel::KernelLimits& limits) {
  // 2021.01 truncated every projected triangle and unioned them. The exact
  // shadow truncated afterwards has the same vertices (they are mesh
  // vertices but for rare silhouette crossings). Clipper's cleanup also
  // removes the zig-zag a silhouette edge gets from double-rounded mesh
  // vertices on it (points of a boolean on a vertical wall).
  kernel::PolygonOpResult out = kernel::ProjectShadow(mesh, limits);
  if (out.status != kernel::HullStatus::kOk || out.polygon.contours.empty()) return out;
  out.polygon = CleanAsClipper(
      ClipperOrder(kernel::Simplify2d(ClipperOperand(out.polygon), kernel::FillRule::kPositive), {}));
  return out;
}

}  // namespace mos::geom
