// The cell frame the ear clipper's two point grids (PointGrid,
// LivePointGrid) share: a dim x dim grid over all points' bounding box,
// dim about the square root of the number of stored points (at most 1024).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

struct GridFrame {
  double minX = 0, minY = 0, invW = 1, invH = 1;
  double lastCell = 0;  // dim - 1
  int dim = 1;

  // Fits the frame to the bounds of all points; returns how many have
  // include[i] set (the points a grid stores).
  size_t Fit(const std::vector<Vec2>& points, const std::vector<char>& include) {
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0;
    double x1 = -x0, y1 = -x0;
    for (const Vec2& p : points) {
      x0 = std::min(x0, p.x);
      y0 = std::min(y0, p.y);
      x1 = std::max(x1, p.x);
      y1 = std::max(y1, p.y);
    }
    if (!(x0 <= x1)) x0 = x1 = y0 = y1 = 0;
    minX = x0;
    minY = y0;
    size_t stored = 0;
    for (char c : include) stored += c != 0;
    const double side = std::sqrt(static_cast<double>(stored));
    dim = std::max(1, std::min(1024, static_cast<int>(side)));
    const double w = std::max(x1 - x0, 1e-300), h = std::max(y1 - y0, 1e-300);
    invW = dim / w;
    invH = dim / h;
    lastCell = dim - 1;
    return stored;
  }

  size_t Cells() const { return static_cast<size_t>(dim) * dim; }
  int X(double x) const { return Coord(x, minX, invW); }
  int Y(double y) const { return Coord(y, minY, invH); }
  size_t Cell(double x, double y) const { return static_cast<size_t>(Y(y)) * dim + X(x); }

 private:
  int Coord(double v, double lo, double inv) const {
    const double c = (v - lo) * inv;
    if (!(c > 0)) return 0;  // also NaN
    if (c >= lastCell) return dim - 1;
    return static_cast<int>(c);
  }
};

}  // namespace mos::kernel
