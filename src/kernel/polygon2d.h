// 2D polygon sets with holes and their booleans.
//
// A Polygon2d is a list of closed contours (no repeated closing point). The
// fill of an arbitrary contour set is given by a FillRule on the winding
// number. Every operation below returns the canonical form: contours that do
// not cross or overlap, outer boundaries counter-clockwise and holes
// clockwise, so that winding 1 = inside and winding 0 = outside (any fill
// rule then gives the same set), no collinear vertices. Contours may touch at
// vertices: regions meeting at a point come out as separate contours, and a
// hole touching its outer boundary at a point is joined to it there (one
// contour passing the vertex twice). TriangulatePolygon accepts both.
//
// OpenSCAD 2021.01 fills polygon(points, paths) with the even-odd rule
// (checked with openscad 2021.01: a pentagram keeps only its five tips, two
// overlapping paths give their xor, a square listed twice is empty); it
// unions separate 2D children with the nonzero rule.
#pragma once

#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

using Contour = std::vector<Vec2>;

struct Polygon2d {
  std::vector<Contour> contours;
};

enum class FillRule { kEvenOdd, kNonZero, kPositive, kNegative };
enum class BoolOp2d { kUnion, kIntersection, kDifference, kXor };

// Signed area of one contour (positive when counter-clockwise).
double SignedArea(const Contour& contour);
// Sum of the contours' signed areas: the area of a canonical polygon set.
double SignedArea(const Polygon2d& polygon);

// Boolean of two sets, each read with its own fill rule. The arrangement of
// all edges is computed (crossings and touching points split edges,
// coincident edges merge with summed windings), every edge gets the winding
// numbers of both operands on both sides from a ray cast, and the edges that
// separate inside from outside are linked into contours.
Polygon2d Boolean2d(const Polygon2d& a, const Polygon2d& b, BoolOp2d op,
                    FillRule fillA = FillRule::kNonZero, FillRule fillB = FillRule::kNonZero);

// The set `input` covers under `fill`, in canonical form (removes
// self-intersections, overlaps, zero-area parts).
Polygon2d Simplify2d(const Polygon2d& input, FillRule fill);

// Convenience wrappers (nonzero fill).
Polygon2d Union2d(const Polygon2d& a, const Polygon2d& b);
Polygon2d Intersection2d(const Polygon2d& a, const Polygon2d& b);
Polygon2d Difference2d(const Polygon2d& a, const Polygon2d& b);
Polygon2d Xor2d(const Polygon2d& a, const Polygon2d& b);
// Union of many canonical sets (outer contours counter-clockwise) in one
// pass: the region where the summed winding is positive.
Polygon2d UnionAll2d(const std::vector<Polygon2d>& parts);

}  // namespace mos::kernel
