#include "io/export_file.h"

#include <fstream>

#include "io/export_2d.h"
#include "io/export_mesh.h"

namespace mos::io {

namespace {

bool OpenForExport(const std::string& path, std::ofstream& file, std::string& error) {
  file.open(path, std::ios::binary | std::ios::trunc);
  if (!file) error = "Can't open file \"" + path + "\" for export";
  return static_cast<bool>(file);
}

bool Finish(std::ofstream& file, const std::string& path, std::string& error) {
  file.flush();
  if (!file) error = "Error writing \"" + path + "\"";
  return static_cast<bool>(file);
}

}  // namespace

FormatDim DimOfFormat(const std::string& format) {
  for (const char* f : {"stl", "asciistl", "binstl", "off", "obj", "amf", "3mf"}) {
    if (format == f) return FormatDim::k3;
  }
  if (format == "svg" || format == "dxf") return FormatDim::k2;
  return FormatDim::kNone;
}

bool ExportMeshFile(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
                    const std::string& path, const std::string& format, std::string& error) {
  if (DimOfFormat(format) != FormatDim::k3) {
    error = "Unknown export format: " + format;
    return false;
  }
  std::ofstream file;
  if (!OpenForExport(path, file, error)) return false;
  if (format == "stl" || format == "asciistl") WriteStlAscii(mesh, file);
  else if (format == "binstl") WriteStlBinary(mesh, file);
  else if (format == "off") WriteOff(mesh, properties, file);
  else if (format == "obj") WriteObj(mesh, file);
  else if (format == "amf") WriteAmf(mesh, properties, file);
  else if (format == "3mf" && !Write3mf(mesh, properties, file)) {
    error = "Error writing \"" + path + "\": the model is too large for a 3MF package";
    return false;
  }
  return Finish(file, path, error);
}

bool ExportGeometryFile(const geom::Geometry& geometry,
                        const std::vector<geom::FaceProperty>& properties, const std::string& path,
                        const std::string& format, std::string& error) {
  const FormatDim dim = DimOfFormat(format);
  if (dim == FormatDim::kNone) {
    error = "Unknown export format: " + format;
    return false;
  }
  // 2021.01's checks and words, in its order: a 2D format wants a 2D
  // object (an empty one is not), a 3D format a non-empty 3D object.
  if (dim == FormatDim::k2) {
    if (geometry.dim != geom::Dim::k2) {
      error = "Current top level object is not a 2D object.";
      return false;
    }
    std::ofstream file;
    if (!OpenForExport(path, file, error)) return false;
    if (format == "svg") WriteSvg(geometry.polygon, file);
    else WriteDxf(geometry.polygon, file);
    return Finish(file, path, error);
  }
  if (geometry.dim == geom::Dim::kEmpty) {
    error = "Current top level object is empty.";
    return false;
  }
  if (geometry.dim != geom::Dim::k3) {
    error = "Current top level object is not a 3D object.";
    return false;
  }
  return ExportMeshFile(geometry.mesh, properties, path, format, error);
}

}  // namespace mos::io
