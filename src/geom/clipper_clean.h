// 2021.01 cleans every contour Clipper returns from its booleans (polygon()'s
// cleanup, union, difference, intersection, minkowski): a vertex within
// about sqrt(2) grid units of its predecessor, or that far from the line
// through its neighbours, is removed (checked with openscad 2021.01: a
// bump of 1 grid unit on a 10 mm edge vanishes, 2 units stay; a bump of
// (1, -1) units off a diagonal vanishes, (2, -1) stays; a 1-unit apex that
// a union creates vanishes too). The rule: repeat until no vertex is
// removed; a contour left with fewer than three vertices disappears.
#pragma once

#include "kernel/polygon2d.h"

namespace mos::geom {

// Squared distance below which 2021.01 drops a vertex, in grid units
// (1.415 grid units).
inline constexpr double kCleanDistanceSquared = 1.415 * 1.415;

// `polygon` must be on the grid (coordinates are compared in grid units).
kernel::Polygon2d CleanAsClipper(const kernel::Polygon2d& polygon);

}  // namespace mos::geom
