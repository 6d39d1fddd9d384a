#include "kernel/grid_snap.h"

#include <cmath>

namespace mos::kernel {
namespace {

// The snaps, inlined into SnapAll's loop (one call per coordinate otherwise).
inline double Truncate(double v) { return std::trunc(v * kClipperGridScale) / kClipperGridScale; }
inline double Round(double v) { return std::round(v * kClipperGridScale) / kClipperGridScale; }

template <typename Snap>
Polygon2d SnapAll(const Polygon2d& polygon, Snap snap) {
  Polygon2d out;
  out.contours.reserve(polygon.contours.size());
  for (const Contour& c : polygon.contours) {
    Contour snapped;
    snapped.reserve(c.size());
    for (const Vec2& p : c) {
      const Vec2 q = snap(p);
      if (!snapped.empty() && snapped.back().x == q.x && snapped.back().y == q.y) continue;
      snapped.push_back(q);
    }
    while (snapped.size() > 1 && snapped.front().x == snapped.back().x && snapped.front().y == snapped.back().y) {
      snapped.pop_back();
    }
    if (snapped.size() >= 3) out.contours.push_back(std::move(snapped));
  }
  return out;
}

}  // namespace

double TruncateToClipperGrid(double v) { return Truncate(v); }
double RoundToClipperGrid(double v) { return Round(v); }
Vec2 TruncateToClipperGrid(Vec2 p) { return {Truncate(p.x), Truncate(p.y)}; }
Vec2 RoundToClipperGrid(Vec2 p) { return {Round(p.x), Round(p.y)}; }

Polygon2d TruncateToClipperGrid(const Polygon2d& polygon) {
  return SnapAll(polygon, [](Vec2 p) { return Vec2{Truncate(p.x), Truncate(p.y)}; });
}

Polygon2d RoundToClipperGrid(const Polygon2d& polygon) {
  return SnapAll(polygon, [](Vec2 p) { return Vec2{Round(p.x), Round(p.y)}; });
}

}  // namespace mos::kernel
