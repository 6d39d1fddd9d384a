#include "geom/clipper_order.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <utility>

#include "kernel/polygon2d_nesting.h"

namespace mos::geom {
namespace {

using kernel::Contour;
using kernel::Vec2;
using Key = std::pair<double, double>;

Key KeyOf(Vec2 p) { return {p.x, p.y}; }

bool HasRepeatedVertex(const Contour& c) {
  std::vector<Key> keys;
  keys.reserve(c.size());
  for (const Vec2& p : c) keys.push_back(KeyOf(p));
  std::sort(keys.begin(), keys.end());
  return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
}

// Cuts a loop off whenever the walk comes back to a vertex it passed.
void SplitAtRepeatedVertices(Contour&& c, std::vector<Contour>& out) {
  if (!HasRepeatedVertex(c)) {
    out.push_back(std::move(c));  // the usual case: moved, not copied
    return;
  }
  std::map<Key, size_t> position;  // vertex -> index in `path`
  Contour path;
  for (const Vec2& p : c) {
    auto it = position.find(KeyOf(p));
    if (it == position.end()) {
      position.emplace(KeyOf(p), path.size());
      path.push_back(p);
      continue;
    }
    const size_t k = it->second;
    Contour loop(path.begin() + static_cast<long>(k), path.end());
    for (size_t i = k + 1; i < path.size(); ++i) position.erase(KeyOf(path[i]));
    path.resize(k + 1);
    if (loop.size() >= 3) out.push_back(std::move(loop));
  }
  if (path.size() >= 3) out.push_back(std::move(path));
}

// One of Clipper's local minima (a local maximum in y here) and where it
// came from.
struct Extremum {
  double y;
  std::vector<Vec2> plateau;  // its vertices (several on a horizontal top edge)
};

// The contour's local maxima in y in walk order; a horizontal plateau is one.
void CollectMaxima(const Contour& c, std::vector<Extremum>& out) {
  const size_t n = c.size();
  if (n < 3) return;
  for (const Vec2& p : c)
    if (!std::isfinite(p.y)) return;  // keeps the sort's ordering strict
  for (size_t i = 0; i < n; ++i) {
    const double y = c[i].y;
    if (!(c[(i + n - 1) % n].y < y)) continue;
    size_t j = i, steps = 0;
    while (c[(j + 1) % n].y == y && steps < n) {
      j = (j + 1) % n;
      ++steps;
    }
    if (!(c[(j + 1) % n].y < y)) continue;
    Extremum e{y, {}};
    for (size_t k = i, s = 0; s <= steps; k = (k + 1) % n, ++s) e.plateau.push_back(c[k]);
    out.push_back(std::move(e));
  }
}

void EndAtLowest(Contour& c) {
  size_t low = 0;
  for (size_t i = 1; i < c.size(); ++i)
    if (c[i].y < c[low].y || (c[i].y == c[low].y && c[i].x > c[low].x)) low = i;
  std::rotate(c.begin(), c.begin() + static_cast<long>(low + 1) % static_cast<long>(c.size()), c.end());
}

double TopY(const Contour& c) {
  double top = c[0].y;
  for (const Vec2& p : c) top = std::max(top, p.y);
  return top;
}

// Depth-first order of the nesting tree, siblings in the given order.
std::vector<size_t> TreeOrder(const std::vector<Contour>& cs, const std::vector<size_t>& order) {
  const size_t n = cs.size();
  // Each contour's parent: the smallest (then first) contour containing it.
  const std::vector<long> parent = kernel::ContourParents(cs);
  std::vector<std::vector<size_t>> children(n + 1);  // n: the root
  for (size_t i : order) children[parent[i] < 0 ? n : static_cast<size_t>(parent[i])].push_back(i);
  std::vector<size_t> out;
  out.reserve(n);
  std::vector<std::pair<size_t, size_t>> stack{{n, 0}};  // node, next child
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    if (next == children[node].size()) {
      stack.pop_back();
      continue;
    }
    const size_t child = children[node][next++];
    out.push_back(child);
    stack.push_back({child, 0});
  }
  return out;
}

}  // namespace

kernel::Polygon2d ClipperOrder(kernel::Polygon2d result,
                               const std::vector<const kernel::Polygon2d*>& operands,
                               bool endAtLowest) {
  std::vector<Contour> cs;
  cs.reserve(result.contours.size());
  for (Contour& c : result.contours) SplitAtRepeatedVertices(std::move(c), cs);
  if (endAtLowest)
    for (Contour& c : cs) EndAtLowest(c);
  if (cs.size() < 2) return kernel::Polygon2d{std::move(cs)};

  std::vector<Extremum> maxima;
  for (const kernel::Polygon2d* op : operands)
    if (op)
      for (const Contour& c : op->contours) CollectMaxima(c, maxima);
  // Clipper's comparison (descending y) with the same unstable sort.
  std::sort(maxima.begin(), maxima.end(),
            [](const Extremum& a, const Extremum& b) { return b.y < a.y; });
  // Each maximum's horizontal extent (a top edge), sorted by y.
  struct Span {
    double y, xMin, xMax, rank;
  };
  std::vector<Span> spans;
  for (size_t i = 0; i < maxima.size(); ++i) {
    Span sp{maxima[i].y, INFINITY, -INFINITY, static_cast<double>(i)};
    for (const Vec2& p : maxima[i].plateau) {
      sp.xMin = std::min(sp.xMin, p.x);
      sp.xMax = std::max(sp.xMax, p.x);
    }
    spans.push_back(sp);
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.y != b.y ? a.y < b.y : a.rank < b.rank;
  });

  // A contour starts at its top vertex (or top edge), on some maximum's top
  // edge; one that is on none (its top is a crossing) starts after the
  // maxima at least as high.
  std::vector<double> key(cs.size());
  for (size_t i = 0; i < cs.size(); ++i) {
    const double top = TopY(cs[i]);
    double best = INFINITY;
    auto first = std::lower_bound(spans.begin(), spans.end(), top,
                                  [](const Span& sp, double y) { return sp.y < y; });
    for (auto it = first; it != spans.end() && it->y == top && best == INFINITY; ++it)
      for (const Vec2& p : cs[i])
        if (p.y == top && p.x >= it->xMin && p.x <= it->xMax) {
          best = it->rank;
          break;
        }
    if (best == INFINITY) {
      const auto higher = std::partition_point(maxima.begin(), maxima.end(),
                                               [top](const Extremum& e) { return e.y >= top; });
      best = static_cast<double>(higher - maxima.begin()) - 0.5;
    }
    // Unknown operands (offset): by the top alone, ties left to right.
    key[i] = !std::isfinite(top) ? INFINITY : operands.empty() ? -top : best;
  }
  std::vector<size_t> order(cs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Contours started by one maximum (a horizontal top edge cut by others)
  // come left to right (checked with openscad 2021.01 on a difference; the
  // offset of a square with a hole puts its two top pieces the other way).
  std::vector<double> left(cs.size(), INFINITY);
  for (size_t i = 0; i < cs.size(); ++i) {
    const double top = TopY(cs[i]);
    for (const Vec2& p : cs[i])
      if (p.y == top) left[i] = std::min(left[i], p.x);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return key[a] != key[b] ? key[a] < key[b] : left[a] < left[b];
  });
  if (cs.size() <= kMaxClipperOrderedContours) order = TreeOrder(cs, order);
  kernel::Polygon2d out;
  out.contours.reserve(cs.size());
  for (size_t i : order) out.contours.push_back(std::move(cs[i]));
  return out;
}

}  // namespace mos::geom
