// OBJ export read back: vertex and face lines, 1-based indices, same solid.
#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "geom_test_util.h"

namespace mos::geom {
namespace {

struct ObjFile {
  std::vector<kernel::Vec3> vertices;
  std::vector<std::array<long, 3>> faces;  // 1-based, as written
  int comments = 0;
  int otherLines = 0;
};

ObjFile ParseObj(const std::string& text) {
  ObjFile obj;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string kind;
    words >> kind;
    if (kind == "v") {
      kernel::Vec3 v;
      words >> v.x >> v.y >> v.z;
      obj.vertices.push_back(v);
    } else if (kind == "f") {
      std::array<long, 3> f{};
      words >> f[0] >> f[1] >> f[2];
      obj.faces.push_back(f);
    } else if (kind == "#") {
      ++obj.comments;
    } else {
      ++obj.otherLines;
    }
  }
  return obj;
}

TEST(ExportObj, CountsIndicesAndVolumeReadBack) {
  RenderResult r = testing::Render("cube(2); translate([5,0,0]) sphere(1, $fn=8);");
  const kernel::Mesh mesh = RenderToMesh(r);
  std::ostringstream out;
  io::WriteObj(mesh, out);
  const ObjFile obj = ParseObj(out.str());
  EXPECT_EQ(obj.comments, 1);
  EXPECT_EQ(obj.otherLines, 0);
  ASSERT_EQ(obj.vertices.size(), mesh.vertPos.size());
  ASSERT_EQ(obj.faces.size(), mesh.triVerts.size());
  double volume = 0;
  for (const auto& f : obj.faces) {
    for (long i : f) {
      ASSERT_GE(i, 1);
      ASSERT_LE(i, static_cast<long>(obj.vertices.size()));
    }
    const auto& a = obj.vertices[f[0] - 1];
    const auto& b = obj.vertices[f[1] - 1];
    const auto& c = obj.vertices[f[2] - 1];
    volume += kernel::Dot(a, kernel::Cross(b, c)) / 6;
  }
  // 6 significant digits in the file.
  EXPECT_NEAR(volume, kernel::SignedVolume(mesh), 1e-4);
  EXPECT_GT(volume, 8.0);
}

TEST(ExportObj, EmptyMeshHasOnlyTheHeader) {
  std::ostringstream out;
  io::WriteObj(kernel::Mesh{}, out);
  const ObjFile obj = ParseObj(out.str());
  EXPECT_EQ(obj.comments, 1);
  EXPECT_TRUE(obj.vertices.empty());
  EXPECT_TRUE(obj.faces.empty());
}

}  // namespace
}  // namespace mos::geom
