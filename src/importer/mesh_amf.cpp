// AMF: <amf><object><mesh><vertices><vertex><coordinates><x/><y/><z/>,
// then <volume><triangle><v1/><v2/><v3/> (vertex indices into the object's
// list). A zipped AMF is a ZIP whose first entry is the XML.
#include <string>

#include "importer/mesh_data.h"
#include "importer/xml_document.h"
#include "importer/xml_mesh_fields.h"
#include "importer/xml_numbers.h"
#include "importer/zip_archive.h"

namespace mos::importer {
namespace {

constexpr uint64_t kMaxXmlBytes = 1ULL << 30;

bool ReadObject(const XmlNode& object, MeshData& mesh, std::string& error) {
  const XmlNode* m = XmlChild(object, "mesh");
  if (!m) return true;  // an object without a mesh adds nothing
  if (const XmlNode* vertices = XmlChild(*m, "vertices")) {
    for (const XmlNode* v : XmlChildren(*vertices)) {
      if (XmlLocalName(*v) != "vertex") continue;
      const XmlNode* c = XmlChild(*v, "coordinates");
      if (!c) {
        error = "vertex " + std::to_string(mesh.points.size()) + " has no valid x";
        return false;
      }
      if (!AppendXmlVertex(*c, XmlChildTextField, mesh, error)) return false;
    }
  }
  for (const XmlNode* volume : XmlChildren(*m)) {
    if (XmlLocalName(*volume) != "volume") continue;
    for (const XmlNode* t : XmlChildren(*volume))
      if (XmlLocalName(*t) == "triangle" &&
          !AppendXmlTriangle(*t, XmlChildTextField, mesh, error))
        return false;
  }
  return true;
}

}  // namespace

bool ReadAmf(std::string_view bytes, std::vector<MeshData>& objects, std::string& error) {
  objects.clear();
  std::string unzipped;
  if (LooksLikeZip(bytes)) {
    std::vector<ZipEntry> entries;
    if (!ReadZipDirectory(bytes, entries, error)) return false;
    if (entries.empty()) {
      error = "empty ZIP archive";
      return false;
    }
    if (!ExtractZipEntry(bytes, entries[0], kMaxXmlBytes, unzipped, error)) return false;
    bytes = unzipped;
  }
  XmlDocument doc;
  if (!doc.Parse(bytes, error)) return false;
  const XmlNode* root = doc.Root();
  if (XmlLocalName(*root) != "amf") {
    error = "the root element is not <amf>";
    return false;
  }
  for (const XmlNode* object : XmlChildren(*root)) {
    if (XmlLocalName(*object) != "object") continue;
    MeshData mesh;
    if (!ReadObject(*object, mesh, error)) {
      objects.clear();
      return false;
    }
    if (!mesh.faces.empty()) objects.push_back(std::move(mesh));
  }
  return true;
}

}  // namespace mos::importer
