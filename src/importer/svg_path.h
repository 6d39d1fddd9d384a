// SVG path data and basic shapes as polylines in user units, with
// 2021.01's curve subdivision (see svg_data.h).
#pragma once

#include <string_view>

#include "importer/svg_data.h"

namespace mos::importer {

struct SvgSubpath {
  SvgContour points;
  bool closed = false;  // Z, or the last point equals the first
};

// Budget shared by the whole document: every added point counts; once it
// is spent nothing more is added and `exhausted` is set.
struct SvgPointBudget {
  long long left = 0;
  bool exhausted = false;
  bool Take(long long n) {
    if (n > left) {
      exhausted = true;
      return false;
    }
    left -= n;
    return true;
  }
};

// Parses path data up to the first error (SVG's rule: render what came
// before it).
std::vector<SvgSubpath> ParseSvgPathData(std::string_view d, SvgPointBudget& budget);

// A closed ellipse of 40 points (nothing when a radius is 0).
SvgSubpath SvgEllipse(double cx, double cy, double rx, double ry, SvgPointBudget& budget);
// A rectangle, its corners rounded by rx/ry (clamped to half the sides;
// one of them missing takes the other's value).
SvgSubpath SvgRect(double x, double y, double w, double h, double rx, double ry,
                   SvgPointBudget& budget);
// The numbers of a points="..." list (polyline, polygon).
std::vector<double> ParseSvgNumberList(std::string_view s);

}  // namespace mos::importer
