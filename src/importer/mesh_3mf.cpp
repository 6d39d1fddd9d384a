// 3MF: a ZIP whose _rels/.rels names the model part (3D/3dmodel.model by
// convention); the model's <resources><object><mesh> hold <vertex x y z>
// and <triangle v1 v2 v3>. 2021.01 (through lib3mf) imports every mesh
// object and ignores units and build item transforms; so do we.
#include <string>

#include "importer/mesh_data.h"
#include "importer/xml_document.h"
#include "importer/xml_numbers.h"
#include "importer/zip_archive.h"

namespace mos::importer {
namespace {

constexpr uint64_t kMaxXmlBytes = 1ULL << 30;
constexpr char kModelType[] = "http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel";

// The part _rels/.rels names as the 3D model (without a leading slash).
std::string ModelPartName(std::string_view zip, const std::vector<ZipEntry>& entries) {
  for (const ZipEntry& e : entries) {
    if (e.name != "_rels/.rels") continue;
    std::string rels, error;
    XmlDocument doc;
    if (!ExtractZipEntry(zip, e, kMaxXmlBytes, rels, error) || !doc.Parse(rels, error)) break;
    for (const XmlNode* r : XmlChildren(*doc.Root())) {
      if (XmlLocalName(*r) != "Relationship" || XmlAttribute(*r, "Type") != kModelType) continue;
      std::string target(XmlAttribute(*r, "Target"));
      if (!target.empty() && target[0] == '/') target.erase(0, 1);
      return target;
    }
  }
  return "3D/3dmodel.model";
}

bool ReadMesh(const XmlNode& meshNode, MeshData& mesh, std::string& error) {
  if (const XmlNode* vertices = XmlChild(meshNode, "vertices")) {
    for (const XmlNode* v : XmlChildren(*vertices)) {
      if (XmlLocalName(*v) != "vertex") continue;
      std::array<double, 3> p{};
      const char* axes[3] = {"x", "y", "z"};
      for (int k = 0; k < 3; ++k) {
        if (!ParseXmlDouble(XmlAttribute(*v, axes[k]), p[k])) {
          error = "vertex " + std::to_string(mesh.points.size()) + " has no valid " + axes[k];
          return false;
        }
      }
      mesh.points.push_back(p);
    }
  }
  if (const XmlNode* triangles = XmlChild(meshNode, "triangles")) {
    for (const XmlNode* t : XmlChildren(*triangles)) {
      if (XmlLocalName(*t) != "triangle") continue;
      std::vector<int> face;
      const char* corners[3] = {"v1", "v2", "v3"};
      for (const char* name : corners) {
        long long index = -1;
        if (!ParseXmlIndex(XmlAttribute(*t, name), index) ||
            index >= static_cast<long long>(mesh.points.size())) {
          error = "triangle " + std::to_string(mesh.faces.size()) + " has no valid " + name;
          return false;
        }
        face.push_back(static_cast<int>(index));
      }
      mesh.faces.push_back(std::move(face));
    }
  }
  return true;
}

}  // namespace

bool Read3mf(std::string_view bytes, std::vector<MeshData>& objects, std::string& error) {
  objects.clear();
  std::vector<ZipEntry> entries;
  if (!ReadZipDirectory(bytes, entries, error)) return false;
  const std::string part = ModelPartName(bytes, entries);
  const ZipEntry* model = nullptr;
  for (const ZipEntry& e : entries)
    if (e.name == part) model = &e;
  if (!model) {
    error = "no model part '" + part + "' in the archive";
    return false;
  }
  std::string xml;
  if (!ExtractZipEntry(bytes, *model, kMaxXmlBytes, xml, error)) return false;
  XmlDocument doc;
  if (!doc.Parse(xml, error)) return false;
  const XmlNode* root = doc.Root();
  const XmlNode* resources = XmlLocalName(*root) == "model" ? XmlChild(*root, "resources") : nullptr;
  if (!resources) {
    error = "no <model><resources> in '" + part + "'";
    return false;
  }
  for (const XmlNode* object : XmlChildren(*resources)) {
    if (XmlLocalName(*object) != "object") continue;
    const XmlNode* meshNode = XmlChild(*object, "mesh");
    if (!meshNode) continue;  // component objects: references only
    MeshData mesh;
    if (!ReadMesh(*meshNode, mesh, error)) {
      objects.clear();
      return false;
    }
    if (!mesh.faces.empty()) objects.push_back(std::move(mesh));
  }
  return true;
}

}  // namespace mos::importer
