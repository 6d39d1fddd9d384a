// surface(): the closed mesh 2021.01 builds from a height grid, and the
// geometry evaluator's entry for a surface node.
//
// 2021.01's mesh (x = column, y = line, both shifted by -(n-1)/2 with
// center=true): each grid cell is four triangles meeting at a centre vertex
// whose height is the mean of the cell's four corners; the walls are one
// quad per boundary edge from the height down to the floor; the floor is one
// polygon through every boundary grid point at baseLevel = min(0, lowest
// height - 1). Faces are counter-clockwise seen from outside.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "eval/node.h"
#include "geom/geometry.h"
#include "geom/surface_data.h"
#include "kernel/limits.h"
#include "kernel/vec.h"

namespace mos::geom {

struct SurfacePolygons {
  std::vector<kernel::Vec3> points;
  std::vector<std::vector<int>> faces;  // counter-clockwise from outside
};

// Empty when the grid has fewer than two lines or columns (2021.01 then
// builds a flat shape without volume).
SurfacePolygons BuildSurfacePolygons(const SurfaceData& data, bool center);

// Reads p.path, reports 2021.01's warnings (no location, as 2021.01 prints
// them) and our diagnostics (at `span`) into `warnings`, and builds the mesh
// with face property `prop`.
Geometry SurfaceGeometry(const eval::SurfaceParams& p, const kernel::KernelLimits& limits,
                         uint32_t prop, const lang::SourceSpan& span,
                         std::vector<GeomMessage>& warnings);

}  // namespace mos::geom
