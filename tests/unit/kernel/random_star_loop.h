// A random star-shaped loop for the output-face triangulation tests: n
// points at sorted angles around c (clockwise for a hole), radii in
// [rMin, rMax], optionally snapped to a grid of step `snap` (collinear and
// repeated points, touching loops: the weakly simple input perturbed
// booleans give).
#pragma once

#include <cmath>
#include <random>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel::testing {

inline std::vector<Vec2> Star(std::mt19937_64& rng, Vec2 c, double rMin, double rMax, int n, bool clockwise,
                              double snap) {
  std::uniform_real_distribution<double> radius(rMin, rMax), jitter(-0.4, 0.4);
  std::vector<Vec2> l;
  for (int i = 0; i < n; ++i) {
    const double a = (clockwise ? -1 : 1) * 2 * M_PI * (i + jitter(rng)) / n;
    const double r = radius(rng);
    Vec2 p{c.x + r * std::cos(a), c.y + r * std::sin(a)};
    if (snap > 0) p = {std::round(p.x / snap) * snap, std::round(p.y / snap) * snap};
    l.push_back(p);
  }
  return l;
}

}  // namespace mos::kernel::testing
