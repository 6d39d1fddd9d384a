// An independent area oracle for 2D booleans: vertical slabs between every
// vertex and crossing x; inside a slab no edges cross, so the windings of
// both operands are integrated trapezoid by trapezoid. Quadratic, test only.
#pragma once

#include <algorithm>
#include <array>
#include <functional>
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

inline double SlabArea(const Polygon2d& a, const Polygon2d& b, const std::function<bool(int, int)>& inside) {
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
  for (size_t i = 0; i < edges.size(); ++i) {
    for (size_t j = i + 1; j < edges.size(); ++j) {
      const E& e = edges[i];
      const E& f = edges[j];
      const Vec2 d1 = e.q - e.p, d2 = f.q - f.p;
      const double den = Cross(d1, d2);
      if (den == 0) continue;
      const double t = Cross(f.p - e.p, d2) / den, u = Cross(f.p - e.p, d1) / den;
      if (t > 0 && t < 1 && u > 0 && u < 1) xs.push_back(e.p.x + t * d1.x);
    }
  }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  double area = 0;
  for (size_t s = 0; s + 1 < xs.size(); ++s) {
    const double x0 = xs[s], x1 = xs[s + 1], xm = (x0 + x1) / 2;
    struct Cut {
      double ym, y0, y1;
      int operand, sign;
    };
    std::vector<Cut> cuts;
    for (const E& e : edges) {
      if (e.p.x > xm || e.q.x < xm) continue;
      auto y = [&](double x) { return e.p.y + (x - e.p.x) * (e.q.y - e.p.y) / (e.q.x - e.p.x); };
      cuts.push_back({y(xm), y(x0), y(x1), e.operand, e.sign});
    }
    std::sort(cuts.begin(), cuts.end(), [](const Cut& u, const Cut& v) { return u.ym < v.ym; });
    std::array<int, 2> w{0, 0};
    for (size_t i = 0; i + 1 < cuts.size(); ++i) {
      w[cuts[i].operand] += cuts[i].sign;
      if (inside(w[0], w[1])) {
        area += (x1 - x0) * ((cuts[i + 1].y0 + cuts[i + 1].y1) - (cuts[i].y0 + cuts[i].y1)) / 2;
      }
    }
  }
  return area;
}

}  // namespace mos::kernel::testing
