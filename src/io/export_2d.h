// 2D exporters in OpenSCAD 2021.01's formats, byte for byte where the
// contours come in the same order: SVG (one <path>, y flipped, a viewBox on
// whole millimetres around the bounding box) and DXF (R12-style LINE
// entities, one per contour edge, in layer 0). Contours are written in the
// order 2021.01 writes them (contour_order.h).
#pragma once

#include <ostream>

#include "kernel/polygon2d.h"

namespace mos::io {

void WriteSvg(const kernel::Polygon2d& polygon, std::ostream& out);
void WriteDxf(const kernel::Polygon2d& polygon, std::ostream& out);

}  // namespace mos::io
