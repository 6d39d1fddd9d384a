#include "python_values.h"

#include <nanobind/stl/string.h>

namespace nb = nanobind;

namespace mos::python {

namespace {
constexpr int kMaxDepth = 200;  // literals in customizer comments are shallow
}

nb::object LiteralToPython(const lang::Expr* e, int depth) {
  if (!e || depth > kMaxDepth) return nb::none();
  switch (e->kind) {
    case lang::ExprKind::Literal: {
      const auto& l = static_cast<const lang::LiteralExpr&>(*e);
      switch (l.type) {
        case lang::LiteralExpr::Type::Undef: return nb::none();
        case lang::LiteralExpr::Type::Bool: return nb::bool_(l.boolValue);
        case lang::LiteralExpr::Type::Number: return nb::float_(l.number);
        case lang::LiteralExpr::Type::String: return nb::str(l.string.c_str(), l.string.size());
      }
      return nb::none();
    }
    case lang::ExprKind::Vector: {
      nb::list out;
      for (const lang::ExprPtr& x : static_cast<const lang::VectorExpr&>(*e).elements)
        out.append(LiteralToPython(x.get(), depth + 1));
      return out;
    }
    case lang::ExprKind::Range: {
      const auto& r = static_cast<const lang::RangeExpr&>(*e);
      nb::dict out;
      out["begin"] = LiteralToPython(r.begin.get(), depth + 1);
      out["step"] = LiteralToPython(r.step.get(), depth + 1);
      out["end"] = LiteralToPython(r.end.get(), depth + 1);
      return out;
    }
    case lang::ExprKind::Unary: {
      const auto& u = static_cast<const lang::UnaryExpr&>(*e);
      nb::object v = LiteralToPython(u.operand.get(), depth + 1);
      if (u.op == lang::UnaryOp::Negate && nb::isinstance<nb::float_>(v))
        return nb::float_(-nb::cast<double>(v));
      if (u.op == lang::UnaryOp::Plus) return v;
      return nb::none();
    }
    default:
      return nb::none();
  }
}

nb::list ParametersToPython(const lang::File& file) {
  nb::list out;
  for (const lang::Assignment& a : file.body.assignments) {
    if (a.annotations.empty()) continue;  // not a customizer parameter
    nb::dict p;
    p["name"] = a.name;
    p["value"] = LiteralToPython(a.value.get());
    p["group"] = nb::none();
    p["description"] = "";
    p["annotation"] = nb::none();
    p["line"] = a.span.line;
    for (const lang::Annotation& an : a.annotations) {
      nb::object v = LiteralToPython(an.value.get());
      if (an.name == "Group") p["group"] = v;
      else if (an.name == "Description") p["description"] = v;
      else if (an.name == "Parameter") p["annotation"] = v;
    }
    out.append(p);
  }
  return out;
}

}  // namespace mos::python
