// Halfedge twins for DirectExtrusionMesh: kernel::BuildHalfedges' result
// where it succeeds, from a bucket of halfedges per lower endpoint (a few
// per vertex in an extrusion) instead of a hash table of all edges.
#pragma once

#include "kernel/mesh.h"

namespace mos::geom {

// Fills mesh.halfedgeTwin (and triProp with 0 where missing) and returns
// true when every edge is used by exactly two halfedges running opposite
// ways and every triangle has three distinct, valid corners: then the twins
// are the ones BuildHalfedges gives (they are unique). Otherwise returns
// false with the twins unspecified (BuildHalfedges also returns false then).
// cornersValid: the caller guarantees every triangle's corners are distinct
// vertex indices in range (DirectExtrusionMesh's triangles are, by
// construction), so they are not checked again.
bool PairTwinsByVertex(kernel::Mesh& mesh, bool cornersValid = false);

}  // namespace mos::geom
