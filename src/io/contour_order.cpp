#include "io/contour_order.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "kernel/polygon2d_nesting.h"

namespace mos::io {
namespace {

using kernel::Contour;
using kernel::Vec2;

double TopY(const Contour& c) {
  double top = c[0].y;
  for (const Vec2& p : c) top = std::max(top, p.y);
  return top;
}

Contour EndAtLowest(const Contour& c) {
  size_t low = 0;
  for (size_t i = 1; i < c.size(); ++i) {
    if (c[i].y < c[low].y || (c[i].y == c[low].y && c[i].x > c[low].x)) low = i;
  }
  Contour out;
  out.reserve(c.size());
  for (size_t k = 1; k <= c.size(); ++k) out.push_back(c[(low + k) % c.size()]);
  return out;
}

}  // namespace

kernel::Polygon2d OrderContoursAsOpenscad(const kernel::Polygon2d& polygon) {
  const auto& cs = polygon.contours;
  const size_t n = cs.size();
  if (n < 2 || n > kMaxOrderedContours) return polygon;
  for (const Contour& c : cs) {
    if (c.size() < 3) return polygon;
  }
  std::vector<double> top(n);
  for (size_t i = 0; i < n; ++i) top[i] = TopY(cs[i]);
  // The same parents as testing every pair (kernel/polygon2d_nesting.h).
  const std::vector<long> parent = kernel::ContourParents(cs);
  std::vector<std::vector<size_t>> children(n + 1);  // n: the root
  for (size_t i = 0; i < n; ++i) {
    children[parent[i] < 0 ? n : static_cast<size_t>(parent[i])].push_back(i);
  }
  for (auto& list : children) {
    std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) { return top[a] > top[b]; });
  }
  // Depth-first walk with an explicit stack (nesting may be deep).
  kernel::Polygon2d out;
  out.contours.reserve(n);
  std::vector<std::pair<size_t, size_t>> stack{{n, 0}};  // node, next child
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    if (next == children[node].size()) {
      stack.pop_back();
      continue;
    }
    const size_t child = children[node][next++];
    out.contours.push_back(EndAtLowest(cs[child]));
    stack.push_back({child, 0});
  }
  return out;
}

}  // namespace mos::io
