// SVG drawings read as OpenSCAD 2021.01 reads them (behaviour learned from
// openscad 2021.01 on small files and on its svg test data; the XML goes
// through rapidxml):
// - shapes: path (every command, absolute and relative, smooth curves,
//   arcs), rect (rx/ry), circle, ellipse, line, polyline, polygon; groups
//   with transform (matrix, translate, scale, rotate, skewX, skewY); <defs>,
//   <use>, <text> and everything else are ignored, as are fill, fill-rule,
//   display and visibility; shape attributes and stroke-width must be plain
//   numbers (a unit or a space makes them 0; stroke-width then 1);
// - curves: circles and ellipses 40 segments, Bezier curves 20 segments per
//   curve, arcs floor(|sweep in degrees| / 18 + 4) segments; $fn/$fa/$fs
//   play no part;
// - a closed subpath (Z, or ending on its first point; the last subpath
//   too when a Z came before it) is filled, an open subpath is
//   stroked (stroke-width of the shape itself, default 1; linecap default
//   square, linejoin default miter with Clipper's limit 2; svg_stroke.h),
//   in the shape's own coordinates before its transforms; a shape's parts
//   are filled even-odd (see SvgShape), the shapes then united;
// - the page: width/height in mm (px and unitless at `dpi`, also in, cm,
//   pt, pc; em, ex and % count as 0); a viewBox scales user units to that
//   size with preserveAspectRatio (its y offset is added, not subtracted,
//   as 2021.01 does); without a viewBox user units are millimetres; y is
//   flipped about the page height; center=true centres the bounding box.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace mos::importer {

using SvgContour = std::vector<std::array<double, 2>>;

// A shape is filled as 2021.01 fills it: each stroke outline on its own
// with the positive rule, then those regions and the closed subpaths
// together with the even-odd rule (two overlapping strokes of one path
// cancel where they overlap, as in 2021.01).
struct SvgShape {
  std::vector<SvgContour> fill;    // closed subpaths
  std::vector<SvgContour> stroke;  // one outline per stroked subpath
};

struct SvgOptions {
  double dpi = 72;
  bool center = false;
  long long maxPoints = 4000000;  // past it the reader stops adding and warns
};

// False with `error` set when the text is not XML or has no <svg> root.
// `warnings` gets texts for limits reached and for shapes left out for
// non-finite or huge (1e15 or more) coordinates.
bool ReadSvg(std::string_view text, const SvgOptions& options, std::vector<SvgShape>& shapes,
             std::string& error, std::vector<std::string>& warnings);

}  // namespace mos::importer
