// Trigonometry in degrees as 2021.01 computes it: arguments reduced to the
// first quadrant, exact results at multiples of 30 and 45 degrees
// (sin(180) is -0, cos(90) is 0, tan(45) is 1, tan(90) is inf), and
// inverse functions that give exact integer angles back. Every rule was
// checked against openscad 2021.01 on several hundred angles.
#include <cmath>
#include <limits>

#include "eval/builtin_functions_internal.h"

namespace mos::eval::builtins {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kInf = std::numeric_limits<double>::infinity();

double Radians(double degrees) { return degrees * (kPi / 180.0); }
double Degrees(double radians) { return radians * (180.0 / kPi); }

// x mod 360 in [0, 360) (fmod keeps -0 for multiples of -360).
double Mod360(double x) {
  x = std::fmod(x, 360.0);
  if (x < 0) x += 360.0;
  return x;
}

}  // namespace

double SinDegrees(double x) {
  if (!std::isfinite(x)) return std::nan("");
  x = Mod360(x);
  bool negate = false;
  if (x >= 180) {
    x -= 180;
    negate = true;
  }
  if (x > 90) x = 180 - x;
  double r;
  if (x == 0) r = 0;
  else if (x == 30) r = 0.5;
  else if (x == 45) r = std::sqrt(0.5);
  else if (x == 60) r = std::sqrt(3.0) / 2;
  else if (x == 90) r = 1;
  else if (x < 45) r = std::sin(Radians(x));
  else r = std::cos(Radians(90 - x));
  return negate ? -r : r;
}

double CosDegrees(double x) {
  if (!std::isfinite(x)) return std::nan("");
  x = Mod360(x);
  bool negate = false;
  if (x >= 180) {
    x -= 180;
    negate = true;
  }
  if (x > 90) {
    x = 180 - x;
    negate = !negate;
  }
  double r;
  if (x == 0) r = 1;
  else if (x == 30) r = std::sqrt(3.0) / 2;
  else if (x == 45) r = std::sqrt(0.5);
  else if (x == 60) r = 0.5;
  else if (x == 90) r = 0;
  else if (x < 45) r = std::cos(Radians(x));
  else r = std::sin(Radians(90 - x));
  return negate ? -r : r;
}

namespace {

double TanDegrees(double a) {
  if (!std::isfinite(a)) return std::nan("");
  // Exact values by the angle mod 360 (the sign of 0 and inf follows it).
  const double m = Mod360(a);
  const double sqrt3 = std::sqrt(3.0);
  if (m == 0) return 0.0;
  if (m == 180) return -0.0;
  if (m == 90) return kInf;
  if (m == 270) return -kInf;
  if (m == 45 || m == 225) return 1;
  if (m == 135 || m == 315) return -1;
  if (m == 60 || m == 240) return sqrt3;
  if (m == 120 || m == 300) return -sqrt3;
  // Otherwise reduced mod 180 into [0, 90].
  double x = std::fmod(a, 180.0);
  if (x < 0) x += 180.0;
  const bool negate = x > 90;
  if (negate) x = 180 - x;
  if (x == 0) return 0.0;
  const double r = std::tan(Radians(x));
  return negate ? -r : r;
}

// 2021.01's inverse functions return an exact integer angle n when the
// forward function maps n exactly to the argument (so asin(sin(a)) == a for
// every integer a), otherwise radians * (180 / pi).
double SnapToInverse(double degrees, double (*forward)(double), double x) {
  if (!std::isfinite(degrees)) return degrees;
  const double n = std::round(degrees);
  return forward(n) == x ? n : degrees;
}

double AsinDegrees(double x) { return SnapToInverse(Degrees(std::asin(x)), SinDegrees, x); }
double AcosDegrees(double x) { return SnapToInverse(Degrees(std::acos(x)), CosDegrees, x); }
double AtanDegrees(double x) { return SnapToInverse(Degrees(std::atan(x)), TanDegrees, x); }

// atan2 instead snaps results within 3e-14 degrees of an integer (measured:
// 2.9976e-14 snaps, 3.0198e-14 does not).
double Atan2Degrees(double y, double x) {
  const double degrees = Degrees(std::atan2(y, x));
  if (!std::isfinite(degrees)) return degrees;
  const double n = std::round(degrees);
  return std::fabs(degrees - n) < 3e-14 ? n : degrees;
}

template <double (*F)(double)>
Value Unary(const BuiltinCall& call) {
  if (call.args.size() != 1) return WrongCount(call);
  const Value& x = call.args[0].value;
  if (!x.IsNumber()) return NotConverted(call);
  return Value::Number(F(x.AsNumber()));
}

Value Atan2(const BuiltinCall& call) {
  if (call.args.size() != 2) return WrongCount(call);
  const Value& y = call.args[0].value;
  const Value& x = call.args[1].value;
  if (!y.IsNumber() || !x.IsNumber()) return NotConverted(call);
  return Value::Number(Atan2Degrees(y.AsNumber(), x.AsNumber()));
}

}  // namespace

void AddTrigFunctions(std::vector<BuiltinFunction>& out) {
  out.push_back({"sin", Unary<SinDegrees>, "sin(degrees) -> number"});
  out.push_back({"cos", Unary<CosDegrees>, "cos(degrees) -> number"});
  out.push_back({"tan", Unary<TanDegrees>, "tan(degrees) -> number"});
  out.push_back({"asin", Unary<AsinDegrees>, "asin(number) -> degrees"});
  out.push_back({"acos", Unary<AcosDegrees>, "acos(number) -> degrees"});
  out.push_back({"atan", Unary<AtanDegrees>, "atan(number) -> degrees"});
  out.push_back({"atan2", Atan2, "atan2(y, x) -> degrees"});
}

}  // namespace mos::eval::builtins
