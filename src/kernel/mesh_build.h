// Building a repaired mesh from triangle soup, indexed triangles or polygon
// faces (polyhedron()). Every path ends in RepairMesh; see mesh_repair.h for
// the options and the report.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "kernel/mesh_repair.h"

namespace mos::kernel {

// Each triangle by its three corner positions; vertices are welded.
// `props`: one per triangle, or empty (all 0).
Mesh MeshFromTriangleSoup(const std::vector<std::array<Vec3, 3>>& triangles,
                          const std::vector<uint32_t>& props, const RepairOptions& options,
                          RepairReport& report);

// Indexed triangles (e.g. STL/OFF import after parsing).
Mesh MeshFromIndexedTriangles(const std::vector<Vec3>& points,
                              const std::vector<std::array<int, 3>>& triangles,
                              const std::vector<uint32_t>& props, const RepairOptions& options,
                              RepairReport& report);

// Polygon faces as vertex index lists (polyhedron(points, faces); pass
// FaceWinding::Clockwise for OpenSCAD's convention). Consecutive repeated
// indices are removed; faces with fewer than three vertices or a bad index
// are dropped (counted as invalid). Faces are triangulated in the plane of
// their Newell normal (projected onto the closest axis plane): convex faces
// by a fan, others (also those with straight corners) by TriangulatePolygon
// (ear clipping); counted in
// report.nonConvexFaces.
Mesh MeshFromPolygons(const std::vector<Vec3>& points, const std::vector<std::vector<int>>& faces,
                      const std::vector<uint32_t>& faceProps, const RepairOptions& options,
                      RepairReport& report);

// Triangulates one polygon face (indices into `points`) and appends the
// triangles (same orientation as the face) to `out`. Returns false when the
// face was not convex (then it went through TriangulatePolygon).
bool TriangulateFace(const std::vector<Vec3>& points, const std::vector<int>& face,
                     std::vector<std::array<int, 3>>& out);

}  // namespace mos::kernel
