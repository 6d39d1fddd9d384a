// rotate(a, v): the matrix rounded as 2021.01 rounds it (expected texts from
// `openscad -o t.csg`): exact entries where 2021.01 has them, e.g. a turn
// of 120 degrees about the diagonal permutes the axes exactly
// (testdata/3D/issues/issue517.scad).
#include <gtest/gtest.h>

#include "evaluator_test_util.h"

namespace mos::eval {
namespace {

std::string Cube(const std::string& matrix) {
  return "multmatrix(" + matrix + ") {\n\tcube(size = [1, 1, 1], center = false);\n}\n";
}

TEST(RotateAxis, ExactEntries) {
  EXPECT_EQ(testing::Csg("rotate(120, [1, 1, 1]) cube();\nrotate(240, [2, 2, 2]) cube();\n"
                         "rotate(90, [0, 0, 5]) cube();\nrotate(30, [1, 1, 0]) cube();\n"
                         "rotate(45) cube();\n"),
            Cube("[[0, 0, 1, 0], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1]]") +
                Cube("[[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 1]]") +
                Cube("[[0, -1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]") +
                Cube("[[0.933013, 0.0669873, 0.353553, 0], [0.0669873, 0.933013, -0.353553, 0], "
                     "[-0.353553, 0.353553, 0.866025, 0], [0, 0, 0, 1]]") +
                Cube("[[0.707107, -0.707107, 0, 0], [0.707107, 0.707107, 0, 0], [0, 0, 1, 0], "
                     "[0, 0, 0, 1]]") +
                "\n");
}

}  // namespace
}  // namespace mos::eval
