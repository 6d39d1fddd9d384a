// Ordering comparisons (<, <=, >, >=) with 2021.01's semantics: numbers,
// strings (bytewise), bools among themselves, vectors lexicographically,
// ranges as the sequences they visit. Mixed types give undef and
// "undefined operation (number < bool)"; two undefs or two functions give
// "operation undefined (undefined < undefined)".
//
// Vectors compare as 2021.01 does: a < b walks the elements testing
// a[i] < b[i], then b[i] < a[i] (so nan elements are passed over); a > b is
// b < a, a <= b is !(b < a), a >= b is !(a < b). A failing element
// comparison fails the whole comparison and is reported with
// "\n\tin vector comparison at index i" per nesting level, worded with "<"
// whatever the outer operator.
#include <algorithm>
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

// 0 false, 1 true, -1 undefined (with `problem` set).
int LessVectors(const ValueVector& x, const ValueVector& y, std::string& problem, int depth);

// Ranges order as the sequences of numbers they visit, lexicographically
// (2021.01: [1:-1:3] < [0:1:0] as [] < [0]; [1:-1:-1] < [1:-1:-2]).
// Element i is begin + step * i, so two ranges with the same begin and step
// differ only in length; others differ within the first elements (the loop
// is bounded for ranges whose elements round to equal values).
bool LessRanges(const RangeValue& a, const RangeValue& b) {
  const uint32_t na = a.NumValues(), nb = b.NumValues();
  if (a.begin != b.begin || a.step != b.step) {
    const uint32_t common = std::min<uint32_t>(std::min(na, nb), kMaxRangeElements);
    for (uint32_t i = 0; i < common; ++i) {
      const double x = a.At(i), y = b.At(i);
      if (x < y) return true;
      if (y < x) return false;
    }
  }
  return na < nb;
}

// a `c` b for scalars; vectors delegate to LessVectors.
int CompareAtDepth(Cmp c, const Value& a, const Value& b, std::string& problem, int depth) {
  if (a.type() != b.type()) {
    problem = UndefinedOperationText(a, OpText(c), b);
    return -1;
  }
  switch (a.type()) {
    case Value::Type::Bool: return Apply(c, a.AsBool(), b.AsBool());
    case Value::Type::Number: return Apply(c, a.AsNumber(), b.AsNumber());
    case Value::Type::String: return Apply(c, a.AsString(), b.AsString());
    case Value::Type::Range: {
      const RangeValue& ra = a.AsRange();
      const RangeValue& rb = b.AsRange();
      switch (c) {
        case Cmp::Less: return LessRanges(ra, rb);
        case Cmp::Greater: return LessRanges(rb, ra);
        case Cmp::LessEqual: return !LessRanges(rb, ra);
        case Cmp::GreaterEqual: return !LessRanges(ra, rb);
      }
      return 0;
    }
    case Value::Type::Vector: {
      const ValueVector* x = &a.AsVector();
      const ValueVector* y = &b.AsVector();
      int r = 0;
      switch (c) {
        case Cmp::Less: return LessVectors(*x, *y, problem, depth);
        case Cmp::Greater: return LessVectors(*y, *x, problem, depth);
        case Cmp::LessEqual: r = LessVectors(*y, *x, problem, depth); break;
        case Cmp::GreaterEqual: r = LessVectors(*x, *y, problem, depth); break;
      }
      return r < 0 ? r : !r;
    }
    case Value::Type::Undef:
    case Value::Type::Function:
      problem = std::string("operation undefined (") + a.TypeName() + " " + OpText(c) + " " +
                b.TypeName() + ")";
      return -1;
  }
  return -1;
}

int LessVectors(const ValueVector& x, const ValueVector& y, std::string& problem, int depth) {
  if (depth >= kMaxValueNesting) return -1;
  const size_t n = x.size() < y.size() ? x.size() : y.size();
  for (size_t i = 0; i < n; ++i) {
    for (int pass = 0; pass < 2; ++pass) {
      const int r = pass == 0 ? CompareAtDepth(Cmp::Less, x[i], y[i], problem, depth + 1)
                              : CompareAtDepth(Cmp::Less, y[i], x[i], problem, depth + 1);
      if (r < 0) {
        problem += "\n\tin vector comparison at index " + std::to_string(i);
        return -1;
      }
      if (r) return pass == 0 ? 1 : 0;
    }
  }
  return x.size() < y.size();
}

Value Compare(Cmp c, const Value& a, const Value& b, const OpSite& site) {
  std::string problem;
  const int r = CompareAtDepth(c, a, b, problem, 0);
  if (r < 0) {
    if (!problem.empty()) site.Warn(problem);
    return Value();
  }
  return Value::Bool(r != 0);
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
