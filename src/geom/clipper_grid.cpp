#include "geom/clipper_grid.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "geom/clipper_clean.h"
#include "geom/clipper_order.h"
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

// Removes vertices that make a sliver (under two grid units high) with
// their neighbours, until none is left. Double-rounded mesh vertices on a
// silhouette edge (points of a boolean on a vertical wall) make zig-zag
// spikes along that edge, which 2021.01's exactly computed mesh does not
// have; a real vertex of a shadow is rarely that close to its neighbours'
// line.
void DropSubGridVertices(kernel::Contour& c) {
  constexpr double kUnit = 2 / kernel::kClipperGridScale;
  bool changed = true;
  for (int pass = 0; changed && c.size() > 3 && pass < 64; ++pass) {
    changed = false;
    kernel::Contour kept;
    kept.reserve(c.size());
    const size_t n = c.size();
    for (size_t i = 0; i < n; ++i) {
      const kernel::Vec2 a = kept.empty() ? c[(i + n - 1) % n] : kept.back();
      const kernel::Vec2 p = c[i], b = c[(i + 1) % n];
      // The height of the triangle (a, p, b) over its longest side: small
      // for a point near the line between its neighbours and for a spike
      // tip along that line alike.
      const double cross = std::fabs((p.x - a.x) * (b.y - a.y) - (p.y - a.y) * (b.x - a.x));
      const double longest = std::max({std::hypot(p.x - a.x, p.y - a.y), std::hypot(b.x - p.x, b.y - p.y),
                                       std::hypot(b.x - a.x, b.y - a.y)});
      const double dist = longest > 0 ? cross / longest : 0;
      if (dist < kUnit && n - (i - kept.size()) > 3) {
        changed = true;
        continue;
      }
      kept.push_back(p);
    }
    c = std::move(kept);
  }
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
                                const std::vector<const kernel::Polygon2d*>& operands) {
  if (!OnGrid(polygon))
    polygon = kernel::Simplify2d(kernel::RoundToClipperGrid(polygon), kernel::FillRule::kNonZero);
  return ClipperOrder(CleanAsClipper(polygon), operands);
}

kernel::Polygon2d SanitizedPolygon(const kernel::Polygon2d& raw) {
  const kernel::Polygon2d operand = ClipperOperand(raw);
  return ClipperResult(kernel::Simplify2d(operand, kernel::FillRule::kEvenOdd), {&operand});
}

kernel::PolygonOpResult SnappedShadow(const kernel::Mesh& mesh, const kernel::KernelLimits& limits) {
  // 2021.01 truncated every projected triangle and unioned them. The exact
  // shadow truncated afterwards has the same vertices (they are mesh
  // vertices but for rare silhouette crossings).
  kernel::PolygonOpResult out = kernel::ProjectShadow(mesh, limits);
  if (out.status != kernel::HullStatus::kOk || out.polygon.contours.empty()) return out;
  kernel::Polygon2d snapped = ClipperOperand(out.polygon);
  for (kernel::Contour& c : snapped.contours) DropSubGridVertices(c);
  out.polygon = ClipperOrder(kernel::Simplify2d(snapped, kernel::FillRule::kPositive), {});
  return out;
}

}  // namespace mos::geom
