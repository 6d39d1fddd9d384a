// Values of the OpenSCAD 2021.01 language: undef, bool, number, string,
// vector, range and function, with 2021.01's operator semantics.
//
// Values are small (a tag and a pointer or a double); strings, vectors and
// functions are shared immutable payloads, so copying a Value is cheap.
// Every rule here was checked against `openscad` 2021.01's echo output.
#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mos::lang {
struct FunctionLiteralExpr;
struct SourceSpan;
}  // namespace mos::lang

namespace mos::eval {

class Value;
class Context;  // a scope; functions capture theirs (see context.h)
class EvalLog;
using ValueVector = std::vector<Value>;

// Nested vectors deeper than this are treated as undef by operators and
// printed as "[...]" (bounded recursion; 2021.01 has no such limit but would
// overflow its stack long before).
inline constexpr int kMaxValueNesting = 1000;

// A for loop / list comprehension over a range of at least this many
// elements is refused by 2021.01 with
// "WARNING: Bad range parameter in for statement: too many elements (N)".
inline constexpr uint32_t kMaxRangeElements = 1000000;

// [begin : step : end] as written; iteration follows 2021.01 (RangeType).
struct RangeValue {
  double begin = 0, step = 1, end = 0;
  // Number of elements 2021.01 iterates: 0 for nan parts or a step pointing
  // away from end (and for step 0 with begin == end), UINT32_MAX when the
  // range is infinite (step 0, infinite begin/end). A count just below a
  // whole number is rounded up by one ulp, so [0:0.1:0.3] has 4 elements.
  // Callers refuse counts >= kMaxRangeElements (see above).
  uint32_t NumValues() const;
  // Element i: begin + step * i (not accumulated: [0:0.1:1][10] == 1), and
  // exactly begin for i == 0 (so [0:inf:0] yields 0, not nan).
  double At(uint32_t i) const { return i == 0 ? begin : begin + step * i; }
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
  static Value Bool(bool b) {
    Value v;
    v.type_ = Type::Bool;
    v.bool_ = b;
    return v;
  }
  static Value Number(double d) {
    Value v;
    v.type_ = Type::Number;
    v.number_ = d;
    return v;
  }
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

  // The type's name as 2021.01 words it in warnings: "undefined", "bool",
  // "number", "string", "vector", "range", "function".
  const char* TypeName() const;

  // Accessors; calling the wrong one for the type is a programming error
  // (asserted), so check the type first.
  bool AsBool() const { return bool_; }
  double AsNumber() const { return number_; }
  const std::string& AsString() const;
  // Utf8Length(AsString()), counted once per string payload.
  size_t StringCodePoints() const;
  // Inline: on every vector operation. A vector's payload starts with its
  // elements (checked in value.cpp).
  const ValueVector& AsVector() const {
    assert(type_ == Type::Vector);
    return *static_cast<const ValueVector*>(payload_.get());
  }
  const RangeValue& AsRange() const {
    assert(type_ == Type::Range);
    return *static_cast<const RangeValue*>(payload_.get());
  }
  const FunctionValue& AsFunction() const {
    assert(type_ == Type::Function);
    return *static_cast<const FunctionValue*>(payload_.get());
  }

  // 2021.01 truthiness: undef false, 0 false (nan true), "" false, [] false,
  // ranges and functions true.
  bool ToBool() const;

  // Text as echo() prints it (strings in double quotes, NOT escaped: 2021.01
  // prints echo("a\"b") as "a"b") and as str() concatenates it (strings
  // raw, everything else as echo). Numbers use FormatNumber.
  std::string ToEchoString() const;
  std::string ToStrString() const;

  // Convenience conversions used by builtin modules: return false when the
  // value does not have exactly that shape (a number; a vector of exactly 2
  // or 3 numbers). They accept inf and nan: 2021.01's modules reject
  // non-finite vectors themselves (e.g. "Unable to convert translate(...)
  // parameter to a vec3 or vec2 of numbers"), so check std::isfinite where
  // the module does.
  bool GetDouble(double& out) const;
  bool GetVec2(double& x, double& y) const;
  bool GetVec3(double& x, double& y, double& z) const;

  // Equality as `==` defines it (numbers by value so nan != nan, vectors
  // elementwise, ranges by their three numbers, functions by identity,
  // different types unequal: 1 == true is false).
  friend bool operator==(const Value& a, const Value& b);
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

 private:
  friend struct VectorPayloadAccess;
  Type type_ = Type::Undef;
  bool bool_ = false;
  double number_ = 0;
  std::shared_ptr<const void> payload_;  // string / vector / range / function
};

// Where an operator reports its warnings: 2021.01 warns e.g.
// "undefined operation (vector + number) in file t.scad, line 2".
// A default OpSite (no log) makes operators silent.
struct OpSite {
  EvalLog* log = nullptr;
  const lang::SourceSpan* span = nullptr;
  // `text` + " in file X, line N" as a WARNING line.
  void Warn(const std::string& text) const;
  // A WARNING line without location (2021.01 prints some nested matrix
  // warnings twice, once without location).
  void WarnNoLocation(const std::string& text) const;
  void Deprecated(const std::string& text) const;
};

// Operators with 2021.01 semantics; undef (plus the warning 2021.01 prints)
// where 2021.01 gives undef.
Value Negate(const Value& a, const OpSite& site = {});
Value Not(const Value& a);
Value Add(const Value& a, const Value& b, const OpSite& site = {});
Value Subtract(const Value& a, const Value& b, const OpSite& site = {});
// scalar*vec, vec*scalar, dot, mat*vec, vec*mat, mat*mat
Value Multiply(const Value& a, const Value& b, const OpSite& site = {});
Value Divide(const Value& a, const Value& b, const OpSite& site = {});
Value Modulo(const Value& a, const Value& b, const OpSite& site = {});
Value Power(const Value& a, const Value& b, const OpSite& site = {});
Value Less(const Value& a, const Value& b, const OpSite& site = {});
Value LessEqual(const Value& a, const Value& b, const OpSite& site = {});
Value Greater(const Value& a, const Value& b, const OpSite& site = {});
Value GreaterEqual(const Value& a, const Value& b, const OpSite& site = {});
Value Equal(const Value& a, const Value& b);     // Bool(a == b)
Value NotEqual(const Value& a, const Value& b);  // Bool(a != b)
// v[i] for vectors and strings (by UTF-8 code point); index truncated toward
// zero, out of range or non-number gives undef. r[0], r[1], r[2] of a range
// are its begin, step and end (2021.01 indexes ranges that way).
Value Index(const Value& v, const Value& i);
// v.x / v.y / v.z on vectors, r.begin / r.step / r.end on ranges (undef for
// other members and types).
Value Member(const Value& v, const std::string& member);

// A range literal [begin : step : end] (`step` null for [begin : end]) with
// 2021.01's checks: a two-part [b:e] with b > e is swapped (with a
// DEPRECATED line); a finite step pointing away from a finite end warns
// ("begin is smaller than the end, but step is negative"). Non-number parts
// give undef, silently.
Value MakeRange(const Value& begin, const Value* step, const Value& end,
                const OpSite& site = {});

// Number formatting exactly as 2021.01 prints numbers in echo, str(), the
// .ast dump and values in the .csg (matrices, points):
// 6 significant digits (ties away from zero), fixed notation for decimal
// exponents -5..5, otherwise "1e-7" / "1.23457e+8"; trailing zeros dropped;
// "-0" printed as "0"; "inf", "-inf", "nan".
std::string FormatNumber(double d);

// Numbers as 2021.01 writes most node parameters in the .csg dump (C++
// stream default, like printf "%g": cylinder(h = 1e-07), sphere(r =
// 1.23457e+08), cube(size = [-0, inf, -nan])): 6 significant digits with
// exact ties to even (123456.5 -> "123456"), exponent form below 1e-4 or
// from 1e6 with at least two exponent digits, "-0" kept, nan signed as its
// sign bit says. Values printed as values in the .csg (multmatrix matrices,
// polygon/polyhedron points) use FormatNumber instead.
std::string FormatNumberStream(double d);

// The number of UTF-8 code points of `s` (len() and indexing of strings).
size_t Utf8Length(const std::string& s);

// How 2021.01 prints a function value: "function(x, y = 2) (x * y)".
std::string FormatFunctionLiteral(const lang::FunctionLiteralExpr& literal);

}  // namespace mos::eval
