// Scoping rules of 2021.01: lexical variables, dynamic $ variables,
// reassignment, defaults, -D overrides, use'd files.
#include <gtest/gtest.h>

#include "evaluator_test_util.h"

namespace mos::eval {
namespace {

using testing::Echo;

TEST(EvaluatorScope, LaterAssignmentWinsAtFirstPosition) {
  EXPECT_EQ(Echo("c = 1; e = c; c = 2; echo(e);\necho(c);\n"),
            "WARNING: c was assigned on line 1 but was overwritten in file t.scad, line 1\n"
            "ECHO: 2\nECHO: 2\n");
}

TEST(EvaluatorScope, AssignmentsBeforeInstantiations) {
  EXPECT_EQ(Echo("echo(a);\na = 5;\n"), "ECHO: 5\n");
}

TEST(EvaluatorScope, UnknownVariableWarns) {
  EXPECT_EQ(Echo("echo(x);\n"),
            "WARNING: Ignoring unknown variable 'x' in file t.scad, line 1\nECHO: undef\n");
}

TEST(EvaluatorScope, SpecialVariablesAreDynamic) {
  EXPECT_EQ(Echo("function f() = $a;\nmodule m() { $a = 3; echo(f()); children(); }\n"
                 "m() echo($a);\n"),
            "ECHO: 3\nECHO: 3\n");
}

TEST(EvaluatorScope, OrdinaryVariablesAreLexical) {
  EXPECT_EQ(Echo("a = 1;\nfunction f() = a;\nmodule m() { a = 2; echo(f()); }\nm();\n"),
            "ECHO: 1\n");
}

TEST(EvaluatorScope, DefaultsEvaluateInTheDefinitionScope) {
  EXPECT_EQ(Echo("function f(a, b=a) = b;\necho(f(1));\n"),
            "WARNING: Ignoring unknown variable 'a' in file t.scad, line 1\nECHO: undef\n");
  EXPECT_EQ(Echo("q = 10;\nfunction f(a, b=q) = let(q=3) b;\necho(f(1));\n"), "ECHO: 10\n");
}

TEST(EvaluatorScope, ArgumentWarnings) {
  EXPECT_EQ(Echo("function f(a) = a;\necho(f(1, 2), f(c=3));\n"),
            "WARNING: Too many unnamed arguments supplied in file t.scad, line 2\n"
            "WARNING: variable c not specified as parameter in file t.scad, line 2\n"
            "ECHO: 1, undef\n");
}

TEST(EvaluatorScope, FunctionValueShadowsDefinition) {
  EXPECT_EQ(Echo("function h() = 1; h = function() 2; echo(h());\n"), "ECHO: 2\n");
}

TEST(EvaluatorScope, ClosureSeesLaterAssignmentOfItsScope) {
  EXPECT_EQ(Echo("g = function(x) x + a;\na = 5;\necho(g(1));\n"), "ECHO: 6\n");
}

TEST(EvaluatorScope, LetDuplicateKeepsFirst) {
  EXPECT_EQ(Echo("echo(let(a=2, a=4) a);\n"),
            "WARNING: Ignoring duplicate variable assignment a = 4 in file t.scad, line 1\n"
            "ECHO: 2\n");
}

TEST(EvaluatorScope, SpecialVariableDefaults) {
  EXPECT_EQ(Echo("echo($preview, $t, $vpr, $vpt, $vpd, $fn, $fa, $fs, PI);\n"),
            "ECHO: true, 0, [0, 0, 0], [0, 0, 0], 500, 0, 12, 2, 3.14159\n");
}

TEST(EvaluatorScope, ChildrenCountAndParentModules) {
  EXPECT_EQ(Echo("module m(){echo($parent_modules, parent_module(0), parent_module(1), "
                 "$children);}\nmodule n() m();\nn();\n"),
            "ECHO: 2, \"m\", \"n\", 0\n");
  EXPECT_EQ(Echo("echo(parent_module(0));\n"),
            "WARNING: Parent module index (0) greater than the number of modules on the stack "
            "in file t.scad, line 1\nECHO: undef\n");
}

TEST(EvaluatorScope, DefineOverridesKeepPosition) {
  EvalOptions o;
  o.defines = {{"c", "10"}, {"q", "c+1"}};
  EXPECT_EQ(testing::Evaluate("c = 1; e = c;\necho(e, q);\n", o).echo, "ECHO: 10, 11\n");
}

TEST(EvaluatorScope, CallingADollarVariableWarns) {
  EXPECT_EQ(Echo("$f = function() 1;\necho($f());\n"),
            "WARNING: Can't call function on dynamically scoped variable in file t.scad, line 2\n"
            "ECHO: undef\n");
}

}  // namespace
}  // namespace mos::eval
