// len, concat, lookup, norm, cross, version, is_*; expected values and
// warnings taken from openscad 2021.01 output.
#include <gtest/gtest.h>

#include <cmath>

#include "value_test_helpers.h"

namespace mos::eval {
namespace {

using namespace testing;

TEST(BuiltinLen, VectorsAndStrings) {
  Site s;
  EXPECT_EQ(s.Echo("len", {Nums({1, 2})}), "2");
  EXPECT_EQ(s.Echo("len", {S("h\xc3\xa9llo")}), "5");
  EXPECT_EQ(s.Echo("len", {Nums({})}), "0");
  EXPECT_EQ(s.Lines(), "");
  EXPECT_EQ(s.Echo("len", {N(5)}), "undef");
  EXPECT_EQ(s.Echo("len", {}), "undef");
  EXPECT_EQ(s.Echo("len", {U()}), "undef");
  EXPECT_EQ(s.Echo("len", {R(0, 1, 5)}), "undef");
  EXPECT_EQ(s.Echo("len", {B(true)}), "undef");
  EXPECT_EQ(s.Echo("len", {Nums({1}), Nums({2})}), "undef");
  EXPECT_EQ(s.Lines(), W("len() parameter could not be converted") + "\n" +
                           W("len() number of parameters does not match") + "\n" +
                           W("len() parameter could not be converted") + "\n" +
                           W("len() parameter could not be converted") + "\n" +
                           W("len() parameter could not be converted") + "\n" +
                           W("len() number of parameters does not match"));
}

TEST(BuiltinConcat, SplicesVectorsAppendsOthers) {
  Site s;
  EXPECT_EQ(s.Echo("concat", {Nums({1}), Nums({2, 3})}), "[1, 2, 3]");
  EXPECT_EQ(s.Echo("concat", {N(1), S("a"), Nums({2})}), "[1, \"a\", 2]");
  EXPECT_EQ(s.Echo("concat", {}), "[]");
  EXPECT_EQ(s.Echo("concat", {V({Nums({1})}), Nums({2})}), "[[1], 2]");
  EXPECT_EQ(s.Echo("concat", {R(0, 1, 2)}), "[[0 : 1 : 2]]");
  EXPECT_EQ(s.Echo("concat", {U()}), "[undef]");
  EXPECT_EQ(s.Echo("concat", {Nums({1}), N(2), U(), S("ab")}), "[1, 2, undef, \"ab\"]");
  EXPECT_EQ(s.Lines(), "");
}

Value Table(std::initializer_list<std::initializer_list<double>> rows) {
  ValueVector v;
  for (auto r : rows) {
    ValueVector row;
    for (double d : r) row.push_back(N(d));
    v.push_back(Value::Vector(std::move(row)));
  }
  return Value::Vector(std::move(v));
}

TEST(BuiltinLookup, Interpolates) {
  Site s;
  Value t = Table({{1, 10}, {2, 20}});
  EXPECT_EQ(s.Echo("lookup", {N(1.5), t}), "15");
  EXPECT_EQ(s.Echo("lookup", {N(0), t}), "10");
  EXPECT_EQ(s.Echo("lookup", {N(3), t}), "20");
  EXPECT_EQ(s.Echo("lookup", {N(1), t}), "10");
  Value reversed = Table({{2, 20}, {1, 10}});
  EXPECT_EQ(s.Echo("lookup", {N(2), reversed}), "20");
  EXPECT_EQ(s.Echo("lookup", {N(1.5), reversed}), "15");
  EXPECT_EQ(s.Echo("lookup", {N(0), reversed}), "10");
  EXPECT_EQ(s.Echo("lookup", {N(5), reversed}), "20");
  EXPECT_EQ(s.Echo("lookup", {N(1.5), Table({{2, 20}, {1, 10}, {3, 30}})}), "15");
  EXPECT_EQ(s.Echo("lookup", {N(1.5), Table({{1, 10}, {1.5, 15}, {1.5, 16}, {2, 20}})}), "15");
  EXPECT_EQ(s.Echo("lookup", {N(1), Table({{1, 10}})}), "10");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinLookup, BadTables) {
  Site s;
  EXPECT_EQ(s.Echo("lookup", {N(1), N(5)}), "undef");
  EXPECT_EQ(s.Echo("lookup", {N(1), Nums({})}), "undef");
  EXPECT_EQ(s.Echo("lookup", {N(1), V({Nums({1})})}), "undef");
  EXPECT_EQ(s.Echo("lookup", {N(1), Nums({1, 2})}), "undef");
  // The first entry must be [number, number]; later bad entries are skipped.
  EXPECT_EQ(s.Echo("lookup", {N(1.5), V({V({N(1), S("a")}), Nums({2, 3})})}), "undef");
  EXPECT_EQ(s.Echo("lookup", {N(1), V({Nums({0, 1}), S("x"), Nums({2, 3})})}), "2");
  EXPECT_EQ(s.Echo("lookup", {N(1.5), V({Nums({0, 1}), V({N(1), Nums({5})}), Nums({2, 3})})}),
            "2.5");
  EXPECT_EQ(s.Lines(), "");
  EXPECT_EQ(s.Echo("lookup", {S("a"), Table({{1, 10}})}), "undef");
  EXPECT_EQ(s.Echo("lookup", {N(NAN), Table({{1, 10}})}), "undef");
  EXPECT_EQ(s.Echo("lookup", {N(INFINITY), Table({{1, 10}})}), "undef");
  EXPECT_EQ(s.Echo("lookup", {N(1)}), "undef");
  EXPECT_EQ(s.Lines(), W("lookup(\"a\", ...) first argument is not a number") + "\n" +
                           W("lookup(nan, ...) first argument is not a number") + "\n" +
                           W("lookup(inf, ...) first argument is not a number") + "\n" +
                           W("lookup() number of parameters does not match"));
}

TEST(BuiltinNorm, Vectors) {
  Site s;
  EXPECT_EQ(s.Echo("norm", {Nums({3, 4})}), "5");
  EXPECT_EQ(s.Echo("norm", {Nums({1, 2, 3})}), "3.74166");
  EXPECT_EQ(s.Echo("norm", {Nums({})}), "0");
  EXPECT_EQ(s.Echo("norm", {N(5)}), "undef");
  EXPECT_EQ(s.Echo("norm", {S("abc")}), "undef");
  EXPECT_EQ(s.Lines(), "");
  EXPECT_EQ(s.Echo("norm", {V({N(1), S("a")})}), "undef");
  EXPECT_EQ(s.Echo("norm", {V({Nums({1})})}), "undef");
  EXPECT_EQ(s.Echo("norm", {V({U()})}), "undef");
  EXPECT_EQ(s.Echo("norm", {}), "undef");
  EXPECT_EQ(s.Echo("norm", {Nums({3, 4}), N(1)}), "undef");
  EXPECT_EQ(s.Lines(), W("Incorrect arguments to norm()") + "\n" +
                           W("Incorrect arguments to norm()") + "\n" +
                           W("Incorrect arguments to norm()") + "\n" +
                           W("norm() number of parameters does not match") + "\n" +
                           W("norm() number of parameters does not match"));
}

TEST(BuiltinCross, ThreeAndTwoDimensions) {
  Site s;
  EXPECT_EQ(s.Echo("cross", {Nums({1, 0, 0}), Nums({0, 1, 0})}), "[0, 0, 1]");
  EXPECT_EQ(s.Echo("cross", {Nums({1, 2, 3}), Nums({4, 5, 6})}), "[-3, 6, -3]");
  EXPECT_EQ(s.Echo("cross", {Nums({1, 2}), Nums({3, 4})}), "-2");
  // 2D elements are not checked: non-numbers count as 0, nan propagates.
  EXPECT_EQ(s.Echo("cross", {V({N(1), S("a")}), Nums({1, 2})}), "2");
  EXPECT_EQ(s.Echo("cross", {V({S("a"), N(1)}), Nums({1, 2})}), "-1");
  EXPECT_EQ(s.Echo("cross", {Nums({1, 2}), Nums({1, NAN})}), "nan");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinCross, Warnings) {
  Site s;
  EXPECT_EQ(s.Echo("cross", {Nums({1, 2, 3}), Nums({1, 2})}), "undef");
  EXPECT_EQ(s.Echo("cross", {Nums({1, 2, 3, 4}), Nums({1, 2, 3, 4})}), "undef");
  EXPECT_EQ(s.Echo("cross", {V({N(1), S("a"), N(3)}), Nums({1, 2, 3})}), "undef");
  EXPECT_EQ(s.Echo("cross", {N(1), N(2)}), "undef");
  EXPECT_EQ(s.Echo("cross", {S("abc"), S("def")}), "undef");
  EXPECT_EQ(s.Echo("cross", {Nums({1, 2, 3})}), "undef");
  EXPECT_EQ(s.Echo("cross", {Nums({1, NAN, 0}), Nums({0, 1, 0})}), "undef");
  EXPECT_EQ(s.Echo("cross", {Nums({1, INFINITY, 0}), Nums({0, 1, 0})}), "undef");
  EXPECT_EQ(s.Echo("cross", {Nums({NAN, 2, 3}), V({N(1), S("a"), N(3)})}), "undef");
  EXPECT_EQ(s.Lines(), W("Invalid vector size of parameter for cross()") + "\n" +
                           W("Invalid vector size of parameter for cross()") + "\n" +
                           W("Invalid value in parameter vector for cross()") + "\n" +
                           W("Invalid type of parameters for cross()") + "\n" +
                           W("Invalid type of parameters for cross()") + "\n" +
                           W("Invalid number of parameters for cross()") + "\n" +
                           W("Invalid value (NaN) in parameter vector for cross()") + "\n" +
                           W("Invalid value (INF) in parameter vector for cross()") + "\n" +
                           W("Invalid value (NaN) in parameter vector for cross()"));
}

TEST(BuiltinVersion, Is2021_01) {
  Site s;
  EXPECT_EQ(s.Echo("version", {}), "[2021, 1, 0]");
  EXPECT_EQ(s.Echo("version", {N(1)}), "[2021, 1, 0]");
  EXPECT_EQ(s.Echo("version", {S("a")}), "[2021, 1, 0]");
  EXPECT_EQ(s.Echo("version_num", {}), "2.02101e+7");
  EXPECT_EQ(s.Call("version_num", {}).AsNumber(), 20210100);
  EXPECT_EQ(s.Echo("version_num", {N(1)}), "undef");
  // A version vector is encoded instead.
  EXPECT_EQ(s.Echo("version_num", {Nums({1, 2, 3})}), "10203");
  EXPECT_EQ(s.Echo("version_num", {Nums({30, 100}), N(65)}), "310000");
  EXPECT_EQ(s.Echo("version_num", {Nums({-1, 0, 0})}), "-10000");
  EXPECT_EQ(s.Echo("version_num", {Nums({2021.5, 1.5, 0.25})}), "2.02152e+7");
  EXPECT_EQ(s.Echo("version_num", {Nums({1})}), "undef");
  EXPECT_EQ(s.Echo("version_num", {Nums({1, 2, 3, 4})}), "undef");
  EXPECT_EQ(s.Echo("version_num", {V({N(1), N(2), S("a")})}), "undef");
  EXPECT_EQ(s.Echo("version_num", {U()}), "undef");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinTypeTests, Values) {
  Site s;
  EXPECT_EQ(s.Echo("is_undef", {U()}), "true");
  EXPECT_EQ(s.Echo("is_undef", {N(1)}), "false");
  EXPECT_EQ(s.Echo("is_bool", {B(true)}), "true");
  EXPECT_EQ(s.Echo("is_bool", {N(1)}), "false");
  EXPECT_EQ(s.Echo("is_num", {N(1)}), "true");
  EXPECT_EQ(s.Echo("is_num", {N(NAN)}), "false");
  EXPECT_EQ(s.Echo("is_num", {N(INFINITY)}), "true");
  EXPECT_EQ(s.Echo("is_num", {B(true)}), "false");
  EXPECT_EQ(s.Echo("is_string", {S("")}), "true");
  EXPECT_EQ(s.Echo("is_string", {Nums({})}), "false");
  EXPECT_EQ(s.Echo("is_list", {Nums({})}), "true");
  EXPECT_EQ(s.Echo("is_list", {R(0, 1, 1)}), "false");
  EXPECT_EQ(s.Echo("is_list", {S("ab")}), "false");
  EXPECT_EQ(s.Echo("is_function", {Value::Function(FunctionValue{})}), "true");
  EXPECT_EQ(s.Echo("is_function", {S("len")}), "false");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinTypeTests, ArgumentCount) {
  Site s;
  EXPECT_EQ(s.Echo("is_undef", {}), "undef");
  EXPECT_EQ(s.Echo("is_undef", {N(1), N(2)}), "undef");
  EXPECT_EQ(s.Echo("is_num", {N(1), N(2)}), "undef");
  EXPECT_EQ(s.Echo("is_bool", {}), "undef");
  EXPECT_EQ(s.Echo("is_function", {}), "undef");
  EXPECT_EQ(s.Echo("is_list", {Nums({1}), Nums({2})}), "undef");
  EXPECT_EQ(s.Lines(), W("is_undef() number of parameters does not match") + "\n" +
                           W("is_undef() number of parameters does not match") + "\n" +
                           W("is_num() number of parameters does not match") + "\n" +
                           W("is_bool() number of parameters does not match") + "\n" +
                           W("is_function() number of parameters does not match") + "\n" +
                           W("is_list() number of parameters does not match"));
}

}  // namespace
}  // namespace mos::eval
