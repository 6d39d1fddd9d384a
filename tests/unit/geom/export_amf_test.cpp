// AMF export read back with a small XML reader: structure, counts, colours.
#include <gtest/gtest.h>

#include <sstream>

#include "geom_test_util.h"
#include "xml_test_reader.h"

namespace mos::geom {
namespace {

std::string Amf(const RenderResult& r) {
  std::ostringstream out;
  io::WriteAmf(RenderToMesh(r), r.properties, out);
  return out.str();
}

TEST(ExportAmf, UncolouredModelIsOneVolumeAsOpenscadWritesIt) {
  RenderResult r = testing::Render("cube([1,2,3]);");
  const std::string text = Amf(r);
  EXPECT_EQ(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<amf unit=\"millimeter\">\n"
                       " <metadata type=\"producer\">OpenSCAD 2021.01</metadata>\n"
                       " <object id=\"0\">\n  <mesh>\n   <vertices>\n    <vertex><coordinates>\n",
                       0),
            0u);
  auto root = mos::testing::ParseXml(text);
  EXPECT_EQ(root->name, "amf");
  EXPECT_EQ(root->attributes.at("unit"), "millimeter");
  const auto& mesh = root->One("object").One("mesh");
  const auto vertices = mesh.One("vertices").All("vertex");
  ASSERT_EQ(vertices.size(), 8u);
  for (const auto* v : vertices) {
    const auto& c = v->One("coordinates");
    EXPECT_EQ(c.children.size(), 3u);
    c.One("x"), c.One("y"), c.One("z");
  }
  const auto volumes = mesh.All("volume");
  ASSERT_EQ(volumes.size(), 1u);
  EXPECT_TRUE(volumes[0]->All("color").empty());
  EXPECT_EQ(volumes[0]->All("triangle").size(), 12u);
}

TEST(ExportAmf, ColoursGiveOneVolumeEach) {
  RenderResult r = testing::Render(
      "color([1,0,0,0.5]) cube(1); translate([2,0,0]) cube(1); "
      "color(\"blue\") translate([4,0,0]) cube(1);");
  const kernel::Mesh mesh = RenderToMesh(r);
  auto root = mos::testing::ParseXml(Amf(r));
  const auto& m = root->One("object").One("mesh");
  const size_t vertexCount = m.One("vertices").All("vertex").size();
  EXPECT_EQ(vertexCount, mesh.vertPos.size());
  const auto volumes = m.All("volume");
  ASSERT_EQ(volumes.size(), 3u);
  std::multiset<std::string> colours;
  size_t triangles = 0;
  for (const auto* v : volumes) {
    const auto c = v->All("color");
    if (c.empty()) {
      colours.insert("none");
    } else {
      ASSERT_EQ(c.size(), 1u);
      colours.insert(c[0]->One("r").text + " " + c[0]->One("g").text + " " + c[0]->One("b").text +
                     " " + c[0]->One("a").text);
    }
    const auto tris = v->All("triangle");
    EXPECT_EQ(tris.size(), 12u);  // one cube each
    triangles += tris.size();
    for (const auto* t : tris) {
      for (const char* k : {"v1", "v2", "v3"}) {
        EXPECT_LT(std::stoul(t->One(k).text), vertexCount);
      }
    }
  }
  EXPECT_EQ(triangles, mesh.triVerts.size());
  EXPECT_EQ(colours, (std::multiset<std::string>{"1 0 0 0.5", "0 0 1 1", "none"}));
}

}  // namespace
}  // namespace mos::geom
