#include "importer/xml_mesh_fields.h"

#include <array>
#include <vector>

#include "importer/xml_numbers.h"

namespace mos::importer {

std::string_view XmlAttributeField(const XmlNode& node, const char* name) {
  return XmlAttribute(node, name);
}

std::string_view XmlChildTextField(const XmlNode& node, const char* name) {
  const XmlNode* child = XmlChild(node, name);
  return child ? XmlText(*child) : std::string_view();
}

bool AppendXmlVertex(const XmlNode& node, XmlFieldReader field, MeshData& mesh, std::string& error) {
  std::array<double, 3> p{};
  const char* axes[3] = {"x", "y", "z"};
  for (int k = 0; k < 3; ++k) {
    if (!ParseXmlDouble(field(node, axes[k]), p[k])) {
      error = "vertex " + std::to_string(mesh.points.size()) + " has no valid " + axes[k];
      return false;
    }
  }
  mesh.points.push_back(p);
  return true;
}

bool AppendXmlTriangle(const XmlNode& node, XmlFieldReader field, MeshData& mesh,
                       std::string& error) {
  std::vector<int> face;
  const char* corners[3] = {"v1", "v2", "v3"};
  for (const char* name : corners) {
    long long index = -1;
    if (!ParseXmlIndex(field(node, name), index) ||
        index >= static_cast<long long>(mesh.points.size())) {
      error = "triangle " + std::to_string(mesh.faces.size()) + " has no valid " + name;
      return false;
    }
    face.push_back(static_cast<int>(index));
  }
  mesh.faces.push_back(std::move(face));
  return true;
}

}  // namespace mos::importer
