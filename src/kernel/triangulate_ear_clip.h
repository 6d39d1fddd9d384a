// Ear clipping of one outer loop with its holes (keyhole bridges, sharpest
// ear first). After D. Eberly, "Triangulation by Ear Clipping", Geometric
// Tools (2002-2015): holes are joined to the outer loop by a bridge to a
// mutually visible vertex found with a +x ray from the hole's rightmost
// vertex; ears are then clipped, here from a priority queue.
#pragma once

#include <array>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

// One loop of the input: its points and the global index of each point.
struct IndexedLoop {
  std::vector<Vec2> points;
  std::vector<int> ids;
};

// Triangulates `outer` (counter-clockwise) with `holes` (clockwise, inside
// the outer loop). Appends triangles (CCW, global ids) to `out`. Never fails:
// for invalid input it still returns triangles whose edges pair up so that
// every loop edge is used exactly once.
void EarClipWithHoles(const IndexedLoop& outer, const std::vector<IndexedLoop>& holes,
                      std::vector<std::array<int, 3>>& out);

}  // namespace mos::kernel
