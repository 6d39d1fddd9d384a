// The mesh of an extrusion from its layout: the points of every slice (or
// profile) and the triangles in the order the extruders list them. Built
// directly as an indexed, closed mesh; the generic soup repair
// (kernel::MeshFromTriangleSoup with exact welding) is only the fallback
// for layouts it cannot prove equal to (T-junctions such as a top scaled to
// a segment through a vertex, collinear cap triangles, outlines touching
// along an edge), so both paths give the same mesh.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "kernel/mesh.h"

namespace mos::geom {

struct ExtrusionLayout {
  std::vector<kernel::Vec3> points;              // slice by slice, contour vertex by vertex
  std::vector<std::array<int, 3>> triangles;     // into points, outward, in soup order
  // The twin of each halfedge 3 t + i when the builder knows them from its
  // structure (extrude_layout_twins.h), else empty. Used when the points
  // are distinct and no triangle is dropped (then every edge is used
  // exactly twice and these are PairTwinsByVertex's twins).
  std::vector<int> twins;
};

// What the repair of the layout's triangle soup (exact welding: welded
// positions, collapsed, zero-area and cancelled triangles dropped, pinched
// vertices split, vertices numbered by first use) gives, built without the
// repair. Returns false and leaves `out` alone when the layout needs a step
// this builder does not do (non-finite points, an open or non-manifold
// edge, a two-triangle shell, an inside-out shell that is no cavity, a
// budget the repair would stop at).
bool DirectExtrusionMesh(const ExtrusionLayout& layout, uint32_t prop, kernel::Mesh& out);

// The layout's triangles as a soup through the generic repair (exact welds
// only): the reference DirectExtrusionMesh must equal.
kernel::Mesh RepairedExtrusionMesh(const ExtrusionLayout& layout, uint32_t prop);

// DirectExtrusionMesh, else RepairedExtrusionMesh.
kernel::Mesh ExtrusionMesh(const ExtrusionLayout& layout, uint32_t prop);
// The same, taking the layout's twins into the mesh (no copy).
kernel::Mesh ExtrusionMesh(ExtrusionLayout&& layout, uint32_t prop);

}  // namespace mos::geom
