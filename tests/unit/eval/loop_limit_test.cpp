// EvalOptions::maxLoopIterations (mos::Limits::maxLoopIterations): 0 keeps
// 2021.01's limits; a smaller value ends loops earlier with the same
// messages.
#include <gtest/gtest.h>

#include "evaluator_test_util.h"

namespace mos::eval {
namespace {

TEST(LoopLimit, DefaultIs2021Limits) {
  // The for() module refuses ranges of 10000 elements, list comprehensions
  // ranges of 1000000, C-style comprehensions stop after 1000000 rounds.
  EXPECT_EQ(testing::Echo("for (i = [0:9999]) if (i == 9999) echo(i);\n"
                          "for (i = [0:9998]) if (i == 9998) echo(i);\n"
                          "echo(len([for (i = [1:999999]) i]));\n"
                          "echo(len([for (i = [1:1e6]) i]));\n"),
            "WARNING: Bad range parameter in for statement: too many elements (10000) in file "
            "t.scad, line 1\n"
            "ECHO: 9998\n"
            "ECHO: 999999\n"
            "WARNING: Bad range parameter in for statement: too many elements (1000000) in file "
            "t.scad, line 4\n"
            "ECHO: 0\n");
  testing::Run run = testing::Evaluate("echo(len([for (i = 0; i < 2e6; i = i + 1) i]));\n");
  EXPECT_EQ(run.echo,
            "ERROR: For loop counter exceeded limit in file t.scad, line 1\n"
            "TRACE: called by 'len' in file t.scad, line 1\n"
            "TRACE: called by 'echo' in file t.scad, line 1\n");
}

TEST(LoopLimit, SmallerLimit) {
  EvalOptions options;
  options.maxLoopIterations = 10;
  EXPECT_EQ(testing::Evaluate("for (i = [1:11]) {}\n", options).echo,
            "WARNING: Bad range parameter in for statement: too many elements (11) in file "
            "t.scad, line 1\n");
  EXPECT_EQ(testing::Evaluate("echo(len([for (i = [1:10]) i]));\n"
                              "echo(len([for (i = [1:11]) i]));\n",
                              options)
                .echo,
            "ECHO: 10\n"
            "WARNING: Bad range parameter in for statement: too many elements (11) in file "
            "t.scad, line 2\n"
            "ECHO: 0\n");
  testing::Run run =
      testing::Evaluate("echo(len([for (i = 0; i < 10; i = i + 1) i]));\n"
                        "echo(len([for (i = 0; i < 11; i = i + 1) i]));\n",
                        options);
  EXPECT_EQ(run.echo,
            "ECHO: 10\n"
            "ERROR: For loop counter exceeded limit in file t.scad, line 2\n"
            "TRACE: called by 'len' in file t.scad, line 2\n"
            "TRACE: called by 'echo' in file t.scad, line 2\n");
  EXPECT_TRUE(run.aborted);
}

}  // namespace
}  // namespace mos::eval
