// The for() and intersection_for() modules and range literals: what 2021.01
// evaluates, when (expected texts from `openscad -o t.echo`).
#include <gtest/gtest.h>

#include "evaluator_test_util.h"

namespace mos::eval {
namespace {

TEST(ForModule, InnerLevelsSeeOuterVariables) {
  EXPECT_EQ(testing::Echo("for (i=[0:2], j=[0:i]) echo(i, j);\nfor (i=[0:1], i=[5]) echo(i);\n"),
            "ECHO: 0, 0\nECHO: 1, 0\nECHO: 1, 1\nECHO: 2, 0\nECHO: 2, 1\nECHO: 2, 2\n"
            "ECHO: 5\nECHO: 5\n");
}

TEST(ForModule, LevelsEvaluatedPerOuterIteration) {
  EXPECT_EQ(testing::Echo("for (i=[0:1], j=[y10]) echo(i, j);\nfor (i=[], j=y8) cube();\n"
                          "intersection_for (i=x11, j=y11) cube();\n"),
            "WARNING: Ignoring unknown variable 'y10' in file t.scad, line 1\n"
            "ECHO: 0, undef\n"
            "WARNING: Ignoring unknown variable 'y10' in file t.scad, line 1\n"
            "ECHO: 1, undef\n"
            "WARNING: Ignoring unknown variable 'x11' in file t.scad, line 3\n");
}

TEST(ForModule, UnnamedArgumentsAreLevelsWithoutVariable) {
  EXPECT_EQ(testing::Echo("for (3) echo(1);\nfor ([1,2]) echo(2);\nfor () echo(3);\n"
                          "for (i=[1,2], [7,8,9]) echo(i);\nfor (x1, i=[0:1]) echo(i);\n"),
            "ECHO: 1\nECHO: 2\nECHO: 2\nECHO: 1\nECHO: 1\nECHO: 1\nECHO: 2\nECHO: 2\nECHO: 2\n"
            "WARNING: Ignoring unknown variable 'x1' in file t.scad, line 5\n");
  EXPECT_EQ(testing::Csg("for () cube();\nfor (3) cube();\n"),
            "group();\ngroup() {\n\tcube(size = [1, 1, 1], center = false);\n}\n\n");
}

TEST(RangeLiteral, StopsAtTheFirstPartThatIsNotANumber) {
  EXPECT_EQ(testing::Echo("echo([1:y1:z1]);\necho([x3:z3]);\necho([\"a\":y5:z5]);\n"
                          "echo([1:\"b\":z6]);\necho([1:y7:2]);\n"),
            "WARNING: Ignoring unknown variable 'z1' in file t.scad, line 1\n"
            "ECHO: undef\n"
            "WARNING: Ignoring unknown variable 'x3' in file t.scad, line 2\n"
            "ECHO: undef\n"
            "ECHO: undef\n"
            "WARNING: Ignoring unknown variable 'z6' in file t.scad, line 4\n"
            "ECHO: undef\n"
            "WARNING: Ignoring unknown variable 'y7' in file t.scad, line 5\n"
            "ECHO: undef\n");
}

}  // namespace
}  // namespace mos::eval
