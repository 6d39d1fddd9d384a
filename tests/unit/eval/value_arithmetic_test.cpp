// Arithmetic operators; expected values and warnings taken from
// openscad 2021.01 output.
#include <gtest/gtest.h>

#include <cmath>

#include "value_test_helpers.h"

namespace mos::eval {
namespace {

using namespace testing;

TEST(ValueAdd, NumbersAndVectors) {
  Site s;
  EXPECT_EQ(Add(N(1), N(2), s.op()).ToEchoString(), "3");
  // Elementwise, truncated to the shorter vector.
  EXPECT_EQ(Add(Nums({1, 2}), Nums({10, 20, 30}), s.op()).ToEchoString(), "[11, 22]");
  EXPECT_EQ(Subtract(Nums({1, 2}), Nums({1}), s.op()).ToEchoString(), "[0]");
  EXPECT_EQ(Add(V({N(1), Nums({2, 3})}), V({N(1), Nums({1, 1})}), s.op()).ToEchoString(),
            "[2, [3, 4]]");
  EXPECT_EQ(Add(Nums({}), Nums({}), s.op()).ToEchoString(), "[]");
  EXPECT_EQ(s.Lines(), "");
}

TEST(ValueAdd, NestedMismatchIsSilentUndef) {
  Site s;
  EXPECT_EQ(Add(V({N(1), S("a")}), Nums({1, 2}), s.op()).ToEchoString(), "[2, undef]");
  EXPECT_EQ(Subtract(V({N(1), Nums({2})}), Nums({1, 2}), s.op()).ToEchoString(), "[0, undef]");
  EXPECT_EQ(s.Lines(), "");
}

TEST(ValueAdd, UndefinedOperationsWarn) {
  Site s;
  EXPECT_TRUE(Add(Nums({1, 2}), N(1), s.op()).IsUndef());
  EXPECT_TRUE(Add(N(1), Nums({1, 2}), s.op()).IsUndef());
  EXPECT_TRUE(Add(S("a"), S("b"), s.op()).IsUndef());
  EXPECT_TRUE(Add(S("a"), N(1), s.op()).IsUndef());
  EXPECT_TRUE(Add(B(true), N(1), s.op()).IsUndef());
  EXPECT_TRUE(Add(B(true), B(true), s.op()).IsUndef());
  EXPECT_TRUE(Add(U(), N(1), s.op()).IsUndef());
  EXPECT_TRUE(Add(U(), U(), s.op()).IsUndef());
  EXPECT_TRUE(Subtract(S("a"), S("b"), s.op()).IsUndef());
  EXPECT_EQ(s.Lines(), W("undefined operation (vector + number)") + "\n" +
                           W("undefined operation (number + vector)") + "\n" +
                           W("undefined operation (string + string)") + "\n" +
                           W("undefined operation (string + number)") + "\n" +
                           W("undefined operation (bool + number)") + "\n" +
                           W("undefined operation (bool + bool)") + "\n" +
                           W("undefined operation (undefined + number)") + "\n" +
                           W("undefined operation (undefined + undefined)") + "\n" +
                           W("undefined operation (string - string)"));
}

TEST(ValueScale, ScalarTimesVector) {
  Site s;
  EXPECT_EQ(Multiply(N(2), Nums({1, 2}), s.op()).ToEchoString(), "[2, 4]");
  EXPECT_EQ(Multiply(Nums({1, 2}), N(2), s.op()).ToEchoString(), "[2, 4]");
  EXPECT_EQ(Multiply(V({Nums({1, 2}), Nums({3, 4})}), N(2), s.op()).ToEchoString(),
            "[[2, 4], [6, 8]]");
  EXPECT_EQ(Multiply(V({N(1), S("a")}), N(2), s.op()).ToEchoString(), "[2, undef]");
  EXPECT_EQ(Multiply(V({N(1), V({N(2), S("b")})}), N(2), s.op()).ToEchoString(),
            "[2, [4, undef]]");
  EXPECT_EQ(Multiply(Nums({}), N(2), s.op()).ToEchoString(), "[]");
  EXPECT_EQ(Multiply(Nums({1, 2}), N(INFINITY), s.op()).ToEchoString(), "[inf, inf]");
  EXPECT_EQ(s.Lines(), "");
}

TEST(ValueDivide, NumbersAndVectors) {
  Site s;
  EXPECT_EQ(Divide(Nums({1, 2}), N(2), s.op()).ToEchoString(), "[0.5, 1]");
  EXPECT_EQ(Divide(N(2), Nums({1, 2}), s.op()).ToEchoString(), "[2, 1]");
  EXPECT_EQ(Divide(N(5), N(0), s.op()).ToEchoString(), "inf");
  EXPECT_EQ(Divide(N(-5), N(0), s.op()).ToEchoString(), "-inf");
  EXPECT_EQ(Divide(N(0), N(0), s.op()).ToEchoString(), "nan");
  EXPECT_EQ(Divide(Nums({1, 2}), N(0), s.op()).ToEchoString(), "[inf, inf]");
  EXPECT_EQ(Divide(N(1), Nums({1, 0}), s.op()).ToEchoString(), "[1, inf]");
  EXPECT_EQ(Divide(V({N(1), S("a")}), N(2), s.op()).ToEchoString(), "[0.5, undef]");
  EXPECT_EQ(Divide(N(2), V({N(1), S("a")}), s.op()).ToEchoString(), "[2, undef]");
  EXPECT_EQ(Divide(V({Nums({1, 2}), Nums({3, 4})}), N(2), s.op()).ToEchoString(),
            "[[0.5, 1], [1.5, 2]]");
  EXPECT_EQ(s.Lines(), "");
  EXPECT_TRUE(Divide(Nums({1, 2}), Nums({1, 2}), s.op()).IsUndef());
  EXPECT_EQ(s.Lines(), W("undefined operation (vector / vector)"));
}

TEST(ValueModulo, FmodSemantics) {
  Site s;
  EXPECT_EQ(Modulo(N(5), N(3), s.op()).ToEchoString(), "2");
  EXPECT_EQ(Modulo(N(-5), N(3), s.op()).ToEchoString(), "-2");
  EXPECT_EQ(Modulo(N(5), N(-3), s.op()).ToEchoString(), "2");
  EXPECT_EQ(Modulo(N(5.5), N(2), s.op()).ToEchoString(), "1.5");
  EXPECT_EQ(Modulo(N(5), N(0), s.op()).ToEchoString(), "nan");
  EXPECT_TRUE(Modulo(Nums({1}), N(2), s.op()).IsUndef());
  EXPECT_TRUE(Modulo(U(), U(), s.op()).IsUndef());
  EXPECT_EQ(s.Lines(), W("undefined operation (vector % number)") + "\n" +
                           W("undefined operation (undefined % undefined)"));
}

TEST(ValuePower, Numbers) {
  Site s;
  EXPECT_EQ(Power(N(2), N(3), s.op()).ToEchoString(), "8");
  EXPECT_EQ(Power(N(2), N(0.5), s.op()).ToEchoString(), "1.41421");
  EXPECT_EQ(Power(N(-8), N(1.0 / 3), s.op()).ToEchoString(), "nan");
  EXPECT_EQ(Power(N(0), N(0), s.op()).ToEchoString(), "1");
  EXPECT_TRUE(Power(Nums({1}), N(2), s.op()).IsUndef());
  EXPECT_TRUE(Power(B(true), B(true), s.op()).IsUndef());
  EXPECT_EQ(s.Lines(), W("undefined operation (vector ^ number)") + "\n" +
                           W("undefined operation (bool ^ bool)"));
}

TEST(ValueNegate, NumbersAndVectors) {
  Site s;
  EXPECT_EQ(Negate(V({N(1), N(2), Nums({3})}), s.op()).ToEchoString(), "[-1, -2, [-3]]");
  EXPECT_EQ(Negate(V({N(1), S("a")}), s.op()).ToEchoString(), "[-1, undef]");
  EXPECT_EQ(Negate(Nums({}), s.op()).ToEchoString(), "[]");
  EXPECT_EQ(s.Lines(), "");
  EXPECT_TRUE(Negate(S("a"), s.op()).IsUndef());
  EXPECT_TRUE(Negate(B(true), s.op()).IsUndef());
  EXPECT_TRUE(Negate(U(), s.op()).IsUndef());
  EXPECT_EQ(s.Lines(), W("undefined operation (-string)") + "\n" +
                           W("undefined operation (-bool)") + "\n" +
                           W("undefined operation (-undefined)"));
}

TEST(ValueNot, Truthiness) {
  EXPECT_EQ(Not(N(0)).ToEchoString(), "true");
  EXPECT_EQ(Not(Nums({})).ToEchoString(), "true");
  EXPECT_EQ(Not(S("")).ToEchoString(), "true");
  EXPECT_EQ(Not(S("a")).ToEchoString(), "false");
  EXPECT_EQ(Not(Nums({0})).ToEchoString(), "false");
  EXPECT_EQ(Not(U()).ToEchoString(), "true");
  EXPECT_EQ(Not(R(0, 1, 1)).ToEchoString(), "false");
  EXPECT_EQ(Not(N(NAN)).ToEchoString(), "false");  // nan is true
  EXPECT_EQ(Not(N(-0.0)).ToEchoString(), "true");
  EXPECT_EQ(Not(V({U()})).ToEchoString(), "false");
  EXPECT_EQ(Not(R(5, 1, 0)).ToEchoString(), "false");  // even an empty range
}

TEST(ValueOps, SilentWithoutSite) {
  // A default OpSite logs nothing.
  EXPECT_TRUE(Add(S("a"), N(1)).IsUndef());
  EXPECT_TRUE(Multiply(Nums({}), Nums({})).IsUndef());
}

}  // namespace
}  // namespace mos::eval
