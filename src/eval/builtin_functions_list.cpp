// List builtins of 2021.01: len, concat, lookup.
#include <cmath>
#include <string>

#include "eval/builtin_functions_internal.h"

namespace mos::eval::builtins {

namespace {

Value Len(const BuiltinCall& call) {
  if (call.args.size() != 1) return WrongCount(call);
  const Value& v = call.args[0].value;
  if (v.IsVector()) return Value::Number(static_cast<double>(v.AsVector().size()));
  if (v.IsString()) return Value::Number(static_cast<double>(v.StringCodePoints()));
  return NotConverted(call);
}

// Vectors are spliced in, every other value is appended as one element.
Value Concat(const BuiltinCall& call) {
  ValueVector out;
  for (const CallArgument& a : call.args) {
    if (a.value.IsVector()) {
      const ValueVector& v = a.value.AsVector();
      out.insert(out.end(), v.begin(), v.end());
    } else {
      out.push_back(a.value);
    }
  }
  return Value::Vector(std::move(out));
}

// lookup(key, [[k, v], ...]): linear interpolation between the nearest
// keys below and above; clamped outside. Entries that are not [number,
// number] are skipped, except the first, which must be valid.
Value Lookup(const BuiltinCall& call) {
  if (call.args.size() != 2) return WrongCount(call);
  const Value& key = call.args[0].value;
  if (!key.IsNumber() || !std::isfinite(key.AsNumber())) {
    Warn(call, "lookup(" + key.ToEchoString() + ", ...) first argument is not a number");
    return Value();
  }
  const Value& table = call.args[1].value;
  if (!table.IsVector() || table.AsVector().empty()) return Value();
  const ValueVector& t = table.AsVector();
  const double p = key.AsNumber();
  double lowP = 0, lowV = 0;
  if (!t[0].GetVec2(lowP, lowV)) return Value();
  double highP = lowP, highV = lowV;
  for (size_t i = 1; i < t.size(); ++i) {
    double thisP = 0, thisV = 0;
    if (!t[i].GetVec2(thisP, thisV)) continue;
    if (thisP <= p && (thisP > lowP || lowP > p)) {
      lowP = thisP;
      lowV = thisV;
    }
    if (thisP >= p && (thisP < highP || highP < p)) {
      highP = thisP;
      highV = thisV;
    }
  }
  if (p <= lowP) return Value::Number(highV);
  if (p >= highP) return Value::Number(lowV);
  const double f = (p - lowP) / (highP - lowP);
  return Value::Number(highV * f + lowV * (1 - f));
}

}  // namespace

void AddListFunctions(std::vector<BuiltinFunction>& out) {
  out.push_back({"len", Len, "len(vector | string) -> number"});
  out.push_back({"concat", Concat, "concat(vector | value, ...) -> vector"});
  out.push_back({"lookup", Lookup, "lookup(key, [[key, value], ...]) -> number"});
}

}  // namespace mos::eval::builtins
