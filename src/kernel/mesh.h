// The kernel's triangle mesh: indexed triangles with halfedges.
//
// Halfedge 3*t+i runs from triVerts[t][i] to triVerts[t][(i+1)%3]; its twin
// is halfedgeTwin[3*t+i] (-1 while unpaired, i.e. the mesh is not closed).
// Triangles are counter-clockwise seen from outside (outward normals).
// Every triangle carries a property id (colour / source node) that every
// operation carries along.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

struct Mesh {
  std::vector<Vec3> vertPos;
  std::vector<std::array<int, 3>> triVerts;
  std::vector<int> halfedgeTwin;  // size 3 * triVerts.size()
  std::vector<uint32_t> triProp;  // size triVerts.size()

  int NumTri() const { return static_cast<int>(triVerts.size()); }
  int NumVert() const { return static_cast<int>(vertPos.size()); }
};

}  // namespace mos::kernel

namespace mos::kernel {

// Fills halfedgeTwin from triVerts (and triProp with 0 where missing).
// Returns false when some edge is not shared by exactly one opposite pair
// (open or non-manifold mesh); twins of such halfedges stay -1.
// Owner: the kmesh helper (src/kernel/mesh.cpp).
bool BuildHalfedges(Mesh& mesh);

// Closed (every halfedge paired), manifold and consistently oriented.
bool IsClosedManifold(const Mesh& mesh);

}  // namespace mos::kernel
