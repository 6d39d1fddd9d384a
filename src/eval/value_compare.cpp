// Ordering comparisons (<, <=, >, >=) with 2021.01's semantics: numbers,
// strings (bytewise), bools among themselves, vectors lexicographically
// (element comparisons may fail with a warning naming the index), ranges by
// (begin, step, end). Mixed types give undef and
// "undefined operation (number < bool)"; two undefs or two functions give
// "operation undefined (undefined < undefined)".
#include <string>

#include "eval/value.h"
#include "eval/value_ops_internal.h"

namespace mos::eval {

namespace {

enum class Cmp { Less, LessEqual, Greater, GreaterEqual };

const char* OpText(Cmp c) {
  switch (c) {
    case Cmp::Less: return "<";
    case Cmp::LessEqual: return "<=";
    case Cmp::Greater: return ">";
    case Cmp::GreaterEqual: return ">=";
  }
  return "<";
}

template <typename T>
bool Apply(Cmp c, const T& a, const T& b) {
  switch (c) {
    case Cmp::Less: return a < b;
    case Cmp::LessEqual: return a <= b;
    case Cmp::Greater: return a > b;
    case Cmp::GreaterEqual: return a >= b;
  }
  return false;
}

// Result of comparing; `problem` set when undefined.
Value CompareAtDepth(Cmp c, const Value& a, const Value& b, std::string& problem, int depth);

Value CompareVectors(Cmp c, const ValueVector& x, const ValueVector& y, std::string& problem,
                     int depth) {
  if (depth >= kMaxValueNesting) return Value();
  const size_t n = x.size() < y.size() ? x.size() : y.size();
  for (size_t i = 0; i < n; ++i) {
    // The first unequal pair decides; an undefined comparison there fails
    // the whole comparison.
    if (x[i] == y[i]) continue;
    Value r = CompareAtDepth(c, x[i], y[i], problem, depth + 1);
    if (r.IsUndef()) {
      if (!problem.empty() && problem.find("\n\tin vector comparison") == std::string::npos) {
        problem += "\n\tin vector comparison at index " + std::to_string(i);
      }
      return Value();
    }
    return r;
  }
  return Value::Bool(Apply(c, x.size(), y.size()));
}

Value CompareAtDepth(Cmp c, const Value& a, const Value& b, std::string& problem, int depth) {
  if (a.type() != b.type()) {
    problem = UndefinedOperationText(a, OpText(c), b);
    return Value();
  }
  switch (a.type()) {
    case Value::Type::Bool: return Value::Bool(Apply(c, a.AsBool(), b.AsBool()));
    case Value::Type::Number: return Value::Bool(Apply(c, a.AsNumber(), b.AsNumber()));
    case Value::Type::String: return Value::Bool(Apply(c, a.AsString(), b.AsString()));
    case Value::Type::Vector: return CompareVectors(c, a.AsVector(), b.AsVector(), problem, depth);
    case Value::Type::Range: {
      const RangeValue& x = a.AsRange();
      const RangeValue& y = b.AsRange();
      ValueVector vx{Value::Number(x.begin), Value::Number(x.step), Value::Number(x.end)};
      ValueVector vy{Value::Number(y.begin), Value::Number(y.step), Value::Number(y.end)};
      return CompareVectors(c, vx, vy, problem, depth);
    }
    case Value::Type::Undef:
    case Value::Type::Function:
      problem = std::string("operation undefined (") + a.TypeName() + " " + OpText(c) + " " +
                b.TypeName() + ")";
      return Value();
  }
  return Value();
}

Value Compare(Cmp c, const Value& a, const Value& b, const OpSite& site) {
  std::string problem;
  Value r = CompareAtDepth(c, a, b, problem, 0);
  if (r.IsUndef() && !problem.empty()) site.Warn(problem);
  return r;
}

}  // namespace

Value Less(const Value& a, const Value& b, const OpSite& site) {
  return Compare(Cmp::Less, a, b, site);
}
Value LessEqual(const Value& a, const Value& b, const OpSite& site) {
  return Compare(Cmp::LessEqual, a, b, site);
}
Value Greater(const Value& a, const Value& b, const OpSite& site) {
  return Compare(Cmp::Greater, a, b, site);
}
Value GreaterEqual(const Value& a, const Value& b, const OpSite& site) {
  return Compare(Cmp::GreaterEqual, a, b, site);
}

}  // namespace mos::eval
