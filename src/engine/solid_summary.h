// The measures of a 3D result (volume, area, bounding box, components,
// genus) in one pass over the triangles: the same values as
// kernel::SignedVolume, SurfaceArea, BoundingBox, ComponentCount and Genus,
// which a render would otherwise walk the mesh five times for.
#pragma once

#include "kernel/mesh.h"
#include "mos/mesh.h"

namespace mos::engine {

GeometrySummary SummarizeSolid(const kernel::Mesh& mesh);

}  // namespace mos::engine
