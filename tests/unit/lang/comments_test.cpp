// Comments kept with top-level assignments (for the customizer), and the
// customizer annotations 2021.01 derives from the raw text.
#include <gtest/gtest.h>

#include "lang/ast_dump.h"
#include "lang/customizer_annotations.h"
#include "parse_test_util.h"

namespace mos::lang {
namespace {

const Assignment& Find(const ParseResult& r, const std::string& name) {
  for (const Assignment& a : r.file->body.assignments)
    if (a.name == name) return a;
  static Assignment none;
  ADD_FAILURE() << name;
  return none;
}

TEST(Comments, BeforeAndAfterTopLevelAssignments) {
  ParseResult r = test::Parse(
      "/* [Group A] */\n"
      "// Width of the box\n"
      "width = 10; // [0:100]\n"
      "height = 5; /* plain */ // second\n"
      "\n"
      "/* block\n   two lines */\n"
      "depth = 2;\n"
      "module m() { inner = 1; // not kept\n}\n");
  ASSERT_TRUE(r.file);
  const Assignment& width = Find(r, "width");
  ASSERT_EQ(width.commentsBefore.size(), 2u);
  EXPECT_EQ(width.commentsBefore[0], "/* [Group A] */");
  EXPECT_EQ(width.commentsBefore[1], "// Width of the box");
  EXPECT_EQ(width.commentAfter, "// [0:100]");
  const Assignment& height = Find(r, "height");
  EXPECT_TRUE(height.commentsBefore.empty()) << "the comment after `width` is width's";
  EXPECT_EQ(height.commentAfter, "/* plain */");
  const Assignment& depth = Find(r, "depth");
  ASSERT_EQ(depth.commentsBefore.size(), 1u);
  EXPECT_EQ(depth.commentsBefore[0], "/* block\n   two lines */");
  EXPECT_EQ(depth.commentAfter, "");
  const Body& mbody = r.file->body.modules[0]->body;
  EXPECT_EQ(mbody.assignments[0].commentAfter, "") << "only top-level assignments";
}

TEST(Comments, AnnotationsOfLiteralParameters) {
  ParseResult r = test::Parse(
      "/* [Size] */\n"
      "// The width\n"
      "w = 10; // [0:5:100]\n"
      "c = \"red\"; // [red, green, blue]\n"
      "v = [1, 2]; // [1:one, 2:two]\n"
      "e = w * 2; // not a literal\n"
      "module m() {}\n"
      "late = 1; // after the first brace\n");
  ASSERT_TRUE(r.file);
  const Assignment& w = Find(r, "w");
  ASSERT_EQ(w.annotations.size(), 3u);
  EXPECT_EQ(w.annotations[0].name, "Group");
  EXPECT_EQ(DumpExpr(*w.annotations[0].value), "\"Size\"");
  EXPECT_EQ(w.annotations[1].name, "Description");
  EXPECT_EQ(DumpExpr(*w.annotations[1].value), "\"The width\"");
  EXPECT_EQ(w.annotations[2].name, "Parameter");
  EXPECT_EQ(DumpExpr(*w.annotations[2].value), "[0 : 5 : 100]");
  EXPECT_EQ(DumpExpr(*Find(r, "c").annotations[1].value), "[\"red\", \"green\", \"blue\"]");
  EXPECT_EQ(DumpExpr(*Find(r, "v").annotations[1].value), "[[1, \"one\"], [2, \"two\"]]");
  EXPECT_TRUE(Find(r, "e").annotations.empty());
  EXPECT_TRUE(Find(r, "late").annotations.empty());
}

TEST(Comments, ParameterCommentLanguage) {
  auto P = [](const std::string& c) {
    ExprPtr e = ParseParameterComment(c);
    return e ? DumpExpr(*e) : std::string("<none>");
  };
  // Outputs as `openscad -o x.ast` printed them for `x = 1; //<comment>`.
  EXPECT_EQ(P(" [0:100]"), "[0 : 100]");
  EXPECT_EQ(P(" 10"), "10");
  EXPECT_EQ(P(" hello world  "), "\"hello world\"");
  EXPECT_EQ(P(" [a:b]"), "[[\"a\", \"b\"]]");
  EXPECT_EQ(P(" abc 1e1 x"), "\"abc 10 x\"");
  EXPECT_EQ(P(" 5 6 a"), "\"5 6 a\"");
  EXPECT_EQ(P(" \"quoted\" rest"), "\"quoted rest\"");
  EXPECT_EQ(P(" a(b)"), "\"a b\"");
  EXPECT_EQ(P(" a\tb"), "\"a\\tb\"") << "a tab belongs to the word";
  EXPECT_EQ(P("comment with \""), "\"comment with \"");
  EXPECT_EQ(P(" 3 4"), "<none>");
  EXPECT_EQ(P(" [0:100] extra"), "<none>");
  EXPECT_EQ(P(" [1,2,]"), "<none>");
  EXPECT_EQ(P(" [[\"a\",1]]"), "<none>");
  EXPECT_EQ(P(""), "<none>");
}

TEST(Comments, IsLiteral) {
  EXPECT_TRUE(IsLiteralExpr(*test::ParseExpr("-[1, [2, \"a\"]]")));
  EXPECT_TRUE(IsLiteralExpr(*test::ParseExpr("[1 : 2 : 3]")));
  EXPECT_TRUE(IsLiteralExpr(*test::ParseExpr("undef")));
  EXPECT_FALSE(IsLiteralExpr(*test::ParseExpr("[a]")));
  EXPECT_FALSE(IsLiteralExpr(*test::ParseExpr("1 + 2")));
}

}  // namespace
}  // namespace mos::lang
