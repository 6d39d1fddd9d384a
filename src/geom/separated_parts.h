// Whether the union of some solids is just their concatenation: no two
// parts of different solids can touch. Decided per connected component
// (a solid that is itself a grid of parts has one box per part), first by
// bounding boxes, then, for parts whose boxes overlap, by a separating
// plane through a face of either part (a plane that has every vertex of
// one part strictly on one side and every vertex of the other strictly on
// the other side separates their convex hulls, so the parts are disjoint).
#pragma once

#include <vector>

#include "kernel/mesh.h"

namespace mos::geom {

// True when every two parts of different meshes are shown disjoint. False
// (let the boolean decide) when some pair may touch, or when showing it
// would cost more than a fixed budget of vertex projections.
bool PartsSeparated(const std::vector<const kernel::Mesh*>& meshes);

namespace detail {
// The parts (components by shared vertex) of a mesh, numbered by their
// first triangle: each triangle's part, each vertex's (-1: in no
// triangle); returns how many. Exposed for tests.
int NumberParts(const kernel::Mesh& mesh, std::vector<int>& triPart, std::vector<int>& vertPart);
}  // namespace detail

}  // namespace mos::geom
