// Triangulation of planar polygons with holes (robust ear clipping, after
// D. Eberly, "Triangulation by ear clipping"). Used for extrusion caps,
// polyhedron faces, boolean output faces and 2D -> 3D.
#pragma once

#include <array>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

// `loops`: an outer boundary and holes (any orientation, any order; the
// triangulator classifies them by nesting and signed area). Vertices are
// numbered by their position in the concatenation of all loops. Returns
// triangles (counter-clockwise in the plane) as index triples into that
// numbering. Never fails: slightly invalid input (self-touching, tiny
// self-intersections, duplicate points) still yields a triangulation that
// uses every edge of the input once. Loops with fewer than three points are
// ignored. A triangle may be degenerate (zero area) where the input has
// duplicate points or zero-area spikes: that is how their edges get used.
// Non-finite coordinates are read as 0. Owner: the k2d helper.
std::vector<std::array<int, 3>> TriangulatePolygon(
    const std::vector<std::vector<Vec2>>& loops);

}  // namespace mos::kernel
