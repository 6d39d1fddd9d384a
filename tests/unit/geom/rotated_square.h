// A square of half-diagonal s around (x, y), turned by `angle` radians: the
// rounding-check tests' shape (its corners leave the Clipper grid).
#pragma once

#include <cmath>

#include "kernel/polygon2d.h"

namespace mos::geom::testing {

inline kernel::Polygon2d Square(double x, double y, double s, double angle) {
  kernel::Contour c;
  for (int i = 0; i < 4; ++i) {
    const double a = angle + i * M_PI / 2;
    c.push_back({x + s * std::cos(a), y + s * std::sin(a)});
  }
  return {{c}};
}

}  // namespace mos::geom::testing
