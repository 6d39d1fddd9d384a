// Ear clipping of one outer loop with its holes (keyhole bridges, sharpest
// ear first). After D. Eberly, "Triangulation by Ear Clipping", Geometric
// Tools (2002-2015): holes are joined to the outer loop by a bridge to a
// mutually visible vertex found with a +x ray from the hole's rightmost
// vertex; ears are then clipped, here from a priority queue.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

// One loop of the input: its points and the global index of each point.
struct IndexedLoop {
  std::vector<Vec2> points;
  std::vector<int> ids;
};

// How holes are bridged: with at least minHolesForGrid holes, the bridge
// queries go through a grid of the edges instead of walking the ring per
// hole (same answers, near-linear instead of holes x vertices). Tests set
// it to compare both; `stats`, if set, reports what happened.
struct EarClipStats {
  bool usedGrid = false;
  int deferred = 0;  // grid queries that had to walk the ring (ties, copies)
  int keptEarVerdicts = 0;  // pushes that reused a corner's ear verdict
};
struct EarClipOptions {
  size_t minHolesForGrid = 12;  // about where the grid starts to pay
  // Reuse a corner's last ear verdict while nothing it depends on changed
  // (same triangles; tests switch it off to compare).
  bool keepEarVerdicts = true;
  EarClipStats* stats = nullptr;
};

// Triangulates `outer` (counter-clockwise) with `holes` (clockwise, inside
// the outer loop). Appends triangles (CCW, global ids) to `out`. Never fails:
// for invalid input it still returns triangles whose edges pair up so that
// every loop edge is used exactly once.
void EarClipWithHoles(const IndexedLoop& outer, const std::vector<IndexedLoop>& holes,
                      std::vector<std::array<int, 3>>& out, const EarClipOptions& options = {});

}  // namespace mos::kernel
