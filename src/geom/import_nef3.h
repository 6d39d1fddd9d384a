// import() of a .nef3 file (importer/mesh_nef3.h) made into a solid: facets
// with holes triangulated in their plane, the rest as polygons, through the
// kernel's mesh repair like the other mesh formats.
#pragma once

#include <string>

#include "geom/import_geometry.h"

namespace mos::geom {

// `fullPath`: the absolute path 2021.01 names in its warning.
void ImportNef3(const ImportRequest& request, const std::string& fullPath, ImportOutcome& out);

}  // namespace mos::geom
