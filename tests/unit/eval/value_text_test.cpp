// echo()/str() text of values; expected strings taken from openscad 2021.01
// output.
#include <gtest/gtest.h>

#include <cmath>

#include "lang/ast.h"
#include "value_test_helpers.h"

namespace mos::eval {
namespace {

using namespace testing;

TEST(ValueText, Scalars) {
  EXPECT_EQ(U().ToEchoString(), "undef");
  EXPECT_EQ(B(true).ToEchoString(), "true");
  EXPECT_EQ(B(false).ToEchoString(), "false");
  EXPECT_EQ(N(1.0 / 3).ToEchoString(), "0.333333");
  EXPECT_EQ(N(-0.0).ToEchoString(), "0");
  EXPECT_EQ(U().ToStrString(), "undef");
  EXPECT_EQ(B(true).ToStrString(), "true");
  EXPECT_EQ(N(1e-7).ToStrString(), "1e-7");
  EXPECT_EQ(N(INFINITY).ToStrString(), "inf");
  EXPECT_EQ(N(-NAN).ToStrString(), "nan");
}

TEST(ValueText, StringsQuotedInEchoButNotEscaped) {
  // echo("a\"b\n\t\\") prints the characters themselves inside quotes.
  EXPECT_EQ(S("a\"b\n\t\\").ToEchoString(), "\"a\"b\n\t\\\"");
  EXPECT_EQ(S("a\"b").ToStrString(), "a\"b");
  EXPECT_EQ(V({S("a\"b\\c")}).ToEchoString(), "[\"a\"b\\c\"]");
  EXPECT_EQ(S("x\xe2\x98\xba").ToEchoString(), "\"x\xe2\x98\xba\"");
}

TEST(ValueText, Vectors) {
  EXPECT_EQ(Nums({1, 2, 3}).ToEchoString(), "[1, 2, 3]");
  EXPECT_EQ(V({Nums({1, 2}), Nums({3})}).ToEchoString(), "[[1, 2], [3]]");
  EXPECT_EQ(V({S("a"), U()}).ToEchoString(), "[\"a\", undef]");
  EXPECT_EQ(Nums({}).ToEchoString(), "[]");
  // Strings inside vectors stay quoted in str().
  EXPECT_EQ(V({N(1), S("x")}).ToStrString(), "[1, \"x\"]");
  EXPECT_EQ(V({R(0, 1, 2)}).ToEchoString(), "[[0 : 1 : 2]]");
}

TEST(ValueText, Ranges) {
  EXPECT_EQ(R(0, 1, 5).ToEchoString(), "[0 : 1 : 5]");
  EXPECT_EQ(R(0, 2, 5).ToStrString(), "[0 : 2 : 5]");
  EXPECT_EQ(R(0, INFINITY, 1).ToEchoString(), "[0 : inf : 1]");
}

TEST(ValueText, DeeplyNestedVectorIsBounded) {
  Value v = Nums({1});
  for (int i = 0; i < kMaxValueNesting + 10; ++i) v = V({v});
  const std::string text = v.ToEchoString();
  EXPECT_NE(text.find("[...]"), std::string::npos);
}

// AST builders for function literals.
lang::SourceSpan Span() { return lang::SourceSpan{}; }
lang::ExprPtr Id(const std::string& name) {
  return std::make_shared<lang::IdentifierExpr>(Span(), name);
}
lang::ExprPtr Num(double d) {
  auto l = std::make_shared<lang::LiteralExpr>(Span());
  l->type = lang::LiteralExpr::Type::Number;
  l->number = d;
  return l;
}
lang::ExprPtr Str(const std::string& s) {
  auto l = std::make_shared<lang::LiteralExpr>(Span());
  l->type = lang::LiteralExpr::Type::String;
  l->string = s;
  return l;
}
lang::ExprPtr Bin(lang::BinaryOp op, lang::ExprPtr a, lang::ExprPtr b) {
  return std::make_shared<lang::BinaryExpr>(Span(), op, a, b);
}
lang::Parameter Param(const std::string& name, lang::ExprPtr def = nullptr) {
  lang::Parameter p;
  p.name = name;
  p.defaultValue = def;
  return p;
}
Value Fn(std::vector<lang::Parameter> params, lang::ExprPtr body) {
  auto f = std::make_shared<lang::FunctionLiteralExpr>(Span());
  f->parameters = std::move(params);
  f->body = body;
  return Value::Function(FunctionValue{f, nullptr});
}

TEST(ValueText, FunctionLiterals) {
  using lang::BinaryOp;
  // function(x) x+1  ->  function(x) (x + 1)
  EXPECT_EQ(Fn({Param("x")}, Bin(BinaryOp::Add, Id("x"), Num(1))).ToEchoString(),
            "function(x) (x + 1)");
  // function(x, y=2) x*y
  EXPECT_EQ(Fn({Param("x"), Param("y", Num(2))}, Bin(BinaryOp::Multiply, Id("x"), Id("y")))
                .ToStrString(),
            "function(x, y = 2) (x * y)");
  // function(x) (x + 1) * 2
  EXPECT_EQ(Fn({Param("x")}, Bin(BinaryOp::Multiply, Bin(BinaryOp::Add, Id("x"), Num(1)), Num(2)))
                .ToEchoString(),
            "function(x) ((x + 1) * 2)");
  // String literals in function bodies are escaped (as in the .ast dump).
  EXPECT_EQ(Fn({}, Str("\t\\\"")).ToEchoString(), "function() \"\\t\\\\\\\"\"");
}

TEST(ValueText, FunctionLiteralForms) {
  using lang::BinaryOp;
  using lang::ExprKind;
  // function(x) -x + !x  ->  function(x) (-x + !x)
  auto neg = std::make_shared<lang::UnaryExpr>(Span(), lang::UnaryOp::Negate, Id("x"));
  auto notx = std::make_shared<lang::UnaryExpr>(Span(), lang::UnaryOp::Not, Id("x"));
  EXPECT_EQ(Fn({Param("x")}, Bin(BinaryOp::Add, neg, notx)).ToEchoString(),
            "function(x) (-x + !x)");
  // function(x) x ? 1 : 2
  auto t = std::make_shared<lang::TernaryExpr>(Span());
  t->condition = Id("x");
  t->ifTrue = Num(1);
  t->ifFalse = Num(2);
  EXPECT_EQ(Fn({Param("x")}, t).ToEchoString(), "function(x) (x ? 1 : 2)");
  // function(v) v[0] + v.x
  auto idx = std::make_shared<lang::IndexExpr>(Span());
  idx->object = Id("v");
  idx->index = Num(0);
  auto mem = std::make_shared<lang::MemberExpr>(Span());
  mem->object = Id("v");
  mem->member = "x";
  EXPECT_EQ(Fn({Param("v")}, Bin(BinaryOp::Add, idx, mem)).ToEchoString(),
            "function(v) (v[0] + v.x)");
  // function() [for (i = [0:3]) if (i > 1) i else -i, each [1, 2]]
  auto range = std::make_shared<lang::RangeExpr>(Span());
  range->begin = Num(0);
  range->end = Num(3);
  auto lcIf = std::make_shared<lang::LcIfExpr>(Span());
  lcIf->condition = Bin(BinaryOp::Greater, Id("i"), Num(1));
  lcIf->ifTrue = Id("i");
  lcIf->ifFalse = std::make_shared<lang::UnaryExpr>(Span(), lang::UnaryOp::Negate, Id("i"));
  auto lcFor = std::make_shared<lang::LcForExpr>(Span());
  lang::Assignment a;
  a.name = "i";
  a.value = range;
  lcFor->assignments.push_back(a);
  lcFor->body = lcIf;
  auto inner = std::make_shared<lang::VectorExpr>(Span());
  inner->elements = {Num(1), Num(2)};
  auto each = std::make_shared<lang::LcEachExpr>(Span());
  each->body = inner;
  auto vec = std::make_shared<lang::VectorExpr>(Span());
  vec->elements = {lcFor, each};
  EXPECT_EQ(Fn({}, vec).ToEchoString(),
            "function() [for(i = [0 : 3]) (if((i > 1)) (i) else (-i)), each ([1, 2])]");
  // function() let(a = 1, b = 2) a + b
  auto let = std::make_shared<lang::LetExpr>(ExprKind::Let, Span());
  lang::Assignment a1, a2;
  a1.name = "a";
  a1.value = Num(1);
  a2.name = "b";
  a2.value = Num(2);
  let->assignments = {a1, a2};
  let->body = Bin(BinaryOp::Add, Id("a"), Id("b"));
  EXPECT_EQ(Fn({}, let).ToEchoString(), "function() let(a = 1, b = 2) (a + b)");
  // function() y(1)(2): a call of a call prints its callee in parentheses.
  auto call1 = std::make_shared<lang::CallExpr>(Span());
  call1->callee = Id("y");
  lang::Argument arg1;
  arg1.value = Num(1);
  call1->arguments.push_back(arg1);
  auto call2 = std::make_shared<lang::CallExpr>(Span());
  call2->callee = call1;
  lang::Argument arg2;
  arg2.value = Num(2);
  call2->arguments.push_back(arg2);
  EXPECT_EQ(Fn({}, call2).ToEchoString(), "function() (y(1))(2)");
  // function() [1e-7, 123456789, 1/3]: numbers as echo prints them.
  auto nums = std::make_shared<lang::VectorExpr>(Span());
  nums->elements = {Num(1e-7), Num(123456789), Bin(BinaryOp::Divide, Num(1), Num(3))};
  EXPECT_EQ(Fn({}, nums).ToEchoString(), "function() [1e-7, 1.23457e+8, (1 / 3)]");
  // function(a) function(b) a + b
  auto inner_fn = std::make_shared<lang::FunctionLiteralExpr>(Span());
  inner_fn->parameters = {Param("b")};
  inner_fn->body = Bin(BinaryOp::Add, Id("a"), Id("b"));
  EXPECT_EQ(Fn({Param("a")}, inner_fn).ToEchoString(), "function(a) function(b) (a + b)");
  // function() [for (i = 0; i < 3; i = i + 1) i]
  auto cfor = std::make_shared<lang::LcForCExpr>(Span());
  lang::Assignment init, update;
  init.name = "i";
  init.value = Num(0);
  update.name = "i";
  update.value = Bin(BinaryOp::Add, Id("i"), Num(1));
  cfor->init = {init};
  cfor->condition = Bin(BinaryOp::Less, Id("i"), Num(3));
  cfor->update = {update};
  cfor->body = Id("i");
  auto cvec = std::make_shared<lang::VectorExpr>(Span());
  cvec->elements = {cfor};
  EXPECT_EQ(Fn({}, cvec).ToEchoString(), "function() [for(i = 0;(i < 3);i = (i + 1)) i]");
  // function() !!true && --1 > +2   (unary plus is not printed)
  auto nn = std::make_shared<lang::UnaryExpr>(
      Span(), lang::UnaryOp::Not,
      std::make_shared<lang::UnaryExpr>(Span(), lang::UnaryOp::Not, Id("true")));
  auto mm = std::make_shared<lang::UnaryExpr>(
      Span(), lang::UnaryOp::Negate,
      std::make_shared<lang::UnaryExpr>(Span(), lang::UnaryOp::Negate, Num(1)));
  auto plus = std::make_shared<lang::UnaryExpr>(Span(), lang::UnaryOp::Plus, Num(2));
  EXPECT_EQ(Fn({}, Bin(BinaryOp::And, nn, Bin(BinaryOp::Greater, mm, plus))).ToEchoString(),
            "function() (!!true && (--1 > 2))");
}

}  // namespace
}  // namespace mos::eval
