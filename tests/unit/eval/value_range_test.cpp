// Range element counts and range literals; expected values and warnings
// taken from openscad 2021.01 output (for loops and list comprehensions).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "value_test_helpers.h"

namespace mos::eval {
namespace {

using namespace testing;

constexpr uint32_t kInfinite = std::numeric_limits<uint32_t>::max();

uint32_t Count(double b, double s, double e) { return RangeValue{b, s, e}.NumValues(); }

TEST(RangeNumValues, Ordinary) {
  EXPECT_EQ(Count(1, 1, 5), 5u);
  EXPECT_EQ(Count(5, -1, 3), 3u);
  EXPECT_EQ(Count(0, 0.25, 1), 5u);
  EXPECT_EQ(Count(0, 0.1, 1), 11u);
  EXPECT_EQ(Count(3, -1, 1), 3u);
  EXPECT_EQ(Count(1, 1, 1), 1u);
  EXPECT_EQ(Count(1, -1, 1), 1u);
  EXPECT_EQ(Count(0, 1.5, 5), 4u);
}

TEST(RangeNumValues, CountJustBelowWholeIsRoundedUp) {
  // [0:0.1:0.3] iterates 0, 0.1, 0.2, 0.3 (0.3/0.1 is 2.9999999999999996).
  EXPECT_EQ(Count(0, 0.1, 0.3), 4u);
  const double ulp = 4.440892098500626e-16;
  EXPECT_EQ(Count(0, 1, 3 - ulp), 4u);
  EXPECT_EQ(Count(0, 1, 3 - 2 * ulp), 3u);
  EXPECT_EQ(Count(0, 1, 3 - 1e-15), 3u);
}

TEST(RangeNumValues, EmptyAndInfinite) {
  EXPECT_EQ(Count(5, 1, 0), 0u);      // begin > end, step > 0
  EXPECT_EQ(Count(0, -1, 5), 0u);     // begin < end, step < 0
  EXPECT_EQ(Count(1, 0, 1), 0u);      // step 0, begin == end
  EXPECT_EQ(Count(2, 0, 1), 0u);
  EXPECT_EQ(Count(0, 0, 3), kInfinite);
  EXPECT_EQ(Count(NAN, 1, 3), 0u);
  EXPECT_EQ(Count(0, NAN, 3), 0u);
  EXPECT_EQ(Count(0, 1, INFINITY), kInfinite);
  EXPECT_EQ(Count(-INFINITY, 1, INFINITY), kInfinite);
  EXPECT_EQ(Count(INFINITY, 1, INFINITY), 1u);
  EXPECT_EQ(Count(0, INFINITY, 1), 1u);
  EXPECT_EQ(Count(1, -INFINITY, 1), 1u);
  EXPECT_EQ(Count(0, -INFINITY, 1), 0u);
}

TEST(RangeNumValues, LoopLimit) {
  // 2021.01 iterates 999999 elements but refuses 1000000 ("too many
  // elements (1000000)").
  EXPECT_EQ(Count(0, 1, 999998), 999999u);
  EXPECT_LT(Count(0, 1, 999998), kMaxRangeElements);
  EXPECT_EQ(Count(0, 1, 999999), 1000000u);
  EXPECT_GE(Count(0, 1, 999999), kMaxRangeElements);
  EXPECT_EQ(Count(0, 1, 1e7), 10000001u);
  EXPECT_EQ(Count(0, 1, 4294967296.0), kInfinite);
}

TEST(RangeValueAt, Elements) {
  RangeValue r{0, 0.1, 0.3};
  EXPECT_EQ(r.At(3), 3 * 0.1);  // 0.30000000000000004, as 2021.01
  EXPECT_EQ((RangeValue{5, -1, 0}.At(2)), 3);
  EXPECT_EQ((RangeValue{0, 0.1, 1}.At(10)), 1.0);  // multiplied, not accumulated
  EXPECT_EQ((RangeValue{0, INFINITY, 0}.At(0)), 0.0);  // for (i = [0:inf:0]) echo(i) -> 0
  EXPECT_EQ((RangeValue{1, -INFINITY, 0}.At(0)), 1.0);
}

TEST(MakeRange, TwoPartRangeSwapsWithDeprecation) {
  Site s;
  Value r = MakeRange(N(5), nullptr, N(1), s.op());
  EXPECT_EQ(r.ToEchoString(), "[1 : 1 : 5]");
  EXPECT_EQ(s.Lines(),
            "DEPRECATED: Using ranges of the form [begin:end] with begin value greater than the "
            "end value is deprecated in file t.scad, line 2");
}

TEST(MakeRange, StepDirectionWarnings) {
  Site s;
  Value neg = N(-1), pos = N(1);
  EXPECT_EQ(MakeRange(N(0), &neg, N(5), s.op()).ToEchoString(), "[0 : -1 : 5]");
  EXPECT_EQ(MakeRange(N(5), &pos, N(0), s.op()).ToEchoString(), "[5 : 1 : 0]");
  EXPECT_EQ(MakeRange(N(5), &neg, N(0), s.op()).ToEchoString(), "[5 : -1 : 0]");
  EXPECT_EQ(s.Lines(), W("begin is smaller than the end, but step is negative") + "\n" +
                           W("begin is greater than the end, but step is positive"));
}

TEST(MakeRange, NonFiniteRangesAreNotChecked) {
  Site s;
  Value ninf = N(-INFINITY), inf = N(INFINITY), one = N(1), nan = N(NAN), tiny = N(-1e-300);
  EXPECT_EQ(MakeRange(N(0), &ninf, N(1), s.op()).ToEchoString(), "[0 : -inf : 1]");
  EXPECT_EQ(MakeRange(N(1), &inf, N(0), s.op()).ToEchoString(), "[1 : inf : 0]");
  EXPECT_EQ(MakeRange(N(0), &one, N(-INFINITY), s.op()).ToEchoString(), "[0 : 1 : -inf]");
  EXPECT_EQ(MakeRange(N(1), &nan, N(0), s.op()).ToEchoString(), "[1 : nan : 0]");
  EXPECT_EQ(MakeRange(N(INFINITY), &ninf, N(0), s.op()).ToEchoString(), "[inf : -inf : 0]");
  EXPECT_EQ(s.Lines(), "");
  EXPECT_EQ(MakeRange(N(0), &tiny, N(1), s.op()).ToEchoString(), "[0 : -1e-300 : 1]");
  EXPECT_EQ(s.Lines(), W("begin is smaller than the end, but step is negative"));
  // The two-part swap happens whatever the values: [inf:0] is [0:1:inf].
  Site t;
  EXPECT_EQ(MakeRange(N(INFINITY), nullptr, N(0), t.op()).ToEchoString(), "[0 : 1 : inf]");
  EXPECT_EQ(t.log.Lines().size(), 1u);
}

TEST(MakeRange, PrintsAsWritten) {
  Value zero = N(0), inf = N(INFINITY), frac = N(1.5);
  EXPECT_EQ(MakeRange(N(0), nullptr, N(5)).ToEchoString(), "[0 : 1 : 5]");
  EXPECT_EQ(MakeRange(N(0), &zero, N(5)).ToEchoString(), "[0 : 0 : 5]");
  EXPECT_EQ(MakeRange(N(0), &inf, N(1)).ToEchoString(), "[0 : inf : 1]");
  EXPECT_EQ(MakeRange(N(0), &frac, N(5)).ToEchoString(), "[0 : 1.5 : 5]");
  EXPECT_TRUE(MakeRange(S("a"), nullptr, N(5)).IsUndef());
}

}  // namespace
}  // namespace mos::eval
