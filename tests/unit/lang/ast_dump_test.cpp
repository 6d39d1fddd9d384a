// DumpAst against `openscad -o x.ast` (2021.01): the cases checked in under
// data/ast (generated with openscad, see data/ast/README.md) and the
// expected dumps Debian ships with openscad-testing-data.
#include "lang/ast_dump.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lang/parser.h"

namespace fs = std::filesystem;

namespace mos::lang {
namespace {

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Parses `scad` from its own directory (as openscad was run) and dumps it.
std::string DumpFileFromItsDirectory(const fs::path& scad) {
  fs::path old = fs::current_path();
  fs::current_path(scad.parent_path());
  ParseOptions options;
  options.libraryPaths.push_back("/usr/share/openscad/libraries");
  ParseResult r = ParseFile(scad.filename().string(), options);
  fs::current_path(old);
  return r.file ? DumpAst(*r.file) : "<parse failed>";
}

TEST(AstDump, CheckedInCasesMatchOpenScad2021) {
  fs::path dir = fs::path(MOS_SOURCE_DIR) / "tests/unit/lang/data/ast";
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".scad") continue;
    fs::path expected = entry.path();
    expected.replace_extension(".ast");
    EXPECT_EQ(DumpFileFromItsDirectory(entry.path()), ReadAll(expected)) << entry.path();
    ++compared;
  }
  EXPECT_GE(compared, 8);
}

TEST(AstDump, DebianRegressionExpectationsMatch) {
  fs::path expectedDir = "/usr/share/openscad/regression/astdumptest";
  fs::path scadRoot = "/usr/share/openscad/testdata/scad";
  ASSERT_TRUE(fs::exists(expectedDir)) << "openscad-testing-data is needed";
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(expectedDir)) {
    std::string name = entry.path().filename().string();
    const std::string suffix = "-expected.ast";
    if (name.size() <= suffix.size()) continue;
    std::string base = name.substr(0, name.size() - suffix.size());
    fs::path source;
    for (const auto& s : fs::recursive_directory_iterator(scadRoot)) {
      if (s.path().filename() == base + ".scad") {
        source = s.path();
        break;
      }
    }
    ASSERT_FALSE(source.empty()) << base;
    EXPECT_EQ(DumpFileFromItsDirectory(source), ReadAll(entry.path())) << source;
    ++compared;
  }
  EXPECT_EQ(compared, 23);
}

TEST(AstDump, NumberFormat) {
  EXPECT_EQ(FormatNumber(0), "0");
  EXPECT_EQ(FormatNumber(-0.0), "-0");
  EXPECT_EQ(FormatNumber(0.0123), "0.0123");
  EXPECT_EQ(FormatNumber(0.00001), "0.00001");
  EXPECT_EQ(FormatNumber(0.000015), "0.000015");
  EXPECT_EQ(FormatNumber(0.000001), "1e-6");
  EXPECT_EQ(FormatNumber(1.5e-7), "1.5e-7");
  EXPECT_EQ(FormatNumber(100000), "100000");
  EXPECT_EQ(FormatNumber(1000000), "1e+6");
  EXPECT_EQ(FormatNumber(123456789), "1.23457e+8");
  EXPECT_EQ(FormatNumber(1e20), "1e+20");
  EXPECT_EQ(FormatNumber(1.0 / 3), "0.333333");
  EXPECT_EQ(FormatNumber(1e300 * 1e10), "inf");
}

}  // namespace
}  // namespace mos::lang
