#include "io/contour_order.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace mos::io {
namespace {

using kernel::Contour;
using kernel::Vec2;

// Crossing-number test; points on the boundary count as outside (the caller
// tries several vertices of the inner contour).
bool Inside(const Contour& c, Vec2 p) {
  bool in = false;
  for (size_t i = 0, j = c.size() - 1; i < c.size(); j = i++) {
    if ((c[i].y > p.y) != (c[j].y > p.y)) {
      const double x = c[j].x + (p.y - c[j].y) * (c[i].x - c[j].x) / (c[i].y - c[j].y);
      if (p.x < x) in = !in;
    }
  }
  return in;
}

bool OnBoundary(const Contour& c, Vec2 p) {
  for (size_t i = 0, j = c.size() - 1; i < c.size(); j = i++) {
    const Vec2 a = c[j], b = c[i];
    const double cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (cross == 0 && p.x >= std::min(a.x, b.x) && p.x <= std::max(a.x, b.x) &&
        p.y >= std::min(a.y, b.y) && p.y <= std::max(a.y, b.y))
      return true;
  }
  return false;
}

// Contours of a canonical set do not cross, so one vertex of `inner` off
// `outer`'s boundary decides.
bool Contains(const Contour& outer, const Contour& inner) {
  for (const Vec2& p : inner) {
    if (!OnBoundary(outer, p)) return Inside(outer, p);
  }
  return false;
}

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
  std::vector<double> area(n), top(n);
  std::vector<std::array<double, 4>> box(n);  // min x, min y, max x, max y
  for (size_t i = 0; i < n; ++i) {
    area[i] = std::fabs(kernel::SignedArea(cs[i]));
    top[i] = TopY(cs[i]);
    box[i] = {cs[i][0].x, cs[i][0].y, cs[i][0].x, cs[i][0].y};
    for (const Vec2& p : cs[i]) {
      box[i] = {std::min(box[i][0], p.x), std::min(box[i][1], p.y), std::max(box[i][2], p.x),
                std::max(box[i][3], p.y)};
    }
  }
  auto boxInside = [&](size_t inner, size_t outer) {
    return box[outer][0] <= box[inner][0] && box[outer][1] <= box[inner][1] &&
           box[outer][2] >= box[inner][2] && box[outer][3] >= box[inner][3];
  };
  // Parent: the smallest contour containing this one (n is bounded above;
  // the box test leaves the polygon test to the few real candidates).
  std::vector<long> parent(n, -1);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      if (i == j || area[j] < area[i] || !boxInside(i, j)) continue;
      if (parent[i] >= 0 && area[j] >= area[static_cast<size_t>(parent[i])]) continue;
      if (Contains(cs[j], cs[i])) parent[i] = static_cast<long>(j);
    }
  }
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
