// Nesting of the contours of a set whose contours do not cross (a canonical
// polygon set, or Clipper's output): which contour directly contains which.
#pragma once

#include <vector>

#include "kernel/polygon2d.h"

namespace mos::kernel {

// Where p lies for contour c: -1 on its boundary (exact cross product), else
// the crossing number's verdict: 1 inside, 0 outside.
int ClassifyPoint(const Contour& c, Vec2 p);

// Whether `outer` contains `inner`: the first vertex of `inner` off
// `outer`'s boundary decides (false when every vertex is on it).
bool ContourContains(const Contour& outer, const Contour& inner);

// The parent of every contour: among the other contours whose area is at
// least its own, whose box holds its box and that contain it, the one of
// least area (ties: the lowest index); -1 for none. The same as testing
// every pair, in O(n log n + candidates) with the point tests of a long
// contour going through a y index of its edges (the nesting of a union with
// hundreds of holes in one long outline was 40 M instructions of
// module_recursion.scad, each hole walking the whole outline).
std::vector<long> ContourParents(const std::vector<Contour>& contours);

}  // namespace mos::kernel
