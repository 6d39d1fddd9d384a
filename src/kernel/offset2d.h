// Offset of 2D polygon sets: offset(r=...) (round joins), offset(delta=...)
// (mitred joins) and offset(delta=..., chamfer=true), positive or negative.
//
// Behaviour follows OpenSCAD 2021.01, which used Clipper's offsetting (the
// vertex placement below was checked against openscad 2021.01's output):
// every edge moves by delta along its outward normal; at a corner that turns
// away from the offset side the moved edges are joined through the original
// vertex (the loop this makes is removed by the final fill); at a corner that
// turns towards it:
// - round: an arc around the vertex from the first edge's normal, in steps
//   of 360/n degrees (n = steps per full circle, from the fragment count and
//   capped at arc tolerance |delta|/4), as many steps as
//   round(n * turn / 360) (at least one), ending on the second edge's normal;
// - miter: the meeting point of the moved edges (a square join when the
//   miter would reach past miterLimit * |delta|);
// - chamfer: the corner cut by a line at distance |delta| from the vertex,
//   perpendicular to the corner's bisector.
// The raw offset contours are then filled with the positive winding rule
// (Simplify2d). With snapToGrid, input and generated vertices are snapped to
// 2021.01's 1/65536 grid as 2021.01 did, and so is the result.
#pragma once

#include "kernel/polygon2d.h"

namespace mos::kernel {

enum class OffsetJoin { kRound, kMiter, kChamfer };

struct OffsetOptions {
  double delta = 0;
  OffsetJoin join = OffsetJoin::kRound;
  // Round joins: fragments per full circle, e.g. OffsetArcFragments(|r|,
  // $fn, $fs, $fa) as 2021.01 computes it for offset(r).
  int fragments = 0;
  // Miter joins: 2021.01's offset() passes a limit so large that miters are
  // never cut (a needle's miter point may lie far away).
  double miterLimit = 1e6;
  bool snapToGrid = true;
};

// OpenSCAD's fragment rule for a circle of radius r: 3 when r is below
// 2^-20; max($fn, 3) when $fn > 0; else ceil(max(min(360/$fa, 2*pi*r/$fs), 5)).
int OffsetArcFragments(double r, double fn, double fs, double fa);

// Offsets `input` (any contour set; it is first read with the nonzero rule)
// and returns a canonical polygon set.
Polygon2d Offset2d(const Polygon2d& input, const OffsetOptions& options);

}  // namespace mos::kernel
