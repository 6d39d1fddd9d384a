// The shape 2021.01's 2D results take when Clipper returns them: which
// contours there are and in which order (its SVG/DXF export writes them in
// that order, and it is the input order of the next operation).
// - A contour passing one vertex twice is two contours for Clipper (a hole
//   touching its outer boundary or another hole at a point: checked with
//   openscad 2021.01).
// - Clipper sweeps from the top (largest y) down and starts an output
//   contour at an input vertex that is a local maximum in y; its list of
//   those maxima, gathered operand by operand and contour by contour, is
//   ordered by y with std::sort, which is not stable: 20 equal squares in a
//   row come out as 10, 19..11, 0, 9..1 (checked with openscad 2021.01). The
//   same sort over the same list gives the same permutation (libstdc++; other
//   standard libraries may differ on ties).
// - The result is Clipper's PolyTree walked depth first: each outer contour
//   followed by its holes and their islands.
#pragma once

#include <vector>

#include "kernel/polygon2d.h"

namespace mos::geom {

// Splits contours at repeated vertices, then orders them as above given the
// operands in Clipper's input order. With none given (offset, whose
// operands are Clipper's own) contours are ordered by their top alone, ties
// left to right (right for negative offsets of separate shapes in 2021.01,
// left for pieces of one shape: not told apart here). Beyond kMaxOrderedContours contours the
// nesting search (quadratic) is skipped and only the sort is done.
// With `endAtLowest` each contour is also rotated to end at its lowest
// vertex (the rightmost of equally low ones), where 2021.01's convex
// contours end (non-convex ones often differ; its minkowski results follow
// another rule, so they are left as they are).
kernel::Polygon2d ClipperOrder(kernel::Polygon2d result,
                               const std::vector<const kernel::Polygon2d*>& operands,
                               bool endAtLowest = true);

inline constexpr size_t kMaxClipperOrderedContours = 2000;

}  // namespace mos::geom
