// linear_extrude and rotate_extrude of a 2D polygon set, as 2021.01 lays out
// their vertices (checked against its exported OFF files in tests/unit/geom).
#pragma once

#include <cstdint>
#include <string>

#include "eval/node.h"
#include "geom/extrude_mesh.h"
#include "kernel/mesh.h"
#include "kernel/polygon2d.h"

namespace mos::geom {

// Slice count 2021.01 uses for a twisted extrusion without slices=: from
// $fn (fn * |twist| / 360), else the smaller of |twist| / $fa and the length
// of the farthest vertex's path (helix; conical helix under a uniform
// scale) over $fs; at least 1.
int LinearExtrudeSlices(const kernel::Polygon2d& polygon, const eval::LinearExtrudeParams& p);

// Points of every slice and the triangles, in 2021.01's layout (empty for
// no height or no polygon).
ExtrusionLayout LinearExtrudeLayout(const kernel::Polygon2d& polygon,
                                    const eval::LinearExtrudeParams& p);

// Closed mesh of the layout (ExtrusionMesh) or empty; every triangle gets `prop`.
// `cgalRejects` (optional): set when 2021.01's CGAL conversion would reject
// the extrusion as laid out before repair (cgal_closed_check.h): a top
// scaled to zero on an axis, a polygon other than one convex outline, and
// triangles that are not a closed 2-manifold.
kernel::Mesh LinearExtrude(const kernel::Polygon2d& polygon, const eval::LinearExtrudeParams& p,
                           uint32_t prop, bool* cgalRejects = nullptr);

// Profiles 2021.01 uses around the axis: ceil(max(fragments(max |x|) *
// |angle| / 360, 1)).
int RotateExtrudeFragments(const kernel::Polygon2d& polygon, const eval::RotateExtrudeParams& p);

// Number of polygon vertices (for vertex budgets: extrusions make
// vertices x (slices + 1) or vertices x profiles).
int64_t PolygonVertexCount(const kernel::Polygon2d& polygon);

// Points of every profile and the triangles, in 2021.01's layout; empty
// with `error` set as below.
ExtrusionLayout RotateExtrudeLayout(const kernel::Polygon2d& polygon,
                                    const eval::RotateExtrudeParams& p, std::string& error);

// Closed mesh of the layout (ExtrusionMesh). Empty with `error` set
// (2021.01's wording, without "ERROR: ") when the shape has points on both
// sides of the Y axis.
kernel::Mesh RotateExtrude(const kernel::Polygon2d& polygon, const eval::RotateExtrudeParams& p,
                           uint32_t prop, std::string& error);

}  // namespace mos::geom
