#include <gtest/gtest.h>

#include "parse_test_util.h"

namespace mos::lang {
namespace {

using test::As;
using test::Parse;

TEST(Parser, EmptyFile) {
  ParseResult r = Parse("");
  ASSERT_TRUE(r.file);
  EXPECT_TRUE(r.file->body.instantiations.empty());
  EXPECT_TRUE(r.echoLines.empty());
}

TEST(Parser, AssignmentAndInstantiation) {
  ParseResult r = Parse("a = 1;\ncube(a, center = true);\n");
  ASSERT_TRUE(r.file);
  ASSERT_EQ(r.file->body.assignments.size(), 1u);
  EXPECT_EQ(r.file->body.assignments[0].name, "a");
  ASSERT_EQ(r.file->body.instantiations.size(), 1u);
  const auto& inst = static_cast<const InstantiationStatement&>(*r.file->body.instantiations[0]);
  EXPECT_EQ(inst.name, "cube");
  ASSERT_EQ(inst.arguments.size(), 2u);
  EXPECT_EQ(inst.arguments[1].name, "center");
  EXPECT_EQ(inst.span.line, 2);
  EXPECT_EQ(inst.span.column, 1);
  EXPECT_EQ(inst.arguments[1].span.column, 9);
}

TEST(Parser, SyntaxErrorLineAndColumn) {
  ParseResult r = Parse("x = 1;\ncube(;\n");
  EXPECT_FALSE(r.file);
  ASSERT_GE(r.echoLines.size(), 1u);
  EXPECT_EQ(r.echoLines[0], "ERROR: Parser error: syntax error in file test.scad, line 2");
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].location.line, 2);
  EXPECT_EQ(r.diagnostics[0].location.column, 6);
}

}  // namespace
}  // namespace mos::lang
