// Halfedge twins of an extrusion's layout, from how LinearExtrudeLayout and
// RotateExtrudeLayout list their triangles (so DirectExtrusionMesh need not
// pair them by vertex buckets).
#pragma once

#include <array>
#include <vector>

namespace mos::geom {

// The layout of `slices` levels of `count` points (contours of the given
// sizes, concatenated): for each cap triangle t (corners into the
// concatenated contours, counter-clockwise) the bottom {t0, t2, t1} and the
// top {top + t0, top + t1, top + t2}; then per slice, contour and edge the
// two side triangles, cut along either diagonal. Returns the twin of each
// halfedge 3 t + i (t into `triangles`), or an empty vector when a contour
// has fewer than three vertices or the cap does not pair up (a contour edge
// missing or used twice, an inner edge not used exactly twice in opposite
// directions). Where the layout's points are distinct and no triangle is
// dropped, these are the twins PairTwinsByVertex finds (every edge is then
// used exactly twice).
std::vector<int> LinearLayoutTwins(const std::vector<int>& contourSizes, int slices,
                                   const std::vector<std::array<int, 3>>& cap,
                                   const std::vector<std::array<int, 3>>& triangles);

// The same for RotateExtrudeLayout: `fragments` sweep steps, a full turn
// (profile n is profile 0, no caps) or not, `reverse` for a clockwise sweep
// (every triangle's corners 1 and 2 swapped); the sides first, per step and
// contour edge (a_j, a_j2, b_j2), (a_j, b_j2, b_j), then for each cap
// triangle profile 0's copy and profile n's mirrored one.
std::vector<int> RotateLayoutTwins(const std::vector<int>& contourSizes, int fragments, bool full,
                                   bool reverse, const std::vector<std::array<int, 3>>& cap,
                                   const std::vector<std::array<int, 3>>& triangles);

}  // namespace mos::geom
