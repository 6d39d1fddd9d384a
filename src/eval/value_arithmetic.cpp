// Unary and binary arithmetic with 2021.01's semantics: numbers, elementwise
// vector +/- (truncated to the shorter vector, nested vectors recursive,
// nested mismatches silently undef), scalar*vector, vector/scalar,
// scalar/vector, fmod %, pow ^. Vector*vector products live in
// value_multiply.cpp.
#include <cmath>
#include <string>

#include "eval/value.h"
#include "eval/value_ops_internal.h"

namespace mos::eval {

namespace {


std::string UndefinedOperation(const Value& a, const char* op, const Value& b) {
  return std::string("undefined operation (") + a.TypeName() + " " + op + " " + b.TypeName() + ")";
}

template <typename NumberOp>
Value Elementwise(const Value& a, const Value& b, NumberOp numberOp, int depth);

// a op b where a, b are numbers or vectors of equal shape (silent on
// mismatch: 2021.01 prints no warning for nested elements).
template <typename NumberOp>
Value AddLike(const Value& a, const Value& b, NumberOp numberOp, int depth) {
  if (a.IsNumber() && b.IsNumber()) return Value::Number(numberOp(a.AsNumber(), b.AsNumber()));
  if (a.IsVector() && b.IsVector()) return Elementwise(a, b, numberOp, depth);
  return Value();
}

template <typename NumberOp>
Value Elementwise(const Value& a, const Value& b, NumberOp numberOp, int depth) {
  if (depth >= kMaxValueNesting) return Value();
  const ValueVector& x = a.AsVector();
  const ValueVector& y = b.AsVector();
  const size_t n = x.size() < y.size() ? x.size() : y.size();
  ValueVector out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(AddLike(x[i], y[i], numberOp, depth + 1));
  return Value::Vector(std::move(out));
}

template <typename NumberOp>
Value AddOrSubtract(const Value& a, const Value& b, const char* op, NumberOp numberOp,
                    const OpSite& site) {
  if ((a.IsNumber() && b.IsNumber()) || (a.IsVector() && b.IsVector())) {
    return AddLike(a, b, numberOp, 0);
  }
  site.Warn(UndefinedOperation(a, op, b));
  return Value();
}

Value NegateAtDepth(const Value& a, int depth) {
  if (a.IsNumber()) return Value::Number(-a.AsNumber());
  if (a.IsVector() && depth < kMaxValueNesting) {
    ValueVector out;
    out.reserve(a.AsVector().size());
    for (const Value& e : a.AsVector()) out.push_back(NegateAtDepth(e, depth + 1));
    return Value::Vector(std::move(out));
  }
  return Value();
}

}  // namespace

Value ScaleVector(const Value& vec, double scalar, bool scalarFirst, int depth) {
  if (depth >= kMaxValueNesting) return Value();
  ValueVector out;
  out.reserve(vec.AsVector().size());
  for (const Value& e : vec.AsVector()) {
    if (e.IsNumber()) {
      out.push_back(Value::Number(scalarFirst ? scalar * e.AsNumber() : e.AsNumber() * scalar));
    } else if (e.IsVector()) {
      out.push_back(ScaleVector(e, scalar, scalarFirst, depth + 1));
    } else {
      out.push_back(Value());
    }
  }
  return Value::Vector(std::move(out));
}

Value Negate(const Value& a, const OpSite& site) {
  if (a.IsNumber() || a.IsVector()) return NegateAtDepth(a, 0);
  site.Warn(std::string("undefined operation (-") + a.TypeName() + ")");
  return Value();
}

Value Not(const Value& a) { return Value::Bool(!a.ToBool()); }

Value Add(const Value& a, const Value& b, const OpSite& site) {
  return AddOrSubtract(a, b, "+", [](double x, double y) { return x + y; }, site);
}

Value Subtract(const Value& a, const Value& b, const OpSite& site) {
  return AddOrSubtract(a, b, "-", [](double x, double y) { return x - y; }, site);
}

namespace {

Value DivideAtDepth(const Value& a, const Value& b, int depth) {
  if (depth >= kMaxValueNesting) return Value();
  if (a.IsNumber() && b.IsNumber()) return Value::Number(a.AsNumber() / b.AsNumber());
  if (a.IsVector() && b.IsNumber()) {
    ValueVector out;
    out.reserve(a.AsVector().size());
    for (const Value& e : a.AsVector()) out.push_back(DivideAtDepth(e, b, depth + 1));
    return Value::Vector(std::move(out));
  }
  if (a.IsNumber() && b.IsVector()) {
    ValueVector out;
    out.reserve(b.AsVector().size());
    for (const Value& e : b.AsVector()) out.push_back(DivideAtDepth(a, e, depth + 1));
    return Value::Vector(std::move(out));
  }
  return Value();
}

}  // namespace

Value Divide(const Value& a, const Value& b, const OpSite& site) {
  if ((a.IsNumber() || a.IsVector()) && (b.IsNumber() || b.IsVector()) &&
      !(a.IsVector() && b.IsVector())) {
    return DivideAtDepth(a, b, 0);
  }
  site.Warn(UndefinedOperation(a, "/", b));
  return Value();
}

Value Modulo(const Value& a, const Value& b, const OpSite& site) {
  if (a.IsNumber() && b.IsNumber()) return Value::Number(std::fmod(a.AsNumber(), b.AsNumber()));
  site.Warn(UndefinedOperation(a, "%", b));
  return Value();
}

Value Power(const Value& a, const Value& b, const OpSite& site) {
  if (a.IsNumber() && b.IsNumber()) return Value::Number(std::pow(a.AsNumber(), b.AsNumber()));
  site.Warn(UndefinedOperation(a, "^", b));
  return Value();
}

std::string UndefinedOperationText(const Value& a, const char* op, const Value& b) {
  return UndefinedOperation(a, op, b);
}

}  // namespace mos::eval
