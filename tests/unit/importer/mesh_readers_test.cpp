// STL / OFF / OBJ readers on small files made here, and malformed input.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "importer/mesh_data.h"

namespace mos::importer {
namespace {

std::string BinaryStl(uint32_t declared, int actual, float coordinate = 1.0f) {
  std::string b(80, ' ');
  for (int i = 0; i < 4; ++i) b.push_back(static_cast<char>((declared >> (8 * i)) & 0xff));
  for (int t = 0; t < actual; ++t) {
    float f[12] = {0, 0, 1, 0, 0, 0, coordinate, 0, 0, 0, coordinate, 0};
    b.append(reinterpret_cast<const char*>(f), sizeof f);
    b.append(2, '\0');
  }
  return b;
}

TEST(StlReader, Binary) {
  MeshData m;
  std::string error;
  ASSERT_TRUE(ReadStl(BinaryStl(2, 2), m, error)) << error;
  EXPECT_EQ(m.faces.size(), 2u);
  EXPECT_EQ(m.points.size(), 6u);
  EXPECT_EQ(m.points[1][0], 1.0);
}

TEST(StlReader, TruncatedBinaryAndHugeCountEndInAnError) {
  MeshData m;
  std::string error;
  EXPECT_FALSE(ReadStl(BinaryStl(3, 2), m, error));
  EXPECT_NE(error.find("does not match"), std::string::npos);
  EXPECT_FALSE(ReadStl(BinaryStl(0xffffffffu, 1), m, error));
  EXPECT_TRUE(m.points.empty());
  EXPECT_FALSE(ReadStl("abc", m, error));
}

TEST(StlReader, AsciiWithNanKeepsTheValue) {
  const std::string text =
      "solid t\n facet normal 0 0 1\n  outer loop\n   vertex 0 0 0\n   vertex 1 0 0\n"
      "   vertex nan 1 0\n  endloop\n endfacet\nendsolid t\n";
  MeshData m;
  std::string error;
  ASSERT_TRUE(ReadStl(text, m, error));
  ASSERT_EQ(m.faces.size(), 1u);
  EXPECT_TRUE(std::isnan(m.points[2][0]));
}

TEST(StlReader, AsciiErrorsAsIn2021) {
  MeshData m;
  std::string error;
  EXPECT_FALSE(ReadStl("solid t\n outer loop\n  vertex 0 0 blah\n", m, error));
  EXPECT_EQ(error, "STL line 3, can't parse vertex line 'vertex 0 0 blah'");
  EXPECT_FALSE(ReadStl("solid t\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nvertex 0 0 1\n",
                       m, error));
  EXPECT_EQ(error, "STL line 6, extra vertex line 'vertex 0 0 1'");
  error.clear();
  EXPECT_FALSE(ReadStl("", m, error));
  EXPECT_TRUE(error.empty());
}

TEST(OffReader, CubeAndLies) {
  const std::string cube =
      "OFF\n# a cube\n8 6 12\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n0 0 1\n1 0 1\n1 1 1\n0 1 1\n"
      "4 0 3 2 1\n4 4 5 6 7\n4 0 1 5 4\n4 1 2 6 5\n4 2 3 7 6\n4 3 0 4 7\n";
  MeshData m;
  std::string error;
  ASSERT_TRUE(ReadOff(cube, m, error)) << error;
  EXPECT_EQ(m.points.size(), 8u);
  ASSERT_EQ(m.faces.size(), 6u);
  EXPECT_EQ(m.faces[0].size(), 4u);
  EXPECT_FALSE(ReadOff("OFF\n2000000000 1 0\n0 0 0\n", m, error));
  EXPECT_NE(error.find("do not fit"), std::string::npos);
  EXPECT_FALSE(ReadOff("OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n999999999 0 1 2\n", m, error));
  EXPECT_FALSE(ReadOff("OFF\n1 0 0\n0 x 0\n", m, error));
}

TEST(ObjReader, VerticesFacesAndNegativeIndices) {
  MeshData m;
  std::string error;
  ASSERT_TRUE(ReadObj("# t\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvn 0 0 1\nf 1/1/1 2//1 3\nf -3 -2 -1\n", m,
                      error))
      << error;
  ASSERT_EQ(m.faces.size(), 2u);
  EXPECT_EQ(m.faces[0], (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(m.faces[1], (std::vector<int>{0, 1, 2}));
  EXPECT_FALSE(ReadObj("v 0 0\n", m, error));
  EXPECT_FALSE(ReadObj("f 0 1 2\n", m, error));
}

}  // namespace
}  // namespace mos::importer
