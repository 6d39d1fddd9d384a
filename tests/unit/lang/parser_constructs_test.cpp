// The shape of the AST for each construct of the 2021.01 grammar.
#include <gtest/gtest.h>

#include "lang/ast_dump.h"
#include "parse_test_util.h"

namespace mos::lang {
namespace {

using test::As;
using test::Parse;

const InstantiationStatement& Inst(const StatementPtr& s) {
  EXPECT_EQ(s->kind, StatementKind::Instantiation);
  return static_cast<const InstantiationStatement&>(*s);
}

TEST(ParserConstructs, LiteralsAndIdentifiers) {
  EXPECT_EQ(As<LiteralExpr>(test::ParseExpr("true")).boolValue, true);
  EXPECT_EQ(As<LiteralExpr>(test::ParseExpr("undef")).type, LiteralExpr::Type::Undef);
  EXPECT_EQ(As<LiteralExpr>(test::ParseExpr("\"\\u00e9\"")).string, "\xc3\xa9");
  EXPECT_EQ(As<IdentifierExpr>(test::ParseExpr("$fn")).name, "$fn");
  EXPECT_EQ(As<IdentifierExpr>(test::ParseExpr("3d")).name, "3d");
}

TEST(ParserConstructs, UnaryPlusIsFolded) {
  ExprPtr e = test::ParseExpr("+x");
  EXPECT_EQ(e->kind, ExprKind::Identifier);
}

TEST(ParserConstructs, RangesAndVectors) {
  ExprPtr rExpr = test::ParseExpr("[1:2:10]");
  const auto& r = As<RangeExpr>(rExpr);
  EXPECT_TRUE(r.step);
  EXPECT_FALSE(As<RangeExpr>(test::ParseExpr("[1:10]")).step);
  EXPECT_EQ(As<VectorExpr>(test::ParseExpr("[1,,2,,]")).elements.size(), 2u);
  EXPECT_TRUE(As<VectorExpr>(test::ParseExpr("[,,]")).elements.empty());
}

TEST(ParserConstructs, ListComprehensionKinds) {
  ExprPtr vExpr = test::ParseExpr("[for (i = a) i, for (i = 0; i < 3; i = i + 1) i, each a, if (a) 1 else 2,"
                      " let (x = 1) for (i = a) x, let (x = 1) x]");
  const auto& v = As<VectorExpr>(vExpr);
  ASSERT_EQ(v.elements.size(), 6u);
  EXPECT_EQ(v.elements[0]->kind, ExprKind::LcFor);
  EXPECT_EQ(v.elements[1]->kind, ExprKind::LcForC);
  EXPECT_EQ(v.elements[2]->kind, ExprKind::LcEach);
  EXPECT_EQ(v.elements[3]->kind, ExprKind::LcIf);
  EXPECT_TRUE(As<LcIfExpr>(v.elements[3]).ifFalse);
  EXPECT_EQ(v.elements[4]->kind, ExprKind::LcLet);
  EXPECT_EQ(v.elements[5]->kind, ExprKind::Let) << "let with an expression body";
  const auto& forC = As<LcForCExpr>(v.elements[1]);
  EXPECT_EQ(forC.init.size(), 1u);
  EXPECT_EQ(forC.update[0].name, "i");
}

TEST(ParserConstructs, MultiVariableForNestsLoops) {
  ExprPtr vExpr = test::ParseExpr("[for (i = a, j = b) [i, j]]");
  const auto& v = As<VectorExpr>(vExpr);
  const auto& outer = As<LcForExpr>(v.elements[0]);
  ASSERT_EQ(outer.assignments.size(), 1u);
  EXPECT_EQ(outer.assignments[0].name, "i");
  EXPECT_EQ(As<LcForExpr>(outer.body).assignments[0].name, "j");
  EXPECT_EQ(As<VectorExpr>(test::ParseExpr("[for () 7]")).elements[0]->kind, ExprKind::Literal);
}

TEST(ParserConstructs, WhereListComprehensionElementsMayStand) {
  // Only directly in [ ], (parenthesised only after the first element),
  // never in a plain expression.
  EXPECT_TRUE(Parse("x = [1, (for (i = a) i)];").file);
  EXPECT_FALSE(Parse("x = [(for (i = a) i)];").file);
  EXPECT_FALSE(Parse("x = (for (i = a) i);").file);
  EXPECT_FALSE(Parse("x = each a;").file);
  EXPECT_FALSE(Parse("echo(each [1]);").file);
  EXPECT_FALSE(Parse("x = [for (;;) 1];").file);
  EXPECT_TRUE(Parse("x = [let (a = 1) (for (i = a) i)];").file);
}

TEST(ParserConstructs, ElementSyntaxDecidesEvenWhenForYieldsItsBody) {
  // `for ()` yields its body, but what surrounds it still counts as a
  // list-comprehension element (outputs from openscad 2021.01).
  EXPECT_FALSE(Parse("x = [for() 1 : 2];").file);
  ParseResult r = Parse("x = [let(a=1) for() 2, 1, (for() 3), let(b=2) (for() b)];");
  ASSERT_TRUE(r.file);
  EXPECT_EQ(DumpExpr(*r.file->body.assignments[0].value),
            "[let(a = 1) (2), 1, 3, let(b = 2) (b)]");
}

TEST(ParserConstructs, FunctionLiteralsAndCallsOnAnyExpression) {
  ExprPtr callExpr = test::ParseExpr("f(1)(2)");
  const auto& call = As<CallExpr>(callExpr);
  EXPECT_EQ(call.callee->kind, ExprKind::Call);
  ExprPtr flExpr = test::ParseExpr("function (x, y = 2) x + y");
  const auto& fl = As<FunctionLiteralExpr>(flExpr);
  ASSERT_EQ(fl.parameters.size(), 2u);
  EXPECT_TRUE(fl.parameters[1].defaultValue);
  EXPECT_EQ(fl.body->kind, ExprKind::Binary);
  EXPECT_EQ(As<MemberExpr>(test::ParseExpr("v.y")).member, "y");
  EXPECT_EQ(test::ParseExpr("v[0]")->kind, ExprKind::Index);
}

TEST(ParserConstructs, LetAssertEchoExpressions) {
  EXPECT_EQ(test::ParseExpr("let (a = 1) a")->kind, ExprKind::Let);
  ExprPtr aExpr = test::ParseExpr("assert(x, \"m\")");
  const auto& a = As<AssertOrEchoExpr>(aExpr);
  EXPECT_EQ(a.kind, ExprKind::Assert);
  EXPECT_FALSE(a.body);
  ExprPtr eExpr = test::ParseExpr("echo(1) 2");
  const auto& e = As<AssertOrEchoExpr>(eExpr);
  EXPECT_EQ(e.kind, ExprKind::Echo);
  EXPECT_TRUE(e.body);
  EXPECT_FALSE(Parse("x = 1 + let (a = 1) a;").file) << "let binds loosest";
}

TEST(ParserConstructs, CommaRulesOf2021) {
  EXPECT_TRUE(Parse("echo(,1,,2);").file);
  EXPECT_FALSE(Parse("echo(1,);").file);
  EXPECT_FALSE(Parse("echo(,);").file);
  EXPECT_TRUE(Parse("module m(,a,,b,) {}").file);
  EXPECT_TRUE(Parse("function f(,) = 1;").file);
}

TEST(ParserConstructs, StatementsAndModifiers) {
  ParseResult r = Parse(
      "!translate([1,0,0]) #cube();\n"
      "%sphere();\n"
      "*cylinder();\n"
      ";\n"
      "{ a = 1; { b = 2; } }\n"
      "for (i = [0:2]) let (x = i) echo(x);\n"
      "union() { cube(); c = 3; sphere(); }\n");
  ASSERT_TRUE(r.file);
  const Body& b = r.file->body;
  EXPECT_EQ(b.assignments.size(), 2u) << "nested blocks share the scope";
  ASSERT_EQ(b.instantiations.size(), 5u);
  EXPECT_TRUE(b.instantiations[0]->modifiers.root);
  const auto& tr = Inst(b.instantiations[0]);
  EXPECT_TRUE(tr.children.instantiations[0]->modifiers.highlight);
  EXPECT_TRUE(b.instantiations[1]->modifiers.background);
  EXPECT_TRUE(b.instantiations[2]->modifiers.disable);
  const auto& forInst = Inst(b.instantiations[3]);
  EXPECT_EQ(forInst.name, "for");
  EXPECT_EQ(Inst(forInst.children.instantiations[0]).name, "let");
  const auto& u = Inst(b.instantiations[4]);
  EXPECT_EQ(u.children.instantiations.size(), 2u);
  EXPECT_EQ(u.children.assignments.size(), 1u);
}

TEST(ParserConstructs, EndMarkerIsAStatement) {
  // 2021.01 appends "\n\x03\n" to the main file and \x03 is an empty
  // statement: a module definition at the very end takes it as its body.
  ParseResult r = Parse("module m() \n\n");
  ASSERT_TRUE(r.file);
  EXPECT_EQ(r.file->body.modules.size(), 1u);
  EXPECT_FALSE(Parse("cube() \x03;").file) << "not a child statement";
}

TEST(ParserConstructs, IfElseStatements) {
  ParseResult r = Parse("if (a) cube(); else if (b) { sphere(); } else ;\nif (c) {}");
  ASSERT_TRUE(r.file);
  ASSERT_EQ(r.file->body.instantiations.size(), 2u);
  const auto& s = static_cast<const IfElseStatement&>(*r.file->body.instantiations[0]);
  EXPECT_EQ(s.kind, StatementKind::IfElse);
  EXPECT_TRUE(s.hasElse);
  const auto& inner = static_cast<const IfElseStatement&>(*s.ifFalse.instantiations[0]);
  EXPECT_TRUE(inner.hasElse) << "else binds to the nearest if";
  EXPECT_FALSE(static_cast<const IfElseStatement&>(*r.file->body.instantiations[1]).hasElse);
}

TEST(ParserConstructs, DefinitionsWithDefaults) {
  ParseResult r = Parse(
      "module m(a, b = [1, 2]) { function inner(x) = x; c = a; cube(c); }\n"
      "function f(x, y = 2) = x + y;\n"
      "module single() sphere();\n"
      "module nested() module deeper() cube();\n");
  ASSERT_TRUE(r.file);
  const Body& b = r.file->body;
  ASSERT_EQ(b.modules.size(), 3u);
  EXPECT_EQ(b.modules[0]->parameters[1].name, "b");
  EXPECT_TRUE(b.modules[0]->parameters[1].defaultValue);
  EXPECT_EQ(b.modules[0]->body.functions.size(), 1u);
  EXPECT_EQ(b.modules[1]->body.instantiations.size(), 1u);
  EXPECT_EQ(b.modules[2]->body.modules.size(), 1u);
  ASSERT_EQ(b.functions.size(), 1u);
  EXPECT_EQ(b.functions[0]->span.line, 2);
  EXPECT_FALSE(Parse("cube() { module m() {} }").file) << "no definitions in child blocks";
}

TEST(ParserConstructs, SpansCarryFileLineColumn) {
  ParseResult r = Parse("x = 1;\n  y = [1,\n    foo(2)];\n");
  ASSERT_TRUE(r.file);
  const Assignment& y = r.file->body.assignments[1];
  EXPECT_EQ(y.span.line, 2);
  EXPECT_EQ(y.span.column, 3);
  EXPECT_EQ(y.span.endLine, 3);
  const auto& v = As<VectorExpr>(y.value);
  EXPECT_EQ(v.span.column, 7);
  const auto& call = As<CallExpr>(v.elements[1]);
  EXPECT_EQ(call.span.line, 3);
  EXPECT_EQ(call.span.column, 5);
  EXPECT_EQ(call.arguments[0].value->span.column, 9);
  EXPECT_NE(call.span.FileName().find("test.scad"), std::string::npos);
}

TEST(ParserConstructs, SyntaxErrorDiagnosticHasColumn) {
  ParseResult r = Parse("x = [1,\n  2 3];");
  EXPECT_FALSE(r.file);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].severity, Severity::Error);
  EXPECT_EQ(r.diagnostics[0].location.line, 2);
  EXPECT_EQ(r.diagnostics[0].location.column, 5);
  EXPECT_EQ(r.diagnostics[0].message, "Parser error: syntax error");
}

}  // namespace
}  // namespace mos::lang
