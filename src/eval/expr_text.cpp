#include "eval/expr_text.h"

#include "eval/value.h"

namespace mos::eval {
namespace {

using namespace lang;


// Bounded: the printer is only used on parsed (depth-limited) trees, but a
// guard keeps a pathological tree from exhausting the stack.
constexpr int kMaxDepth = 2000;

void Print(const Expr& e, std::string& out, int depth);

void Args(const std::vector<Argument>& args, std::string& out, int depth) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) out += ", ";
    if (!args[i].name.empty()) out += args[i].name + " = ";
    if (args[i].value) Print(*args[i].value, out, depth);
  }
}

void Assigns(const std::vector<Assignment>& as, std::string& out, int depth) {
  for (size_t i = 0; i < as.size(); ++i) {
    if (i) out += ", ";
    out += as[i].name + " = ";
    if (as[i].value) Print(*as[i].value, out, depth);
  }
}

void Params(const std::vector<Parameter>& ps, std::string& out, int depth) {
  for (size_t i = 0; i < ps.size(); ++i) {
    if (i) out += ", ";
    out += ps[i].name;
    if (ps[i].defaultValue) {
      out += " = ";
      Print(*ps[i].defaultValue, out, depth);
    }
  }
}

void Print(const Expr& e, std::string& out, int depth) {
  if (++depth > kMaxDepth) {
    out += "...";
    return;
  }
  switch (e.kind) {
    case ExprKind::Literal: {
      const auto& l = static_cast<const LiteralExpr&>(e);
      switch (l.type) {
        case LiteralExpr::Type::Undef: out += "undef"; break;
        case LiteralExpr::Type::Bool: out += l.boolValue ? "true" : "false"; break;
        case LiteralExpr::Type::Number: out += FormatNumber(l.number); break;
        case LiteralExpr::Type::String: out += QuoteEscaped(l.string); break;
      }
      return;
    }
    case ExprKind::Identifier:
      out += static_cast<const IdentifierExpr&>(e).name;
      return;
    case ExprKind::Range: {
      const auto& r = static_cast<const RangeExpr&>(e);
      out += "[";
      Print(*r.begin, out, depth);
      if (r.step) {
        out += " : ";
        Print(*r.step, out, depth);
      }
      out += " : ";
      Print(*r.end, out, depth);
      out += "]";
      return;
    }
    case ExprKind::Vector: {
      const auto& v = static_cast<const VectorExpr&>(e);
      out += "[";
      for (size_t i = 0; i < v.elements.size(); ++i) {
        if (i) out += ", ";
        Print(*v.elements[i], out, depth);
      }
      out += "]";
      return;
    }
    case ExprKind::Unary: {
      const auto& u = static_cast<const UnaryExpr&>(e);
      if (u.op == UnaryOp::Negate) out += "-";
      if (u.op == UnaryOp::Not) out += "!";
      Print(*u.operand, out, depth);
      return;
    }
    case ExprKind::Binary: {
      const auto& b = static_cast<const BinaryExpr&>(e);
      out += "(";
      Print(*b.left, out, depth);
      out += std::string(" ") + lang::BinaryOpText(b.op) + " ";
      Print(*b.right, out, depth);
      out += ")";
      return;
    }
    case ExprKind::Ternary: {
      const auto& t = static_cast<const TernaryExpr&>(e);
      out += "(";
      Print(*t.condition, out, depth);
      out += " ? ";
      Print(*t.ifTrue, out, depth);
      out += " : ";
      Print(*t.ifFalse, out, depth);
      out += ")";
      return;
    }
    case ExprKind::Index: {
      const auto& i = static_cast<const IndexExpr&>(e);
      Print(*i.object, out, depth);
      out += "[";
      Print(*i.index, out, depth);
      out += "]";
      return;
    }
    case ExprKind::Member: {
      const auto& m = static_cast<const MemberExpr&>(e);
      Print(*m.object, out, depth);
      out += "." + m.member;
      return;
    }
    case ExprKind::Call: {
      const auto& c = static_cast<const CallExpr&>(e);
      if (c.callee->kind == ExprKind::Identifier) {
        Print(*c.callee, out, depth);
      } else {
        out += "(";
        Print(*c.callee, out, depth);
        out += ")";
      }
      out += "(";
      Args(c.arguments, out, depth);
      out += ")";
      return;
    }
    case ExprKind::FunctionLiteral: {
      const auto& f = static_cast<const FunctionLiteralExpr&>(e);
      out += "function(";
      Params(f.parameters, out, depth);
      out += ") ";
      Print(*f.body, out, depth);
      return;
    }
    case ExprKind::Let:
    case ExprKind::LcLet: {
      const auto& l = static_cast<const LetExpr&>(e);
      out += "let(";
      Assigns(l.assignments, out, depth);
      out += ") ";
      Print(*l.body, out, depth);
      return;
    }
    case ExprKind::Assert:
    case ExprKind::Echo: {
      const auto& a = static_cast<const AssertOrEchoExpr&>(e);
      out += e.kind == ExprKind::Assert ? "assert(" : "echo(";
      Args(a.arguments, out, depth);
      out += ")";
      if (a.body) {
        out += " ";
        Print(*a.body, out, depth);
      }
      return;
    }
    case ExprKind::LcFor: {
      // for (a = .., b = ..) nests one loop per assignment.
      const auto& f = static_cast<const LcForExpr&>(e);
      for (const auto& a : f.assignments) {
        out += "for(" + a.name + " = ";
        Print(*a.value, out, depth);
        out += ") (";
      }
      Print(*f.body, out, depth);
      out += std::string(f.assignments.size(), ')');
      return;
    }
    case ExprKind::LcForC: {
      const auto& f = static_cast<const LcForCExpr&>(e);
      out += "for(";
      Assigns(f.init, out, depth);
      out += ";";
      if (f.condition) Print(*f.condition, out, depth);
      out += ";";
      Assigns(f.update, out, depth);
      out += ") ";
      Print(*f.body, out, depth);
      return;
    }
    case ExprKind::LcIf: {
      const auto& i = static_cast<const LcIfExpr&>(e);
      out += "if(";
      Print(*i.condition, out, depth);
      out += ") (";
      Print(*i.ifTrue, out, depth);
      out += ")";
      if (i.ifFalse) {
        out += " else (";
        Print(*i.ifFalse, out, depth);
        out += ")";
      }
      return;
    }
    case ExprKind::LcEach: {
      out += "each (";
      Print(*static_cast<const LcEachExpr&>(e).body, out, depth);
      out += ")";
      return;
    }
  }
}

}  // namespace

std::string QuoteEscaped(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

std::string ExprToString(const lang::Expr& e) {
  std::string out;
  Print(e, out, 0);
  return out;
}

std::string FunctionLiteralToString(const lang::FunctionLiteralExpr& f) { return ExprToString(f); }

}  // namespace mos::eval
