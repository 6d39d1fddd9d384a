// Lawson's edge flips (C. L. Lawson, "Software for C1 surface
// interpolation", 1977): a triangulation of a polygon is made locally
// Delaunay by flipping interior edges whose opposite vertex lies inside the
// circumcircle. Ear clipping leaves long thin triangles across extrusion
// caps; after the flips the triangles are short, so a boolean with another
// solid's coplanar faces has far fewer candidate pairs.
#pragma once

#include <array>
#include <vector>

#include "kernel/vec.h"

namespace mos::geom {

// Flips edges of `tris` (counter-clockwise triangles over `points`) until
// every interior edge is locally Delaunay or `maxFlips` flips were made.
// Boundary edges (used by one triangle) are never flipped; a flip is made
// only when the two triangles form a strictly convex quadrilateral (exact
// orientation tests), so the triangulation stays valid and covers the same
// region. Returns the number of flips.
int FlipToDelaunay(const std::vector<kernel::Vec2>& points, std::vector<std::array<int, 3>>& tris,
                   int maxFlips);

namespace delaunay_detail {
// FlipToDelaunay with the edge owners in a std::unordered_map, as it was:
// the reference the tests (and -DMOS_CHECK_DELAUNAY_FLIPS) hold the open
// addressing table to. Same flips, same triangles.
int FlipToDelaunayReference(const std::vector<kernel::Vec2>& points, std::vector<std::array<int, 3>>& tris,
                            int maxFlips);
}  // namespace delaunay_detail

}  // namespace mos::geom
