// FormatG6/RoundG6 against snprintf("%g") and strtod on millions of doubles:
// random bit patterns, random values at mesh-like scales, and values placed
// exactly on or next to 6-digit rounding ties and decade boundaries.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "io/export_mesh.h"
#include "io/number_format_g6.h"

namespace mos::io {
namespace {

std::string Printf(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string Fast(double v) {
  char buf[kG6BufferSize];
  return std::string(buf, FormatG6(v, buf));
}

// Counts mismatches (reporting the first few) so one test covers millions.
struct Checker {
  int failures = 0;
  void Check(double v) {
    const std::string want = Printf(v), got = Fast(v);
    const double wantBack = std::strtod(want.c_str(), nullptr), gotBack = RoundG6(v);
    const bool sameBack = std::memcmp(&wantBack, &gotBack, sizeof(double)) == 0 ||
                          (std::isnan(wantBack) && std::isnan(gotBack));
    if (want != got || !sameBack) {
      if (++failures <= 10)
        ADD_FAILURE() << "v=" << Printf(v) << " (%.17g " << v << ") want " << want << " got "
                      << got << " back " << wantBack << " vs " << gotBack;
    }
  }
};

TEST(NumberFormatG6, SpecialValues) {
  Checker c;
  const double inf = std::numeric_limits<double>::infinity();
  for (double v : {0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 1e-5, 1e-4, 9.999995e-5, 99999.95, 999999.5,
                   999999.4, 999999.6, 1e6, 1e22, 1e23, 1e-17, 1e-18, 5e-324, 1.7976931348623157e308,
                   inf, -inf, 0.433013, 1234567.0, 123456.5, 123457.5, 0.0001234565, 2.5, 1e21})
    c.Check(v);
  EXPECT_EQ(c.failures, 0);
  EXPECT_EQ(Fast(-0.0), "-0");
  EXPECT_EQ(Fast(1234567.0), "1.23457e+06");
  EXPECT_EQ(Fast(0.4330127), "0.433013");
  EXPECT_EQ(FormatNumber(-2.5e-7), "-2.5e-07");
  EXPECT_EQ(Fast(std::nan("")), Printf(std::nan("")));
}

TEST(NumberFormatG6, RandomBitPatterns) {
  std::mt19937_64 rng(12345);
  Checker c;
  for (int i = 0; i < 1000000; ++i) {
    const uint64_t bits = rng();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    c.Check(v);
  }
  EXPECT_EQ(c.failures, 0);
}

TEST(NumberFormatG6, RandomMeshScaleValues) {
  std::mt19937_64 rng(777);
  std::uniform_real_distribution<double> mantissa(-1, 1);
  std::uniform_int_distribution<int> exponent(-12, 12);
  Checker c;
  for (int i = 0; i < 2000000; ++i) c.Check(mantissa(rng) * std::pow(10.0, exponent(rng)));
  // Results of trigonometry as tessellation makes them.
  for (int i = 0; i < 1000000; ++i) c.Check(10 * std::cos(i * 0.001) + std::sin(i * 0.37));
  EXPECT_EQ(c.failures, 0);
}

TEST(NumberFormatG6, TiesAndNeighbours) {
  std::mt19937_64 rng(99);
  std::uniform_int_distribution<int> digits(100000, 999999);
  std::uniform_int_distribution<int> exponent(-25, 25);
  Checker c;
  for (int i = 0; i < 500000; ++i) {
    // d.ddddd5 x 10^k: a decimal tie, whose nearest double lies just above
    // or below it, and the doubles next to that one.
    const double tie = (digits(rng) * 10 + 5) * std::pow(10.0, exponent(rng) - 6);
    c.Check(tie);
    c.Check(std::nextafter(tie, 0.0));
    c.Check(std::nextafter(tie, 1e300));
    c.Check(-tie);
  }
  // Exactly representable ties (small integers + .5, binary fractions).
  for (int i = 100000; i < 1000000; i += 7) {
    c.Check(i + 0.5);
    c.Check((i + 0.5) / 1024);
    c.Check(std::nextafter(i + 0.5, 0.0));
  }
  EXPECT_EQ(c.failures, 0);
}

// Every six-digit pattern (the digits are copied from a table of three-digit
// groups and the trailing zeros counted from a table), in fixed notation
// with and without leading zeros and in exponent notation of both signs;
// each value is d x 10^k correctly rounded, so it prints as d.
TEST(NumberFormatG6, EverySixDigitPattern) {
  Checker c;
  const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10};
  for (int d = 100000; d <= 999999; ++d)
    for (int k : {-10, -6, -3, 2}) {
      const double v = k >= 0 ? d * pow10[k] : d / pow10[-k];
      c.Check(d % 3 == 0 ? -v : v);
    }
  EXPECT_EQ(c.failures, 0);
}

// Every power of ten and its two neighbouring doubles: the decade guess
// compares with the nearest double to 10^k, which may lie on either side.
TEST(NumberFormatG6, PowersOfTenAndNeighbours) {
  Checker c;
  for (int k = -30; k <= 30; ++k) {
    const double p = std::pow(10.0, k);
    for (double v : {p, std::nextafter(p, 0.0), std::nextafter(p, 1e300),
                     std::nextafter(std::nextafter(p, 0.0), 0.0)}) {
      c.Check(v);
      c.Check(-v);
      c.Check(v * 0.9999995);
      c.Check(v * 0.99999949999);
    }
  }
  EXPECT_EQ(c.failures, 0);
}

}  // namespace
}  // namespace mos::io

namespace mos::io {
namespace {

// FormatG6Vec3 (inline for 1e-4 <= |v| < 1e6, the shortcut FormatG6 and
// FormatG6Rounded now also take) against three FormatG6 texts and
// snprintf("%g %g %g"), RoundG6 against strtod: unit normals, uniform values,
// every decade bound of the shortcut with its neighbours, decimal ties and
// their neighbours in each decade, and the values it hands to FormatG6.
struct Vec3Checker {
  int failures = 0;
  void Check(double x, double y, double z) {
    char want[3 * 64];
    std::snprintf(want, sizeof want, "%g %g %g", x, y, z);
    char parts[3][kG6BufferSize];
    const std::string joined = std::string(parts[0], FormatG6(x, parts[0])) + " " +
                               std::string(parts[1], FormatG6(y, parts[1])) + " " +
                               std::string(parts[2], FormatG6(z, parts[2]));
    char buf[3 * kG6BufferSize];
    const std::string got(buf, FormatG6Vec3(x, y, z, buf));
    if (got != want || got != joined) {
      if (++failures <= 10)
        ADD_FAILURE() << "%.17g: " << Printf(x) << " " << Printf(y) << " " << Printf(z)
                      << " want " << want << " got " << got;
    }
  }
  void Check(double v) {
    Check(v, -v, v * 0.5);
    char text[64];
    std::snprintf(text, sizeof text, "%g", v);
    const double want = std::strtod(text, nullptr), got = RoundG6(v);
    if (std::memcmp(&want, &got, sizeof want) != 0 && !(std::isnan(want) && std::isnan(got)))
      if (++failures <= 10) ADD_FAILURE() << "RoundG6(" << text << ") " << got;
  }
};

TEST(NumberFormatG6Vec3, SameAsFormatG6) {
  Vec3Checker c;
  const double inf = std::numeric_limits<double>::infinity();
  for (double v : {0.0, -0.0, 1.0, -1.0, 10.0, 9.999995, 9.9999949999, 0.1, 0.01, 0.001, 1e-4,
                   1e-5, 9.9999e-5, 0.99999949999, 0.9999995, 0.09999995, inf, -inf, std::nan(""),
                   1e300, 5e-324, 0.5, 0.25, 0.125})
    c.Check(v);
  std::mt19937_64 rng(4242);
  // Unit normals of random directions (some components tiny or zero).
  std::normal_distribution<double> gauss;
  for (int i = 0; i < 2000000; ++i) {
    double x = gauss(rng), y = gauss(rng), z = gauss(rng);
    if (i % 7 == 0) x = 0;
    if (i % 11 == 0) y *= 1e-4;
    const double len = std::sqrt(x * x + y * y + z * z);
    c.Check(x / len, y / len, z / len);
  }
  std::uniform_real_distribution<double> uniform(-10, 10), wide(-2e6, 2e6);
  for (int i = 0; i < 1000000; ++i) c.Check(uniform(rng), uniform(rng), uniform(rng));
  for (int i = 0; i < 500000; ++i) c.Check(wide(rng));
  // Each decade of the shortcut: uniform values, decimal ties d.ddddd5 x
  // 10^k and their neighbours.
  std::uniform_real_distribution<double> unit(1, 10);
  std::uniform_int_distribution<int> digits(100000, 999999);
  const double pow10[] = {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1e0,
                          1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7};
  for (int k = -6; k <= 7; ++k) {
    for (int i = 0; i < 100000; ++i) c.Check(unit(rng) * pow10[k + 6]);
    for (int i = 0; i < 150000; ++i) {
      const double tie = (digits(rng) * 10 + 5) * (pow10[k + 6] * 1e-6);
      c.Check(tie, std::nextafter(tie, 0.0), std::nextafter(tie, 1e300));
    }
    // The decade bound and the doubles around it, and values just below a
    // decade that round up into it.
    double p = pow10[k + 6];
    for (int j = 0; j < 50; ++j) p = std::nextafter(p, 0.0);
    for (int j = 0; j < 100; ++j, p = std::nextafter(p, 1e300)) c.Check(p);
    for (double f : {0.9999995, 0.99999949999, 0.99999950001, 0.999999, 0.9999999})
      c.Check(pow10[k + 6] * f);
  }
  // Exactly representable ties (binary fractions with 7 significant digits).
  for (int i = 1000000; i < 10000000; i += 37) {
    c.Check(i / 1048576.0);
    c.Check(std::nextafter(i / 1048576.0, 0.0));
    c.Check(i / 16.0);
  }
  EXPECT_EQ(c.failures, 0);
}

}  // namespace
}  // namespace mos::io
