// Which arguments of a builtin function 2021.01 evaluates (warnings and echo
// side effects inside arguments). Expected texts from `openscad -o t.echo`
// on the same snippets.
#include <gtest/gtest.h>

#include "eval/builtin_arguments.h"
#include "evaluator_test_util.h"

namespace mos::eval {
namespace {

TEST(BuiltinArguments, WrongCountEvaluatesNone) {
  EXPECT_EQ(testing::Echo("echo(norm(a, a));\necho(len(x1, x2));\necho(sin());\n"
                          "echo(pow(x1));\necho(cross(x1, x2, x3));\necho(ord(x1, x2));\n"
                          "echo(rands(x1, x2));\necho(is_undef(x1, x2));\n"),
            "WARNING: norm() number of parameters does not match in file t.scad, line 1\n"
            "ECHO: undef\n"
            "WARNING: len() number of parameters does not match in file t.scad, line 2\n"
            "ECHO: undef\n"
            "WARNING: sin() number of parameters does not match in file t.scad, line 3\n"
            "ECHO: undef\n"
            "WARNING: pow() number of parameters does not match in file t.scad, line 4\n"
            "ECHO: undef\n"
            "WARNING: Invalid number of parameters for cross() in file t.scad, line 5\n"
            "ECHO: undef\n"
            "WARNING: ord() called with 2 arguments, only 1 argument expected in file t.scad, "
            "line 6\n"
            "ECHO: undef\n"
            "WARNING: rands() number of parameters does not match in file t.scad, line 7\n"
            "ECHO: undef\n"
            "WARNING: is_undef() number of parameters does not match in file t.scad, line 8\n"
            "ECHO: undef\n");
}

TEST(BuiltinArguments, StopAtFirstNonNumber) {
  EXPECT_EQ(testing::Echo("function f(x) = echo(\"f\", x) x;\n"
                          "echo(rands(f(1), f(\"b\"), f(2)));\n"
                          "echo(min(f([1]), f(2)));\n"
                          "echo(max(f(1), f(2)));\n"
                          "echo(log(f(\"a\"), f(2)));\n"),
            "ECHO: \"f\", 1\n"
            "ECHO: \"f\", \"b\"\n"
            "ECHO: undef\n"
            "ECHO: \"f\", [1]\n"
            "WARNING: min() parameter could not be converted in file t.scad, line 3\n"
            "ECHO: undef\n"
            "ECHO: \"f\", 1\n"
            "ECHO: \"f\", 2\n"
            "ECHO: 2\n"
            "ECHO: \"f\", \"a\"\n"
            "WARNING: log() parameter could not be converted in file t.scad, line 5\n"
            "ECHO: undef\n");
}

TEST(BuiltinArguments, LookupEvaluatesABadKeyTwice) {
  EXPECT_EQ(testing::Echo("function f(x) = echo(\"f\", x) x;\n"
                          "echo(lookup(f(\"a\"), f([[1, 2]])));\n"
                          "echo(lookup(f(1), f([[1, 2]])));\n"),
            "ECHO: \"f\", \"a\"\n"
            "ECHO: \"f\", \"a\"\n"
            "WARNING: lookup(\"a\", ...) first argument is not a number in file t.scad, line 2\n"
            "ECHO: undef\n"
            "ECHO: \"f\", 1\n"
            "ECHO: \"f\", [[1, 2]]\n"
            "ECHO: 2\n");
}

TEST(BuiltinArguments, VersionSearchAndVariadic) {
  EXPECT_EQ(testing::Echo("function f(x) = echo(\"f\", x) x;\n"
                          "echo(version(f(1)));\n"
                          "echo(version_num(f(1), f(2)));\n"
                          "echo(search(\"a\", \"abca\", 0, 0, x5));\n"
                          "echo(str(f(1), f(2)));\n"),
            "ECHO: [2021, 1, 0]\n"
            "ECHO: \"f\", 1\n"
            "ECHO: undef\n"
            "ECHO: [[0, 3]]\n"
            "ECHO: \"f\", 1\n"
            "ECHO: \"f\", 2\n"
            "ECHO: \"12\"\n");
}

TEST(BuiltinArguments, Plans) {
  using P = BuiltinArgumentPlan;
  EXPECT_EQ(PlanBuiltinArguments("norm", 2), P::None);
  EXPECT_EQ(PlanBuiltinArguments("norm", 1), P::All);
  EXPECT_EQ(PlanBuiltinArguments("search", 6), P::FirstFour);
  EXPECT_EQ(PlanBuiltinArguments("rands", 4), P::UntilNotNumber);
  EXPECT_EQ(PlanBuiltinArguments("concat", 9), P::All);
  // A builtin not in the table (e.g. one added later) evaluates everything.
  EXPECT_EQ(PlanBuiltinArguments("dxf_dim", 3), P::All);
}

}  // namespace
}  // namespace mos::eval
