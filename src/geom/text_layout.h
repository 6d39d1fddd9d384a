// text(): from shaped glyphs to the raw contours 2021.01 hands to its 2D
// cleanup (the even-odd union polygon() gets too). Portable: no font code.
#pragma once

#include <string>

#include "geom/text_font.h"
#include "kernel/polygon2d.h"

namespace mos::geom {

struct TextLayoutParams {
  double size = 10, spacing = 1;
  std::string halign = "left", valign = "baseline";
  bool vertical = false;  // direction ttb or btt
  int curveSteps = 1;  // points per Bezier segment (TextCurveSteps)
};

// 2021.01's points per Bezier segment: one more than an eighth of the
// fragments a circle of radius `size` gets from $fn/$fa/$fs, at least two
// (measured: "O", 32 conic segments, has 32 * steps vertices in 2021.01).
int TextCurveSteps(double size, double fn, double fs, double fa);

// The raw contours (one per outline contour, curves flattened), placed by
// the glyph positions, spacing and alignment.
kernel::Polygon2d LayoutText(const ShapedText& shaped, const TextLayoutParams& params);

// How many vertices LayoutText would make (checked against the vertex
// budget first: a huge $fn must not allocate without bound).
double TextVertexCount(const ShapedText& shaped, int curveSteps);

}  // namespace mos::geom
