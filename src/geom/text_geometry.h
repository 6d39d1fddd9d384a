// text() node → raw contours through the build's FontProvider (text_font.h)
// and text_layout.h; the caller cleans them up as it does polygon().
#pragma once

#include <string>

#include "eval/node.h"
#include "kernel/polygon2d.h"

namespace mos::geom {

// Empty with *warning set when the build has no font provider or no font.
kernel::Polygon2d TextContours(const eval::TextParams& params, std::string* warning);

}  // namespace mos::geom
