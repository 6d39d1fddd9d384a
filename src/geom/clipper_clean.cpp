#include "geom/clipper_clean.h"

#include <cmath>
#include <vector>

#include "kernel/grid_snap.h"

namespace mos::geom {
namespace {

using kernel::Vec2;

double Dist2(Vec2 a, Vec2 b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }

// Squared distance of p from the line through a and b.
double LineDist2(Vec2 p, Vec2 a, Vec2 b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  if (len2 == 0) return Dist2(p, a);
  const double cross = dx * (p.y - a.y) - dy * (p.x - a.x);
  return cross * cross / len2;
}

// Whether three consecutive vertices are nearly collinear: the one lying
// between the other two (along the axis where they spread most) is tested
// against the line through the other two, so spikes are caught as well.
bool NearlyCollinear(Vec2 prev, Vec2 cur, Vec2 next) {
  const bool alongX = std::fabs(prev.x - cur.x) > std::fabs(prev.y - cur.y);
  auto between = [alongX](Vec2 p, Vec2 a, Vec2 b) {
    const double v = alongX ? p.x : p.y, u = alongX ? a.x : a.y, w = alongX ? b.x : b.y;
    return (v > u) == (v < w);
  };
  if (between(prev, cur, next)) return LineDist2(prev, cur, next) < kCleanDistanceSquared;
  if (between(cur, prev, next)) return LineDist2(cur, prev, next) < kCleanDistanceSquared;
  return LineDist2(next, prev, cur) < kCleanDistanceSquared;
}

// One contour in grid units; empty when fewer than three vertices stay.
// The walk goes forward from the first vertex and marks each vertex it
// keeps; a removal steps back to the previous vertex and unmarks it, so it
// is looked at again. The walk ends on reaching a marked vertex, and the
// contour then starts there (where 2021.01's cleaned contours start).
std::vector<Vec2> CleanContour(const std::vector<Vec2>& ring) {
  const size_t n = ring.size();
  if (n < 3) return {};
  std::vector<size_t> next(n), prev(n);
  std::vector<char> kept(n, 0);
  for (size_t i = 0; i < n; ++i) {
    next[i] = (i + 1) % n;
    prev[i] = (i + n - 1) % n;
  }
  size_t alive = n, cur = 0;
  // Unlinks i; returns the vertex before it, unmarked.
  auto remove = [&](size_t i) {
    const size_t p = prev[i];
    next[p] = next[i];
    prev[next[i]] = p;
    kept[p] = 0;
    --alive;
    return p;
  };
  // Each step marks a vertex or removes one (a removal unmarks at most one):
  // at most 3n steps.
  while (!kept[cur] && alive >= 3) {
    const size_t p = prev[cur], q = next[cur];
    if (Dist2(ring[cur], ring[p]) <= kCleanDistanceSquared) {
      cur = remove(cur);
    } else if (Dist2(ring[p], ring[q]) <= kCleanDistanceSquared) {
      remove(q);
      cur = remove(cur);
    } else if (NearlyCollinear(ring[p], ring[cur], ring[q])) {
      cur = remove(cur);
    } else {
      kept[cur] = 1;
      cur = q;
    }
  }
  if (alive < 3) return {};
  std::vector<Vec2> out;
  out.reserve(alive);
  for (size_t i = cur, k = 0; k < alive; i = next[i], ++k) out.push_back(ring[i]);
  return out;
}

}  // namespace

kernel::Polygon2d CleanAsClipper(const kernel::Polygon2d& polygon) {
  kernel::Polygon2d out;
  for (const kernel::Contour& c : polygon.contours) {
    std::vector<Vec2> ring;
    ring.reserve(c.size());
    for (const Vec2& p : c) ring.push_back({p.x * kernel::kClipperGridScale, p.y * kernel::kClipperGridScale});
    std::vector<Vec2> cleaned = CleanContour(ring);
    if (cleaned.empty()) continue;
    kernel::Contour back;
    back.reserve(cleaned.size());
    // Clipper's integers come back without negative zeros (+ 0.0 drops them).
    for (const Vec2& p : cleaned)
      back.push_back({p.x / kernel::kClipperGridScale + 0.0, p.y / kernel::kClipperGridScale + 0.0});
    out.contours.push_back(std::move(back));
  }
  return out;
}

}  // namespace mos::geom
