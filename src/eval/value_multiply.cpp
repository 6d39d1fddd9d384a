// Multiplication with 2021.01's semantics and warnings: number*number,
// scalar*vector, dot product, matrix*vector, vector*matrix, matrix*matrix.
// Which product applies is decided by the types of the two first elements.
#include <string>
#include <vector>

#include "eval/value.h"
#include "eval/value_ops_internal.h"

namespace mos::eval {

namespace {

std::string Count(const char* what, size_t a, size_t b) {
  return std::string(what) + " (" + std::to_string(a) + " != " + std::to_string(b) + ")";
}

std::string NotRectangular(size_t row) {
  return "Matrix must be rectangular. Problem at row " + std::to_string(row);
}
std::string NotNumberInMatrix(size_t row, size_t col) {
  return "Matrix must contain only numbers. Problem at row " + std::to_string(row) + ", col " +
         std::to_string(col);
}
std::string NotNumberInVector(size_t index) {
  return "Vector must contain only numbers. Problem at index " + std::to_string(index);
}

Value DotProduct(const ValueVector& a, const ValueVector& b, const OpSite& site) {
  if (a.size() != b.size()) {
    site.Warn(Count("vector*vector requires matching lengths", a.size(), b.size()));
    return Value();
  }
  double sum = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a[i].IsNumber() || !b[i].IsNumber()) {
      site.Warn(UndefinedOperationText(a[i], "*", b[i]));
      return Value();
    }
    sum += a[i].AsNumber() * b[i].AsNumber();
  }
  return Value::Number(sum);
}

// The shape and type checks happen while multiplying, in 2021.01's order,
// so the first problem met is the one reported: row by row, each row's
// shape, then its elements and the vector's.
Value MatrixTimesVector(const ValueVector& m, const ValueVector& v, const OpSite& site) {
  const size_t cols = m[0].AsVector().size();
  if (cols != v.size()) {
    site.Warn(Count("matrix*vector requires matrix column count to match vector length", cols,
                    v.size()));
    return Value();
  }
  ValueVector out;
  out.reserve(m.size());
  for (size_t r = 0; r < m.size(); ++r) {
    if (!m[r].IsVector() || m[r].AsVector().size() != cols) {
      site.Warn(NotRectangular(r));
      return Value();
    }
    const ValueVector& row = m[r].AsVector();
    double sum = 0;
    for (size_t c = 0; c < cols; ++c) {
      if (!row[c].IsNumber()) {
        site.Warn(NotNumberInMatrix(r, c));
        return Value();
      }
      if (!v[c].IsNumber()) {
        site.Warn(NotNumberInVector(c));
        return Value();
      }
      sum += row[c].AsNumber() * v[c].AsNumber();
    }
    out.push_back(Value::Number(sum));
  }
  return Value::Vector(std::move(out));
}

// v*m, checked column by column: for each row, its shape, the vector
// element, then the matrix element. On failure `problem` holds the message
// and `lengthMismatch` tells whether it was the up-front length check
// (2021.01 prints the other problems once without location before its
// caller prints them again).
Value VectorTimesMatrix(const ValueVector& v, const ValueVector& m, std::string& problem,
                        bool& lengthMismatch) {
  lengthMismatch = false;
  if (v.size() != m.size()) {
    lengthMismatch = true;
    problem = Count("vector*matrix requires vector length to match matrix row count", v.size(),
                    m.size());
    return Value();
  }
  const size_t cols = m[0].IsVector() ? m[0].AsVector().size() : 0;
  ValueVector out;
  out.reserve(cols);
  for (size_t c = 0; c < cols; ++c) {
    double sum = 0;
    for (size_t r = 0; r < m.size(); ++r) {
      if (!m[r].IsVector() || m[r].AsVector().size() != cols) {
        problem = NotRectangular(r);
        return Value();
      }
      if (!v[r].IsNumber()) {
        problem = NotNumberInVector(r);
        return Value();
      }
      const Value& e = m[r].AsVector()[c];
      if (!e.IsNumber()) {
        problem = NotNumberInMatrix(r, c);
        return Value();
      }
      sum += v[r].AsNumber() * e.AsNumber();
    }
    out.push_back(Value::Number(sum));
  }
  return Value::Vector(std::move(out));
}

// The numbers of `m` row by row into `out` when it is a rectangular matrix
// of numbers with `cols` columns; false otherwise.
bool NumericMatrix(const ValueVector& m, size_t cols, std::vector<double>& out) {
  out.resize(m.size() * cols);
  double* o = out.data();
  for (const Value& row : m) {
    if (!row.IsVector()) return false;
    const ValueVector& r = row.AsVector();
    if (r.size() != cols) return false;
    for (const Value& e : r) {
      if (!e.IsNumber()) return false;
      *o++ = e.AsNumber();
    }
  }
  return true;
}

// a*b for number matrices whose shapes match (the common case, as in
// transformation matrices): the same sums in the same order as
// VectorTimesMatrix, without its per-element checks.
bool MultiplyNumericMatrices(const ValueVector& a, const ValueVector& b, Value& result) {
  const size_t inner = b.size();
  const size_t cols = b[0].IsVector() ? b[0].AsVector().size() : 0;
  if (cols == 0) return false;
  thread_local std::vector<double> left, right;
  if (!NumericMatrix(a, inner, left) || !NumericMatrix(b, cols, right)) return false;
  ValueVector out;
  out.reserve(a.size());
  for (size_t r = 0; r < a.size(); ++r) {
    const double* v = left.data() + r * inner;
    ValueVector row;
    row.reserve(cols);
    for (size_t c = 0; c < cols; ++c) {
      double sum = 0;
      for (size_t k = 0; k < inner; ++k) sum += v[k] * right[k * cols + c];
      row.push_back(Value::Number(sum));
    }
    out.push_back(Value::Vector(std::move(row)));
  }
  result = Value::Vector(std::move(out));
  return true;
}

Value MatrixTimesMatrix(const ValueVector& a, const ValueVector& b, const OpSite& site) {
  if (Value fast; MultiplyNumericMatrices(a, b, fast)) return fast;
  const size_t cols = a[0].AsVector().size();
  if (cols != b.size()) {
    site.Warn(Count("matrix*matrix requires left operand column count to match right operand "
                    "row count",
                    cols, b.size()));
    return Value();
  }
  ValueVector out;
  out.reserve(a.size());
  for (size_t r = 0; r < a.size(); ++r) {
    const size_t rowLength = a[r].IsVector() ? a[r].AsVector().size() : 0;
    if (rowLength != b.size()) {
      site.Warn(Count("matrix*matrix left operand row length does not match right operand row "
                      "count",
                      rowLength, b.size()) +
                " at row " + std::to_string(r));
      return Value();
    }
    std::string problem;
    bool lengthMismatch = false;
    Value row = VectorTimesMatrix(a[r].AsVector(), b, problem, lengthMismatch);
    if (!problem.empty()) {
      site.WarnNoLocation(problem);
      site.Warn(problem + "\n\twhile processing left operand at row " + std::to_string(r));
      return Value();
    }
    out.push_back(std::move(row));
  }
  return Value::Vector(std::move(out));
}

Value MultiplyVectors(const Value& a, const Value& b, const OpSite& site) {
  const ValueVector& x = a.AsVector();
  const ValueVector& y = b.AsVector();
  if (x.empty() || y.empty()) {
    site.Warn("Multiplication is undefined on empty vectors");
    return Value();
  }
  const Value& x0 = x[0];
  const Value& y0 = y[0];
  if (x0.IsNumber() && y0.IsNumber()) return DotProduct(x, y, site);
  if (x0.IsVector() && y0.IsNumber()) return MatrixTimesVector(x, y, site);
  if (x0.IsNumber() && y0.IsVector()) {
    std::string problem;
    bool lengthMismatch = false;
    Value out = VectorTimesMatrix(x, y, problem, lengthMismatch);
    if (!problem.empty()) {
      if (!lengthMismatch) site.WarnNoLocation(problem);
      site.Warn(problem);
    }
    return out;
  }
  if (x0.IsVector() && y0.IsVector()) return MatrixTimesMatrix(x, y, site);
  site.Warn(std::string("undefined vector*vector multiplication where first elements are types ") +
            x0.TypeName() + " and " + y0.TypeName());
  return Value();
}

}  // namespace

Value Multiply(const Value& a, const Value& b, const OpSite& site) {
  if (a.IsNumber() && b.IsNumber()) return Value::Number(a.AsNumber() * b.AsNumber());
  if (a.IsNumber() && b.IsVector()) return ScaleVector(b, a.AsNumber(), true, 0);
  if (a.IsVector() && b.IsNumber()) return ScaleVector(a, b.AsNumber(), false, 0);
  if (a.IsVector() && b.IsVector()) return MultiplyVectors(a, b, site);
  site.Warn(UndefinedOperationText(a, "*", b));
  return Value();
}

}  // namespace mos::eval
