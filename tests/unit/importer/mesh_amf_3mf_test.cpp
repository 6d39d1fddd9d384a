// AMF and 3MF readers on files made here: objects and volumes, zipped AMF,
// 3MF through _rels, and malformed input ending in an error.
#include <gtest/gtest.h>

#include <string>

#include "importer/mesh_data.h"
#include "zip_test_writer.h"

namespace mos::importer {
namespace {

using testing::Deflated;
using testing::MakeZip;

const char kTetraVertices[] =
    "<vertex><coordinates><x>0</x><y>0</y><z>0</z></coordinates></vertex>"
    "<vertex><coordinates><x>1</x><y>0</y><z>0</z></coordinates></vertex>"
    "<vertex><coordinates><x>0</x><y>1</y><z>0</z></coordinates></vertex>"
    "<vertex><coordinates><x>0</x><y>0</y><z> 1.5e0 </z></coordinates></vertex>";

std::string Triangle(int a, int b, int c) {
  return "<triangle><v1>" + std::to_string(a) + "</v1><v2>" + std::to_string(b) + "</v2><v3>" +
         std::to_string(c) + "</v3></triangle>";
}

std::string AmfTetra() {
  return std::string("<?xml version=\"1.0\"?><amf unit=\"inch\"><object id=\"0\"><mesh><vertices>") +
         kTetraVertices + "</vertices><volume>" + Triangle(0, 2, 1) + Triangle(0, 1, 3) +
         "</volume><volume>" + Triangle(0, 3, 2) + Triangle(1, 2, 3) +
         "</volume></mesh></object><object id=\"1\"><mesh><vertices>" + kTetraVertices +
         "</vertices><volume>" + Triangle(0, 2, 1) + "</volume></mesh></object></amf>";
}

TEST(AmfReader, ObjectsAndVolumes) {
  std::vector<MeshData> objects;
  std::string error;
  ASSERT_TRUE(ReadAmf(AmfTetra(), objects, error)) << error;
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[0].points.size(), 4u);
  EXPECT_EQ(objects[0].faces.size(), 4u);  // both volumes share the object's vertices
  EXPECT_EQ(objects[0].points[3][2], 1.5);
  EXPECT_EQ(objects[1].faces.size(), 1u);
}

TEST(AmfReader, ZippedAmf) {
  std::vector<MeshData> objects;
  std::string error;
  ASSERT_TRUE(ReadAmf(MakeZip({Deflated("t.amf", AmfTetra())}), objects, error)) << error;
  EXPECT_EQ(objects.size(), 2u);
}

TEST(AmfReader, MalformedFilesAreErrors) {
  std::vector<MeshData> objects;
  std::string error;
  auto bad = [&](const std::string& text) {
    objects.clear();
    const bool ok = ReadAmf(text, objects, error);
    return !ok && objects.empty() && !error.empty();
  };
  EXPECT_TRUE(bad("<amf><object>"));
  EXPECT_TRUE(bad("<stl/>"));
  std::string tetra = AmfTetra();
  EXPECT_TRUE(bad(tetra.substr(0, tetra.size() / 2)));
  std::string nan = tetra;
  nan.replace(nan.find("<x>1</x>"), 8, "<x>nan</x>");
  EXPECT_TRUE(bad(nan));
  std::string letter = tetra;
  letter.replace(letter.find("<y>0</y>"), 8, "<y>a</y>");
  EXPECT_TRUE(bad(letter));
  std::string index = tetra;
  index.replace(index.find("<v3>1</v3>"), 10, "<v3>4</v3>");
  EXPECT_TRUE(bad(index));
  std::string huge = tetra;
  huge.replace(huge.find("<v3>1</v3>"), 10, "<v3>99999999999999999999</v3>");
  EXPECT_TRUE(bad(huge));
  std::string zip = MakeZip({Deflated("t.amf", tetra)});
  EXPECT_TRUE(bad(zip.substr(0, zip.size() - 10)));
}

std::string Model(const std::string& objects) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><model unit=\"inch\" "
         "xmlns=\"http://schemas.microsoft.com/3dmanufacturing/core/2015/02\"><resources>" +
         objects + "</resources><build><item objectid=\"1\" transform=\"1 0 0 0 1 0 0 0 1 9 9 9\"/></build></model>";
}

std::string MeshObject(int id) {
  return "<object id=\"" + std::to_string(id) +
         "\" type=\"model\"><mesh><vertices><vertex x=\"0\" y=\"0\" z=\"0\"/><vertex x=\"1\" y=\"0\" "
         "z=\"0\"/><vertex x=\"0\" y=\"1\" z=\"0\"/><vertex x=\"0\" y=\"0\" z=\"2\"/></vertices>"
         "<triangles><triangle v1=\"0\" v2=\"2\" v3=\"1\"/><triangle v1=\"0\" v2=\"1\" v3=\"3\"/>"
         "<triangle v1=\"0\" v2=\"3\" v3=\"2\"/><triangle v1=\"1\" v2=\"2\" v3=\"3\"/></triangles>"
         "</mesh></object>";
}

const char kRels[] =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
    "Target=\"/3D/other.model\" Id=\"rel0\" "
    "Type=\"http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel\"/></Relationships>";

TEST(ThreeMfReader, ModelPartFromRelsEveryMeshObjectNoTransforms) {
  const std::string model =
      Model(MeshObject(1) + MeshObject(2) + "<object id=\"3\"><components><component objectid=\"1\"/></components></object>");
  std::vector<MeshData> objects;
  std::string error;
  ASSERT_TRUE(Read3mf(MakeZip({Deflated("_rels/.rels", kRels), Deflated("3D/other.model", model)}),
                      objects, error))
      << error;
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[0].faces.size(), 4u);
  EXPECT_EQ(objects[1].points[3][2], 2);  // no build transform, no unit scale (as 2021.01)
  // Without _rels: the conventional part name.
  ASSERT_TRUE(Read3mf(MakeZip({{"3D/3dmodel.model", model, 0, 0}}), objects, error)) << error;
  EXPECT_EQ(objects.size(), 2u);
}

TEST(ThreeMfReader, MalformedFilesAreErrors) {
  std::vector<MeshData> objects;
  std::string error;
  const std::string model = Model(MeshObject(1));
  auto bad = [&](const std::string& zip) {
    objects.clear();
    return !Read3mf(zip, objects, error) && objects.empty() && !error.empty();
  };
  EXPECT_TRUE(bad(""));
  EXPECT_TRUE(bad("PK\x03\x04 not a zip"));
  const std::string zip = MakeZip({Deflated("3D/3dmodel.model", model)});
  for (size_t cut : {zip.size() / 3, zip.size() / 2, zip.size() - 1}) EXPECT_TRUE(bad(zip.substr(0, cut)));
  EXPECT_TRUE(bad(MakeZip({Deflated("3D/elsewhere.model", model)})));
  EXPECT_TRUE(bad(MakeZip({Deflated("3D/3dmodel.model", model.substr(0, 200))})));
  std::string nan = model;
  nan.replace(nan.find("x=\"1\""), 5, "x=\"inf\"");
  EXPECT_TRUE(bad(MakeZip({Deflated("3D/3dmodel.model", nan)})));
  std::string index = model;
  index.replace(index.find("v3=\"1\""), 6, "v3=\"7\"");
  EXPECT_TRUE(bad(MakeZip({Deflated("3D/3dmodel.model", index)})));
}

}  // namespace
}  // namespace mos::importer
