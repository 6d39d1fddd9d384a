// 2D convex hull by Andrew's monotone chain (A. M. Andrew, "Another efficient
// algorithm for convex hulls in two dimensions", Inf. Proc. Letters 9, 1979).
#pragma once

#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

// Counter-clockwise hull contour without duplicate or collinear points,
// starting at the lexicographically smallest (x, then y) point. Empty when
// the points do not span an area (fewer than 3 distinct, or all collinear),
// as OpenSCAD 2021.01's 2D hull() gives no polygon then.
std::vector<Vec2> ConvexHull2d(std::vector<Vec2> points);

// The same hull as indices into `points` (the first of equal points wins).
std::vector<int> ConvexHull2dIndices(const std::vector<Vec2>& points);

}  // namespace mos::kernel
