// Helpers for the geometry tests: render a snippet, read 2021.01's exported
// OFF vertex lines, compare vertex sets as the exporters print them.
#pragma once

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "geom/geometry_evaluator.h"
#include "io/export_mesh.h"
#include "kernel/mesh.h"
#include "kernel/mesh_properties.h"

namespace mos::geom::testing {

inline std::string DataPath(const std::string& name) {
  return std::string(MOS_SOURCE_DIR) + "/tests/unit/geom/data/" + name;
}

inline RenderResult Render(const std::string& source) {
  return RenderSource(source, "t.scad", "", SourceOptions{});
}

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Vertex lines ("x y z", 6 significant digits) of an OFF file.
inline std::set<std::string> OffVertexSet(const std::string& path) {
  std::istringstream in(ReadText(path));
  std::string header;
  long nv = 0, nf = 0, ne = 0;
  in >> header >> nv >> nf >> ne;
  std::set<std::string> out;
  for (long i = 0; i < nv; ++i) {
    std::string x, y, z;
    in >> x >> y >> z;
    out.insert(x + " " + y + " " + z);
  }
  return out;
}

inline std::set<std::string> MeshVertexSet(const kernel::Mesh& mesh) {
  std::set<std::string> out;
  for (const auto& v : mesh.vertPos)
    out.insert(io::FormatNumber(v.x) + " " + io::FormatNumber(v.y) + " " + io::FormatNumber(v.z));
  return out;
}

// Signed volume of an ASCII STL (as exported, 6 significant digits).
inline double StlVolume(const std::string& path) {
  std::istringstream in(ReadText(path));
  std::string word;
  double sum = 0;
  double p[3][3];
  int corner = 0;
  while (in >> word) {
    if (word != "vertex") continue;
    in >> p[corner][0] >> p[corner][1] >> p[corner][2];
    if (++corner == 3) {
      corner = 0;
      sum += (p[0][0] * (p[1][1] * p[2][2] - p[1][2] * p[2][1]) -
              p[0][1] * (p[1][0] * p[2][2] - p[1][2] * p[2][0]) +
              p[0][2] * (p[1][0] * p[2][1] - p[1][1] * p[2][0])) / 6;
    }
  }
  return sum;
}

}  // namespace mos::geom::testing
