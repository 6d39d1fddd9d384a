// `use <file>`: the used file's modules and functions are visible, its
// top-level assignments are evaluated afresh for every call into it (as
// openscad 2021.01 does), its instantiations are ignored.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "eval/evaluator.h"
#include "lang/parser.h"

namespace mos::eval {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

TEST(EvaluatorUse, UsedFileScope) {
  fs::path dir = fs::temp_directory_path() / "mos_evaluator_use_test";
  fs::remove_all(dir);
  Write(dir / "u" / "lib.scad",
        "x = echo(\"libx\") 5;\n$q = 7;\nfunction f() = [x, $q, y];\n"
        "module m() { echo(x=x, q=$q); }\ncube();\n");
  Write(dir / "t.scad", "use <u/lib.scad>\ny = 3;\necho(f());\nm();\necho(x);\n");
  lang::ParseResult parsed = lang::ParseFile((dir / "t.scad").string(), {});
  ASSERT_TRUE(parsed.file);
  EvalResult r = Evaluate(parsed.file, {});
  std::string echo;
  for (const auto& l : r.log.Lines()) echo += l + "\n";
  // Expected output from `openscad -o t.echo t.scad` / `-o t.csg` in the same layout.
  EXPECT_EQ(echo,
            "ECHO: \"libx\"\n"
            "WARNING: Ignoring unknown variable 'y' in file u/lib.scad, line 3\n"
            "ECHO: [5, 7, undef]\n"
            "ECHO: \"libx\"\n"
            "ECHO: x = 5, q = 7\n"
            "WARNING: Ignoring unknown variable 'x' in file t.scad, line 5\n"
            "ECHO: undef\n");
  ASSERT_TRUE(r.root);
  EXPECT_EQ(DumpCsg(*r.root), "group();\n\n");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace mos::eval
