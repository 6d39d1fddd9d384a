// Writing a render result to a file in a named format, with 2021.01's
// refusals for a result of the wrong dimension.
#pragma once

#include <string>
#include <vector>

#include "geom/geometry.h"

namespace mos::io {

enum class FormatDim { kNone, k2, k3 };

// Which results a geometry format takes: k3 for stl, asciistl, binstl, off,
// obj, amf, 3mf; k2 for svg, dxf; kNone for anything else.
FormatDim DimOfFormat(const std::string& format);

// Writes `geometry` as `format` (lower case) to `path`. Nothing is written
// and `error` says why (2021.01's words where it has them) when the result
// is empty, of the other dimension, or the file cannot be written.
bool ExportGeometryFile(const geom::Geometry& geometry,
                        const std::vector<geom::FaceProperty>& properties, const std::string& path,
                        const std::string& format, std::string& error);

}  // namespace mos::io
