// Small mesh helpers used by hull, minkowski and section, kept local until
// the kernel's shared mesh functions (BuildHalfedges, volume, components)
// are merged.
#pragma once

#include <cstdint>
#include <vector>

#include "kernel/mesh.h"
#include "kernel/vec.h"

namespace mos::kernel {

// Fills halfedgeTwin by matching opposite directed edges. False (twins left
// -1 where unmatched) unless every directed edge is unique and paired.
bool PairHalfedgesLocal(Mesh& mesh);

// Signed volume (divergence theorem about the first vertex).
double SignedVolumeLocal(const Mesh& mesh);

// Connected components of triangles sharing a vertex: component id per
// triangle; returns the number of components.
int TriangleComponentsLocal(const Mesh& mesh, std::vector<int>& componentOfTri);

// Uniform scale of the coordinates: max |coordinate| (at least 1).
double CoordinateScale(const std::vector<Vec3>& points);

}  // namespace mos::kernel
