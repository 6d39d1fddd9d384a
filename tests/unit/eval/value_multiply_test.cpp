// Vector products: dot, matrix*vector, vector*matrix, matrix*matrix, with
// the warnings openscad 2021.01 prints (expected text taken from its output).
#include <gtest/gtest.h>

#include "value_test_helpers.h"

namespace mos::eval {
namespace {

using namespace testing;

Value M(std::initializer_list<Value> rows) { return V(rows); }

TEST(ValueMultiply, DotProduct) {
  Site s;
  EXPECT_EQ(Multiply(Nums({1, 2}), Nums({3, 4}), s.op()).ToEchoString(), "11");
  EXPECT_EQ(s.Lines(), "");
  EXPECT_TRUE(Multiply(Nums({1, 2}), Nums({3, 4, 5}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(V({N(1), S("a")}), Nums({1, 2}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(V({N(1), Nums({1})}), Nums({1, 1}), s.op()).IsUndef());
  EXPECT_EQ(s.Lines(), W("vector*vector requires matching lengths (2 != 3)") + "\n" +
                           W("undefined operation (string * number)") + "\n" +
                           W("undefined operation (vector * number)"));
}

TEST(ValueMultiply, MatrixTimesVector) {
  Site s;
  EXPECT_EQ(Multiply(M({Nums({1, 2}), Nums({3, 4})}), Nums({1, 1}), s.op()).ToEchoString(),
            "[3, 7]");
  EXPECT_EQ(Multiply(M({Nums({1, 2})}), Nums({1, 2}), s.op()).ToEchoString(), "[5]");
  EXPECT_EQ(s.Lines(), "");
  EXPECT_TRUE(Multiply(M({Nums({1, 2}), Nums({3, 4})}), Nums({1, 1, 1}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(M({Nums({1, 2}), Nums({3})}), Nums({1, 1}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(M({Nums({1, 2}), N(3)}), Nums({1, 1}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(M({V({N(1), S("a")}), Nums({3, 4})}), Nums({1, 1}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(M({Nums({1, 2})}), V({N(1), S("a")}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(M({Nums({})}), Nums({1}), s.op()).IsUndef());
  EXPECT_EQ(
      s.Lines(),
      W("matrix*vector requires matrix column count to match vector length (2 != 3)") + "\n" +
          W("Matrix must be rectangular. Problem at row 1") + "\n" +
          W("Matrix must be rectangular. Problem at row 1") + "\n" +
          W("Matrix must contain only numbers. Problem at row 0, col 1") + "\n" +
          W("Vector must contain only numbers. Problem at index 1") + "\n" +
          W("matrix*vector requires matrix column count to match vector length (0 != 1)"));
}

TEST(ValueMultiply, VectorTimesMatrixPrintsProblemsTwice) {
  Site s;
  EXPECT_EQ(Multiply(Nums({1, 1}), M({Nums({1, 2}), Nums({3, 4})}), s.op()).ToEchoString(),
            "[4, 6]");
  EXPECT_EQ(Multiply(Nums({1, 2}), M({Nums({1}), Nums({2})}), s.op()).ToEchoString(), "[5]");
  EXPECT_EQ(s.Lines(), "");
  EXPECT_TRUE(Multiply(Nums({1, 2, 3}), M({Nums({1}), Nums({2})}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(V({N(1), S("a")}), M({Nums({1, 2}), Nums({3, 4})}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(Nums({1, 2}), M({Nums({1, 2}), Nums({3})}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(Nums({1, 2}), M({Nums({1, 2}), V({N(3), S("b")})}), s.op()).IsUndef());
  EXPECT_EQ(s.Lines(),
            W("vector*matrix requires vector length to match matrix row count (3 != 2)") + "\n" +
                "WARNING: Vector must contain only numbers. Problem at index 1\n" +
                W("Vector must contain only numbers. Problem at index 1") + "\n" +
                "WARNING: Matrix must be rectangular. Problem at row 1\n" +
                W("Matrix must be rectangular. Problem at row 1") + "\n" +
                "WARNING: Matrix must contain only numbers. Problem at row 1, col 1\n" +
                W("Matrix must contain only numbers. Problem at row 1, col 1"));
}

TEST(ValueMultiply, MatrixTimesMatrix) {
  Site s;
  Value identity = M({Nums({1, 0}), Nums({0, 1})});
  Value a = M({Nums({1, 2}), Nums({3, 4})});
  EXPECT_EQ(Multiply(a, identity, s.op()).ToEchoString(), "[[1, 2], [3, 4]]");
  EXPECT_EQ(Multiply(M({Nums({1, 2, 3})}), M({Nums({1}), Nums({2}), Nums({3})}), s.op())
                .ToEchoString(),
            "[[14]]");
  EXPECT_EQ(Multiply(M({Nums({1}), Nums({2}), Nums({3})}), M({Nums({1, 2, 3})}), s.op())
                .ToEchoString(),
            "[[1, 2, 3], [2, 4, 6], [3, 6, 9]]");
  EXPECT_EQ(Multiply(a, M({Nums({1, 2, 3}), Nums({4, 5, 6})}), s.op()).ToEchoString(),
            "[[9, 12, 15], [19, 26, 33]]");
  EXPECT_EQ(s.Lines(), "");
}

TEST(ValueMultiply, MatrixTimesMatrixWarnings) {
  Site s;
  Value a = M({Nums({1, 2}), Nums({3, 4})});
  EXPECT_TRUE(Multiply(a, M({Nums({1, 2})}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(M({Nums({1, 2}), Nums({3})}), M({Nums({1}), Nums({2})}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(M({Nums({1, 2}), N(5)}), M({Nums({1}), Nums({2})}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(a, M({Nums({1, 2}), V({N(3), S("a")})}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(M({V({Nums({1})})}), M({Nums({1})}), s.op()).IsUndef());
  EXPECT_EQ(
      s.Lines(),
      W("matrix*matrix requires left operand column count to match right operand row count "
        "(2 != 1)") +
          "\n" +
          W("matrix*matrix left operand row length does not match right operand row count (1 "
            "!= 2) at row 1") +
          "\n" +
          W("matrix*matrix left operand row length does not match right operand row count (0 "
            "!= 2) at row 1") +
          "\n" + "WARNING: Matrix must contain only numbers. Problem at row 1, col 1\n" +
          W("Matrix must contain only numbers. Problem at row 1, col 1\n\twhile processing left "
            "operand at row 0") +
          "\n" + "WARNING: Vector must contain only numbers. Problem at index 0\n" +
          W("Vector must contain only numbers. Problem at index 0\n\twhile processing left "
            "operand at row 0"));
}

TEST(ValueMultiply, FirstProblemMetIsReported) {
  Site s;
  // matrix*vector: row by row (a bad element in row 0 before a short row 1;
  // the matrix element before the vector element of the same column).
  EXPECT_TRUE(Multiply(M({V({N(1), S("a")}), Nums({3})}), Nums({1, 1}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(M({V({N(1), S("a")})}), V({N(1), S("b")}), s.op()).IsUndef());
  // vector*matrix: column by column, per row its shape, the vector
  // element, then the matrix element.
  EXPECT_TRUE(Multiply(V({N(1), S("a")}), M({Nums({1, 2}), Nums({3})}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(V({N(1), S("a")}), M({V({N(1), S("b")}), Nums({3, 4})}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(Nums({1, 2}), M({V({S("b"), N(2)}), Nums({3})}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(Nums({1, 2}), M({Nums({1, 2}), N(3)}), s.op()).IsUndef());
  EXPECT_EQ(s.Lines(),
            W("Matrix must contain only numbers. Problem at row 0, col 1") + "\n" +
                W("Matrix must contain only numbers. Problem at row 0, col 1") + "\n" +
                "WARNING: Matrix must be rectangular. Problem at row 1\n" +
                W("Matrix must be rectangular. Problem at row 1") + "\n" +
                "WARNING: Vector must contain only numbers. Problem at index 1\n" +
                W("Vector must contain only numbers. Problem at index 1") + "\n" +
                "WARNING: Matrix must contain only numbers. Problem at row 0, col 0\n" +
                W("Matrix must contain only numbers. Problem at row 0, col 0") + "\n" +
                "WARNING: Matrix must be rectangular. Problem at row 1\n" +
                W("Matrix must be rectangular. Problem at row 1"));
}

TEST(ValueMultiply, MatrixTimesMatrixChecksLeftRowFirst) {
  Site s;
  // [["a",2],[3,4]] * [["b"],[3]]: the left row's "a" is met first.
  EXPECT_TRUE(Multiply(M({V({S("a"), N(2)}), Nums({3, 4})}), M({V({S("b")}), Nums({3})}), s.op())
                  .IsUndef());
  EXPECT_TRUE(Multiply(M({Nums({1, 2}), S("ab")}), M({Nums({1}), Nums({2})}), s.op()).IsUndef());
  EXPECT_EQ(s.Lines(),
            "WARNING: Vector must contain only numbers. Problem at index 0\n" +
                W("Vector must contain only numbers. Problem at index 0\n\twhile processing left "
                  "operand at row 0") +
                "\n" +
                W("matrix*matrix left operand row length does not match right operand row count "
                  "(0 != 2) at row 1"));
}

TEST(ValueMultiply, EmptyAndOddVectors) {
  Site s;
  EXPECT_TRUE(Multiply(Nums({}), Nums({}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(M({Nums({1, 2})}), Nums({}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(V({S("a")}), Nums({1}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(Nums({1}), V({S("a")}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(V({U()}), V({U()}), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(S("a"), S("b"), s.op()).IsUndef());
  EXPECT_TRUE(Multiply(Nums({1, 2}), B(true), s.op()).IsUndef());
  EXPECT_EQ(s.Lines(),
            W("Multiplication is undefined on empty vectors") + "\n" +
                W("Multiplication is undefined on empty vectors") + "\n" +
                W("undefined vector*vector multiplication where first elements are types string "
                  "and number") +
                "\n" +
                W("undefined vector*vector multiplication where first elements are types number "
                  "and string") +
                "\n" +
                W("undefined vector*vector multiplication where first elements are types "
                  "undefined and undefined") +
                "\n" + W("undefined operation (string * string)") + "\n" +
                W("undefined operation (vector * bool)"));
}

}  // namespace
}  // namespace mos::eval
