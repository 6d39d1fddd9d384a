// How 2021.01 names the files of a `use`d library in its messages and finds
// the files it imports. Expected texts from `openscad -o t.echo t.scad` and
// `-o t.csg` in the same layout.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "eval/evaluator.h"
#include "lang/parser.h"

namespace mos::eval {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

struct LibraryRun {
  std::string echo, csg;
};

LibraryRun RunMain(const fs::path& main) {
  lang::ParseResult parsed = lang::ParseFile(main.string(), {});
  LibraryRun out;
  for (const auto& l : parsed.echoLines) out.echo += l + "\n";
  if (!parsed.file) return out;
  EvalResult r = Evaluate(parsed.file, {});
  for (const auto& l : r.log.Lines()) out.echo += l + "\n";
  if (r.root) out.csg = std::regex_replace(DumpCsg(*r.root), std::regex("timestamp = \\d+"),
                                           "timestamp = T");
  return out;
}

TEST(LibraryLocations, WarningsNameFilesAsOpenscadDoes) {
  fs::path dir = fs::temp_directory_path() / "mos_library_locations_test";
  fs::remove_all(dir);
  Write(dir / "localfile.dxf", "0\nEOF\n");
  Write(dir / "sub" / "lib.scad",
        "x = 1;\nx = 2;\nmodule m(a) { echo(zz); cube(h=1); m2(b=1); import(\"localfile.dxf\"); "
        "import(\"inner/none.dxf\"); }\nmodule m2() {}\n");
  Write(dir / "t.scad", "use <sub/lib.scad>\nm();\n");
  LibraryRun run = RunMain(dir / "t.scad");
  // Reassignment inside the library: 'of "file"'. Unknown variables: the
  // file relative to the main file. Argument binding: relative to the
  // library's own directory. An import missing beside the library but
  // present beside the main file is taken from there, deprecated.
  EXPECT_EQ(run.echo,
            "WARNING: x was assigned on line 1 of \"sub/lib.scad\" but was overwritten in file "
            "sub/lib.scad, line 2\n"
            "WARNING: Ignoring unknown variable 'zz' in file sub/lib.scad, line 3\n"
            "ECHO: undef\n"
            "WARNING: variable h not specified as parameter in file lib.scad, line 3\n"
            "WARNING: variable b not specified as parameter in file lib.scad, line 3\n"
            "DEPRECATED: Imported file (localfile.dxf) found in document root instead of "
            "relative to the importing module. This behavior is deprecated\n");
  EXPECT_EQ(run.csg,
            "group() {\n"
            "\tcube(size = [1, 1, 1], center = false);\n"
            "\tgroup();\n"
            "\timport(file = \"localfile.dxf\", layer = \"\", origin = [0, 0], scale = 1, "
            "convexity = 1, $fn = 0, $fa = 12, $fs = 2, timestamp = T);\n"
            "\timport(file = \"sub/inner/none.dxf\", layer = \"\", origin = [0, 0], scale = 1, "
            "convexity = 1, $fn = 0, $fa = 12, $fs = 2, timestamp = T);\n"
            "}\n\n");
  fs::remove_all(dir);
}

TEST(LibraryLocations, ASyntaxErrorInALibraryHasNoCantParseLine) {
  fs::path dir = fs::temp_directory_path() / "mos_library_locations_bad_test";
  fs::remove_all(dir);
  Write(dir / "bad.scad", "x = ;\n");
  Write(dir / "m.scad", "use <bad.scad>\necho(1);\n");
  // Parser errors name the file relative to the working directory.
  const fs::path cwd = fs::current_path();
  fs::current_path(dir);
  LibraryRun run = RunMain(dir / "m.scad");
  fs::current_path(cwd);
  EXPECT_EQ(run.echo,
            "ERROR: Parser error: syntax error in file bad.scad, line 1\n"
            "ECHO: 1\n");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace mos::eval
