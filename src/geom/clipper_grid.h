// Where OpenSCAD 2021.01 put 2D geometry through Clipper, and with it onto
// Clipper's integer grid (2^-16 units, see kernel/grid_snap.h). Checked with
// openscad 2021.01 by scaling results by 65536 (a transform of one child is
// done in doubles, so grid points come out as integers):
// - polygon(): always (its even-odd cleanup is a Clipper union);
// - union, difference, intersection and every implicit union (the children
//   of a transform, color, render(), linear_extrude, rotate_extrude, for,
//   the top level) only with two or more child nodes. Children that render
//   empty (circle(0), group(), a 3D child dropped with a warning) count;
//   '%' and '*' children and an if() without a taken branch do not. One
//   child passes unchanged;
// - minkowski with two or more children (an empty child empties it);
// - offset (snapped inside kernel::Offset2d) and projection() (cut=false);
// - never: hull, square, circle, projection(cut=true), transforms, resize.
// Input coordinates are truncated toward zero; points Clipper computes
// (crossings) are rounded to the nearest grid point.
#pragma once

#include <vector>

#include "kernel/limits.h"
#include "kernel/hull_status.h"
#include "kernel/mesh.h"
#include "kernel/polygon2d.h"

namespace mos::geom {

// An operand of a Clipper operation: every vertex truncated to the grid.
kernel::Polygon2d ClipperOperand(const kernel::Polygon2d& polygon);
std::vector<kernel::Polygon2d> ClipperOperands(const std::vector<kernel::Polygon2d>& polygons);

// The exact result of an operation on grid operands, as Clipper returns it:
// vertices off the grid (crossings) rounded to it and the set re-simplified
// when that moved any; then split and ordered as Clipper's (clipper_order.h)
// given the operands in Clipper's input order.
kernel::Polygon2d ClipperResult(kernel::Polygon2d polygon,
                                const std::vector<const kernel::Polygon2d*>& operands,
                                bool endAtLowest = true);

// polygon(points, paths): 2021.01's cleanup (truncation, even-odd fill).
kernel::Polygon2d SanitizedPolygon(const kernel::Polygon2d& raw);

// projection(): the shadow of a closed mesh with its outline on the grid.
kernel::PolygonOpResult SnappedShadow(const kernel::Mesh& mesh, const kernel::KernelLimits& limits);

}  // namespace mos::geom
