// Numeric builtins of 2021.01: abs sign rands min max floor ceil round pow
// sqrt exp ln log, with 2021.01's warnings for wrong argument counts/types.
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <string>

#include "eval/builtin_functions_internal.h"

namespace mos::eval::builtins {

namespace {

// f(x) for exactly one number argument.
template <double (*F)(double)>
Value Unary(const BuiltinCall& call) {
  if (call.args.size() != 1) return WrongCount(call);
  const Value& x = call.args[0].value;
  if (!x.IsNumber()) return NotConverted(call);
  return Value::Number(F(x.AsNumber()));
}

double Abs(double x) { return std::fabs(x); }
double Sign(double x) { return x < 0 ? -1.0 : (x > 0 ? 1.0 : 0.0); }
double Floor(double x) { return std::floor(x); }
double Ceil(double x) { return std::ceil(x); }
double Round(double x) { return std::round(x); }  // halves away from zero
double Sqrt(double x) { return std::sqrt(x); }
double Exp(double x) { return std::exp(x); }
double Ln(double x) { return std::log(x); }

Value Pow(const BuiltinCall& call) {
  if (call.args.size() != 2) return WrongCount(call);
  const Value& b = call.args[0].value;
  const Value& e = call.args[1].value;
  if (!b.IsNumber() || !e.IsNumber()) return NotConverted(call);
  return Value::Number(std::pow(b.AsNumber(), e.AsNumber()));
}

// log(x) is log10; log(b, x) the logarithm of x to base b.
Value Log(const BuiltinCall& call) {
  if (call.args.size() != 1 && call.args.size() != 2) return WrongCount(call);
  for (const CallArgument& a : call.args) {
    if (!a.value.IsNumber()) return NotConverted(call);
  }
  if (call.args.size() == 1) return Value::Number(std::log10(call.args[0].value.AsNumber()));
  return Value::Number(std::log(call.args[1].value.AsNumber()) /
                       std::log(call.args[0].value.AsNumber()));
}

// min/max: several numbers, or one vector whose elements are compared with
// `<` (non-numbers mixed in are passed over, as 2021.01 does).
template <bool IsMax>
Value MinMax(const BuiltinCall& call) {
  const auto& args = call.args;
  if (args.empty()) return WrongCount(call);
  if (args.size() == 1 && args[0].value.IsVector()) {
    const ValueVector& v = args[0].value.AsVector();
    if (v.empty()) return NotConverted(call);
    Value best = v[0];
    for (size_t i = 1; i < v.size(); ++i) {
      Value better = IsMax ? Greater(v[i], best) : Less(v[i], best);
      if (better.IsBool() && better.AsBool()) best = v[i];
    }
    return best;
  }
  if (!args[0].value.IsNumber()) return NotConverted(call);
  double best = args[0].value.AsNumber();
  for (size_t i = 1; i < args.size(); ++i) {
    if (!args[i].value.IsNumber()) return NotConverted(call);
    const double x = args[i].value.AsNumber();
    if (IsMax ? x > best : x < best) best = x;
  }
  return Value::Number(best);
}

// rands(min, max, count[, seed]): std::mt19937 with libstdc++'s
// uniform_real_distribution (two 32-bit draws per double), written out so
// every standard library gives 2021.01's numbers.
double Canonical(std::mt19937& rng) {
  const double low = static_cast<double>(rng());
  const double high = static_cast<double>(rng());
  double r = (low + high * 4294967296.0) / 18446744073709551616.0;
  if (r >= 1.0) r = std::nextafter(1.0, 0.0);
  return r;
}

// 2021.01 seeds the generator with a hash of the seed number: the number's
// exact rational value modulo the prime 2^31 - 1 (sign kept, then taken
// modulo 2^32), inf -> 314159, -inf -> -314159, nan -> 0. Checked against
// 2021.01 for integers (0, 1, 42, -1, -2, 2^31 +- 1, 2^32 + k, 2^33, 1e10),
// fractions (0.5, 1.5, -1.5, 1.7, 2.5, 123.456, 1e-300) and inf/nan.
uint32_t SeedFrom(double s) {
  if (std::isnan(s)) return 0;
  const bool negative = s < 0;
  uint64_t hash = 314159;
  if (!std::isinf(s)) {
    constexpr uint64_t kPrime = 2147483647;  // 2^31 - 1, so 2^31 = 1 (mod p)
    int exponent = 0;
    const double mantissa = std::frexp(std::fabs(s), &exponent);  // in [0.5, 1)
    const auto digits = static_cast<uint64_t>(std::ldexp(mantissa, 53));
    const int shift = (((exponent - 53) % 31) + 31) % 31;  // 2^(e-53) = 2^shift (mod p)
    hash = ((digits % kPrime) << shift) % kPrime;
  }
  return negative ? static_cast<uint32_t>(0u - static_cast<uint32_t>(hash))
                  : static_cast<uint32_t>(hash);
}

std::mt19937& UnseededGenerator() {
  static thread_local std::mt19937 rng(std::random_device{}());
  return rng;
}

// More results than this are refused (2021.01 has no limit; a count of
// 1e12 must not exhaust memory here).
constexpr double kMaxRandomCount = 10000000;

std::string HalfMaxText(bool negative) {
  char buf[400];
  std::snprintf(buf, sizeof buf, "resetting to %f", negative ? -DBL_MAX / 2 : DBL_MAX / 2);
  return buf;
}

Value Rands(const BuiltinCall& call) {
  const auto& args = call.args;
  if (args.size() != 3 && args.size() != 4) return WrongCount(call);
  for (const CallArgument& a : args) {
    if (!a.value.IsNumber()) return Value();
  }
  double low = args[0].value.AsNumber();
  double high = args[1].value.AsNumber();
  if (!std::isfinite(low)) {
    Warn(call, "rands() range min cannot be infinite");
    low = -DBL_MAX / 2;
    WarnNoLocation(call, HalfMaxText(true));
  }
  if (!std::isfinite(high)) {
    Warn(call, "rands() range max cannot be infinite");
    high = DBL_MAX / 2;
    WarnNoLocation(call, HalfMaxText(false));
  }
  if (high < low) std::swap(low, high);
  double count = std::fabs(args[2].value.AsNumber());
  if (!std::isfinite(count)) {
    Warn(call, "rands() cannot create an infinite number of results");
    WarnNoLocation(call, "resetting number of results to 1");
    count = 1;
  }
  if (count > kMaxRandomCount) {
    Warn(call, "rands() number of results is larger than " + FormatNumber(kMaxRandomCount));
    return Value();
  }
  const size_t n = static_cast<size_t>(count);
  std::mt19937 seeded;
  std::mt19937* rng = &UnseededGenerator();
  if (args.size() == 4) {
    seeded.seed(SeedFrom(args[3].value.AsNumber()));
    rng = &seeded;
  }
  ValueVector out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(Value::Number(low + (high - low) * Canonical(*rng)));
  }
  return Value::Vector(std::move(out));
}

}  // namespace

void AddMathFunctions(std::vector<BuiltinFunction>& out) {
  out.push_back({"abs", Unary<Abs>, "abs(number) -> number"});
  out.push_back({"sign", Unary<Sign>, "sign(number) -> -1, 0 or 1"});
  out.push_back({"rands", Rands, "rands(min, max, count[, seed]) -> vector of numbers"});
  out.push_back({"min", MinMax<false>, "min(number, number, ...) | min(vector) -> smallest"});
  out.push_back({"max", MinMax<true>, "max(number, number, ...) | max(vector) -> largest"});
  out.push_back({"floor", Unary<Floor>, "floor(number) -> number"});
  out.push_back({"ceil", Unary<Ceil>, "ceil(number) -> number"});
  out.push_back({"round", Unary<Round>, "round(number) -> number (halves away from zero)"});
  out.push_back({"pow", Pow, "pow(base, exponent) -> number"});
  out.push_back({"sqrt", Unary<Sqrt>, "sqrt(number) -> number"});
  out.push_back({"exp", Unary<Exp>, "exp(number) -> number"});
  out.push_back({"ln", Unary<Ln>, "ln(number) -> natural logarithm"});
  out.push_back({"log", Log, "log([base, ] number) -> logarithm (base 10 by default)"});
}

}  // namespace mos::eval::builtins
