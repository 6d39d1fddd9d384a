// An independent area oracle for 2D booleans: vertical slabs between every
// vertex and crossing x; inside a slab no edges cross, so the windings of
// both operands are integrated trapezoid by trapezoid. Test only.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "kernel/polygon2d.h"

namespace mos::kernel::testing {

// Whether a point of winding number w is filled under rule f, written apart
// from the kernel's own rule so the oracle does not share its mistakes.
inline bool SlabFill(int w, FillRule f) {
  switch (f) {
    case FillRule::kEvenOdd: return (w & 1) != 0;
    case FillRule::kNonZero: return w != 0;
    case FillRule::kPositive: return w > 0;
    case FillRule::kNegative: return w < 0;
  }
  return false;
}

inline bool SlabApply(bool x, bool y, BoolOp2d op) {
  switch (op) {
    case BoolOp2d::kUnion: return x || y;
    case BoolOp2d::kIntersection: return x && y;
    case BoolOp2d::kDifference: return x && !y;
    case BoolOp2d::kXor: return x != y;
  }
  return false;
}

// The area where inside(winding of a, winding of b) holds. Every vertex x
// and every crossing x bounds a slab; in a slab the edges spanning it are
// ordered by their height at its middle and the windings summed bottom up.
// Sweeps in x: crossings are tested only between edges whose x ranges
// overlap, and each slab visits only the edges spanning it, kept in the
// previous slab's order (an insertion sort then only repairs the crossings
// at the slab boundary). Still an independent oracle: no code shared with
// the kernel's arrangement.
template <typename Inside>
double SlabArea(const Polygon2d& a, const Polygon2d& b, const Inside& inside) {
  struct E {
    Vec2 p, q;  // p.x < q.x
    int operand, sign;
  };
  std::vector<E> edges;
  std::vector<double> xs;
  auto add = [&](const Polygon2d& poly, int operand) {
    for (const Contour& c : poly.contours) {
      for (size_t i = 0; i < c.size(); ++i) {
        Vec2 p = c[i], q = c[(i + 1) % c.size()];
        xs.push_back(p.x);
        if (p.x == q.x) continue;
        const int sign = p.x < q.x ? 1 : -1;
        if (sign < 0) std::swap(p, q);
        edges.push_back({p, q, operand, sign});
      }
    }
  };
  add(a, 0);
  add(b, 1);
  const size_t n = edges.size();
  std::vector<size_t> byStart(n);
  for (size_t i = 0; i < n; ++i) byStart[i] = i;
  std::sort(byStart.begin(), byStart.end(), [&](size_t u, size_t v) { return edges[u].p.x < edges[v].p.x; });
  // Crossings: every pair whose x ranges overlap, computed from the edge
  // listed first (the same point whichever edge the sweep meets first).
  for (size_t k = 0; k < n; ++k) {
    for (size_t l = k + 1; l < n && edges[byStart[l]].p.x <= edges[byStart[k]].q.x; ++l) {
      const E& e = edges[std::min(byStart[k], byStart[l])];
      const E& f = edges[std::max(byStart[k], byStart[l])];
      const Vec2 d1 = e.q - e.p, d2 = f.q - f.p;
      const double den = Cross(d1, d2);
      if (den == 0) continue;
      const double t = Cross(f.p - e.p, d2) / den, u = Cross(f.p - e.p, d1) / den;
      if (t > 0 && t < 1 && u > 0 && u < 1) xs.push_back(e.p.x + t * d1.x);
    }
  }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  struct Cut {
    double ym, y0, y1;
    size_t edge;
  };
  std::vector<size_t> active;  // edges that may span the slab, in the last slab's order
  std::vector<Cut> cuts;
  // Height of each edge at the last slab's right end: the next slab's left
  // end, the same value computed once.
  std::vector<double> lastX(n, NAN), lastY(n, 0);
  size_t started = 0;
  double area = 0;
  for (size_t s = 0; s + 1 < xs.size(); ++s) {
    const double x0 = xs[s], x1 = xs[s + 1], xm = (x0 + x1) / 2;
    while (started < n && edges[byStart[started]].p.x <= x1) active.push_back(byStart[started++]);
    active.erase(std::remove_if(active.begin(), active.end(), [&](size_t i) { return edges[i].q.x < x0; }),
                 active.end());
    cuts.clear();
    size_t kept = 0;
    for (size_t i : active) {
      const E& e = edges[i];
      if (e.p.x > xm || e.q.x < xm) {
        active[kept++] = i;  // not spanning this slab (xm rounded onto an end): kept in front
        continue;
      }
      auto y = [&](double x) { return e.p.y + (x - e.p.x) * (e.q.y - e.p.y) / (e.q.x - e.p.x); };
      const double y0 = lastX[i] == x0 ? lastY[i] : y(x0);
      lastX[i] = x1;
      lastY[i] = y(x1);
      cuts.push_back({y(xm), y0, lastY[i], i});
    }
    // Insertion sort by height at the middle: stable, linear on the
    // previous slab's order.
    for (size_t i = 1; i < cuts.size(); ++i) {
      const Cut c = cuts[i];
      size_t j = i;
      for (; j > 0 && c.ym < cuts[j - 1].ym; --j) cuts[j] = cuts[j - 1];
      cuts[j] = c;
    }
    for (const Cut& c : cuts) active[kept++] = c.edge;
    std::array<int, 2> w{0, 0};
    for (size_t i = 0; i + 1 < cuts.size(); ++i) {
      const E& e = edges[cuts[i].edge];
      w[e.operand] += e.sign;
      if (inside(w[0], w[1])) {
        area += (x1 - x0) * ((cuts[i + 1].y0 + cuts[i + 1].y1) - (cuts[i].y0 + cuts[i].y1)) / 2;
      }
    }
  }
  return area;
}

}  // namespace mos::kernel::testing
