#include "io/number_format_g6.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#if defined(__x86_64__) && defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mos::io {
namespace {

// 10^0 .. 10^22: every one is exact in a double.
constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                             1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                             1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// 10^k for k = -17 .. 23, each the double nearest to it (10^-k is exact,
// so 1 / 10^-k is correctly rounded; 1e23 is the nearest double): the
// decade bounds of Decompose's first guess.
constexpr int kPow10FromMin = -17;
struct Pow10Table {
  double value[41];
};
constexpr Pow10Table MakePow10From() {
  Pow10Table t{};
  for (int k = kPow10FromMin; k <= 23; ++k)
    t.value[k - kPow10FromMin] = k < 0 ? 1.0 / kPow10[-k] : k <= 22 ? kPow10[k] : 1e23;
  return t;
}
constexpr Pow10Table kPow10Table = MakePow10From();
constexpr const double* kPow10From = kPow10Table.value;

// |v| = digits x 10^(exp10 - 5) after rounding to 6 significant digits,
// 100000 <= digits <= 999999. False when double arithmetic cannot decide the
// rounding exactly (near a tie, or a scale factor that is not exact).
// (Decompose, Compose and Print are inlined into their callers: called once
// per number written, their call overhead was a fifth of the cost.)
[[gnu::always_inline]] inline bool Decompose(double a, int64_t& digits, int& exp10) {
  if (!(a >= 1e-17 && a < 1e22)) return false;
  // floor(log10(2^ilogb)) is the decade exponent or one below it (the loop
  // moves up): much cheaper than log10. a is normal here, so ilogb is the
  // biased exponent field minus 1023 (read from the bits: no library call).
  uint64_t bits;
  std::memcpy(&bits, &a, sizeof bits);
  const int binaryExp = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
  // floor(b log10 2) as (b * 78913) >> 18, exact for |b| < 1650 (an
  // arithmetic shift floors negatives too); then one step up when a is at
  // least the next power of ten (the nearest double to it: a miss at the
  // boundary is caught by the loop, which checks the scaled value).
  int e = (binaryExp * 78913) >> 18;
  if (a >= kPow10From[e + 1 - kPow10FromMin]) ++e;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const int shift = 5 - e;  // scaled = a x 10^shift, in [1e5, 1e6) when e is right
    if (shift > 22 || shift < -22) return false;
    // One correctly rounded operation on exact operands: relative error
    // <= 2^-53, so an absolute error below 1.2e-10 for scaled < 1e6.
    const double scaled = shift >= 0 ? a * kPow10[shift] : a / kPow10[-shift];
    if (scaled < 100000) {
      --e;
      continue;
    }
    if (scaled >= 1000000) {
      ++e;
      continue;
    }
    const int64_t whole = static_cast<int64_t>(scaled);  // floor: scaled > 0
    const double frac = scaled - static_cast<double>(whole);  // exact (Sterbenz)
    if (std::fabs(frac - 0.5) < 1e-6) return false;  // too near a tie
    int64_t d = whole + (frac > 0.5 ? 1 : 0);
    if (d >= 1000000) {  // 999999.5.. rounds up to the next decade
      d = 100000;
      ++e;
    }
    digits = d;
    exp10 = e;
    return true;
  }
  return false;
}

// digits x 10^(e-5) as strtod reads the printed text: both operands exact,
// so one correctly rounded operation gives the nearest double. False when
// the power of ten is not exact.
[[gnu::always_inline]] inline bool Compose(int64_t digits, int e, bool negative, double& out) {
  const int k = e - 5;
  if (k < -22 || k > 22) return false;
  const double r = k >= 0 ? static_cast<double>(digits) * kPow10[k]
                          : static_cast<double>(digits) / kPow10[-k];
  out = negative ? -r : r;
  return true;
}

std::size_t Fallback(double v, char* out) {
  char buf[kG6BufferSize + 8];
  const int n = std::snprintf(buf, sizeof buf, "%g", v);
  const std::size_t len = n > 0 ? static_cast<std::size_t>(n) : 0;
  std::memcpy(out, buf, len);
  return len;
}

double Parse(const char* text, std::size_t n) {
  char buf[kG6BufferSize + 1];
  std::memcpy(buf, text, n);
  buf[n] = '\0';
  return std::strtod(buf, nullptr);
}

// "000" .. "999" (each padded to 4 bytes for one 4-byte copy) and the
// number of trailing zero digits of each (3 for 0).
struct DigitTables {
  char triple[1000][4];
  unsigned char trailingZeros[1000];
};
constexpr DigitTables MakeDigitTables() {
  DigitTables t{};
  for (int i = 0; i < 1000; ++i) {
    t.triple[i][0] = static_cast<char>('0' + i / 100);
    t.triple[i][1] = static_cast<char>('0' + i / 10 % 10);
    t.triple[i][2] = static_cast<char>('0' + i % 10);
    t.triple[i][3] = '0';
    t.trailingZeros[i] = i == 0 ? 3 : i % 100 == 0 ? 2 : i % 10 == 0 ? 1 : 0;
  }
  return t;
}
constexpr DigitTables kDigits = MakeDigitTables();

// Writes fixed 8-byte blocks (no loops, no memcpy calls): up to 16 bytes
// past `out` may be written as scratch beyond the returned length.
[[gnu::always_inline]] inline std::size_t Print(bool negative, int64_t digits, int e, char* out) {
  char d[16];  // the six digits, then padding the block copies may read
  std::memcpy(d + 8, "00000000", 8);
  // The six digits as two groups of three (100 <= hi <= 999).
  const uint32_t six = static_cast<uint32_t>(digits);  // 100000 .. 999999
  const uint32_t hi = six / 1000, lo = six - hi * 1000;
  std::memcpy(d, kDigits.triple[hi], 4);
  std::memcpy(d + 3, kDigits.triple[lo], 4);
  d[7] = '0';
  // Last significant digit kept (%g strips trailing zeros; hi has at most
  // two, so at least the first digit stays).
  const int last = 5 - (lo == 0 ? 3 + kDigits.trailingZeros[hi] : kDigits.trailingZeros[lo]);
  char* p = out;
  *p = '-';
  p += negative ? 1 : 0;
  if (e >= -4 && e < 6) {  // fixed notation
    if (e >= 0) {
      std::memcpy(p, d, 8);  // the integer digits d[0..e]
      p += e + 1;
      if (last > e) {
        *p = '.';
        std::memcpy(p + 1, d + e + 1, 8);  // the fraction digits d[e+1..last]
        p += 1 + last - e;
      }
    } else {
      std::memcpy(p, "0.000000", 8);  // "0." and -e-1 zeros
      p += 1 - e;
      std::memcpy(p, d, 8);
      p += last + 1;
    }
  } else {  // exponent notation: d.ddddde+XX
    *p++ = d[0];
    if (last > 0) {
      *p = '.';
      std::memcpy(p + 1, d + 1, 8);
      p += 1 + last;
    }
    *p++ = 'e';
    *p++ = e < 0 ? '-' : '+';
    int ae = e < 0 ? -e : e;
    if (ae >= 100) *p++ = static_cast<char>('0' + ae / 100), ae %= 100;
    *p++ = static_cast<char>('0' + ae / 10);
    *p++ = static_cast<char>('0' + ae % 10);
  }
  return static_cast<std::size_t>(p - out);
}

// x rounded to the nearest integer (ties to even), for 0 <= x < 2^62: one
// conversion in the default rounding mode (nothing in mos changes it).
[[gnu::always_inline]] inline int64_t NearestInt(double x) {
#if defined(__x86_64__) && defined(__SSE2__)
  return _mm_cvtsd_si64(_mm_set_sd(x));
#else
  return static_cast<int64_t>(std::nearbyint(x));
#endif
}

// %g of a number with 1e-4 <= |v| < 1e6 (fixed notation, the size of most
// mesh coordinates and normal components), and with `rounded` set also its
// read-back value; 0 (nothing written that counts) for any other v, a near
// tie, or digits that round up to the next decade: the general path prints
// those. The decade by a few compares (no exponent bits, no table; ordered
// for a unit normal's components, mostly in [0.1, 1], when kNormal), then
// the same exact scaling, tie test, rounding and read-back as Decompose and
// Compose; the six digits as one little-endian word.
template <bool kNormal>
[[gnu::always_inline]] inline std::size_t FormatFixed(double v, char* out, double* rounded) {
  if constexpr (std::endian::native != std::endian::little) return 0;
  const double a = std::fabs(v);
  int e;
  double scale;  // 10^(5-e)
  if constexpr (kNormal) {
    if (a >= 0.1) {
      if (a >= 1) {
        if (!(a < 10)) return 0;  // and infinity; a normal's 1e1.. are rare
        e = 0, scale = 1e5;
      } else {
        e = -1, scale = 1e6;
      }
    } else if (a >= 0.01) {
      e = -2, scale = 1e7;
    } else if (a >= 0.0001) {
      if (a >= 0.001) e = -3, scale = 1e8;
      else e = -4, scale = 1e9;
    } else {
      return 0;  // and zero, NaN
    }
  } else if (a >= 1) {
    if (a >= 100) {
      if (a >= 10000) {
        if (!(a < 1000000)) return 0;  // and infinity
        if (a >= 100000) e = 5, scale = 1;
        else e = 4, scale = 10;
      } else {
        if (a >= 1000) e = 3, scale = 100;
        else e = 2, scale = 1000;
      }
    } else {
      if (a >= 10) e = 1, scale = 10000;
      else e = 0, scale = 1e5;
    }
  } else if (a >= 0.01) {
    if (a >= 0.1) e = -1, scale = 1e6;
    else e = -2, scale = 1e7;
  } else if (a >= 0.0001) {
    if (a >= 0.001) e = -3, scale = 1e8;
    else e = -4, scale = 1e9;
  } else {
    return 0;  // and zero, NaN
  }
  // scaled >= 1e5: each decade bound above is 10^e itself (e >= 0) or the
  // double nearest 10^e, which lies above it (e < 0), so a x 10^(5-e) >= 1e5
  // before rounding; scaled < 1e7 (a product that rounds up to the next
  // decade ends as d >= 1e6 below).
  const double scaled = a * scale;
  // Rounded to nearest (the same digits as rounding the fraction half up:
  // the two differ only at .5, a tie); the remainder is exact (Sterbenz:
  // scaled >= 1e5), and so is 0.5 - |remainder|, which is |frac - 0.5| of
  // the fraction above the floor: the same near-tie test as Decompose's.
  const int64_t d = NearestInt(scaled);
  const double remainder = scaled - static_cast<double>(d);
  if (0.5 - std::fabs(remainder) < 1e-6) return 0;
  if (d >= 1000000) return 0;
  if (rounded) {  // Compose: digits x 10^(e-5), one correctly rounded division
    const double r = static_cast<double>(d) / scale;
    *rounded = v < 0 ? -r : r;
  }
  // The six digits as one little-endian word (bytes 0-5; byte 6 is '0',
  // byte 7 zero); the last significant digit is its highest byte that is
  // not '0' (the first digit never is).
  const uint32_t six = static_cast<uint32_t>(d);  // 100000 .. 999999
  const uint32_t hi = six / 1000, lo = six - hi * 1000;
  uint32_t hiText, loText;
  std::memcpy(&hiText, kDigits.triple[hi], 4);
  std::memcpy(&loText, kDigits.triple[lo], 4);
  const uint64_t word = (hiText & 0xffffffu) | static_cast<uint64_t>(loText) << 24;
  const uint64_t nonZero = (word ^ 0x303030303030ull) & 0xffffffffffffull;
  const int last = (63 - std::countl_zero(nonZero)) >> 3;  // 0 .. 5
  char* p = out;
  *p = '-';
  p += v < 0 ? 1 : 0;
  if (e >= 0) {  // the integer digits 0..e, then "." and digits e+1..last if any
    std::memcpy(p, &word, 8);
    p[e + 1] = '.';
    const uint64_t fraction = word >> (8 * (e + 1));
    std::memcpy(p + e + 2, &fraction, 8);
    p += last > e ? last + 2 : e + 1;
  } else {  // "0." and -e-1 zeros, then the digits 0..last
    std::memcpy(p, "0.000000", 8);
    p += 1 - e;
    std::memcpy(p, &word, 8);
    p += last + 1;
  }
  return static_cast<std::size_t>(p - out);
}

// FormatG6 with zeros and FormatFixed's numbers inline (FormatG6Vec3's parts).
[[gnu::always_inline]] inline std::size_t FormatG6Inline(double v, char* out) {
  if (const std::size_t n = FormatFixed<true>(v, out, nullptr)) return n;
  if (v == 0) {
    const std::size_t n = std::signbit(v) ? 1 : 0;
    out[0] = '-';
    out[n] = '0';
    return n + 1;
  }
  return FormatG6(v, out);
}

}  // namespace

std::size_t FormatG6Rounded(double v, char* out, double& rounded) {
  if (const std::size_t n = FormatFixed<false>(v, out, &rounded)) return n;
  if (v == 0) {
    rounded = v;
    if (std::signbit(v)) {
      out[0] = '-', out[1] = '0';
      return 2;
    }
    out[0] = '0';
    return 1;
  }
  if (!std::isfinite(v)) {
    rounded = v;
    return Fallback(v, out);
  }
  int64_t digits;
  int e;
  if (!Decompose(std::fabs(v), digits, e)) {
    const std::size_t n = Fallback(v, out);
    rounded = Parse(out, n);
    return n;
  }
  const std::size_t n = Print(v < 0, digits, e, out);
  if (!Compose(digits, e, v < 0, rounded)) rounded = Parse(out, n);
  return n;
}

std::size_t FormatG6(double v, char* out) {
  if (const std::size_t n = FormatFixed<false>(v, out, nullptr)) return n;
  if (v == 0) {
    double ignored;
    return FormatG6Rounded(v, out, ignored);
  }
  // Infinities and NaNs fail Decompose's range test: snprintf prints them,
  // as FormatG6Rounded does.

  int64_t digits;
  int e;
  if (!Decompose(std::fabs(v), digits, e)) return Fallback(v, out);
  return Print(v < 0, digits, e, out);
}

std::size_t FormatG6Vec3(double x, double y, double z, char* out) {
  std::size_t n = FormatG6Inline(x, out);
  out[n++] = ' ';
  n += FormatG6Inline(y, out + n);
  out[n++] = ' ';
  return n + FormatG6Inline(z, out + n);
}

double RoundG6(double v) {
  char buf[kG6BufferSize];
  double rounded;
  FormatG6Rounded(v, buf, rounded);
  return rounded;
}

}  // namespace mos::io
