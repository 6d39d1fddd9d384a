// Plane predicates of the boolean output faces' triangulation
// (assemble_triangulate.cpp), shared with the index of the edges a hole's
// bridge may not cross (bridge_blockers.h), which must give the same
// answers as testing every edge.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

#include "kernel/vec.h"

namespace mos::kernel::output_face {

inline double Orient(Vec2 a, Vec2 b, Vec2 c) { return Cross(b - a, c - a); }

// Rounding bound of Orient(a, b, c) (differences of coordinates up to m).
inline double OrientTolerance(Vec2 a, Vec2 b, Vec2 c) {
  const double m = std::max({std::fabs(a.x), std::fabs(a.y), std::fabs(b.x), std::fabs(b.y), std::fabs(c.x),
                             std::fabs(c.y)});
  return 8 * std::numeric_limits<double>::epsilon() * m *
         (std::hypot(b.x - a.x, b.y - a.y) + std::hypot(c.x - a.x, c.y - a.y));
}

// False only where p cannot be "on" segment ab in the sense of the tests
// below (|Orient| within OrientTolerance, p projecting inside ab): p lies
// outside ab's box widened by far more than the distance from the line
// such a p may have (about 16 eps max|coordinate| once ab is longer than
// 1e-9 of the coordinates; across a shorter edge the tolerance is not
// bounded and nothing is skipped). This cheap test comes first because
// faces with hundreds of holes (a plate with 200 holes) run these loops
// for every hole, and the tolerances' hypot calls were 90 % of the boolean.
inline bool MayBeOnSegment(Vec2 a, Vec2 b, Vec2 p) {
  const double m = std::max({std::fabs(a.x), std::fabs(a.y), std::fabs(b.x), std::fabs(b.y), std::fabs(p.x),
                             std::fabs(p.y)});
  if (std::fabs(b.x - a.x) + std::fabs(b.y - a.y) <= 1e-9 * (1 + m)) return true;
  const double w = 1e-13 * (1 + m);
  return p.x >= std::min(a.x, b.x) - w && p.x <= std::max(a.x, b.x) + w && p.y >= std::min(a.y, b.y) - w &&
         p.y <= std::max(a.y, b.y) + w;
}

// Open segments ab and cd cross at a point interior to both.
inline bool ProperCross(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
  const double o1 = Orient(a, b, c), o2 = Orient(a, b, d);
  const double o3 = Orient(c, d, a), o4 = Orient(c, d, b);
  return ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0));
}

// The loop edge p->q keeps a hole's bridge a-b out: it crosses the bridge,
// or its start p lies inside the bridge up to rounding (holes touching
// other loops at corners, as perturbed booleans leave).
inline bool BlocksBridge(Vec2 a, Vec2 b, Vec2 p, Vec2 q) {
  if (ProperCross(a, b, p, q)) return true;
  if (p == a || p == b || !MayBeOnSegment(a, b, p)) return false;
  return std::fabs(Orient(a, b, p)) <= OrientTolerance(a, b, p) && Dot(p - a, b - a) > 0 && Dot(p - b, a - b) > 0;
}

}  // namespace mos::kernel::output_face
