// linear_extrude(): 2021.01 checks `scale` only when `origin` is given
// (expected texts from `openscad -o t.echo`).
#include <gtest/gtest.h>

#include "evaluator_test_util.h"

namespace mos::eval {
namespace {

TEST(ModuleWarnings, LinearExtrudeScaleCheckedWithOrigin) {
  EXPECT_EQ(testing::Echo("linear_extrude(height=1, origin=[0,0]) square();\n"
                          "linear_extrude(height=1, origin=\"a\") square();\n"
                          "linear_extrude(height=1, origin=[0,0], scale=[2,2]) square();\n"
                          "linear_extrude(height=1, origin=[0,0], scale=1/0) square();\n"
                          "linear_extrude(height=1, scale=\"b\") square();\n"),
            "WARNING: linear_extrude(..., scale=undef) could not be converted in file t.scad, "
            "line 1\n"
            "WARNING: linear_extrude(..., origin=\"a\") could not be converted in file t.scad, "
            "line 2\n"
            "WARNING: linear_extrude(..., scale=undef) could not be converted in file t.scad, "
            "line 2\n"
            "WARNING: linear_extrude(..., scale=inf) could not be converted in file t.scad, "
            "line 4\n");
}

}  // namespace
}  // namespace mos::eval
