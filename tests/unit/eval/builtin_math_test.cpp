// Numeric builtins; expected values and warnings taken from openscad
// 2021.01 output.
#include <gtest/gtest.h>

#include <cmath>

#include "value_test_helpers.h"

namespace mos::eval {
namespace {

using namespace testing;

TEST(BuiltinRegistry, KnowsEvery2021Function) {
  for (const char* name :
       {"abs", "sign", "rands", "min", "max", "sin", "cos", "tan", "asin", "acos", "atan",
        "atan2", "floor", "ceil", "round", "pow", "sqrt", "exp", "ln", "log", "len", "concat",
        "lookup", "search", "str", "chr", "ord", "version", "version_num", "norm", "cross",
        "is_undef", "is_bool", "is_num", "is_string", "is_list", "is_function", "dxf_dim",
        "dxf_cross"}) {
    const BuiltinFunction* f = FindBuiltinFunction(name);
    ASSERT_NE(f, nullptr) << name;
    EXPECT_STREQ(f->name, name);
    EXPECT_NE(f->callTip, nullptr);
  }
  EXPECT_EQ(FindBuiltinFunction("cube"), nullptr);
  EXPECT_EQ(FindBuiltinFunction("parent_module"), nullptr);
  EXPECT_EQ(AllBuiltinFunctions().size(), 39u);
}

TEST(BuiltinMath, UnaryFunctions) {
  Site s;
  EXPECT_EQ(s.Echo("abs", {N(-2)}), "2");
  EXPECT_EQ(s.Echo("abs", {N(-2.5)}), "2.5");
  EXPECT_EQ(s.Echo("abs", {N(-INFINITY)}), "inf");
  EXPECT_EQ(s.Echo("sign", {N(-2)}), "-1");
  EXPECT_EQ(s.Echo("sign", {N(0)}), "0");
  EXPECT_EQ(s.Echo("sign", {N(3)}), "1");
  EXPECT_EQ(s.Echo("sign", {N(NAN)}), "0");
  EXPECT_EQ(s.Echo("sign", {N(-INFINITY)}), "-1");
  EXPECT_EQ(s.Echo("floor", {N(1.5)}), "1");
  EXPECT_EQ(s.Echo("floor", {N(-1.5)}), "-2");
  EXPECT_EQ(s.Echo("floor", {N(NAN)}), "nan");
  EXPECT_EQ(s.Echo("ceil", {N(1.2)}), "2");
  EXPECT_EQ(s.Echo("ceil", {N(-1.2)}), "-1");
  EXPECT_EQ(s.Echo("sqrt", {N(4)}), "2");
  EXPECT_EQ(s.Echo("sqrt", {N(2)}), "1.41421");
  EXPECT_EQ(s.Echo("sqrt", {N(-1)}), "nan");
  EXPECT_EQ(s.Echo("exp", {N(1)}), "2.71828");
  EXPECT_EQ(s.Echo("exp", {N(710)}), "inf");
  EXPECT_EQ(s.Echo("ln", {N(std::exp(2.0))}), "2");
  EXPECT_EQ(s.Echo("ln", {N(0)}), "-inf");
  EXPECT_EQ(s.Echo("ln", {N(-1)}), "nan");
  EXPECT_EQ(s.Echo("ln", {N(1)}), "0");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinMath, RoundHalvesAwayFromZero) {
  Site s;
  EXPECT_EQ(s.Echo("round", {N(0.5)}), "1");
  EXPECT_EQ(s.Echo("round", {N(-0.5)}), "-1");
  EXPECT_EQ(s.Echo("round", {N(1.5)}), "2");
  EXPECT_EQ(s.Echo("round", {N(2.5)}), "3");
  EXPECT_EQ(s.Echo("round", {N(-2.5)}), "-3");
  EXPECT_EQ(s.Echo("round", {N(-0.4)}), "0");
  EXPECT_EQ(s.Echo("round", {N(1e300)}), "1e+300");
}

TEST(BuiltinMath, PowAndLog) {
  Site s;
  EXPECT_EQ(s.Echo("pow", {N(2), N(3)}), "8");
  EXPECT_EQ(s.Echo("pow", {N(-8), N(1.0 / 3)}), "nan");
  EXPECT_EQ(s.Echo("pow", {N(0), N(-1)}), "inf");
  EXPECT_EQ(s.Echo("log", {N(100)}), "2");
  EXPECT_EQ(s.Echo("log", {N(1000)}), "3");
  EXPECT_EQ(s.Echo("log", {N(2), N(8)}), "3");
  EXPECT_EQ(s.Echo("log", {N(8), N(2)}), "0.333333");
  EXPECT_EQ(s.Echo("log", {N(10), N(1000)}), "3");
  EXPECT_EQ(s.Echo("log", {N(0)}), "-inf");
  EXPECT_EQ(s.Echo("log", {N(0), N(5)}), "0");
  EXPECT_EQ(s.Echo("log", {N(-2)}), "nan");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinMath, WrongArgumentsWarn) {
  Site s;
  EXPECT_EQ(s.Echo("abs", {S("a")}), "undef");
  EXPECT_EQ(s.Echo("abs", {}), "undef");
  EXPECT_EQ(s.Echo("abs", {N(1), N(2)}), "undef");
  EXPECT_EQ(s.Echo("abs", {Nums({1})}), "undef");
  EXPECT_EQ(s.Echo("abs", {B(true)}), "undef");
  EXPECT_EQ(s.Echo("pow", {N(2)}), "undef");
  EXPECT_EQ(s.Echo("pow", {S("a"), N(2)}), "undef");
  EXPECT_EQ(s.Echo("log", {S("a")}), "undef");
  EXPECT_EQ(s.Echo("log", {N(1), N(2), N(3)}), "undef");
  EXPECT_EQ(s.Echo("round", {}), "undef");
  EXPECT_EQ(s.Echo("exp", {}), "undef");
  EXPECT_EQ(s.Lines(), W("abs() parameter could not be converted") + "\n" +
                           W("abs() number of parameters does not match") + "\n" +
                           W("abs() number of parameters does not match") + "\n" +
                           W("abs() parameter could not be converted") + "\n" +
                           W("abs() parameter could not be converted") + "\n" +
                           W("pow() number of parameters does not match") + "\n" +
                           W("pow() parameter could not be converted") + "\n" +
                           W("log() parameter could not be converted") + "\n" +
                           W("log() number of parameters does not match") + "\n" +
                           W("round() number of parameters does not match") + "\n" +
                           W("exp() number of parameters does not match"));
}

TEST(BuiltinMinMax, NumbersAndVectors) {
  Site s;
  EXPECT_EQ(s.Echo("min", {N(1), N(2), N(3)}), "1");
  EXPECT_EQ(s.Echo("min", {Nums({3, 1, 2})}), "1");
  EXPECT_EQ(s.Echo("max", {N(1), N(2), N(-3)}), "2");
  EXPECT_EQ(s.Echo("max", {Nums({3, 1, 2})}), "3");
  EXPECT_EQ(s.Echo("max", {N(5)}), "5");
  // A single vector: elements compared with `<`, mismatched types skipped.
  EXPECT_EQ(s.Echo("min", {V({N(1), S("a")})}), "1");
  EXPECT_EQ(s.Echo("max", {V({N(1), S("b"), N(3)})}), "3");
  EXPECT_EQ(s.Echo("min", {V({S("b"), S("a"), S("c")})}), "\"a\"");
  EXPECT_EQ(s.Echo("max", {V({Nums({1, 2}), Nums({1, 3})})}), "[1, 3]");
  EXPECT_EQ(s.Echo("min", {V({Nums({1}), Nums({2})})}), "[1]");
  EXPECT_EQ(s.Echo("max", {V({S("a"), N(1)})}), "\"a\"");
  // nan only wins when it comes first.
  EXPECT_EQ(s.Echo("min", {N(NAN), N(1)}), "nan");
  EXPECT_EQ(s.Echo("min", {N(1), N(NAN)}), "1");
  EXPECT_EQ(s.Echo("max", {Nums({1, NAN, 3})}), "3");
  EXPECT_EQ(s.Echo("min", {Nums({NAN, 1})}), "nan");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinMinMax, Warnings) {
  Site s;
  EXPECT_EQ(s.Echo("min", {}), "undef");
  EXPECT_EQ(s.Echo("min", {Nums({})}), "undef");
  EXPECT_EQ(s.Echo("min", {S("a")}), "undef");
  EXPECT_EQ(s.Echo("min", {N(1), S("a")}), "undef");
  EXPECT_EQ(s.Echo("min", {Nums({1}), Nums({2})}), "undef");
  EXPECT_EQ(s.Echo("max", {U()}), "undef");
  EXPECT_EQ(s.Echo("min", {N(1), Nums({2})}), "undef");
  EXPECT_EQ(s.Echo("min", {B(true), N(1)}), "undef");
  EXPECT_EQ(s.Lines(), W("min() number of parameters does not match") + "\n" +
                           W("min() parameter could not be converted") + "\n" +
                           W("min() parameter could not be converted") + "\n" +
                           W("min() parameter could not be converted") + "\n" +
                           W("min() parameter could not be converted") + "\n" +
                           W("max() parameter could not be converted") + "\n" +
                           W("min() parameter could not be converted") + "\n" +
                           W("min() parameter could not be converted"));
}

TEST(BuiltinRands, SeededMatches2021) {
  Site s;
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(3), N(42)}), "[0.796543, 0.183435, 0.779691]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(6), N(42)}),
            "[0.796543, 0.183435, 0.779691, 0.59685, 0.445833, 0.0999749]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(2), N(0)}), "[0.592845, 0.844266]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(2), N(2)}), "[0.185082, 0.931541]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(2), N(1)}), "[0.997185, 0.932557]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(10), N(2), N(-1)}), "[1.11607, 5.62693]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(2), N(-2)}), "[0.101849, 0.947898]");
  // Seeds are taken modulo 2^31 - 1.
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1), N(4294967296.0)}), "[0.185082]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1), N(4294967297.0)}), "[0.0707249]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1), N(8589934592.0)}), "[0.900621]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1), N(2147483648.0)}), "[0.997185]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1), N(2147483647.0)}), "[0.592845]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1), N(NAN)}), "[0.592845]");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinRands, NonIntegerSeedsMatch2021) {
  Site s;
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(2), N(1.7)}), "[0.920419, 0.332502]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(10), N(2), N(1.7)}), "[9.20419, 3.32502]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(2), N(2.5)}), "[0.932255, 0.167864]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(2), N(0.5)}), "[0.421193, 0.716927]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(2), N(1e10)}), "[0.411248, 0.452249]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1), N(1.5)}), "[0.7768]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1), N(-1.5)}), "[0.284617]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1), N(-0.5)}), "[0.300641]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1), N(1e-300)}), "[0.238691]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1), N(123.456)}), "[0.923452]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1), N(INFINITY)}), "[0.0776717]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1), N(-INFINITY)}), "[0.458262]");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinRands, RangeAndCount) {
  Site s;
  EXPECT_EQ(s.Echo("rands", {N(5), N(1), N(2), N(0)}), "[3.37138, 4.37706]");  // swapped
  EXPECT_EQ(s.Echo("rands", {N(1), N(1), N(2), N(5)}), "[1, 1]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(0)}), "[]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(-3), N(1)}), "[0.997185, 0.932557, 0.128124]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(-0.5), N(1)}), "[]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(1.5), N(3)}), "[0.0707249]");
  EXPECT_EQ(s.Call("rands", {N(0), N(1), N(5)}).AsVector().size(), 5u);
  EXPECT_EQ(s.Echo("rands", {S("a"), N(1), N(2)}), "undef");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(2), S("x")}), "undef");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), U()}), "undef");
  EXPECT_EQ(s.Lines(), "");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1)}), "undef");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(2), N(3), N(4)}), "undef");
  EXPECT_EQ(s.Lines(), W("rands() number of parameters does not match") + "\n" +
                           W("rands() number of parameters does not match"));
}

TEST(BuiltinRands, InfiniteArgumentsAreReset) {
  Site s;
  EXPECT_EQ(s.Echo("rands", {N(0), N(INFINITY), N(2), N(1)}), "[8.96316e+307, 8.38226e+307]");
  EXPECT_EQ(s.Echo("rands", {N(-INFINITY), N(1), N(2), N(1)}), "[-2.53043e+305, -6.06206e+306]");
  EXPECT_EQ(s.Echo("rands", {N(0), N(1), N(NAN), N(1)}), "[0.997185]");
  const std::string half =
      "89884656743115785407263711865852178399035283762922498299458738401578630390014269380294779"
      "316383439085770229476757191232117160663444732091384233773351768758493024955288275641038122"
      "745045194664472037934254227566971152291618451611474082904279666061674137398913102072361584"
      "369088590459649940625202013092062429184.000000";
  EXPECT_EQ(s.Lines(), W("rands() range max cannot be infinite") + "\nWARNING: resetting to " +
                           half + "\n" + W("rands() range min cannot be infinite") +
                           "\nWARNING: resetting to -" + half + "\n" +
                           W("rands() cannot create an infinite number of results") +
                           "\nWARNING: resetting number of results to 1");
}

}  // namespace
}  // namespace mos::eval
