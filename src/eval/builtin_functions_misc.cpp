// Remaining builtins of 2021.01: version, version_num, norm, cross.
#include <cmath>

#include "eval/builtin_functions_internal.h"

namespace mos::eval::builtins {

namespace {

// The language version we implement: 2021.01.0.
constexpr double kVersionYear = 2021, kVersionMonth = 1, kVersionPatch = 0;

Value Version(const BuiltinCall&) {
  return Value::Vector({Value::Number(kVersionYear), Value::Number(kVersionMonth),
                        Value::Number(kVersionPatch)});
}

// version_num() is 20210100. Given a vector of 3 numbers (or 2), 2021.01
// instead encodes that: version_num([1, 2, 3]) is 10203; anything else is
// undef. (For 2-element vectors holding non-numbers 2021.01 returns an
// uninitialised double, e.g. 4.64113e-306; we return undef.)
Value VersionNum(const BuiltinCall& call) {
  if (call.args.empty()) {
    return Value::Number(kVersionYear * 10000 + kVersionMonth * 100 + kVersionPatch);
  }
  double y = 0, m = 0, p = 0;
  const Value& v = call.args[0].value;
  if (v.GetVec3(y, m, p) || v.GetVec2(y, m)) return Value::Number(y * 10000 + m * 100 + p);
  return Value();
}

// Euclidean length of a vector of numbers; undef (silently) for
// non-vectors, with a warning for vectors holding non-numbers.
Value Norm(const BuiltinCall& call) {
  if (call.args.size() != 1) return WrongCount(call);
  const Value& v = call.args[0].value;
  if (!v.IsVector()) return Value();
  double sum = 0;
  for (const Value& e : v.AsVector()) {
    if (!e.IsNumber()) {
      Warn(call, "Incorrect arguments to norm()");
      return Value();
    }
    sum += e.AsNumber() * e.AsNumber();
  }
  return Value::Number(std::sqrt(sum));
}

// cross(a, b): the 3D cross product, or for two 2D vectors the scalar
// a.x*b.y - a.y*b.x.
Value Cross(const BuiltinCall& call) {
  if (call.args.size() != 2) {
    Warn(call, "Invalid number of parameters for cross()");
    return Value();
  }
  const Value& a = call.args[0].value;
  const Value& b = call.args[1].value;
  if (!a.IsVector() || !b.IsVector()) {
    Warn(call, "Invalid type of parameters for cross()");
    return Value();
  }
  const ValueVector& x = a.AsVector();
  const ValueVector& y = b.AsVector();
  if (x.size() == 2 && y.size() == 2) {
    // 2021.01 does not check 2D elements: non-numbers count as 0, nan
    // propagates.
    auto num = [](const Value& v) { return v.IsNumber() ? v.AsNumber() : 0.0; };
    return Value::Number(num(x[0]) * num(y[1]) - num(x[1]) * num(y[0]));
  }
  if (x.size() != 3 || y.size() != 3) {
    Warn(call, "Invalid vector size of parameter for cross()");
    return Value();
  }
  double u[3] = {0, 0, 0}, w[3] = {0, 0, 0};
  for (size_t i = 0; i < x.size(); ++i) {
    for (int k = 0; k < 2; ++k) {
      const Value& e = k == 0 ? x[i] : y[i];
      if (!e.IsNumber()) {
        Warn(call, "Invalid value in parameter vector for cross()");
        return Value();
      }
      const double d = e.AsNumber();
      if (std::isnan(d) || std::isinf(d)) {
        Warn(call, std::string("Invalid value (") + (std::isnan(d) ? "NaN" : "INF") +
                       ") in parameter vector for cross()");
        return Value();
      }
      (k == 0 ? u : w)[i] = d;
    }
  }
  return Value::Vector({Value::Number(u[1] * w[2] - u[2] * w[1]),
                        Value::Number(u[2] * w[0] - u[0] * w[2]),
                        Value::Number(u[0] * w[1] - u[1] * w[0])});
}

}  // namespace

void AddMiscFunctions(std::vector<BuiltinFunction>& out) {
  out.push_back({"version", Version, "version() -> [year, month, patch]"});
  out.push_back({"version_num", VersionNum, "version_num([version]) -> number (20210100)"});
  out.push_back({"norm", Norm, "norm(vector) -> number"});
  out.push_back({"cross", Cross, "cross(vector, vector) -> vector (3D) | number (2D)"});
}

}  // namespace mos::eval::builtins
