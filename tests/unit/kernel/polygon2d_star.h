// A star polygon {n/k} with irrational vertices, rotated and shifted: every
// edge crosses 2(k - 1) others at points that round. Shared by the 2D
// arrangement tests.
#pragma once

#include <cmath>

#include "kernel/polygon2d.h"

namespace mos::kernel::testing {

inline Contour Star(int n, int k, double r, double angle, Vec2 centre) {
  Contour c;
  for (int i = 0; i < n; ++i) {
    const double a = angle + 2 * M_PI * ((i * k) % n) / n;
    c.push_back({centre.x + r * std::cos(a), centre.y + r * std::sin(a)});
  }
  return c;
}

}  // namespace mos::kernel::testing
