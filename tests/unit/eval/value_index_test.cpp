// Indexing and member access; expected values taken from openscad 2021.01
// output.
#include <gtest/gtest.h>

#include <cmath>

#include "value_test_helpers.h"

namespace mos::eval {
namespace {

using namespace testing;

std::string At(const Value& v, const Value& i) { return Index(v, i).ToEchoString(); }

TEST(ValueIndex, Vectors) {
  Value v = Nums({1, 2, 3});
  EXPECT_EQ(At(v, N(1)), "2");
  EXPECT_EQ(At(v, N(1.7)), "2");      // truncated
  EXPECT_EQ(At(v, N(-0.5)), "1");     // truncated toward zero
  EXPECT_EQ(At(v, N(0.99999)), "1");
  EXPECT_EQ(At(v, N(-1)), "undef");
  EXPECT_EQ(At(v, N(3)), "undef");
  EXPECT_EQ(At(v, N(INFINITY)), "undef");
  EXPECT_EQ(At(v, N(NAN)), "undef");
  EXPECT_EQ(At(v, N(1e300)), "undef");
  EXPECT_EQ(At(v, S("a")), "undef");
  EXPECT_EQ(At(v, B(true)), "undef");
  EXPECT_EQ(At(v, U()), "undef");
  EXPECT_EQ(At(v, Nums({0})), "undef");
  EXPECT_EQ(At(V({Nums({1, 2})}), N(0)), "[1, 2]");
}

TEST(ValueIndex, StringsByCodePoint) {
  EXPECT_EQ(At(S("h\xc3\xa9llo"), N(1)), "\"\xc3\xa9\"");
  EXPECT_EQ(At(S("h\xc3\xa9llo"), N(2)), "\"l\"");
  EXPECT_EQ(At(S("abc"), N(5)), "undef");
  EXPECT_EQ(At(S("abc"), N(1.5)), "\"b\"");
  EXPECT_EQ(At(S("x\xe2\x98\xba"), N(1)), "\"\xe2\x98\xba\"");
  EXPECT_EQ(Utf8Length("h\xc3\xa9llo"), 5u);
}

TEST(ValueIndex, RangesGiveBeginStepEnd) {
  Value r = R(1, 3, 10);
  EXPECT_EQ(At(r, N(0)), "1");
  EXPECT_EQ(At(r, N(1)), "3");
  EXPECT_EQ(At(r, N(2)), "10");
  EXPECT_EQ(At(r, N(3)), "undef");
  EXPECT_EQ(At(R(0, 2, 10), N(99)), "undef");
}

TEST(ValueIndex, OtherTypesGiveUndef) {
  EXPECT_EQ(At(N(5), N(0)), "undef");
  EXPECT_EQ(At(U(), N(0)), "undef");
  EXPECT_EQ(At(B(true), N(0)), "undef");
}

TEST(ValueMember, XYZ) {
  Value v = Nums({1, 2, 3, 4});
  EXPECT_EQ(Member(v, "x").ToEchoString(), "1");
  EXPECT_EQ(Member(v, "y").ToEchoString(), "2");
  EXPECT_EQ(Member(v, "z").ToEchoString(), "3");
  EXPECT_EQ(Member(v, "w").ToEchoString(), "undef");
  EXPECT_EQ(Member(S("xyz"), "x").ToEchoString(), "undef");
  EXPECT_EQ(Member(Nums({1}), "y").ToEchoString(), "undef");
  EXPECT_EQ(Member(R(0, 1, 3), "x").ToEchoString(), "undef");
}

TEST(ValueMember, RangeParts) {
  // [1:2:10].begin, .step, .end -> 1, 2, 10 (used by testdata allexpressions.scad)
  EXPECT_EQ(Member(R(1, 2, 10), "begin").ToEchoString(), "1");
  EXPECT_EQ(Member(R(1, 2, 10), "step").ToEchoString(), "2");
  EXPECT_EQ(Member(R(1, 2, 10), "end").ToEchoString(), "10");
  EXPECT_EQ(Member(R(1, 1, 10), "foo").ToEchoString(), "undef");
  EXPECT_EQ(Member(Nums({1, 2}), "begin").ToEchoString(), "undef");
}

}  // namespace
}  // namespace mos::eval
