// 2021.01 puts the vertices of every mesh that enters a 3D boolean as a
// plain mesh (a PolySet: primitives, extrusions, hulls; not the result of an
// earlier boolean) on a grid of 2^-20 before its exact CGAL boolean, merging
// vertices of that mesh that fall in the same or a neighbouring cell. Two
// operands whose faces are less than a grid step apart thus meet exactly
// (issue1165.scad: cutters 8.8e-11 apart leave no sliver). Measured with
// openscad 2021.01: a cutter face at y = -g next to one at y = 0 leaves no
// wall for g <= 9e-7 and a wall for g >= 1e-6 (2021.01 truncates to the
// grid; mos rounds, so its threshold is half a step: see grid_snap.cpp).
#pragma once

#include "kernel/mesh.h"

namespace mos::geom {

inline constexpr double kOpenscadGrid = 1.0 / (1024.0 * 1024.0);

// Moves every vertex to the nearest grid point (meshes with coordinates too
// large for the grid stay as they are). Vertices landing in the same or an adjacent cell as an
// earlier one take its point; the triangles that collapse are dropped and
// the mesh is rebuilt. Returns false, leaving the mesh unchanged, when the
// merged mesh would not be closed-manifold.
bool SnapToOpenscadGrid(kernel::Mesh& mesh);

}  // namespace mos::geom
