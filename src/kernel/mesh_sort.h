// Reordering of a mesh's triangles for memory locality: by the Morton code of
// their centroids (the order a linear BVH builds in), keeping properties and
// halfedge twins in step.
#pragma once

#include <vector>

#include "kernel/mesh.h"

namespace mos::kernel {

// Returns newToOld: new triangle k was old triangle newToOld[k].
std::vector<int> SortFacesByMorton(Mesh& mesh);

// Reorders vertices by the Morton code of their position (triangles are
// renumbered; halfedges and properties are unaffected). Returns newToOld.
std::vector<int> SortVerticesByMorton(Mesh& mesh);

// Applies a triangle permutation (newToOld) to triVerts, triProp and
// halfedgeTwin.
void PermuteTriangles(Mesh& mesh, const std::vector<int>& newToOld);

// Renumbers vertices in order of first use by the triangles and drops unused
// ones. Returns oldToNew (-1 for dropped vertices).
std::vector<int> CompactVertices(Mesh& mesh);

}  // namespace mos::kernel
