// include/use resolution and the messages around it. Expected texts were
// taken from openscad 2021.01 runs on the same file trees.
#include <gtest/gtest.h>

#include "lang/ast_dump.h"
#include "lang/parser.h"
#include "temp_tree.h"

namespace mos::lang {
namespace {

using test::JoinLines;
using test::TempTree;

ParseResult ParseMain(const TempTree& tree, const std::string& name = "main.scad",
                      ParseOptions options = {}) {
  (void)tree;
  return ParseFile(name, options);
}

TEST(ParseFileErrors, MissingInputFile) {
  TempTree tree;
  ParseResult r = ParseFile("nonexist.scad", {});
  EXPECT_FALSE(r.file);
  EXPECT_EQ(JoinLines(r.echoLines), "Can't open input file 'nonexist.scad'!\n\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].severity, Severity::Error);
}

TEST(Include, SplicesStatementsWithTheirOwnSpans) {
  TempTree tree;
  tree.Write("main.scad", "a = 1;\ninclude <sub/inc.scad>\ncube(b);\n");
  tree.Write("sub/inc.scad", "\nb = 2;\nsphere();\n");
  ParseResult r = ParseMain(tree);
  ASSERT_TRUE(r.file);
  const Body& body = r.file->body;
  ASSERT_EQ(body.assignments.size(), 2u);
  EXPECT_EQ(body.assignments[1].name, "b");
  EXPECT_EQ(body.assignments[1].span.FileName(), tree.Path("sub/inc.scad"));
  EXPECT_EQ(body.assignments[1].span.line, 2);
  ASSERT_EQ(body.instantiations.size(), 2u);
  EXPECT_EQ(body.instantiations[0]->span.FileName(), tree.Path("sub/inc.scad"));
  EXPECT_EQ(body.instantiations[1]->span.FileName(), tree.Path("main.scad"));
  ASSERT_EQ(r.file->includedFiles.size(), 1u);
  EXPECT_EQ(r.file->includedFiles[0], tree.Path("sub/inc.scad"));
  EXPECT_TRUE(r.echoLines.empty());
}

TEST(Include, IsTextualEvenInsideAnExpression) {
  TempTree tree;
  tree.Write("main.scad", "x = include <v.scad> ;\n");
  tree.Write("v.scad", "40 + 2");
  ParseResult r = ParseMain(tree);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(DumpAst(*r.file), "x = (40 + 2);\n");
}

TEST(Include, RelativeToIncludingFileThenLibraryPathsInOrder) {
  TempTree tree;
  tree.Write("main.scad", "include <sub/a.scad>\n");
  tree.Write("sub/a.scad", "include <lib.scad>\n");
  tree.Write("sub/lib.scad", "from_sub = 1;\n");
  tree.Write("lib.scad", "from_main_dir = 1;\n");
  tree.Write("l1/only2.scad", "");
  tree.Write("l1/both.scad", "from_l1 = 1;\n");
  tree.Write("l2/both.scad", "from_l2 = 1;\n");
  tree.Write("l2/only2.scad", "from_only_l2 = 1;\n");
  ParseResult r = ParseMain(tree);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(DumpAst(*r.file), "from_sub = 1;\n");

  tree.Write("main.scad", "include <both.scad>\ninclude <only2.scad>\n");
  ParseOptions options;
  options.libraryPaths = {tree.Path("l1"), tree.Path("l2")};
  r = ParseMain(tree, "main.scad", options);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(DumpAst(*r.file), "from_l1 = 1;\n") << "l1/only2.scad is empty and found first";
}

TEST(Include, MissingFilesWarnAs2021) {
  TempTree tree;
  tree.Write("main.scad", "use <nope.scad>\necho(1);\ninclude <nothere.scad>\nx=1;\n");
  ParseResult r = ParseMain(tree);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(JoinLines(r.echoLines),
            "WARNING: Can't open library 'nope.scad'.\n"
            "WARNING: Can't open include file 'nothere.scad'.\n");
  ASSERT_EQ(r.file->uses.size(), 1u);
  EXPECT_EQ(r.file->uses[0].path, "nope.scad");
  EXPECT_EQ(r.file->uses[0].resolved, "");
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[1].severity, Severity::Warning);
  EXPECT_EQ(r.diagnostics[1].location.line, 3);
}

TEST(Use, RecordsResolvedPathAndIsOnlyTopLevel) {
  TempTree tree;
  tree.Write("main.scad", "use <lib/u.scad>\ncube();\n");
  tree.Write("lib/u.scad", "module m() {}\n");
  ParseResult r = ParseMain(tree);
  ASSERT_TRUE(r.file);
  ASSERT_EQ(r.file->uses.size(), 1u);
  EXPECT_EQ(r.file->uses[0].resolved, tree.Path("lib/u.scad"));
  EXPECT_EQ(r.file->uses[0].span.line, 1);
  EXPECT_TRUE(r.file->body.modules.empty()) << "use does not splice";

  // 2021.01 resolves `use` in its lexer, so the warning comes before the
  // syntax error of a `use` inside a block.
  tree.Write("main.scad", "x=1;\n{ use <a.scad> }\n");
  r = ParseMain(tree);
  EXPECT_FALSE(r.file);
  EXPECT_EQ(JoinLines(r.echoLines),
            "WARNING: Can't open library 'a.scad'.\n"
            "ERROR: Parser error: syntax error in file main.scad, line 2\n"
            "Can't parse file 'main.scad'!\n\n");
}

TEST(Use, ParsingAUsedLibraryAs2021) {
  TempTree tree;
  // Outputs of openscad 2021.01 for `use <lib/uN.scad> m();` in main.scad.
  tree.Write("main.scad", "use <lib/u.scad>\nm();\n");
  tree.Write("lib/u.scad", "x=1;\nx=2;\nmodule m() echo(x);\n");
  tree.Write("lib/u2.scad", "module m() echo(1);\ny = 1 +\n");
  tree.Write("lib/u4.scad", "include <inc.scad>\nmodule m() echo(1);\n");
  tree.Write("lib/inc.scad", "q=1;\nq=2;\n");
  ParseOptions options;
  options.usedFromMainFile = tree.Path("main.scad");
  ParseResult r = ParseFile(tree.Path("lib/u.scad"), options);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(JoinLines(r.echoLines),
            "WARNING: x was assigned on line 1 of \"lib/u.scad\" but was overwritten in file "
            "lib/u.scad, line 2\n");
  r = ParseFile(tree.Path("lib/u2.scad"), options);
  EXPECT_FALSE(r.file);
  EXPECT_EQ(JoinLines(r.echoLines),
            "ERROR: Parser error: syntax error in file lib/u2.scad, line 4\n")
      << "no \"Can't parse file\" line for a library";
  r = ParseFile(tree.Path("lib/u4.scad"), options);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(JoinLines(r.echoLines),
            "WARNING: q was assigned on line 1 of \"lib/inc.scad\" but was overwritten in file "
            "lib/inc.scad, line 2\n");
}

TEST(Include, ErrorsInIncludedFilesNameThatFile) {
  TempTree tree;
  tree.Write("main.scad", "include <sub/bad.scad>\ncube();\n");
  tree.Write("sub/bad.scad", "\n\ny = = 2;\n");
  ParseResult r = ParseMain(tree);
  EXPECT_FALSE(r.file);
  EXPECT_EQ(JoinLines(r.echoLines),
            "ERROR: Parser error: syntax error in file sub/bad.scad, line 3\n"
            "Can't parse file 'main.scad'!\n\n");
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].location.line, 3);
  EXPECT_EQ(r.diagnostics[0].location.column, 5);
}

TEST(Include, UnterminatedStringInIncludedFile) {
  TempTree tree;
  tree.Write("main.scad", "x = 1;\ninclude <sub/str.scad>\n");
  tree.Write("sub/str.scad", "y = \"abc\n\n");
  ParseResult r = ParseMain(tree);
  EXPECT_EQ(JoinLines(r.echoLines),
            "ERROR: Parser error: Unterminated string in file sub/str.scad, line 3\n"
            "ERROR: Parser error: syntax error in file sub/str.scad, line 3\n"
            "Can't parse file 'main.scad'!\n\n");
}

TEST(Include, EndOfIncludedFileContinuesTheIncludingFile) {
  TempTree tree;
  // An included file ending mid-expression: the error (at the end of all
  // input) is reported in the main file, two lines after its last line.
  tree.Write("main.scad", "x=1;\ninclude <sub/eof.scad>\n");
  tree.Write("sub/eof.scad", "y = 1 +\n\n");
  ParseResult r = ParseMain(tree);
  EXPECT_EQ(JoinLines(r.echoLines),
            "ERROR: Parser error: syntax error in file main.scad, line 4\n"
            "Can't parse file 'main.scad'!\n\n");
}

TEST(Include, SelfIncludeAndCyclesEndWithWarnings) {
  TempTree tree;
  // As in 2021.01, the main file itself is not in the include chain: it is
  // included once, then the copy's own include is refused.
  tree.Write("main.scad", "include <main.scad>\necho(1);\n");
  ParseResult r = ParseMain(tree);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(JoinLines(r.echoLines), "WARNING: Can't open include file 'main.scad'.\n");
  EXPECT_EQ(r.file->body.instantiations.size(), 2u);

  tree.Write("main.scad", "include <a.scad>\n");
  tree.Write("a.scad", "include <b.scad>\na = 1;\n");
  tree.Write("b.scad", "include <a.scad>\nb = 1;\n");
  r = ParseMain(tree);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(JoinLines(r.echoLines), "WARNING: Can't open include file 'a.scad'.\n");
  EXPECT_EQ(DumpAst(*r.file), "b = 1;\na = 1;\n");
}

TEST(Include, CycleCheckComparesSpellingsAs2021) {
  TempTree tree;
  // One file reached through two spellings. openscad 2021.01 printed these
  // warnings (and four ECHO: "F") for this tree.
  tree.Write("misc/f.scad", "include <f.scad>\ninclude <../misc/f.scad>\necho(\"F\");\n");
  tree.Write("misc/m.scad", "include <f.scad>\ninclude <../misc/f.scad>\necho(\"M\");\n");
  ParseResult r = ParseMain(tree, "misc/m.scad");
  ASSERT_TRUE(r.file);
  EXPECT_EQ(JoinLines(r.echoLines),
            "WARNING: Can't open include file 'f.scad'.\n"
            "WARNING: Can't open include file 'f.scad'.\n"
            "WARNING: Can't open include file '../misc/f.scad'.\n"
            "WARNING: Can't open include file 'f.scad'.\n"
            "WARNING: Can't open include file 'f.scad'.\n"
            "WARNING: Can't open include file '../misc/f.scad'.\n");
  EXPECT_EQ(r.file->body.instantiations.size(), 5u);
}

TEST(Include, DepthLimitEndsInAnError) {
  TempTree tree;
  for (int i = 0; i < 20; ++i) {
    std::string content = "include <f";
    content += std::to_string(i + 1);
    content += ".scad>\n";
    std::string name = "f";
    name += std::to_string(i);
    name += ".scad";
    tree.Write(name, content);
  }
  tree.Write("f20.scad", "deepest = 1;\n");
  tree.Write("main.scad", "include <f0.scad>\n");
  ParseOptions options;
  options.maxIncludeDepth = 8;
  ParseResult r = ParseMain(tree, "main.scad", options);
  ASSERT_TRUE(r.file);
  bool sawError = false;
  for (const Diagnostic& d : r.diagnostics) sawError = sawError || d.severity == Severity::Error;
  EXPECT_TRUE(sawError) << JoinLines(r.echoLines);
  EXPECT_TRUE(r.file->body.assignments.empty());
  // Deep enough by default.
  r = ParseMain(tree);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(DumpAst(*r.file), "deepest = 1;\n") << "no annotations outside the main file";
}

TEST(Assignments, ReassignmentWarningsAs2021) {
  TempTree tree;
  tree.Write("main.scad", "x=1;\nx=2;\ninclude <sub/re.scad>\ny=5;\n");
  tree.Write("sub/re.scad", "x=3;\ny=1;\ny=2;\n");
  ParseResult r = ParseMain(tree);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(JoinLines(r.echoLines),
            "WARNING: x was assigned on line 1 but was overwritten in file main.scad, line 2\n"
            "WARNING: x was assigned on line 2 of \"main.scad\" but was overwritten in file "
            "sub/re.scad, line 1\n"
            "WARNING: y was assigned on line 2 of \"sub/re.scad\" but was overwritten in file "
            "sub/re.scad, line 3\n");
  // The later value replaces the earlier one at the earlier position.
  EXPECT_EQ(DumpAst(*r.file), "x = 3;\n//Parameter(\"\")\ny = 5;\n");
  EXPECT_EQ(r.file->body.assignments[0].span.FileName(), tree.Path("sub/re.scad"));
}

TEST(Assignments, SameFileIncludedTwiceIsSilent) {
  TempTree tree;
  tree.Write("inc.scad", "q=1;\n");
  tree.Write("main.scad", "include <inc.scad>\ninclude <inc.scad>\n");
  ParseResult r = ParseMain(tree);
  ASSERT_TRUE(r.file);
  EXPECT_TRUE(r.echoLines.empty()) << JoinLines(r.echoLines);
}

}  // namespace
}  // namespace mos::lang
