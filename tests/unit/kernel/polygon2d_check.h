// Shared checks for 2D polygon tests: canonical output (no two edges cross
// properly, no overlapping collinear edges).
#pragma once

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "kernel/polygon2d.h"

namespace mos::kernel::testing {

// Empty string if no two edges of `p` cross or overlap; a description if not.
inline std::string FindCrossing(const Polygon2d& p) {
  struct E {
    Vec2 a, b;
  };
  std::vector<E> edges;
  for (const Contour& c : p.contours) {
    for (size_t i = 0; i < c.size(); ++i) edges.push_back({c[i], c[(i + 1) % c.size()]});
  }
  auto orient = [](Vec2 a, Vec2 b, Vec2 c) { return Cross(b - a, c - a); };
  auto sgn = [](double v) { return (v > 0) - (v < 0); };
  for (size_t i = 0; i < edges.size(); ++i) {
    for (size_t j = i + 1; j < edges.size(); ++j) {
      const Vec2 a = edges[i].a, b = edges[i].b, c = edges[j].a, d = edges[j].b;
      // Nearly collinear far-apart edges have meaningless orientation signs.
      if (std::max(a.x, b.x) < std::min(c.x, d.x) || std::max(c.x, d.x) < std::min(a.x, b.x) ||
          std::max(a.y, b.y) < std::min(c.y, d.y) || std::max(c.y, d.y) < std::min(a.y, b.y)) {
        continue;
      }
      const int o1 = sgn(orient(a, b, c)), o2 = sgn(orient(a, b, d));
      const int o3 = sgn(orient(c, d, a)), o4 = sgn(orient(c, d, b));
      if (o1 * o2 < 0 && o3 * o4 < 0) {
        char buf[256];
        std::snprintf(buf, sizeof buf, "edges (%.17g,%.17g)-(%.17g,%.17g) and (%.17g,%.17g)-(%.17g,%.17g) cross", a.x,
                      a.y, b.x, b.y, c.x, c.y, d.x, d.y);
        return buf;
      }
      if (o1 == 0 && o2 == 0) {
        // Collinear: overlapping interiors?
        const Vec2 dir = b - a;
        auto t = [&](Vec2 p) { return (p.x - a.x) * dir.x + (p.y - a.y) * dir.y; };
        const double len = t(b);
        const double lo = std::max(0.0, std::min(t(c), t(d))), hi = std::min(len, std::max(t(c), t(d)));
        if (hi > lo) {
          char buf[256];
          std::snprintf(buf, sizeof buf, "edges (%.17g,%.17g)-(%.17g,%.17g) and (%.17g,%.17g)-(%.17g,%.17g) overlap",
                        a.x, a.y, b.x, b.y, c.x, c.y, d.x, d.y);
          return buf;
        }
      }
    }
  }
  return "";
}

}  // namespace mos::kernel::testing
