#pragma once
// When rounding a valid polygon (a boolean's result in doubles) to Clipper's
// grid cannot have changed its topology, re-simplifying it is a no-op that
// costs a full 2D boolean (a third of a 2D-heavy render such as
// module_recursion.scad). This check proves the no-op cheaply or declines.
#include "kernel/polygon2d.h"

namespace mos::geom {

// True when `rounded` (each vertex of `original` moved by at most half a
// grid unit per axis) has the same topology as `original`: every contour
// has >= 3 vertices, no two vertices coincide, no three consecutive ones
// are collinear, every contour keeps the sign of its area, and every vertex
// stays more than 1.5 grid units from each edge not incident to it (so no
// vertex can have passed an edge). False also when the check would be
// expensive (coordinates beyond 2^30 grid units, long edges spanning many
// cells); callers then simplify as before.
bool RoundingKeepsTopology(const kernel::Polygon2d& original, const kernel::Polygon2d& rounded);

}  // namespace mos::geom
