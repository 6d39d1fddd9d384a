// search() in all its forms; expected results and warnings taken from
// openscad 2021.01 output.
#include <gtest/gtest.h>

#include <cmath>

#include "value_test_helpers.h"

namespace mos::eval {
namespace {

using namespace testing;

// [[1,"x"],[2,"y"],[1,"z"]]
Value Pairs() { return V({V({N(1), S("x")}), V({N(2), S("y")}), V({N(1), S("z")})}); }
// [["a",1],["b",2],["a",3]]
Value Keyed() { return V({V({S("a"), N(1)}), V({S("b"), N(2)}), V({S("a"), N(3)})}); }

TEST(BuiltinSearch, Number) {
  Site s;
  EXPECT_EQ(s.Echo("search", {N(3), Nums({1, 2, 3, 4, 3})}), "[2]");
  EXPECT_EQ(s.Echo("search", {N(3), Nums({1, 2, 3, 4, 3}), N(0)}), "[2, 4]");
  EXPECT_EQ(s.Echo("search", {N(3), Nums({1, 2, 3, 4, 3}), N(2)}), "[2, 4]");
  EXPECT_EQ(s.Echo("search", {N(3), Nums({3, 3, 3}), N(2)}), "[0, 1]");
  EXPECT_EQ(s.Echo("search", {N(3), Nums({3, 3, 3}), N(-1)}), "[0, 1, 2]");
  EXPECT_EQ(s.Echo("search", {N(3), Nums({1, 2, 3}), N(1.5)}), "[2]");
  EXPECT_EQ(s.Echo("search", {N(9), Nums({1, 2, 3})}), "[]");
  EXPECT_EQ(s.Echo("search", {N(3), V({N(1), S("a"), Nums({3}), N(3)})}), "[2]");
  EXPECT_EQ(s.Echo("search", {N(3), V({Nums({3}), Nums({3, 4})}), N(0)}), "[0, 1]");
  EXPECT_EQ(s.Echo("search", {N(2), V({V({N(1), S("x")}), V({N(2), S("y")})}), N(1), N(0)}),
            "[1]");
  EXPECT_EQ(s.Echo("search", {N(INFINITY), Nums({INFINITY})}), "[0]");
  EXPECT_EQ(s.Echo("search", {N(NAN), Nums({NAN})}), "[]");
  EXPECT_EQ(s.Echo("search", {N(1), N(2)}), "[]");
  EXPECT_EQ(s.Echo("search", {N(1), S("abc")}), "[]");
  EXPECT_EQ(s.Echo("search", {N(1), R(0, 1, 5)}), "[]");
  EXPECT_EQ(s.Echo("search", {N(1), N(5), N(0)}), "[]");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinSearch, IndexColumn) {
  Site s;
  Value t = V({V({N(1), S("x")}), V({N(2), S("y")})});
  EXPECT_EQ(s.Echo("search", {S("y"), t, N(1), N(1)}), "[1]");
  EXPECT_EQ(s.Echo("search", {S("y"), t, N(0), N(1)}), "[[1]]");
  EXPECT_EQ(s.Echo("search", {N(1), t, N(1), N(5)}), "[]");
  EXPECT_EQ(s.Echo("search", {N(1), t, N(1), N(-1)}), "[]");
  EXPECT_EQ(s.Echo("search", {Nums({1}), t, N(1), N(5)}), "[[]]");
  EXPECT_EQ(s.Echo("search", {N(1), V({Nums({1, 2}), Nums({1})}), N(0), N(1)}), "[]");
  EXPECT_EQ(s.Echo("search", {N(3), V({N(3), Nums({0, 3})}), N(0), N(1)}), "[1]");
  EXPECT_EQ(s.Echo("search", {Nums({3}), V({N(3), Nums({0, 3})}), N(0), N(1)}), "[[1]]");
  EXPECT_EQ(s.Echo("search", {N(1), V({Nums({1, 2})}), N(0), N(1.5)}), "[]");
  EXPECT_EQ(s.Echo("search", {N(2), V({Nums({1, 2})}), N(0), N(1.5)}), "[0]");
  EXPECT_EQ(s.Echo("search", {N(3), V({Nums({3})}), N(1), N(1e10)}), "[]");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinSearch, StringInString) {
  Site s;
  EXPECT_EQ(s.Echo("search", {S("a"), S("abcabc")}), "[0]");
  EXPECT_EQ(s.Echo("search", {S("a"), S("abcabc"), N(0)}), "[[0, 3]]");
  EXPECT_EQ(s.Echo("search", {S("abc"), S("abcabc")}), "[0, 1, 2]");
  EXPECT_EQ(s.Echo("search", {S("abc"), S("abcabc"), N(0)}), "[[0, 3], [1, 4], [2, 5]]");
  // Characters not found are left out when one match each is asked for.
  EXPECT_EQ(s.Echo("search", {S("xa"), S("abcabc")}), "[0]");
  EXPECT_EQ(s.Echo("search", {S("xa"), S("abcabc"), N(0)}), "[[], [0, 3]]");
  EXPECT_EQ(s.Echo("search", {S("xa"), S("abcabc"), N(2)}), "[[], [0, 3]]");
  EXPECT_EQ(s.Echo("search", {S("aa"), S("abcabc"), N(1)}), "[0, 0]");
  EXPECT_EQ(s.Echo("search", {S("a"), S("aaa"), N(2)}), "[[0, 1]]");
  EXPECT_EQ(s.Echo("search", {S(""), S("abc")}), "[]");
  EXPECT_EQ(s.Echo("search", {S("a"), S(""), N(1)}), "[]");
  EXPECT_EQ(s.Echo("search", {S("\xc3\xa9"), S("a\xc3\xa9" "b")}), "[1]");
  EXPECT_EQ(s.Echo("search", {S("a\xc3\xa9"), S("\xc3\xa9" "a\xc3\xa9"), N(0)}), "[[1], [0, 2]]");
  // A non-number count means 0 (all, one list per character).
  EXPECT_EQ(s.Echo("search", {S("a"), S("aba"), U()}), "[[0, 2]]");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinSearch, StringInVectorOfEntries) {
  Site s;
  EXPECT_EQ(s.Echo("search", {S("a"), Keyed()}), "[0]");
  EXPECT_EQ(s.Echo("search", {S("a"), Keyed(), N(0)}), "[[0, 2]]");
  Value singles = V({V({S("a")}), V({S("b")}), V({S("a")})});
  EXPECT_EQ(s.Echo("search", {S("ab"), singles, N(0)}), "[[0, 2], [1]]");
  EXPECT_EQ(s.Echo("search", {S("ab"), singles, N(1)}), "[0, 1]");
  EXPECT_EQ(s.Echo("search", {S("a"), V({V({S("x"), S("a")})}), N(1), N(1)}), "[0]");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinSearch, StringNotFoundWarns) {
  Site s;
  EXPECT_EQ(s.Echo("search", {S("z"), V({V({S("a")})})}), "[]");
  EXPECT_EQ(s.Echo("search", {S("z"), V({V({S("a")})}), N(0)}), "[[]]");
  EXPECT_EQ(s.Echo("search", {S("az"), V({V({S("a")})}), N(1)}), "[0]");
  EXPECT_EQ(s.Echo("search", {S("a"), Nums({}), N(1)}), "[]");
  EXPECT_EQ(s.Echo("search", {S("a"), N(5), N(0)}), "[[]]");
  EXPECT_EQ(s.Echo("search", {S("ab"), N(5)}), "[]");
  EXPECT_EQ(s.Lines(), W("search term not found: \"z\"") + "\n" +
                           W("search term not found: \"z\"") + "\n" +
                           W("search term not found: \"z\"") + "\n" +
                           W("search term not found: \"a\"") + "\n" +
                           W("search term not found: \"a\"") + "\n" +
                           W("search term not found: \"a\"") + "\n" +
                           W("search term not found: \"b\""));
}

TEST(BuiltinSearch, ColumnIsUnsigned32Bit) {
  Site s;
  EXPECT_EQ(s.Echo("search", {S("a"), V({V({S("a")})}), N(1), N(-1)}), "[]");
  EXPECT_EQ(s.Echo("search", {S("a"), V({V({S("a")})}), N(1), N(1e10)}), "[]");
  EXPECT_EQ(s.Echo("search", {S("a"), V({V({S("a")})}), N(1), N(0.5)}), "[0]");
  EXPECT_EQ(s.Echo("search", {S("b"), V({V({S("a"), S("b")})}), N(1), N(1.9)}), "[0]");
  EXPECT_EQ(s.Lines(),
            W("Invalid entry in search vector at index 0, required number of values in the "
              "entry: 0. Invalid entry: [\"a\"]") +
                "\n" +
                W("Invalid entry in search vector at index 0, required number of values in the "
                  "entry: 1410065409. Invalid entry: [\"a\"]"));
}

TEST(BuiltinSearch, InvalidEntriesEndTheSearch) {
  Site s;
  EXPECT_EQ(s.Echo("search", {S("a"), V({S("a"), S("b"), S("a")})}), "[]");
  EXPECT_EQ(s.Echo("search", {S("ab"), V({S("ab"), S("a"), S("b")})}), "[]");
  EXPECT_EQ(s.Echo("search", {S("a"), V({S("a")}), N(1), N(1)}), "[]");
  EXPECT_EQ(s.Echo("search", {S("a"), V({Nums({1})}), N(1), N(1)}), "[]");
  EXPECT_EQ(s.Echo("search", {S("a"), V({V({S("a")}), S("b"), V({S("a")})}), N(0)}), "[]");
  EXPECT_EQ(s.Lines(),
            W("Invalid entry in search vector at index 0, required number of values in the "
              "entry: 1. Invalid entry: \"a\"") +
                "\n" +
                W("Invalid entry in search vector at index 0, required number of values in the "
                  "entry: 1. Invalid entry: \"ab\"") +
                "\n" +
                W("Invalid entry in search vector at index 0, required number of values in the "
                  "entry: 2. Invalid entry: \"a\"") +
                "\n" +
                W("Invalid entry in search vector at index 0, required number of values in the "
                  "entry: 2. Invalid entry: [1]") +
                "\n" +
                W("Invalid entry in search vector at index 1, required number of values in the "
                  "entry: 1. Invalid entry: \"b\""));
}

TEST(BuiltinSearch, VectorOfNeedles) {
  Site s;
  EXPECT_EQ(s.Echo("search", {Nums({1, 2}), Pairs()}), "[0, 1]");
  EXPECT_EQ(s.Echo("search", {Nums({1, 2}), Pairs(), N(0)}), "[[0, 2], [1]]");
  EXPECT_EQ(s.Echo("search", {Nums({1, 9}), Pairs()}), "[0, []]");
  EXPECT_EQ(s.Echo("search", {V({S("a"), S("b")}), Keyed(), N(0)}), "[[0, 2], [1]]");
  EXPECT_EQ(s.Echo("search", {Nums({1, 2}), Nums({1, 2, 3})}), "[0, 1]");
  EXPECT_EQ(s.Echo("search", {Nums({}), Nums({1, 2})}), "[]");
  EXPECT_EQ(s.Echo("search", {V({S("a")}), V({S("a"), S("b"), S("a")}), N(0)}), "[[0, 2]]");
  EXPECT_EQ(s.Echo("search", {V({S("ab")}), V({S("ab"), S("a")}), N(0)}), "[[0]]");
  EXPECT_EQ(s.Echo("search", {V({S("ab")}), V({V({S("ab"), N(1)}), V({S("a"), N(2)})}), N(0)}),
            "[[0]]");
  EXPECT_EQ(s.Echo("search", {V({U()}), V({U(), N(1)})}), "[0]");
  EXPECT_EQ(s.Echo("search", {V({B(true)}), V({B(true), N(1)})}), "[0]");
  EXPECT_EQ(s.Echo("search", {Nums({1}), N(5)}), "[[]]");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinSearch, VectorNeedlesMatchWholeEntriesAtColumnZero) {
  Site s;
  EXPECT_EQ(s.Echo("search", {V({Nums({1, 2})}), V({Nums({1, 2}), Nums({3, 4})})}), "[0]");
  EXPECT_EQ(s.Echo("search", {V({V({S("a"), N(1)})}), V({V({S("a"), N(1)}), V({S("b"), N(2)})})}),
            "[0]");
  EXPECT_EQ(s.Echo("search", {V({Nums({1, 5})}), V({Nums({1, 2})})}), "[[]]");
  EXPECT_EQ(s.Echo("search", {V({Nums({1, 2})}), V({Nums({1, 2, 3})})}), "[[]]");
  EXPECT_EQ(s.Echo("search", {V({Nums({1, 2})}), V({Nums({1, 2})}), N(1), N(1)}), "[[]]");
  EXPECT_EQ(s.Echo("search", {V({Nums({2})}), V({Nums({1, 2})}), N(1), N(1)}), "[[]]");
  EXPECT_EQ(s.Echo("search", {V({Nums({1, 2})}), V({N(1), Nums({1, 2})})}), "[1]");
  EXPECT_EQ(s.Echo("search", {V({N(1), Nums({2})}), V({Nums({2}), N(1), Nums({1})}), N(0)}),
            "[[1, 2], [0]]");
  EXPECT_EQ(s.Lines(), "");
}

TEST(BuiltinSearch, OtherNeedlesAndCounts) {
  Site s;
  EXPECT_EQ(s.Echo("search", {U(), Nums({1, 2})}), "undef");
  EXPECT_EQ(s.Echo("search", {B(true), V({B(true), N(1)})}), "undef");
  EXPECT_EQ(s.Echo("search", {N(3), Nums({3}), N(1e10)}), "[0]");
  EXPECT_EQ(s.Echo("search", {N(3), Nums({3}), S("a")}), "[0]");
  EXPECT_EQ(s.Echo("search", {N(3), Nums({3}), N(1), S("a")}), "[0]");
  EXPECT_EQ(s.Echo("search", {N(3), Nums({3}), U()}), "[0]");
  EXPECT_EQ(s.Lines(), "");
  EXPECT_EQ(s.Echo("search", {N(1)}), "undef");
  EXPECT_EQ(s.Lines(), W("search() number of parameters does not match"));
}

}  // namespace
}  // namespace mos::eval
