// Mesh exporters in OpenSCAD 2021.01's formats: ASCII STL (`solid
// OpenSCAD_Model`, numbers as C++ streams print them with 6 significant
// digits, facets whose printed corners coincide left out), binary STL
// (header "OpenSCAD Model\n" padded to 80 bytes) and OFF.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "geom/geometry.h"
#include "kernel/mesh.h"

namespace mos::io {

void WriteStlAscii(const kernel::Mesh& mesh, std::ostream& out);
void WriteStlBinary(const kernel::Mesh& mesh, std::ostream& out);
// `properties` (may be empty): per-face colours from the render; when any
// triangle has a colour, faces carry "r g b a" (0..1) after their indices.
void WriteOff(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
              std::ostream& out);

// One number as 2021.01 prints it in these files ("%g"-like: 0.433013,
// 1.23457e+06, -0).
std::string FormatNumber(double v);

// Writes to a file chosen by extension (.stl ascii, .off); false with
// `error` set when the file cannot be written or the extension is unknown.
bool ExportMeshFile(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
                    const std::string& path, const std::string& format, std::string& error);

}  // namespace mos::io
