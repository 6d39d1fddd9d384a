// Minkowski sum of two closed meshes, as convex pieces to be unioned.
#pragma once

#include <vector>

#include "kernel/hull_status.h"
#include "kernel/limits.h"
#include "kernel/mesh.h"

namespace mos::kernel {

struct Minkowski3dPieces {
  HullStatus status = HullStatus::kOk;
  // Closed, manifold, outward convex hulls (from ConvexHull3d).
  std::vector<Mesh> convexPieces;
  // Translated copies of a (non-convex) operand, to be unioned as they are.
  std::vector<Mesh> translatedCopies;
  KernelDiagnostic diagnostic;  // when stopped
};

// The sum A + B is the union of convexPieces and translatedCopies (see
// minkowski3d.cpp for the decomposition). Both convex: one piece, the hull
// of pairwise sums of hull vertices. Empty operands give an empty result.
Minkowski3dPieces Minkowski3dDecompose(const Mesh& a, const Mesh& b,
                                       const KernelLimits& limits = {});

// A + B as one closed mesh: the pieces above joined by BooleanN (union).
MeshOpResult Minkowski3d(const Mesh& a, const Mesh& b, const KernelLimits& limits = {});

// True when the mesh is one convex solid: a single component whose volume
// equals its hull's (to 1e-9 relative).
bool IsConvexSolid(const Mesh& mesh);

// Planar convex patches of a mesh's surface (edge-connected coplanar
// triangles whose union is convex), as vertex index lists.
std::vector<std::vector<int>> ConvexSurfacePatches(const Mesh& mesh,
                                                   const KernelLimits& limits = {});

}  // namespace mos::kernel
