#pragma once
// polygon()'s argument checks as 2021.01 makes them when it builds the
// geometry (not when it evaluates the module): every point must be a vector
// of exactly two finite numbers, else the whole polygon is dropped with an
// ERROR; a path index outside the points is skipped with a WARNING.
#include <optional>
#include <string>
#include <vector>

#include "eval/node.h"

namespace mos::geom {

// The ERROR text (without "ERROR: ") when a point is not a vec2 of finite
// numbers, e.g. "Unable to convert points[3] = [30] to a vec2 of numbers".
std::optional<std::string> PolygonPointError(const eval::PolygonParams& params);

// WARNING texts for path indices outside the point list, in path order.
std::vector<std::string> PolygonIndexWarnings(const eval::PolygonParams& params);

}  // namespace mos::geom
