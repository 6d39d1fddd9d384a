// 2021.01 prints a WARNING or ERROR line at most five times in a row: a line
// equal to each of the last five printed ones is dropped (ECHO lines in
// between do not count). Expected texts from `openscad -o t.echo`.
#include <gtest/gtest.h>

#include "eval/eval_log.h"
#include "evaluator_test_util.h"

namespace mos::eval {
namespace {

TEST(RepeatedWarnings, FiveInARow) {
  // 11 calls, 5 warnings (testdata/3D/issues/issue267-normalization-crash.scad).
  std::string expected;
  for (int i = 0; i < 5; ++i)
    expected += "WARNING: undefined operation (bool > number) in file t.scad, line 1\n";
  EXPECT_EQ(testing::Echo("module d(t) { if (t > 0) cube(); }\nfor (a = [0:10]) d(false);\n"),
            expected);
}

TEST(RepeatedWarnings, EchoInBetweenDoesNotCount) {
  std::string expected;
  for (int i = 0; i < 5; ++i)
    expected += "WARNING: Ignoring unknown variable 'x' in file t.scad, line 1\nECHO: undef\n";
  for (int i = 0; i < 2; ++i) expected += "ECHO: undef\n";
  EXPECT_EQ(testing::Echo("for (i = [0:6]) echo(x);\n"), expected);
}

TEST(RepeatedWarnings, ADifferentLineStartsOver) {
  std::string x = "WARNING: Ignoring unknown variable 'x' in file t.scad, line 1\n";
  std::string expected;
  for (int i = 0; i < 5; ++i) expected += x;
  expected += "WARNING: Ignoring unknown variable 'y' in file t.scad, line 1\n";
  for (int i = 0; i < 5; ++i) expected += x;
  std::string echo = testing::Echo(
      "function f(i) = i < 7 ? x : i == 7 ? y : x;\nfor (i = [0:15]) let (v = f(i)) cube();\n");
  EXPECT_EQ(echo, expected);
}

TEST(RepeatedWarnings, AlternatingLinesAreAllPrinted) {
  EvalLog log;
  for (int i = 0; i < 7; ++i) {
    log.Warning("a", {});
    log.Warning("b", {});
  }
  EXPECT_EQ(log.Lines().size(), 14u);
  EXPECT_EQ(log.Diagnostics().size(), 14u);
}

TEST(RepeatedWarnings, SuppressedErrorsStillCount) {
  EvalLog log;
  for (int i = 0; i < 7; ++i) log.Error("e", {});
  EXPECT_EQ(log.Lines().size(), 5u);
  EXPECT_TRUE(log.HasErrors());
  for (int i = 0; i < 7; ++i) log.Echo("e", {});
  EXPECT_EQ(log.Lines().size(), 12u);  // ECHO lines are never dropped
}

}  // namespace
}  // namespace mos::eval
