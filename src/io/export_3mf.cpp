// 3MF (3MF Consortium core specification 1.2 and materials extension 1.2):
// an OPC zip package with [Content_Types].xml, _rels/.rels and the model.
// Layout and number format follow what 2021.01 (lib3mf) writes; colours are
// a mos addition: one m:colorgroup, referenced per triangle.
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "io/export_mesh.h"
#include "io/zip_writer.h"

namespace mos::io {
namespace {

// lib3mf prints float32 coordinates with "%f"; zero as "0".
std::string Number3mf(double v) {
  const float f = static_cast<float>(v);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%f", static_cast<double>(f));
  const std::string s = buf;
  if (s == "0.000000" || s == "-0.000000") return "0";
  return s;
}

std::string HexColor(const std::array<double, 4>& rgba) {
  std::string out = "#";
  char buf[4];
  for (double c : rgba) {
    const double clamped = std::isnan(c) ? 0.0 : std::fmin(1.0, std::fmax(0.0, c));
    std::snprintf(buf, sizeof buf, "%02X", static_cast<unsigned>(std::lround(clamped * 255.0)));
    out += buf;
  }
  return out;
}

// OpenSCAD's default face colour (its "Cornfield" scheme), for uncoloured
// triangles of a model that has some colours.
const std::array<double, 4> kDefaultColor{0xf9 / 255.0, 0xd7 / 255.0, 0x2c / 255.0, 1.0};

const char* const kContentTypes =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\n"
    "\t<Default Extension=\"model\" "
    "ContentType=\"application/vnd.ms-package.3dmanufacturing-3dmodel+xml\" />\n"
    "\t<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" />\n"
    "</Types>\n";

const char* const kRelationships =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n"
    "\t<Relationship Type=\"http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel\" "
    "Target=\"/3D/3dmodel.model\" Id=\"rel0\" />\n"
    "</Relationships>\n";

}  // namespace

std::string ThreeMfModel(const kernel::Mesh& mesh,
                         const std::vector<geom::FaceProperty>& properties) {
  // Colour index per triangle (-1: none), palette in order of first use.
  std::map<std::array<double, 4>, int> indexOf;
  std::vector<std::array<double, 4>> palette;
  std::vector<int> triColor(mesh.triVerts.size(), -1);
  for (int t = 0; t < mesh.NumTri(); ++t) {
    if (const geom::FaceProperty* p = TriangleColor(mesh, properties, t)) {
      auto [it, inserted] = indexOf.emplace(p->rgba, static_cast<int>(palette.size()));
      if (inserted) palette.push_back(p->rgba);
      triColor[t] = it->second;
    }
  }
  const bool colored = !palette.empty();
  const int defaultIndex = static_cast<int>(palette.size());
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      << "<model xmlns=\"http://schemas.microsoft.com/3dmanufacturing/core/2015/02\" "
         "unit=\"millimeter\" xml:lang=\"en-US\" "
         "xmlns:m=\"http://schemas.microsoft.com/3dmanufacturing/material/2015/02\">\n"
      << "\t<resources>\n";
  if (colored) {
    out << "\t\t<m:colorgroup id=\"2\">\n";
    for (const auto& c : palette) out << "\t\t\t<m:color color=\"" << HexColor(c) << "\" />\n";
    out << "\t\t\t<m:color color=\"" << HexColor(kDefaultColor) << "\" />\n";
    out << "\t\t</m:colorgroup>\n";
  }
  out << "\t\t<object id=\"1\" name=\"OpenSCAD Model\" type=\"model\"";
  if (colored) out << " pid=\"2\" pindex=\"" << defaultIndex << "\"";
  out << ">\n"
      << "\t\t\t<mesh>\n"
      << "\t\t\t\t<vertices>\n";
  for (const auto& v : mesh.vertPos) {
    out << "\t\t\t\t\t<vertex x=\"" << Number3mf(v.x) << "\" y=\"" << Number3mf(v.y)
        << "\" z=\"" << Number3mf(v.z) << "\" />\n";
  }
  out << "\t\t\t\t</vertices>\n"
      << "\t\t\t\t<triangles>\n";
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const auto& tv = mesh.triVerts[t];
    out << "\t\t\t\t\t<triangle v1=\"" << tv[0] << "\" v2=\"" << tv[1] << "\" v3=\"" << tv[2]
        << "\"";
    if (triColor[t] >= 0) out << " pid=\"2\" p1=\"" << triColor[t] << "\"";
    out << " />\n";
  }
  out << "\t\t\t\t</triangles>\n"
      << "\t\t\t</mesh>\n"
      << "\t\t</object>\n"
      << "\t</resources>\n"
      << "\t<build>\n"
      << "\t\t<item objectid=\"1\" />\n"
      << "\t</build>\n"
      << "</model>\n";
  return out.str();
}

bool Write3mf(const kernel::Mesh& mesh, const std::vector<geom::FaceProperty>& properties,
              std::ostream& out) {
  ZipWriter zip;
  zip.Add("3D/3dmodel.model", ThreeMfModel(mesh, properties));
  zip.Add("[Content_Types].xml", kContentTypes);
  zip.Add("_rels/.rels", kRelationships);
  return zip.Write(out);
}

}  // namespace mos::io
