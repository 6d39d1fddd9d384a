// -D overrides as 2021.01 handles them (text appended to the main file).
// Expected outputs from `openscad -o x.ast|x.echo -D ... dd.scad`.
#include <gtest/gtest.h>

#include "lang/ast_dump.h"
#include "temp_tree.h"

namespace mos::lang {
namespace {

TEST(CommandLine, OverridesReplaceInPlaceOrAppend) {
  test::TempTree tree;
  tree.Write("dd.scad", "a = 1;\necho(a, b);\nb = 2;\n");
  ParseOptions options;
  options.commandLineAssignments = {"a=5", "c=7"};
  ParseResult r = ParseFile("dd.scad", options);
  ASSERT_TRUE(r.file);
  EXPECT_TRUE(r.echoLines.empty());
  EXPECT_EQ(DumpAst(*r.file),
            "//Parameter(\"\")\na = 5;\n//Parameter(\"\")\nb = 2;\n//Parameter(\"\")\nc = 7;\n"
            "echo(a, b);\n");
}

TEST(CommandLine, OverridesAreSilentButFileReassignmentsWarn) {
  test::TempTree tree;
  tree.Write("dd3.scad", "a = 1;\necho(a, b);\nb = 2;\nb = 3;\n");
  ParseOptions options;
  options.commandLineAssignments = {"b=9"};
  ParseResult r = ParseFile("dd3.scad", options);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(test::JoinLines(r.echoLines),
            "WARNING: b was assigned on line 3 but was overwritten in file dd3.scad, line 4\n");
}

TEST(CommandLine, SyntaxErrorInAnOverride) {
  test::TempTree tree;
  tree.Write("dd.scad", "a = 1;\necho(a, b);\nb = 2;\n");
  ParseOptions options;
  options.commandLineAssignments = {"a="};
  ParseResult r = ParseFile("dd.scad", options);
  EXPECT_FALSE(r.file);
  EXPECT_EQ(test::JoinLines(r.echoLines),
            "ERROR: Parser error: syntax error in file dd.scad, line 6\n"
            "Can't parse file 'dd.scad'!\n\n");
}

}  // namespace
}  // namespace mos::lang
