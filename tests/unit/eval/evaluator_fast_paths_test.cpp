// The evaluator's fast paths (bench/PROFILE.md) give the same results as the
// general ones: cached string lengths, constant literals built once, loop
// scopes reused between rounds, number-only binary operators, tail calls
// without a $ carrier scope. Expected texts from openscad 2021.01 unless
// said otherwise.
#include <gtest/gtest.h>

#include "evaluator_test_util.h"

namespace mos::eval {
namespace {

using testing::Echo;

TEST(EvaluatorFastPaths, AsciiAndUtf8StringsIndexByCodePoint) {
  EXPECT_EQ(Echo("s = \"h\u00e9llo w\u00f6rld\";\n"
                 "echo(len(s), s[1], s[7], s[10], s[11], len(s));\n"
                 "a = \"abc\";\necho(len(a), a[0], a[2], a[3], a[-1], a[1.7], len(a));\n"),
            "ECHO: 11, \"\u00e9\", \"\u00f6\", \"d\", undef, 11\n"
            "ECHO: 3, \"a\", \"c\", undef, undef, \"b\", 3\n");
}

TEST(EvaluatorFastPaths, ReversingALongStringByIndex) {
  EXPECT_EQ(Echo("function rev(s, i = 0, acc = \"\") = i == len(s) ? acc : rev(s, i + 1, str(s[i], acc));\n"
                 "w = str([for (i = [0:300]) i]);\necho(len(w), rev(w)[0], rev(w)[len(w) - 1]);\n"),
            "ECHO: 1395, \"]\", \"[\"\n");
}

TEST(EvaluatorFastPaths, ConstantVectorLiteralsAreEqualOnEveryCall) {
  EXPECT_EQ(Echo("v = [[1, 2], [3, -4], \"s\", -5, [true, undef]];\n"
                 "function getv() = [[1, 2], [3, -4], \"s\", -5, [true, undef]];\n"
                 "echo(getv(), getv() == v, [for (k = [0:2]) [1, [2, 3]]]);\n"
                 "function f(x) = [x, [1, 2]];\necho(f(1), f(2));\n"),
            "ECHO: [[1, 2], [3, -4], \"s\", -5, [true, undef]], true, "
            "[[1, [2, 3]], [1, [2, 3]], [1, [2, 3]]]\n"
            "ECHO: [1, [1, 2]], [2, [1, 2]]\n");
}

// Constant vectors are built straight from the AST (eval_constant.cpp):
// the same values as the element-by-element path, which the second vector
// (the same literals as expressions) takes.
TEST(EvaluatorFastPaths, ConstantVectorsEqualTheElementByElementPath) {
  const std::string program =
      "a = [1, -2.5, \"s\", \"\", undef, true, false, [], [3, [-0, 1e300, -1e-7]], [[[]]]];\n"
      "b = [1 + 0, -(2.5 + 0), str(\"s\"), str(), undef, !false, !true, [if (false) 1],\n"
      "     [3 + 0, [-(0 + 0), 1e300 * 1, -(1e-7 + 0)]], [[[if (false) 1]]]];\n"
      "echo(a == b, len(a[8][1]), a[8][1][0]);\necho(a);\necho(b);\n";
  const std::string echo = Echo(program);
  const size_t first = echo.find("\nECHO: ") + 1;
  const size_t second = echo.find("\nECHO: ", first) + 1;
  ASSERT_NE(second, std::string::npos);
  EXPECT_EQ(echo.substr(0, first), "ECHO: true, 3, 0\n");
  EXPECT_EQ(echo.substr(first, second - first), echo.substr(second));
}

// Deeper than the shortcut goes (64 levels): the ordinary path, same value.
TEST(EvaluatorFastPaths, DeeplyNestedConstantVectors) {
  std::string open, close;
  for (int i = 0; i < 100; ++i) open += "[", close += "]";
  std::string index;
  for (int i = 0; i < 99; ++i) index += "[0]";
  EXPECT_EQ(Echo("v = " + open + "1, -2" + close + ";\necho(v" + index + ");\n"),
            "ECHO: [1, -2]\n");
}

// A constant vector nested past the recursion limit reports it as the
// element-by-element path does.
TEST(EvaluatorFastPaths, ConstantVectorsKeepTheNestingLimit) {
  EvalOptions options;
  options.maxRecursionDepth = 8;  // hard limit 8 + 1 + 16 = 25 frames
  std::string open, close;
  for (int i = 0; i < 30; ++i) open += "[", close += "]";
  const testing::Run deep = testing::Evaluate("v = " + open + "1" + close + ";\necho(1);\n", options);
  EXPECT_NE(deep.echo.find("Recursion detected: nesting too deep"), std::string::npos) << deep.echo;
  const testing::Run shallow =
      testing::Evaluate("v = [[[[1]]]];\necho(v);\n", options);
  EXPECT_EQ(shallow.echo, "ECHO: [[[[1]]]]\n");
}

// The value is kept on the node: a second run of the same parsed file
// shares it, and still reports the nesting limit where its own options
// say so.
TEST(EvaluatorFastPaths, ConstantVectorsSharedBetweenRuns) {
  std::string open, close;
  for (int i = 0; i < 30; ++i) open += "[", close += "]";
  lang::ParseResult parsed = lang::ParseSource(
      "v = " + open + "1, -2, \"s\"" + close + ";\necho(v == " + open + "1, -2, \"s\"" + close +
          ");\nw = [[1, 2], [3]];\necho(w);\n",
      "t.scad", "", lang::ParseOptions{});
  ASSERT_TRUE(parsed.file);
  auto echo = [&](const EvalOptions& options) {
    std::string text;
    EvalResult r = eval::Evaluate(parsed.file, options);
    for (const auto& l : r.log.Lines()) text += l + "\n";
    return text;
  };
  const std::string first = echo(EvalOptions{});
  EXPECT_EQ(first, "ECHO: true\nECHO: [[1, 2], [3]]\n");
  EXPECT_EQ(echo(EvalOptions{}), first);
  EvalOptions small;
  small.maxRecursionDepth = 8;
  EXPECT_NE(echo(small).find("Recursion detected: nesting too deep"), std::string::npos);
  EXPECT_EQ(echo(EvalOptions{}), first);
}

TEST(EvaluatorFastPaths, NumberOperatorsAndMixedOperands) {
  EXPECT_EQ(Echo("echo(1 / 0, -1 / 0, 0 / 0 == 0 / 0, 0 / 0 != 0 / 0, 5 % 3, -5 % 3, 2 ^ 10, "
                 "1 < 2, 2 <= 2, 3 > 4, 3 >= 3, 1 == 1, \"a\" < \"b\", [1] + [2], 1 + \"a\");\n"),
            "WARNING: undefined operation (number + string) in file t.scad, line 1\n"
            "ECHO: inf, -inf, false, true, 2, -2, 1024, true, true, false, true, true, true, "
            "[3], undef\n");
}

TEST(EvaluatorFastPaths, ComprehensionLoopsOverVectorsRangesAndStrings) {
  EXPECT_EQ(Echo("echo([for (x = [1, 2, 3]) each [x, x]], [for (i = [0:2]) each i], "
                 "[each [1, 2], each \"ab\"], [for (c = \"ab\") c], [for (i = [2:-1:0]) i]);\n"
                 "echo([for (i = 0; i < 3; i = i + 1) i], [for (a = [1, 2]) for (b = [3, 4]) a * b]);\n"),
            "ECHO: [1, 1, 2, 2, 3, 3], [0, 1, 2], [1, 2, \"a\", \"b\"], [\"a\", \"b\"], [2, 1, 0]\n"
            "ECHO: [0, 1, 2], [3, 4, 6, 8]\n");
}

TEST(EvaluatorFastPaths, TailCallsKeepDollarVariables) {
  EXPECT_EQ(Echo("function tail(n, acc = 0) = n == 0 ? acc : let ($x = n) tail(n - 1, acc + $x);\n"
                 "echo(tail(10));\nfunction dyn(n) = n == 0 ? $d : dyn(n - 1);\necho(dyn(5, $d = 7));\n"
                 "function c(n, acc = 0) = n == 0 ? acc : c(n - 1, acc + 1);\necho(c(20000));\n"),
            "ECHO: 55\nECHO: 7\nECHO: 20000\n");
}

// A loop scope is reused for the next round only when nothing kept it: a
// function value made in a round sees that round's variable. (2021.01 prints
// [3, 3, 3, 3] and [4, 6, 8, 10] here: its closures see the last round; mos
// has always printed these values, the reuse must not change them.)
TEST(EvaluatorFastPaths, CapturedLoopScopesAreNotReused) {
  EXPECT_EQ(Echo("fs = [for (i = [0:3]) function() i];\necho([for (f = fs) f()]);\n"
                 "gs = [for (i = [0:3]) let (j = i * 2) function(x) x + j + i];\n"
                 "echo([for (g = gs) g(1)]);\n"),
            "ECHO: [0, 1, 2, 3]\nECHO: [1, 4, 7, 10]\n");
}

}  // namespace
}  // namespace mos::eval
