// Text of values as 2021.01 prints them in echo(), str() and the .csg dump.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "eval/value.h"

namespace mos::eval {

namespace {

// Scientific digits of |d| (finite, nonzero): `digits` significant digits
// and the decimal exponent of the first digit. Exact ties round away from
// zero (2021.01's double-conversion, used by echo/str) or to even
// (`tiesToEven`: C++ streams / printf, used for most .csg parameters).
void RoundToSignificant(double d, int digits, bool tiesToEven, std::string& out,
                        int& exponent) {
  // 17 significant digits are exact enough to round correctly, except when
  // the tail reads exactly 5000...: then look at the exact expansion.
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.16e", d);
  std::string mant;
  const char* p = buf;
  for (; *p && *p != 'e'; ++p) {
    if (*p >= '0' && *p <= '9') mant.push_back(*p);
  }
  exponent = std::atoi(p + 1);
  bool roundUp = mant[digits] > '5';
  if (mant[digits] == '5') {
    bool restZero = true;
    for (size_t i = digits + 1; i < mant.size(); ++i) restZero = restZero && mant[i] == '0';
    bool tie = false;
    if (!restZero) {
      roundUp = true;
    } else {
      // Possibly an exact tie: the exact decimal expansion of a double has at
      // most 767 significant digits.
      std::vector<char> big(1100);
      std::snprintf(big.data(), big.size(), "%.800e", d);
      std::string exact;
      for (const char* q = big.data(); *q && *q != 'e'; ++q) {
        if (*q >= '0' && *q <= '9') exact.push_back(*q);
      }
      const char at = exact.size() > static_cast<size_t>(digits) ? exact[digits] : '0';
      bool beyond = false;  // anything nonzero after that digit
      for (size_t i = digits + 1; i < exact.size(); ++i) beyond = beyond || exact[i] != '0';
      tie = at == '5' && !beyond;
      roundUp = at > '5' || (at == '5' && beyond) || tie;
    }
    if (tie && tiesToEven) roundUp = (mant[digits - 1] - '0') % 2 == 1;
  }
  mant.resize(digits);
  if (roundUp) {
    int i = digits - 1;
    while (i >= 0 && mant[i] == '9') mant[i--] = '0';
    if (i >= 0) {
      ++mant[i];
    } else {
      mant.insert(mant.begin(), '1');
      mant.pop_back();
      ++exponent;
    }
  }
  out = mant;
}

}  // namespace

// Integers of at most six digits print as themselves in both styles (the
// common case: loop indices, sizes); no rounding needed.
static bool SmallInteger(double d, std::string& out) {
  if (!(std::fabs(d) < 1000000.0) || d != std::trunc(d) || d == 0) return false;
  out = std::to_string(static_cast<long>(d));
  return true;
}

// Lays out rounded significant digits (trailing zeros removed) with their
// decimal exponent: scientific below `sciBelow` or from 6 up, else fixed.
// `minExpDigits`: echo style prints e-7, stream (printf) style e-07.
static std::string LayOutDigits(bool negative, const std::string& digits, int exponent,
                                int sciBelow, int minExpDigits) {
  std::string out = negative ? "-" : "";
  if (exponent < sciBelow || exponent >= 6) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out.append(digits, 1, std::string::npos);
    }
    out += exponent < 0 ? "e-" : "e+";
    const std::string e = std::to_string(exponent < 0 ? -exponent : exponent);
    if (static_cast<int>(e.size()) < minExpDigits) out.append(minExpDigits - e.size(), '0');
    out += e;
  } else if (exponent < 0) {
    out += "0.";
    out.append(static_cast<size_t>(-exponent - 1), '0');
    out += digits;
  } else {
    const size_t intDigits = static_cast<size_t>(exponent) + 1;
    if (digits.size() <= intDigits) {
      out += digits;
      out.append(intDigits - digits.size(), '0');
    } else {
      out.append(digits, 0, intDigits);
      out += '.';
      out.append(digits, intDigits, std::string::npos);
    }
  }
  return out;
}

std::string FormatNumber(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  if (d == 0) return "0";  // also -0
  std::string small;
  if (SmallInteger(d, small)) return small;
  std::string digits;
  int exponent = 0;
  RoundToSignificant(std::fabs(d), 6, false, digits, exponent);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  return LayOutDigits(d < 0, digits, exponent, -5, 1);
}

std::string FormatNumberStream(double d) {
  if (std::isnan(d)) return std::signbit(d) ? "-nan" : "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  if (d == 0) return std::signbit(d) ? "-0" : "0";
  std::string small;
  if (SmallInteger(d, small)) return small;
  std::string digits;
  int exponent = 0;
  RoundToSignificant(std::fabs(d), 6, true, digits, exponent);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  return LayOutDigits(d < 0, digits, exponent, -4, 2);
}

namespace {

void AppendValue(std::string& out, const Value& v, bool quoteStrings, int depth) {
  switch (v.type()) {
    case Value::Type::Undef: out += "undef"; return;
    case Value::Type::Bool: out += v.AsBool() ? "true" : "false"; return;
    case Value::Type::Number: out += FormatNumber(v.AsNumber()); return;
    case Value::Type::String:
      if (quoteStrings) {
        out += '"';
        out += v.AsString();
        out += '"';
      } else {
        out += v.AsString();
      }
      return;
    case Value::Type::Vector: {
      if (depth >= kMaxValueNesting) {
        out += "[...]";
        return;
      }
      out += '[';
      bool first = true;
      for (const Value& e : v.AsVector()) {
        if (!first) out += ", ";
        first = false;
        // Strings inside vectors are always quoted, also in str().
        AppendValue(out, e, true, depth + 1);
      }
      out += ']';
      return;
    }
    case Value::Type::Range: {
      const RangeValue& r = v.AsRange();
      out += '[';
      out += FormatNumber(r.begin);
      out += " : ";
      out += FormatNumber(r.step);
      out += " : ";
      out += FormatNumber(r.end);
      out += ']';
      return;
    }
    case Value::Type::Function:
      if (v.AsFunction().literal) out += FormatFunctionLiteral(*v.AsFunction().literal);
      return;
  }
}

}  // namespace

std::string Value::ToEchoString() const {
  std::string out;
  AppendValue(out, *this, true, 0);
  return out;
}

std::string Value::ToStrString() const {
  std::string out;
  AppendValue(out, *this, false, 0);
  return out;
}

}  // namespace mos::eval
