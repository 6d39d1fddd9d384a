// NumberLiteralValue (the lexer's number value: a division fast path for
// short literals, strtod for the rest) against strtod, bit for bit, over
// literals of every shape the lexer accepts.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "lang/lexer.h"

namespace mos::lang {
namespace {

bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(NumberLiteral, SameAsStrtod) {
  std::mt19937_64 rng(31);
  int failures = 0;
  for (int i = 0; i < 3000000 && failures < 10; ++i) {
    const int numDigits = 1 + static_cast<int>(rng() % 20);
    std::string digits;
    for (int k = 0; k < numDigits; ++k) {
      // Runs of zeros and nines now and then: carries and trailing zeros.
      const uint64_t r = rng() % 16;
      digits += static_cast<char>(r < 3 ? '0' : r < 6 ? '9' : '0' + static_cast<int>(rng() % 10));
    }
    // Where the point goes: none (D+), after (D+.), before (.D+) or inside.
    const size_t kind = rng() % 4;
    const size_t at = kind == 0 ? std::string::npos
                      : kind == 1 ? digits.size()
                      : kind == 2 ? 0
                                  : rng() % (digits.size() + 1);
    std::string text;
    text.reserve(digits.size() + 8);
    for (size_t k = 0; k <= digits.size(); ++k) {
      if (k == at) text.push_back('.');
      if (k < digits.size()) text.push_back(digits[k]);
    }
    if (rng() % 8 == 0) {
      text.push_back(rng() % 2 ? 'e' : 'E');
      text.append(std::to_string(static_cast<int>(rng() % 60) - 30));
    }
    const double want = std::strtod(text.c_str(), nullptr), got = NumberLiteralValue(text);
    if (!SameBits(want, got)) {
      ++failures;
      ADD_FAILURE() << text << ": strtod " << want << " got " << got;
    }
  }
  EXPECT_EQ(failures, 0);
  for (const char* text : {"0", "0.", ".0", "0.0", "1", "10", "0.1", "0.3", "123456789012345",
                           "1234567890123456", "999999999999999.", ".000000000000001",
                           "0.000000000000000000001", "4503599627370497", "9007199254740993",
                           "1e5", "2.5E-3", "00000000000000000001"})
    EXPECT_TRUE(SameBits(std::strtod(text, nullptr), NumberLiteralValue(text))) << text;
}

}  // namespace
}  // namespace mos::lang
