// Andrew's monotone chain (Inf. Proc. Letters 9, 1979): sort, then build the
// lower and upper chains, popping every point that does not make a strict
// left turn, so collinear points never survive. Every turn is the exact sign
// of the orientation determinant (hull_predicates.h), so nearly collinear
// points are decided correctly and the contour is strictly convex.
#include "kernel/hull2d.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "kernel/hull_predicates.h"

namespace mos::kernel {

std::vector<int> ConvexHull2dIndices(const std::vector<Vec2>& points) {
  std::vector<int> order;
  order.reserve(points.size());
  for (int i = 0; i < static_cast<int>(points.size()); ++i) {
    if (std::isfinite(points[i].x) && std::isfinite(points[i].y)) order.push_back(i);
  }
  auto less = [&](int a, int b) {
    const Vec2& p = points[a];
    const Vec2& q = points[b];
    if (p.x != q.x) return p.x < q.x;
    if (p.y != q.y) return p.y < q.y;
    return a < b;
  };
  std::sort(order.begin(), order.end(), less);
  order.erase(std::unique(order.begin(), order.end(),
                          [&](int a, int b) {
                            return points[a].x == points[b].x &&
                                   points[a].y == points[b].y;
                          }),
              order.end());
  const size_t n = order.size();
  if (n < 3) return {};
  // > 0 when o -> a -> b turns left (exact sign).
  auto turn = [&](int o, int a, int b) { return Orient2dSign(points[o], points[a], points[b]); };
  std::vector<int> hull(2 * n);
  size_t k = 0;
  for (size_t i = 0; i < n; ++i) {  // lower chain
    while (k >= 2 && turn(hull[k - 2], hull[k - 1], order[i]) <= 0) --k;
    hull[k++] = order[i];
  }
  const size_t lowerEnd = k + 1;
  for (size_t i = n - 1; i-- > 0;) {  // upper chain
    while (k >= lowerEnd && turn(hull[k - 2], hull[k - 1], order[i]) <= 0) --k;
    hull[k++] = order[i];
  }
  hull.resize(k - 1);  // the last point repeats the first
  if (hull.size() < 3) return {};
  return hull;
}

std::vector<Vec2> ConvexHull2d(std::vector<Vec2> points) {
  std::vector<Vec2> out;
  for (int i : ConvexHull2dIndices(points)) out.push_back(points[i]);
  return out;
}

}  // namespace mos::kernel
