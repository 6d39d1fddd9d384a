// The individual steps of RepairMesh (private to the kernel; each works on
// triVerts / vertPos / triProp and leaves halfedgeTwin alone unless it says).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "kernel/limits.h"
#include "kernel/mesh.h"

namespace mos::kernel::repair {

// Drops triangles with an out-of-range index, a repeated index or a
// non-finite vertex. Returns how many were dropped.
int DropInvalidTriangles(Mesh& mesh);

// Welds vertices at the same position, then vertices within `epsilon`
// (union of all pairs closer than epsilon; the lowest index's position
// wins). Triangles that collapse are dropped (counted in `collapsed`).
void WeldVertices(Mesh& mesh, double epsilon, int& exactMerged, int& nearMerged, int& collapsed);

// Drops triangles whose height over their longest edge is <= epsilon.
int DropZeroAreaTriangles(Mesh& mesh, double epsilon);

// Drops repeated triangles (same three vertices). A triangle and its
// reverse cancel. Counts extra same-orientation copies and cancelled pairs.
void DropDuplicateTriangles(Mesh& mesh, int& duplicates, int& cancelledPairs);

// Splits triangles along boundary edges at boundary vertices lying within
// epsilon of the edge's interior. Returns the number of vertices inserted.
int CloseTJunctions(Mesh& mesh, double epsilon, LimitGuard& guard);

// Flips triangles so neighbours across two-triangle edges agree (per shell,
// keeping the majority's orientation); reverses shells with negative volume
// that no positive shell contains (a contained one is a cavity); finally
// reverses everything if the total signed volume is still negative.
void OrientTriangles(Mesh& mesh, int& flipped, int& conflicts, int& flippedShells,
                     bool& flippedWhole);

// Needs halfedges built (BuildHalfedges). Gives every extra fan of a pinched
// vertex its own vertex (same position). Returns the vertices added.
int SplitPinchedVertices(Mesh& mesh);

// Undirected edges: one entry per distinct vertex pair, with the halfedges
// using it (sorted by key).
struct EdgeUse {
  uint64_t key;
  int halfedge;
};
std::vector<EdgeUse> SortedEdgeUses(const Mesh& mesh);
inline uint64_t EdgeKey(int a, int b) {
  const uint64_t lo = static_cast<uint32_t>(a < b ? a : b);
  const uint64_t hi = static_cast<uint32_t>(a < b ? b : a);
  return lo << 32 | hi;
}

// Edges with one triangle, and with more than two.
void CountEdgeProblems(const Mesh& mesh, int& openEdges, int& nonManifoldEdges);

}  // namespace mos::kernel::repair
