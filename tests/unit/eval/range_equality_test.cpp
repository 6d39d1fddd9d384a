// Range equality and ordering as in 2021.01 (expected texts from
// `openscad -o t.echo`; testdata/misc/operators-tests.scad).
#include <gtest/gtest.h>

#include "evaluator_test_util.h"

namespace mos::eval {
namespace {

TEST(RangeEquality, EmptyRangesAreEqualAndEndIsNotCompared) {
  EXPECT_EQ(testing::Echo("echo([1:-1:3] == [-1:-1:1], [1:1:3] == [1:1:3.5], "
                          "[1:1:1] == [1:2:1], [1:0:3] == [2:0:3], [1:0:3] == [1:0:5], "
                          "[1:1:3] != [1:1:3.5], [1:1:3] == [1,2,3]);\n"),
            "WARNING: begin is smaller than the end, but step is negative in file t.scad, line 1\n"
            "WARNING: begin is smaller than the end, but step is negative in file t.scad, line 1\n"
            "ECHO: true, true, false, false, true, false, false\n");
}

TEST(RangeEquality, ValueOperator) {
  RangeValue a{1, -1, 3}, b{-1, -1, 1}, c{1, 1, 3}, d{1, 1, 3.5};
  EXPECT_TRUE(Value::Range(a) == Value::Range(b));
  EXPECT_TRUE(Value::Range(c) == Value::Range(d));
  EXPECT_FALSE(Value::Range(a) == Value::Range(c));
}

TEST(RangeEquality, OrderingFollowsTheVisitedSequence) {
  EXPECT_EQ(testing::Echo("echo([1:-1:3] < [0:1:0], [1:-1:-1] < [1:-1:-2], [1:-1:-2] > [1:-1:-1], "
                          "[0:2:10] < [0:1:10], [0:1:10] < [0:2:10], [1:-1:3] <= [-1:-1:1], "
                          "[1:1:3] >= [1:1:3.5], [5:1:6] > [1:1:100]);\n"),
            "WARNING: begin is smaller than the end, but step is negative in file t.scad, line 1\n"
            "WARNING: begin is smaller than the end, but step is negative in file t.scad, line 1\n"
            "WARNING: begin is smaller than the end, but step is negative in file t.scad, line 1\n"
            "ECHO: true, true, true, false, true, true, true, true\n");
}

TEST(RangeEquality, LongRangesCompareQuickly) {
  // Billions of elements: decided by begin, step and count, not by a walk.
  EXPECT_EQ(testing::Echo("echo([0:1e-3:4] < [0:1e-3:5], [0:0:1] == [0:0:2], "
                          "[0:1:4e9] < [0:1:4.1e9], [0:1:4e9] > [0:1:3e9]);\n"),
            "ECHO: true, true, true, true\n");
}

}  // namespace
}  // namespace mos::eval
