// 3MF: a ZIP whose _rels/.rels names the model part (3D/3dmodel.model by
// convention); the model's <resources><object><mesh> hold <vertex x y z>
// and <triangle v1 v2 v3>. 2021.01 (through lib3mf) imports every mesh
// object and ignores units and build item transforms; so do we.
#include <string>

#include "importer/mesh_data.h"
#include "importer/xml_document.h"
#include "importer/xml_mesh_fields.h"
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
    for (const XmlNode* v : XmlChildren(*vertices))
      if (XmlLocalName(*v) == "vertex" && !AppendXmlVertex(*v, XmlAttributeField, mesh, error))
        return false;
  }
  if (const XmlNode* triangles = XmlChild(meshNode, "triangles")) {
    for (const XmlNode* t : XmlChildren(*triangles))
      if (XmlLocalName(*t) == "triangle" &&
          !AppendXmlTriangle(*t, XmlAttributeField, mesh, error))
        return false;
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
