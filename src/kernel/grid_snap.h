// OpenSCAD 2021.01 ran its 2D operations through Clipper on integers: every
// coordinate scaled by 2^16. Input coordinates were converted by truncation
// toward zero (checked with openscad 2021.01: 1.78/65536 becomes 1/65536 and
// -1.78/65536 becomes -1/65536); points Clipper computes itself (crossings,
// offset vertices) are rounded half away from zero. These helpers reproduce
// both where our results must match 2021.01's.
#pragma once

#include "kernel/polygon2d.h"
#include "kernel/vec.h"

namespace mos::kernel {

inline constexpr double kClipperGridScale = 65536.0;  // 2^16

// 2021.01's conversion of input coordinates: truncate toward zero.
double TruncateToClipperGrid(double v);
// Clipper's rounding of the points it computes: nearest, halves away from 0.
double RoundToClipperGrid(double v);
Vec2 TruncateToClipperGrid(Vec2 p);
Vec2 RoundToClipperGrid(Vec2 p);

// Snaps every vertex (truncating, as 2021.01 did with its input), then drops
// repeated consecutive vertices and contours left with fewer than three.
// Snapping may make a contour touch or cross itself: run Simplify2d after it
// when the result must be canonical.
Polygon2d TruncateToClipperGrid(const Polygon2d& polygon);
// The same with rounding (for results computed in doubles).
Polygon2d RoundToClipperGrid(const Polygon2d& polygon);

}  // namespace mos::kernel
