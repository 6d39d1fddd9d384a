// Parses every .scad of the OpenSCAD corpus Debian ships and checks that
// exactly the files openscad 2021.01 rejects with a parser error are
// rejected.
//
// The rejected set was obtained once by running, for every file F in
// /usr/share/openscad/{testdata/scad,examples,libraries/MCAD} (499 files),
// `cd $(dirname F) && openscad -o out.ast F` and collecting the files whose
// run printed "Parser error" (exit code 1); all others exited 0.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "lang/parser.h"

namespace fs = std::filesystem;

namespace mos::lang {
namespace {

const char* const kRejectedBy2021[] = {
    "/usr/share/openscad/testdata/scad/issues/issue1890-comment.scad",
    "/usr/share/openscad/testdata/scad/issues/issue1890-include.scad",
    "/usr/share/openscad/testdata/scad/issues/issue1890-string.scad",
    "/usr/share/openscad/testdata/scad/issues/issue1890-use.scad",
};

TEST(CorpusSweep, RejectsExactlyWhatOpenScad2021Rejects) {
  const char* const roots[] = {"/usr/share/openscad/testdata/scad", "/usr/share/openscad/examples",
                               "/usr/share/openscad/libraries/MCAD"};
  ParseOptions options;
  options.libraryPaths.push_back("/usr/share/openscad/libraries");
  std::set<std::string> rejected;
  int parsed = 0;
  for (const char* root : roots) {
    ASSERT_TRUE(fs::exists(root)) << root << " (openscad, openscad-testing-data)";
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.path().extension() != ".scad") continue;
      ParseResult r = ParseFile(entry.path().string(), options);
      ++parsed;
      if (!r.file) {
        rejected.insert(entry.path().string());
        bool hasParserError = std::any_of(r.echoLines.begin(), r.echoLines.end(),
                                          [](const std::string& l) {
                                            return l.rfind("ERROR: Parser error", 0) == 0;
                                          });
        EXPECT_TRUE(hasParserError) << entry.path();
      }
    }
  }
  EXPECT_EQ(parsed, 499);
  std::set<std::string> expected(std::begin(kRejectedBy2021), std::end(kRejectedBy2021));
  EXPECT_EQ(rejected, expected);
}

}  // namespace
}  // namespace mos::lang
