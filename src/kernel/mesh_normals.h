// Face normals and angle-weighted vertex pseudo-normals (Baerentzen and
// Aanaes, "Signed distance computation using the angle weighted
// pseudonormal", 2005): the boolean's symbolic perturbation pushes each
// vertex along its pseudo-normal.
#pragma once

#include <vector>

#include "kernel/mesh.h"

namespace mos::kernel {

// Unit normal of triangle t (counter-clockwise = outward); zero when the
// triangle has no area.
Vec3 FaceNormal(const Mesh& mesh, int tri);
std::vector<Vec3> FaceNormals(const Mesh& mesh);

// Per vertex: the sum over incident triangles of (angle at the vertex) x
// (unit face normal), normalised. Zero for unused vertices.
std::vector<Vec3> VertexPseudoNormals(const Mesh& mesh);

}  // namespace mos::kernel
