// text() node → raw contours through the build's FontProvider (text_font.h)
// and text_layout.h, then cleaned up as 2021.01 does.
#pragma once

#include <cstdint>
#include <string>

#include "eval/node.h"
#include "kernel/polygon2d.h"

namespace mos::geom {

// Empty with *warning set when the build has no font provider or no font.
// Over `maxVertices` (> 0) the result is empty with a warning.
kernel::Polygon2d TextContours(const eval::TextParams& params, std::string* warning,
                               int64_t maxVertices = 0);

// The cleaned-up result of text(): TextContours on Clipper's grid, united.
kernel::Polygon2d TextPolygon(const eval::TextParams& params, std::string* warning,
                              int64_t maxVertices = 0);

}  // namespace mos::geom
