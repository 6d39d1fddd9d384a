// The kernel's triangle mesh: indexed triangles with halfedges.
//
// Halfedge 3*t+i runs from triVerts[t][i] to triVerts[t][(i+1)%3]; its twin
// is halfedgeTwin[3*t+i] (-1 while unpaired, i.e. the mesh is not closed).
// Triangles are counter-clockwise seen from outside (outward normals).
// Every triangle carries a property id (colour / source node) that every
// operation carries along.
#pragma once

#include <array>
#include <cassert>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kernel/bbox.h"
#include "kernel/vec.h"

namespace mos::kernel {

struct PreparedSlot;  // kernel/boolean_operand.h

struct Mesh {
  std::vector<Vec3> vertPos;
  std::vector<std::array<int, 3>> triVerts;
  std::vector<int> halfedgeTwin;  // size 3 * triVerts.size()
  std::vector<uint32_t> triProp;  // size triVerts.size()
  // What a boolean derived from this mesh as an operand (halfedge pairs,
  // normals, BVH), shared by the mesh's copies (a cached solid and the
  // renders that reuse it), so a cached operand is not prepared again. It
  // is checked against the positions and triangles before each use, so
  // changing the mesh never hands back a stale one. Empty until used.
  mutable std::shared_ptr<PreparedSlot> prepared;

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
// Checks the stored halfedgeTwin (sizes, mutual twins running opposite ways),
// no triangle repeating a vertex, and that each used vertex has exactly one
// fan reaching every neighbour once (no pinched vertex, no doubled edge).
// O(size), no sorting: cheap enough to assert after every operation
// (MOS_KERNEL_ASSERT_CLOSED_MANIFOLD). An empty mesh passes.
bool IsClosedManifold(const Mesh& mesh);

// IsClosedManifold of a mesh whose twins a successful BuildHalfedges just
// built: the index, degeneracy and twin checks hold by construction, so
// only the fans are walked (one fan per vertex, as many halfedges as leave
// it, no neighbour met twice around it). The same answer as
// IsClosedManifold there.
bool FansManifold(const Mesh& mesh);

// FansManifold checked only around the corners of `tris` (triangle
// indices): whether each of those vertices has exactly one fan. Twins must
// pair every halfedge with one opposite halfedge (as FansManifold's
// precondition). The same answer as FansManifold when every other used
// vertex is known to have one fan (a boolean whose operands are closed and
// manifold: a vertex none of whose output triangles was cut keeps the fan
// it had in its operand). Cost: the fans of those vertices, plus a clear of
// one byte per halfedge and per vertex.
bool FansManifoldAt(const Mesh& mesh, const std::vector<int>& tris);

// --- Additions (kmesh helper). Companion headers: mesh_build.h (soup and
// polygon input), mesh_repair.h, mesh_properties.h (volume, area, genus),
// mesh_normals.h, mesh_transform.h, mesh_sort.h (Morton order), bvh.h,
// mesh_primitives.h, limits.h (cancel token and budgets).

// Halfedge navigation: halfedge 3*t+i starts at triVerts[t][i].
inline int TriOfHalfedge(int h) { return h / 3; }
inline int NextHalfedge(int h) { return h % 3 == 2 ? h - 2 : h + 1; }
inline int PrevHalfedge(int h) { return h % 3 == 0 ? h + 2 : h - 1; }
inline int HalfedgeStart(const Mesh& m, int h) { return m.triVerts[h / 3][h % 3]; }
inline int HalfedgeEnd(const Mesh& m, int h) { return m.triVerts[h / 3][(h % 3 + 1) % 3]; }

// Box of all vertex positions (empty box for an empty mesh).
Box3 BoundingBox(const Mesh& mesh);

// Like IsClosedManifold, but says why not (empty string when it is), for
// test failure messages and debug assertions.
std::string DescribeManifoldProblem(const Mesh& mesh);

// Rough heap size of a mesh in bytes, for memory budgets (limits.h).
inline int64_t EstimateBytes(const Mesh& m) {
  return static_cast<int64_t>(m.vertPos.size()) * 24 + static_cast<int64_t>(m.triVerts.size()) * 28;
}

// Debug builds check every operation's result; release builds skip it.
#ifndef NDEBUG
#define MOS_KERNEL_ASSERT_CLOSED_MANIFOLD(mesh) \
  assert(::mos::kernel::IsClosedManifold(mesh) && "kernel result not closed-manifold")
#else
#define MOS_KERNEL_ASSERT_CLOSED_MANIFOLD(mesh) ((void)0)
#endif

// Appends `b` to `a` (vertices, triangles, properties, halfedges).
void AppendMesh(Mesh& a, const Mesh& b);

}  // namespace mos::kernel
