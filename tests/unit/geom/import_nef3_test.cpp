// import() of .nef3 (CGAL's Nef_polyhedron_3 text): the cube of openscad's
// test data (read when installed) as a closed solid, and every malformed
// variant the test makes of it ending in 2021.01's failure warning.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "geom/import_geometry.h"
#include "import_test_util.h"
#include "importer/mesh_nef3.h"
#include "kernel/mesh_properties.h"

namespace mos::geom {
namespace {

const char* const kCube = "/usr/share/openscad/testdata/nef3/cube.nef3";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

using testing::WriteTemp;

ImportRequest Request(const std::string& path) { return testing::RequestAtLine(path, 2); }

TEST(ImportNef3, CubeIsAClosedOutwardSolid) {
  const std::string text = ReadAll(kCube);
  if (text.empty()) FAIL() << kCube << " not installed (openscad-testing-data, scripts/install_deps.sh)";
  importer::Nef3Data data;
  std::string error;
  ASSERT_TRUE(importer::ReadNef3(text, data, error)) << error;
  EXPECT_EQ(data.points.size(), 8u);
  EXPECT_EQ(data.facets.size(), 6u);  // one side of each of the 12 halffacets
  ImportOutcome o = ImportFile(Request(WriteTemp("cube.nef3", text)));
  EXPECT_TRUE(o.warnings.empty());
  ASSERT_EQ(o.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(o.geometry.mesh), 8, 1e-12);  // [-1,1]^3, outward
}

TEST(ImportNef3, MalformedFilesFailWith2021Warning) {
  const std::string text = ReadAll(kCube);
  if (text.empty()) FAIL() << kCube << " not installed (openscad-testing-data, scripts/install_deps.sh)";
  std::vector<std::string> bad;
  for (size_t cut = 0; cut < text.size(); cut += 97) bad.push_back(text.substr(0, cut));  // truncated
  std::string letter = text;
  letter[letter.find("| 0 0 1 1 }")] = 'a';  // a letter in a record, as testdata's broken.nef3
  bad.push_back(letter);
  std::string huge = text;
  huge.replace(huge.find("vertices   8"), 12, "vertices   99999999999");
  bad.push_back(huge);
  std::string dangling = text;
  dangling.replace(dangling.find("0 { 3, 0, 0 0"), 13, "0 { 3, 9, 0 0");  // vertex 9 of 8
  bad.push_back(dangling);
  for (size_t i = 0; i < bad.size(); ++i) {
    importer::Nef3Data data;
    std::string error;
    EXPECT_FALSE(importer::ReadNef3(bad[i], data, error)) << "variant " << i;
    const std::string path = WriteTemp("bad.nef3", bad[i]);
    ImportOutcome o = ImportFile(Request(path));
    EXPECT_EQ(o.geometry.dim, Dim::kEmpty) << "variant " << i;
    ASSERT_EQ(o.warnings.size(), 1u) << "variant " << i;
    EXPECT_EQ(o.warnings[0], "Failure trying to import '" + path + "', import() at line 2");
  }
}

}  // namespace
}  // namespace mos::geom
