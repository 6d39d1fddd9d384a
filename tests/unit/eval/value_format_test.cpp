// Number and value formatting; expected strings taken from openscad 2021.01
// output (echo() and str()).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "eval/value.h"

namespace mos::eval {
namespace {

TEST(FormatNumber, SixSignificantDigits) {
  EXPECT_EQ(FormatNumber(1.0 / 3), "0.333333");
  EXPECT_EQ(FormatNumber(0.1 + 0.2), "0.3");
  EXPECT_EQ(FormatNumber(123456), "123456");
  EXPECT_EQ(FormatNumber(123456.5), "123457");
  EXPECT_EQ(FormatNumber(999999.4), "999999");
  EXPECT_EQ(FormatNumber(12345.678), "12345.7");
  EXPECT_EQ(FormatNumber(99999.95), "99999.9");
  EXPECT_EQ(FormatNumber(0.1234565), "0.123456");
  EXPECT_EQ(FormatNumber(1.0000005), "1");
  EXPECT_EQ(FormatNumber(3.0), "3");
  EXPECT_EQ(FormatNumber(-2.5), "-2.5");
}

TEST(FormatNumber, ExponentForms) {
  EXPECT_EQ(FormatNumber(1e-7), "1e-7");
  EXPECT_EQ(FormatNumber(123456789), "1.23457e+8");
  EXPECT_EQ(FormatNumber(1e21), "1e+21");
  EXPECT_EQ(FormatNumber(std::pow(2.0, 53)), "9.0072e+15");
  EXPECT_EQ(FormatNumber(1e20), "1e+20");
  EXPECT_EQ(FormatNumber(1e-5), "0.00001");
  EXPECT_EQ(FormatNumber(1e-6), "1e-6");
  EXPECT_EQ(FormatNumber(0.0001), "0.0001");
  EXPECT_EQ(FormatNumber(1234567), "1.23457e+6");
  EXPECT_EQ(FormatNumber(100000), "100000");
  EXPECT_EQ(FormatNumber(1000000), "1e+6");
  EXPECT_EQ(FormatNumber(999999.5), "1e+6");
  EXPECT_EQ(FormatNumber(1e15), "1e+15");
  EXPECT_EQ(FormatNumber(0.000012345678), "0.0000123457");
  EXPECT_EQ(FormatNumber(1e-300), "1e-300");
  EXPECT_EQ(FormatNumber(5e-324), "4.94066e-324");
  EXPECT_EQ(FormatNumber(1.7976931348623157e308), "1.79769e+308");
  EXPECT_EQ(FormatNumber(1e100), "1e+100");
  EXPECT_EQ(FormatNumber(2.5e-6), "2.5e-6");
  EXPECT_EQ(FormatNumber(-1.5e-7), "-1.5e-7");
  EXPECT_EQ(FormatNumber(0.00000999999), "9.99999e-6");
  EXPECT_EQ(FormatNumber(0.000009999995), "0.00001");
  EXPECT_EQ(FormatNumber(-1e-320), "-9.99989e-321");
}

TEST(FormatNumber, TiesRoundAwayFromZero) {
  // 1234565 is exact in binary; 2021.01 prints 1.23457e+6 (printf would
  // round the tie to even).
  EXPECT_EQ(FormatNumber(1234565), "1.23457e+6");
}

TEST(FormatNumber, SpecialValues) {
  EXPECT_EQ(FormatNumber(0.0), "0");
  EXPECT_EQ(FormatNumber(-0.0), "0");
  EXPECT_EQ(FormatNumber(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(FormatNumber(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(FormatNumber(std::nan("")), "nan");
  EXPECT_EQ(FormatNumber(-std::nan("")), "nan");
}

}  // namespace
}  // namespace mos::eval
