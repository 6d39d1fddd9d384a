// Recursion: tail-call loop, depth limit (never a stack overflow), loop
// limits, assertion traces, cancellation.
#include <gtest/gtest.h>

#include <atomic>

#include "evaluator_test_util.h"

namespace mos::eval {
namespace {

using testing::Echo;

TEST(EvaluatorRecursion, TailCallRunsAsALoop) {
  EXPECT_EQ(Echo("function g(n) = n <= 0 ? 0 : g(n-1);\necho(g(100000));\n"), "ECHO: 0\n");
}

TEST(EvaluatorRecursion, TailCallLimitIsOneMillion) {
  EXPECT_EQ(Echo("function g(n) = n <= 0 ? 0 : g(n-1);\necho(g(1000001));\n"),
            "ERROR: Recursion detected calling function 'g' in file t.scad, line 1\n"
            "TRACE: called by 'g' in file t.scad, line 2\n"
            "TRACE: called by 'echo' in file t.scad, line 2\n");
}

TEST(EvaluatorRecursion, DeepRecursionEndsInAnError) {
  EvalOptions o;
  o.maxRecursionDepth = 500;
  auto run = testing::Evaluate("function h(n) = n <= 0 ? 0 : 1 + h(n-1);\necho(h(100000));\n", o);
  EXPECT_TRUE(run.aborted);
  EXPECT_EQ(run.echo,
            "ERROR: Recursion detected calling function 'h' in file t.scad, line 1\n"
            "TRACE: called by 'h' in file t.scad, line 1\n"
            "TRACE: called by 'h' in file t.scad, line 1\n"
            "TRACE: called by 'h' in file t.scad, line 1\n"
            "TRACE: called by 'h' in file t.scad, line 1\n"
            "TRACE: called by 'h' in file t.scad, line 1\n");
}

TEST(EvaluatorRecursion, DefaultDepthLimitDoesNotOverflowTheStack) {
  auto run = testing::Evaluate("function h(n) = n <= 0 ? 0 : 1 + h(n-1);\necho(h(1000000));\n"
                               "module r(n) { r(n+1); }\nr(0);\n");
  EXPECT_TRUE(run.aborted);
  EXPECT_NE(run.echo.find("ERROR: Recursion detected calling function 'h'"), std::string::npos);
}

TEST(EvaluatorRecursion, StackBudgetStopsDeepNesting) {
  EvalOptions o;
  o.maxRecursionDepth = 1000000;
  o.maxStackBytes = 256 * 1024;
  auto run = testing::Evaluate(
      "module m() children();\nmodule r(n) { m() m() translate([1,0,0]) { x = 1; r(n+1); } }\n"
      "r(1);\n", o);
  EXPECT_TRUE(run.aborted);
  EXPECT_EQ(run.echo.substr(0, 26), "ERROR: Recursion detected ");
}

TEST(EvaluatorRecursion, OpenScadDepthsStillWork) {
  EXPECT_EQ(Echo("function h(n) = n <= 0 ? 0 : 1 + h(n-1);\necho(h(5000));\n"), "ECHO: 5000\n");
}

TEST(EvaluatorRecursion, ModuleRecursionEndsInAnError) {
  auto run = testing::Evaluate("module r(n) { r(n+1); }\nr(0);\n");
  EXPECT_TRUE(run.aborted);
  EXPECT_EQ(run.echo.substr(0, run.echo.find('\n')),
            "ERROR: Recursion detected calling module 'r' in file t.scad, line 1");
}

TEST(EvaluatorRecursion, AssertionFailureTraces) {
  EXPECT_EQ(Echo("function f(x) = assert(x > 0, \"neg\") x;\nfunction g(x) = f(x);\n"
                 "module m(x) { echo(g(x)); }\necho(f(1));\nm(-1);\necho(\"after\");\n"),
            "ECHO: 1\n"
            "ERROR: Assertion '(x > 0)' failed: \"neg\" in file t.scad, line 1\n"
            "TRACE: called by 'f' in file t.scad, line 2\n"
            "TRACE: called by 'g' in file t.scad, line 3\n"
            "TRACE: called by 'echo' in file t.scad, line 3\n"
            "TRACE: called by 'm' in file t.scad, line 5\n");
}

TEST(EvaluatorRecursion, TraceStopsAfterTwelveFrames) {
  std::string src = "function f0() = assert(false) 1;\n";
  for (int i = 1; i <= 13; ++i)
    src += "function f" + std::to_string(i) + "() = f" + std::to_string(i - 1) + "();\n";
  src += "echo(f13());\n";
  std::string echo = Echo(src);
  EXPECT_EQ(echo.substr(0, echo.find('\n')), "ERROR: Assertion 'false' failed in file t.scad, line 1");
  size_t traces = 0;
  for (size_t p = echo.find("TRACE:"); p != std::string::npos; p = echo.find("TRACE:", p + 1)) ++traces;
  EXPECT_EQ(traces, 12u);
  EXPECT_NE(echo.find("TRACE: called by 'f11' in file t.scad, line 13\n"), std::string::npos);
}

TEST(EvaluatorRecursion, RangeLimit) {
  EXPECT_EQ(Echo("echo(len([for (i=[0:1e6-1]) i]));\n"),
            "WARNING: Bad range parameter in for statement: too many elements (1000000) in file "
            "t.scad, line 1\nECHO: 0\n");
}

TEST(EvaluatorRecursion, CStyleForLimit) {
  EXPECT_EQ(Echo("echo([for(b=0; b!=1; b=0) b]);"),
            "ERROR: For loop counter exceeded limit in file t.scad, line 1\n"
            "TRACE: called by 'echo' in file t.scad, line 1\n");
}

TEST(EvaluatorRecursion, CancelStopsEvaluation) {
  std::atomic<bool> cancel{true};
  EvalOptions o;
  o.cancel = &cancel;
  auto run = testing::Evaluate("function g(n) = n <= 0 ? 0 : g(n-1);\necho(g(100000));\n", o);
  EXPECT_TRUE(run.aborted);
  EXPECT_EQ(run.echo.find("ECHO"), std::string::npos);
}

TEST(EvaluatorRecursion, TimeoutStopsEvaluation) {
  EvalOptions o;
  o.timeoutSeconds = 0.05;
  auto run = testing::Evaluate(
      "function g(n, k) = n <= 0 ? 0 : g(n-1, k);\n"
      "echo([for (i=[0:100000]) g(1000, i)]);\n", o);
  EXPECT_TRUE(run.aborted);
}

}  // namespace
}  // namespace mos::eval
