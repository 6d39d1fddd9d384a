// Mesh exporters in OpenSCAD 2021.01's formats: ASCII STL (`solid
// OpenSCAD_Model`, numbers as C++ streams print them with 6 significant
// digits, facets whose printed corners coincide left out), binary STL
// (header "OpenSCAD Model\n" padded to 80 bytes), OFF, AMF and 3MF, plus OBJ
// (which 2021.01 does not write). Colours come from the render's face
// properties; 2021.01 writes them nowhere but mos keeps them in OFF, AMF and
// 3MF. The 2D formats (SVG, DXF) are in export_2d.h.
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

// OBJ: "v x y z" lines, then "f a b c" with 1-based indices (no colours:
// OBJ keeps them only in a separate .mtl file).
void WriteObj(const kernel::Mesh& mesh, std::ostream& out);
// AMF as 2021.01 writes it (one object, 6 significant digits); triangles are
// grouped into one <volume> per colour, with a <color> where one is given.
void WriteAmf(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
              std::ostream& out);
// 3MF: a zip package (zip_writer.h) with the content types, the relationship
// and 3D/3dmodel.model laid out as 2021.01 (lib3mf) writes them; coloured
// triangles reference an m:colorgroup (3MF materials extension), the others
// take the object's default (OpenSCAD's face colour). False when the zip
// could not be written.
bool Write3mf(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
              std::ostream& out);
// The 3D/3dmodel.model part of a 3MF package alone (for tests and Write3mf).
std::string ThreeMfModel(const kernel::Mesh& mesh,
                         const std::vector<geom::FaceProperty>& properties);

// The colour of triangle `t`, or nullptr when it has none.
inline const geom::FaceProperty* TriangleColor(const kernel::Mesh& mesh,
                                               const std::vector<geom::FaceProperty>& properties,
                                               int t) {
  if (t < 0 || t >= static_cast<int>(mesh.triProp.size())) return nullptr;
  const uint32_t p = mesh.triProp[t];
  return p < properties.size() && properties[p].HasColor() ? &properties[p] : nullptr;
}

// One number as 2021.01 prints it in these files ("%g"-like: 0.433013,
// 1.23457e+06, -0).
std::string FormatNumber(double v);

// Writes `format` (stl/asciistl, binstl, off, obj, amf, 3mf) to `path`;
// false with `error` set when the file cannot be written or the format is
// not a 3D one.
bool ExportMeshFile(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
                    const std::string& path, const std::string& format, std::string& error);

}  // namespace mos::io
