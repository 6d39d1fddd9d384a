// 3MF export read back: the zip package (stored entries, CRC-32 recomputed),
// its parts, and the model's vertices, triangles and per-triangle colours.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "geom_test_util.h"
#include "io/zip_writer.h"
#include "xml_test_reader.h"
#include "zip_test_reader.h"

namespace mos::geom {
namespace {

std::map<std::string, std::string> Package(const RenderResult& r) {
  std::ostringstream out;
  EXPECT_TRUE(io::Write3mf(RenderToMesh(r), r.properties, out));
  std::map<std::string, std::string> parts;
  for (auto& e : mos::testing::ReadZip(out.str())) parts[e.name] = e.content;
  return parts;
}

TEST(ExportThreeMf, PackageHasTheThreeParts) {
  auto parts = Package(testing::Render("cube(1);"));
  ASSERT_EQ(parts.size(), 3u);
  auto types = mos::testing::ParseXml(parts.at("[Content_Types].xml"));
  EXPECT_EQ(types->name, "Types");
  bool model = false;
  for (const auto* d : types->All("Default")) {
    if (d->attributes.at("Extension") == "model")
      model = d->attributes.at("ContentType") ==
              "application/vnd.ms-package.3dmanufacturing-3dmodel+xml";
  }
  EXPECT_TRUE(model);
  auto rels = mos::testing::ParseXml(parts.at("_rels/.rels"));
  EXPECT_EQ(rels->One("Relationship").attributes.at("Target"), "/3D/3dmodel.model");
  auto root = mos::testing::ParseXml(parts.at("3D/3dmodel.model"));
  EXPECT_EQ(root->attributes.at("unit"), "millimeter");
  const auto& object = root->One("resources").One("object");
  EXPECT_EQ(object.attributes.count("pid"), 0u);  // no colours: no colour group
  EXPECT_EQ(root->One("build").One("item").attributes.at("objectid"),
            object.attributes.at("id"));
  EXPECT_EQ(object.One("mesh").One("vertices").All("vertex").size(), 8u);
  EXPECT_EQ(object.One("mesh").One("triangles").All("triangle").size(), 12u);
}

TEST(ExportThreeMf, VerticesPrintLikeLib3mf) {
  RenderResult r = testing::Render("translate([-1.5,0,0.25]) cube(1);");
  const std::string model = io::ThreeMfModel(RenderToMesh(r), r.properties);
  EXPECT_NE(model.find("<vertex x=\"-1.500000\" y=\"0\" z=\"0.250000\" />"), std::string::npos);
  EXPECT_NE(model.find("<vertex x=\"-0.500000\" y=\"1.000000\" z=\"1.250000\" />"),
            std::string::npos);
}

TEST(ExportThreeMf, TrianglesCarryTheirColours) {
  RenderResult r = testing::Render(
      "color(\"red\") cube(1); translate([2,0,0]) cube(1); "
      "color([0,1,0,0.5]) translate([4,0,0]) sphere(1, $fn=6);");
  const kernel::Mesh mesh = RenderToMesh(r);
  auto parts = Package(r);
  auto root = mos::testing::ParseXml(parts.at("3D/3dmodel.model"));
  const auto& resources = root->One("resources");
  const auto& group = resources.One("m:colorgroup");
  const auto colours = group.All("m:color");
  ASSERT_EQ(colours.size(), 3u);  // red, green, and the default for the rest
  const auto& object = resources.One("object");
  EXPECT_EQ(object.attributes.at("pid"), group.attributes.at("id"));
  const size_t defaultIndex = std::stoul(object.attributes.at("pindex"));
  ASSERT_LT(defaultIndex, colours.size());
  EXPECT_EQ(colours[defaultIndex]->attributes.at("color"), "#F9D72CFF");
  const size_t vertexCount = object.One("mesh").One("vertices").All("vertex").size();
  EXPECT_EQ(vertexCount, mesh.vertPos.size());
  std::map<std::string, int> trianglesPerColour;
  const auto triangles = object.One("mesh").One("triangles").All("triangle");
  ASSERT_EQ(triangles.size(), mesh.triVerts.size());
  for (const auto* t : triangles) {
    for (const char* k : {"v1", "v2", "v3"}) EXPECT_LT(std::stoul(t->attributes.at(k)), vertexCount);
    size_t index = defaultIndex;
    if (t->attributes.count("pid")) {
      EXPECT_EQ(t->attributes.at("pid"), group.attributes.at("id"));
      index = std::stoul(t->attributes.at("p1"));
      ASSERT_LT(index, colours.size());
    }
    ++trianglesPerColour[colours[index]->attributes.at("color")];
  }
  EXPECT_EQ(trianglesPerColour["#FF0000FF"], 12);
  EXPECT_EQ(trianglesPerColour["#F9D72CFF"], 12);
  EXPECT_EQ(trianglesPerColour["#00FF0080"], static_cast<int>(mesh.triVerts.size()) - 24);
}

TEST(ZipWriter, CrcOfTheCheckString) {
  EXPECT_EQ(io::Crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(io::Crc32(""), 0u);
  EXPECT_EQ(io::Crc32("The quick brown fox jumps over the lazy dog"), 0x414FA339u);
}

TEST(ZipWriter, EntriesReadBackWithTheirBytes) {
  io::ZipWriter zip;
  std::string binary;
  for (int i = 0; i < 1000; ++i) binary.push_back(static_cast<char>(i * 37));
  zip.Add("a.txt", "hello");
  zip.Add("dir/empty", "");
  zip.Add("dir/binary.bin", binary);
  std::ostringstream out;
  ASSERT_TRUE(zip.Write(out));
  const auto entries = mos::testing::ReadZip(out.str());
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].name, "a.txt");
  EXPECT_EQ(entries[0].content, "hello");
  EXPECT_EQ(entries[1].name, "dir/empty");
  EXPECT_EQ(entries[1].content, "");
  EXPECT_EQ(entries[2].content, binary);
  EXPECT_EQ(entries[2].crc, io::Crc32(binary));
}

TEST(ZipWriter, EmptyArchiveIsJustTheEndRecord) {
  std::ostringstream out;
  ASSERT_TRUE(io::ZipWriter().Write(out));
  EXPECT_EQ(out.str().size(), 22u);
  EXPECT_TRUE(mos::testing::ReadZip(out.str()).empty());
}

}  // namespace
}  // namespace mos::geom
