// The contour order 2021.01 writes a 2D result in after Clipper has
// processed it (seen in its SVG/DXF output; its polygon set is Clipper's
// PolyTree walked depth first): outer boundaries by descending top y, each
// followed by its holes (and their islands) the same way; every contour
// rotated to end at its lowest vertex (rightmost among equally low ones).
// Exact for convex contours; Clipper's sweep may start a non-convex one
// elsewhere, and ties in top y keep mos's order (2021.01 keeps its input
// order there).
#pragma once

#include <cstddef>

#include "kernel/polygon2d.h"

namespace mos::io {

// Returns `polygon` reordered as above. Results of one contour (2021.01
// writes primitives such as square() and circle() unprocessed, in their own
// vertex order) and of more than kMaxOrderedContours contours (the nesting
// search is quadratic) are returned unchanged.
kernel::Polygon2d OrderContoursAsOpenscad(const kernel::Polygon2d& polygon);

constexpr size_t kMaxOrderedContours = 2000;

}  // namespace mos::io
