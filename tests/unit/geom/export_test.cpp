// Exporters against openscad 2021.01's files: data/<name>.stl were written by
// `openscad -o <name>.stl <name>.scad`.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>
#include <vector>

#include "geom_test_util.h"

namespace mos::geom {
namespace {

// "-0" -> "0": the sign of a zero normal component depends on the corner a
// facet starts at, which follows each implementation's triangle order.
std::string UnsignZeros(const std::string& text) {
  std::istringstream in(text);
  std::string word, out;
  while (in >> word) out += (out.empty() ? "" : " ") + (word == "-0" ? std::string("0") : word);
  return out;
}

// One facet as "normal|v1|v2|v3", rotated so the smallest corner comes first
// (2021.01 may start a facet at another corner).
std::multiset<std::string> Facets(const std::string& stl) {
  std::istringstream in(stl);
  std::string line;
  std::multiset<std::string> out;
  std::string normal;
  std::vector<std::string> corners;
  while (std::getline(in, line)) {
    const auto pos = line.find_first_not_of(' ');
    if (pos == std::string::npos) continue;
    const std::string t = line.substr(pos);
    if (t.rfind("facet normal ", 0) == 0) normal = UnsignZeros(t.substr(13));
    if (t.rfind("vertex ", 0) == 0) corners.push_back(t.substr(7));
    if (t == "endfacet") {
      const auto first = std::min_element(corners.begin(), corners.end()) - corners.begin();
      std::string key = normal;
      for (int i = 0; i < 3; ++i) key += "|" + corners[(first + i) % 3];
      out.insert(key);
      corners.clear();
    }
  }
  return out;
}

std::string AsciiStl(const std::string& scadFile) {
  RenderResult r = RenderFile(testing::DataPath(scadFile), SourceOptions{});
  std::ostringstream out;
  io::WriteStlAscii(RenderToMesh(r), out);
  return out.str();
}

TEST(ExportStl, AsciiFacetsEqualOpenscadForTriangleFaces) {
  const std::string ours = AsciiStl("polyhedron_pyramid.scad");
  const std::string theirs = testing::ReadText(testing::DataPath("polyhedron_pyramid.stl"));
  EXPECT_EQ(ours.rfind("solid OpenSCAD_Model\n", 0), 0u);
  EXPECT_EQ(ours.substr(ours.size() - 24), "endsolid OpenSCAD_Model\n");
  EXPECT_EQ(Facets(ours), Facets(theirs));
}

TEST(ExportStl, AsciiSideNormalsMatchOpenscad) {
  // Normals come from the printed corners; caps may be fanned differently,
  // so compare the normal lines only.
  auto normals = [](const std::string& stl, bool caps) {
    std::multiset<std::string> out;
    std::istringstream in(stl);
    std::string line;
    while (std::getline(in, line)) {
      const auto pos = line.find("facet normal ");
      if (pos == std::string::npos) continue;
      const std::string n = UnsignZeros(line.substr(pos + 13));
      const bool cap = n == "0 0 1" || n == "0 0 -1";
      // 4 digits: which triangle of a side quad carries the 6th-digit noise
      // depends on the diagonal each implementation picks.
      std::istringstream in(n);
      double x, y, z;
      in >> x >> y >> z;
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.4g %.4g %.4g", x, y, z);
      if (cap == caps) out.insert(buf);
    }
    return out;
  };
  const std::string ours = AsciiStl("stl_cylinder.scad");
  const std::string theirs = testing::ReadText(testing::DataPath("stl_cylinder.stl"));
  EXPECT_EQ(normals(ours, false), normals(theirs, false));  // 14 side triangles
  EXPECT_EQ(normals(ours, true).size(), normals(theirs, true).size());  // 5 + 5 cap triangles
}

TEST(ExportStl, NumbersPrintLikeOpenscad) {
  EXPECT_EQ(io::FormatNumber(0.4330127018922193), "0.433013");
  EXPECT_EQ(io::FormatNumber(1234567), "1.23457e+06");
  EXPECT_EQ(io::FormatNumber(-2.5e-7), "-2.5e-07");
  EXPECT_EQ(io::FormatNumber(-0.0), "-0");
  EXPECT_EQ(io::FormatNumber(3), "3");
}

TEST(ExportStl, BinaryLayout) {
  RenderResult r = testing::Render("cube([1,2,3]);");
  const kernel::Mesh mesh = RenderToMesh(r);
  ASSERT_EQ(mesh.NumTri(), 12);
  std::ostringstream out;
  io::WriteStlBinary(mesh, out);
  const std::string bytes = out.str();
  ASSERT_EQ(bytes.size(), 84u + 50u * 12u);
  EXPECT_EQ(bytes.substr(0, 15), "OpenSCAD Model\n");
  EXPECT_EQ(bytes.substr(15, 65), std::string(65, '\0'));
  uint32_t count = 0;
  std::memcpy(&count, bytes.data() + 80, 4);  // little-endian host
  EXPECT_EQ(count, 12u);
  // First triangle's first corner, as float32 after the normal.
  float corner[3];
  std::memcpy(corner, bytes.data() + 84 + 12, 12);
  const auto& v = mesh.vertPos[mesh.triVerts[0][0]];
  EXPECT_EQ(corner[0], static_cast<float>(v.x));
  EXPECT_EQ(corner[1], static_cast<float>(v.y));
  EXPECT_EQ(corner[2], static_cast<float>(v.z));
  float normal[3];
  std::memcpy(normal, bytes.data() + 84, 12);
  EXPECT_FLOAT_EQ(std::abs(normal[0]) + std::abs(normal[1]) + std::abs(normal[2]), 1.0f);
}

TEST(ExportOff, HeaderVerticesAndColours) {
  RenderResult r = testing::Render("color([1,0,0,0.5]) cube(1);");
  std::ostringstream out;
  io::WriteOff(RenderToMesh(r), r.properties, out);
  std::istringstream in(out.str());
  std::string word;
  int nv = 0, nf = 0, ne = -1;
  in >> word >> nv >> nf >> ne;
  EXPECT_EQ(word, "OFF");
  EXPECT_EQ(nv, 8);
  EXPECT_EQ(nf, 12);
  EXPECT_EQ(ne, 0);
  EXPECT_NE(out.str().find("3 "), std::string::npos);
  EXPECT_NE(out.str().find(" 1 0 0 0.5\n"), std::string::npos);
  EXPECT_EQ(testing::MeshVertexSet(RenderToMesh(r)).count("1 1 1"), 1u);
}

TEST(ExportFile, WritesEachFormat) {
  RenderResult r = testing::Render("sphere(1, $fn=8);");
  const kernel::Mesh mesh = RenderToMesh(r);
  const std::string base = ::testing::TempDir() + "mos_geom_export";
  std::string error;
  ASSERT_TRUE(io::ExportMeshFile(mesh, r.properties, base + ".stl", "stl", error)) << error;
  ASSERT_TRUE(io::ExportMeshFile(mesh, r.properties, base + ".bin.stl", "binstl", error)) << error;
  ASSERT_TRUE(io::ExportMeshFile(mesh, r.properties, base + ".off", "off", error)) << error;
  EXPECT_EQ(testing::ReadText(base + ".stl").rfind("solid OpenSCAD_Model\n", 0), 0u);
  EXPECT_EQ(testing::ReadText(base + ".bin.stl").size(), 84u + 50u * mesh.NumTri());
  EXPECT_EQ(testing::OffVertexSet(base + ".off"), testing::MeshVertexSet(mesh));
  EXPECT_NEAR(testing::StlVolume(base + ".stl"), kernel::SignedVolume(mesh), 1e-4);
}

TEST(ExportFile, UnknownFormatIsAnError) {
  std::string error;
  EXPECT_FALSE(io::ExportMeshFile({}, {}, "/tmp/mos_geom_test.xyz", "xyz", error));
  EXPECT_NE(error.find("xyz"), std::string::npos);
}

}  // namespace
}  // namespace mos::geom
