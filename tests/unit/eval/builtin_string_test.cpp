// str, chr, ord; expected values and warnings taken from openscad 2021.01
// output.
#include <gtest/gtest.h>

#include <cmath>

#include "value_test_helpers.h"

namespace mos::eval {
namespace {

using namespace testing;

TEST(BuiltinStr, ConcatenatesRawText) {
  Site s;
  EXPECT_EQ(s.Echo("str", {}), "\"\"");
  EXPECT_EQ(s.Echo("str", {N(1), N(2)}), "\"12\"");
  EXPECT_EQ(s.Echo("str", {S("a"), N(1.5), V({N(1), S("b")}), U()}), "\"a1.5[1, \"b\"]undef\"");
  EXPECT_EQ(s.Echo("str", {S("a\"b"), Nums({1}), N(1.0 / 3), R(0, 2, 5), U(), B(true)}),
            "\"a\"b[1]0.333333[0 : 2 : 5]undeftrue\"");
  EXPECT_EQ(s.Call("str", {N(1e-7)}).AsString(), "1e-7");
  EXPECT_EQ(s.Call("str", {N(123456789)}).AsString(), "1.23457e+8");
  EXPECT_EQ(s.Call("str", {N(-INFINITY)}).AsString(), "-inf");
  EXPECT_EQ(s.Call("str", {N(-NAN)}).AsString(), "nan");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinChr, CodePoints) {
  Site s;
  EXPECT_EQ(s.Call("chr", {N(65)}).AsString(), "A");
  EXPECT_EQ(s.Call("chr", {N(65), N(66)}).AsString(), "AB");
  EXPECT_EQ(s.Call("chr", {Nums({65, 66})}).AsString(), "AB");
  EXPECT_EQ(s.Call("chr", {N(9786)}).AsString(), "\xe2\x98\xba");
  EXPECT_EQ(s.Call("chr", {N(65.7)}).AsString(), "A");
  EXPECT_EQ(s.Call("chr", {N(1.5)}).AsString(), "\x01");
  EXPECT_EQ(s.Call("chr", {N(57344)}).AsString(), "\xee\x80\x80");
  EXPECT_EQ(s.Call("chr", {N(1114111)}).AsString(), "\xf4\x8f\xbf\xbf");
  EXPECT_EQ(s.Call("chr", {V({N(65), V({N(66), Nums({67})})})}).AsString(), "ABC");
  EXPECT_EQ(s.Call("chr", {V({N(65), S("a")})}).AsString(), "A");
  EXPECT_EQ(s.Call("chr", {N(65), S("a"), Nums({66})}).AsString(), "AB");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinChr, Ranges) {
  Site s;
  EXPECT_EQ(s.Call("chr", {R(48, 1, 57)}).AsString(), "0123456789");
  EXPECT_EQ(s.Call("chr", {R(70, 2, 80)}).AsString(), "FHJLNP");
  EXPECT_EQ(s.Call("chr", {R(70, -1, 65)}).AsString(), "FEDCBA");
  EXPECT_EQ(s.Call("chr", {R(65, 0.5, 67)}).AsString(), "AABBC");
  EXPECT_EQ(s.Call("chr", {R(65, INFINITY, 70)}).AsString(), "A");
  EXPECT_EQ(s.Call("chr", {V({N(65), V({N(66), Nums({67}), V({R(68, 1, 70)})})})}).AsString(),
            "ABCDEF");
  EXPECT_EQ(s.Call("chr", {N(65), S("test"), B(false), N(-5), N(0), N(66), R(67, 1, 69),
                           Nums({70, 71, 72, 73}), N(9786)})
                .AsString(),
            "ABCDEFGHI\xe2\x98\xba");
  EXPECT_EQ(s.Lines(), "");
  EXPECT_EQ(s.Call("chr", {R(65, 1, 65 + 2e6)}).AsString(), "");
  EXPECT_EQ(s.Call("chr", {R(65, 0, 70)}).AsString(), "");
  EXPECT_EQ(s.Lines(),
            "WARNING: Bad range parameter in for statement: too many elements (2000001).\n"
            "WARNING: Bad range parameter in for statement: too many elements (4294967295).");
}

TEST(BuiltinChr, InvalidCodePointsAreDroppedSilently) {
  Site s;
  for (double d : {0.0, -1.0, -0.5, 0.9, 1114112.0, 55296.0, 57343.0, double(NAN),
                   double(INFINITY), double(-INFINITY)}) {
    EXPECT_EQ(s.Call("chr", {N(d)}).AsString(), "") << d;
  }
  EXPECT_EQ(s.Call("chr", {S("a")}).AsString(), "");
  EXPECT_EQ(s.Call("chr", {U()}).AsString(), "");
  EXPECT_EQ(s.Call("chr", {B(true)}).AsString(), "");
  EXPECT_EQ(s.Call("chr", {Nums({})}).AsString(), "");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinOrd, FirstCodePoint) {
  Site s;
  EXPECT_EQ(s.Echo("ord", {S("A")}), "65");
  EXPECT_EQ(s.Echo("ord", {S("\xe2\x98\xba")}), "9786");
  EXPECT_EQ(s.Echo("ord", {S("ab")}), "97");
  EXPECT_EQ(s.Echo("ord", {S("")}), "undef");
  EXPECT_EQ(s.Echo("ord", {}), "undef");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinOrd, InvalidUtf8) {
  Site s;
  EXPECT_EQ(s.Echo("ord", {S("\xff")}), "undef");
  EXPECT_EQ(s.Echo("ord", {S("a\xff")}), "undef");
  EXPECT_EQ(s.Echo("ord", {S("\xc3")}), "undef");
  EXPECT_EQ(s.Lines(), W("ord() argument '\xff' is not a valid utf8 string") + "\n" +
                           W("ord() argument 'a\xff' is not a valid utf8 string") + "\n" +
                           W("ord() argument '\xc3' is not a valid utf8 string"));
  // Invalid bytes count as one character each in len() and indexing.
  EXPECT_EQ(s.Echo("len", {S("\xff\xfe")}), "2");
  EXPECT_EQ(Index(S("\xff"), N(0)).AsString(), "\xff");
}

TEST(BuiltinOrd, Warnings) {
  Site s;
  EXPECT_EQ(s.Echo("ord", {N(1)}), "undef");
  EXPECT_EQ(s.Echo("ord", {U()}), "undef");
  EXPECT_EQ(s.Echo("ord", {Nums({65})}), "undef");
  EXPECT_EQ(s.Echo("ord", {Nums({})}), "undef");
  EXPECT_EQ(s.Echo("ord", {S("a"), S("b")}), "undef");
  EXPECT_EQ(s.Echo("ord", {S("a"), N(1)}), "undef");
  EXPECT_EQ(s.Lines(), W("ord() argument 1 is not of type string") + "\n" +
                           W("ord() argument undef is not of type string") + "\n" +
                           W("ord() argument [65] is not of type string") + "\n" +
                           W("ord() argument [] is not of type string") + "\n" +
                           W("ord() called with 2 arguments, only 1 argument expected") + "\n" +
                           W("ord() called with 2 arguments, only 1 argument expected"));
}

}  // namespace
}  // namespace mos::eval
