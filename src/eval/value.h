// Values of the OpenSCAD 2021.01 language: undef, bool, number, string,
// vector, range and function, with 2021.01's operator semantics.
//
// Values are small (a tag and a pointer or a double); strings, vectors and
// functions are shared immutable payloads, so copying a Value is cheap.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mos::lang {
struct FunctionLiteralExpr;
}

namespace mos::eval {

class Value;
class Context;  // a scope; functions capture theirs (see context.h)
using ValueVector = std::vector<Value>;

// [begin : step : end] as written; iteration follows 2021.01 (RangeType).
struct RangeValue {
  double begin = 0, step = 1, end = 0;
  // Number of elements 2021.01 iterates, or UINT32_MAX when the range is
  // invalid or too large to iterate (2021.01 refuses > 1e6... see value.cpp).
  uint32_t NumValues() const;
  double At(uint32_t i) const { return begin + step * i; }
};

// A function value (function literal evaluated in a scope).
struct FunctionValue {
  std::shared_ptr<const lang::FunctionLiteralExpr> literal;
  std::shared_ptr<const Context> closure;
};

class Value {
 public:
  enum class Type : uint8_t { Undef, Bool, Number, String, Vector, Range, Function };

  Value() = default;  // undef
  static Value Undef() { return Value(); }
  static Value Bool(bool b);
  static Value Number(double d);
  static Value String(std::string s);
  static Value Vector(ValueVector v);
  static Value Range(RangeValue r);
  static Value Function(FunctionValue f);

  Type type() const { return type_; }
  bool IsUndef() const { return type_ == Type::Undef; }
  bool IsBool() const { return type_ == Type::Bool; }
  bool IsNumber() const { return type_ == Type::Number; }
  bool IsString() const { return type_ == Type::String; }
  bool IsVector() const { return type_ == Type::Vector; }
  bool IsRange() const { return type_ == Type::Range; }
  bool IsFunction() const { return type_ == Type::Function; }

  // Accessors; calling the wrong one for the type is a programming error
  // (asserted), so check the type first.
  bool AsBool() const { return bool_; }
  double AsNumber() const { return number_; }
  const std::string& AsString() const;
  const ValueVector& AsVector() const;
  const RangeValue& AsRange() const;
  const FunctionValue& AsFunction() const;

  // 2021.01 truthiness: undef false, 0 false, "" false, [] false, ranges and
  // functions true.
  bool ToBool() const;

  // Text as echo() prints it (strings quoted with escapes) and as str()
  // concatenates it (strings raw). Numbers use 2021.01's formatting
  // (6 significant digits, "inf", "nan", "-0" printed as "0"? see value.cpp).
  std::string ToEchoString() const;
  std::string ToStrString() const;

  // Convenience conversions used by builtin modules: return false when the
  // value does not have that shape.
  bool GetDouble(double& out) const;
  bool GetVec2(double& x, double& y) const;
  bool GetVec3(double& x, double& y, double& z) const;

  // Equality as `==` defines it (numbers by value, vectors elementwise,
  // different types unequal).
  friend bool operator==(const Value& a, const Value& b);

 private:
  Type type_ = Type::Undef;
  bool bool_ = false;
  double number_ = 0;
  std::shared_ptr<const void> payload_;  // string / vector / range / function
};

// Operators with 2021.01 semantics; undef where 2021.01 gives undef.
Value Negate(const Value& a);
Value Not(const Value& a);
Value Add(const Value& a, const Value& b);
Value Subtract(const Value& a, const Value& b);
Value Multiply(const Value& a, const Value& b);  // scalar*vec, dot, mat*vec, mat*mat
Value Divide(const Value& a, const Value& b);
Value Modulo(const Value& a, const Value& b);
Value Power(const Value& a, const Value& b);
Value Less(const Value& a, const Value& b);
Value LessEqual(const Value& a, const Value& b);
Value Greater(const Value& a, const Value& b);
Value GreaterEqual(const Value& a, const Value& b);
Value Index(const Value& v, const Value& i);  // v[i] for vectors, strings, ranges

// Number formatting exactly as 2021.01 prints numbers in echo/str/.csg.
std::string FormatNumber(double d);

}  // namespace mos::eval
