// import() and the file= form of linear_extrude/rotate_extrude: a file read
// by the importer stage made into geometry. DXF gives a 2D polygon set
// (paths filled even-odd, curves by $fn/$fa/$fs, as 2021.01 does); SVG a 2D
// set (each shape filled even-odd, the shapes united; importer/svg_data.h);
// STL, OFF, OBJ, AMF, 3MF and .nef3 (import_nef3.h) give a solid through the
// kernel's mesh repair (the objects of an AMF or 3MF file united; 2021.01
// reads no OBJ; we do). Missing files and formats we do not read give 2021.01's
// warning or error; malformed files a warning, never a crash.
#pragma once

#include <string>
#include <vector>

#include "eval/node.h"
#include "geom/geometry.h"
#include "importer/mesh_data.h"
#include "kernel/limits.h"

namespace mos::geom {

struct ImportRequest {
  std::string path;         // to open
  std::string displayName;  // as the script names it (relative to the main file)
  std::string layer;
  double originX = 0, originY = 0, scale = 1;
  eval::Fragments fragments;
  int line = 0;  // of the import() call, for 2021.01's "import() at line N"
  std::string scriptName;  // base name of the calling script (2021.01's dpi warning)
  uint32_t prop = 0;
  kernel::KernelLimits limits;
  double dpi = 72;      // SVG: px and unitless lengths
  bool center = false;  // SVG: centre the drawing's bounding box
  bool dxfOnly = false;  // linear_extrude(file=...) reads DXF whatever the name
};

struct ImportOutcome {
  Geometry geometry;
  std::vector<std::string> warnings;  // texts without "WARNING: ", complete
  std::vector<std::string> errors;    // texts without "ERROR: "
  std::vector<std::string> locatedErrors;  // the same, 2021.01 adds the call's location
  std::vector<std::string> locatedWarnings;  // ours, with the call's location
};

ImportOutcome ImportFile(const ImportRequest& request);

// The solid of one object's points and faces through the kernel's repair,
// with the repair's diagnostics as import() warnings; false (with a warning)
// when it is not closed after repair. Shared by every mesh format.
bool RepairedSolid(const ImportRequest& r, const importer::MeshData& data, kernel::Mesh& mesh,
                   ImportOutcome& out);

}  // namespace mos::geom
