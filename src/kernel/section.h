// Plane section (projection(cut=true)) and shadow (projection()) of a closed
// mesh, as oriented 2D loops.
#pragma once

#include <vector>

#include "kernel/hull_status.h"
#include "kernel/limits.h"
#include "kernel/mesh.h"
#include "kernel/vec.h"

namespace mos::kernel {

// Loops in the plane; the region they describe is every point with a
// positive winding number (outer boundaries CCW, holes CW).
struct PlanarLoops {
  HullStatus status = HullStatus::kOk;
  std::vector<std::vector<Vec2>> loops;
  // True when loops may overlap (winding numbers above 1): a union with
  // positive (or nonzero) fill turns them into disjoint polygons with holes.
  // False: the loops already are such polygons.
  bool overlapping = false;
  KernelDiagnostic diagnostic;  // when stopped
};

// The section of a closed, outward-oriented mesh with the plane z = 0, as
// OpenSCAD 2021.01 gives it: the closed solid meets the plane, so a face
// lying in the plane belongs to the section (a cube standing on z = 0 cuts
// to its bottom square). Computed as the union of the sections just above
// and just below the plane, each with exact symbolic rules (a vertex with
// z == 0 counts as above, respectively below); when no vertex lies exactly
// on the plane the two agree and one is returned.
PlanarLoops SectionAtZ0(const Mesh& mesh, const KernelLimits& limits = {});

// The section just above (side > 0) or just below (side < 0) the plane:
// never overlapping loops.
PlanarLoops SectionAtZ0Side(const Mesh& mesh, int side, const KernelLimits& limits = {});

// The shadow of a closed mesh on z = 0 (projection()): the projected
// boundary loops of the up-facing triangles. The winding number of a point
// is the number of up-facing surface layers above it, so the shadow is the
// positive-winding region; `overlapping` is set whenever there are loops.
PlanarLoops ShadowOnZ0(const Mesh& mesh, const KernelLimits& limits = {});

// projection(cut=true): SectionAtZ0 in canonical polygon form.
PolygonOpResult ProjectCut(const Mesh& mesh, const KernelLimits& limits = {});

// projection(): ShadowOnZ0 in canonical polygon form.
PolygonOpResult ProjectShadow(const Mesh& mesh, const KernelLimits& limits = {});

}  // namespace mos::kernel
