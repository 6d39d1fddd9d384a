// How 2021.01 prints a function value: the literal's source re-printed from
// the AST, with every binary and ternary expression in parentheses
// ("function(x) ((x + 1) * 2)"), the same text 2021.01's .ast dump uses.
#include <string>

#include "eval/value.h"
#include "lang/ast.h"

namespace mos::eval {

namespace {

// Expressions nested deeper than this print as "..." (bounded recursion).
constexpr int kMaxPrintDepth = 1000;

void Print(std::string& out, const lang::Expr* e, int depth);
void PrintFunction(std::string& out, const lang::FunctionLiteralExpr& f, int depth);

std::string QuoteString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  out += '"';
  return out;
}


void PrintAssignments(std::string& out, const std::vector<lang::Assignment>& list, int depth) {
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out += ", ";
    out += list[i].name;
    out += " = ";
    Print(out, list[i].value.get(), depth + 1);
  }
}

void PrintArguments(std::string& out, const std::vector<lang::Argument>& list, int depth) {
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out += ", ";
    if (!list[i].name.empty()) {
      out += list[i].name;
      out += " = ";
    }
    Print(out, list[i].value.get(), depth + 1);
  }
}

void PrintParameters(std::string& out, const std::vector<lang::Parameter>& list, int depth) {
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out += ", ";
    out += list[i].name;
    if (list[i].defaultValue) {
      out += " = ";
      Print(out, list[i].defaultValue.get(), depth + 1);
    }
  }
}

// `for (a = .., b = ..) body` prints as nested single-variable loops.
void PrintFor(std::string& out, const lang::LcForExpr& f, size_t first, int depth) {
  out += "for(";
  if (first < f.assignments.size()) {
    out += f.assignments[first].name;
    out += " = ";
    Print(out, f.assignments[first].value.get(), depth + 1);
  }
  out += ") (";
  if (first + 1 < f.assignments.size()) {
    PrintFor(out, f, first + 1, depth + 1);
  } else {
    Print(out, f.body.get(), depth + 1);
  }
  out += ')';
}

void Print(std::string& out, const lang::Expr* e, int depth) {
  if (!e) return;
  if (depth > kMaxPrintDepth) {
    out += "...";
    return;
  }
  using lang::ExprKind;
  switch (e->kind) {
    case ExprKind::Literal: {
      const auto& l = static_cast<const lang::LiteralExpr&>(*e);
      switch (l.type) {
        case lang::LiteralExpr::Type::Undef: out += "undef"; break;
        case lang::LiteralExpr::Type::Bool: out += l.boolValue ? "true" : "false"; break;
        case lang::LiteralExpr::Type::Number: out += FormatNumber(l.number); break;
        case lang::LiteralExpr::Type::String: out += QuoteString(l.string); break;
      }
      return;
    }
    case ExprKind::Identifier:
      out += static_cast<const lang::IdentifierExpr&>(*e).name;
      return;
    case ExprKind::Range: {
      const auto& r = static_cast<const lang::RangeExpr&>(*e);
      out += '[';
      Print(out, r.begin.get(), depth + 1);
      out += " : ";
      if (r.step) {
        Print(out, r.step.get(), depth + 1);
        out += " : ";
      }
      Print(out, r.end.get(), depth + 1);
      out += ']';
      return;
    }
    case ExprKind::Vector: {
      const auto& v = static_cast<const lang::VectorExpr&>(*e);
      out += '[';
      for (size_t i = 0; i < v.elements.size(); ++i) {
        if (i) out += ", ";
        Print(out, v.elements[i].get(), depth + 1);
      }
      out += ']';
      return;
    }
    case ExprKind::Unary: {
      const auto& u = static_cast<const lang::UnaryExpr&>(*e);
      if (u.op == lang::UnaryOp::Negate) out += '-';
      if (u.op == lang::UnaryOp::Not) out += '!';
      Print(out, u.operand.get(), depth + 1);
      return;
    }
    case ExprKind::Binary: {
      const auto& b = static_cast<const lang::BinaryExpr&>(*e);
      out += '(';
      Print(out, b.left.get(), depth + 1);
      out += ' ';
      out += lang::BinaryOpText(b.op);
      out += ' ';
      Print(out, b.right.get(), depth + 1);
      out += ')';
      return;
    }
    case ExprKind::Ternary: {
      const auto& t = static_cast<const lang::TernaryExpr&>(*e);
      out += '(';
      Print(out, t.condition.get(), depth + 1);
      out += " ? ";
      Print(out, t.ifTrue.get(), depth + 1);
      out += " : ";
      Print(out, t.ifFalse.get(), depth + 1);
      out += ')';
      return;
    }
    case ExprKind::Index: {
      const auto& x = static_cast<const lang::IndexExpr&>(*e);
      Print(out, x.object.get(), depth + 1);
      out += '[';
      Print(out, x.index.get(), depth + 1);
      out += ']';
      return;
    }
    case ExprKind::Member: {
      const auto& m = static_cast<const lang::MemberExpr&>(*e);
      Print(out, m.object.get(), depth + 1);
      out += '.';
      out += m.member;
      return;
    }
    case ExprKind::Call: {
      const auto& c = static_cast<const lang::CallExpr&>(*e);
      if (c.callee && c.callee->kind == ExprKind::Identifier) {
        Print(out, c.callee.get(), depth + 1);
      } else {
        out += '(';
        Print(out, c.callee.get(), depth + 1);
        out += ')';
      }
      out += '(';
      PrintArguments(out, c.arguments, depth);
      out += ')';
      return;
    }
    case ExprKind::FunctionLiteral:
      PrintFunction(out, static_cast<const lang::FunctionLiteralExpr&>(*e), depth + 1);
      return;
    case ExprKind::Let:
    case ExprKind::LcLet: {
      const auto& l = static_cast<const lang::LetExpr&>(*e);
      out += "let(";
      PrintAssignments(out, l.assignments, depth);
      out += ") ";
      Print(out, l.body.get(), depth + 1);
      return;
    }
    case ExprKind::Assert:
    case ExprKind::Echo: {
      const auto& a = static_cast<const lang::AssertOrEchoExpr&>(*e);
      out += e->kind == ExprKind::Assert ? "assert(" : "echo(";
      PrintArguments(out, a.arguments, depth);
      out += ')';
      if (a.body) {
        out += ' ';
        Print(out, a.body.get(), depth + 1);
      }
      return;
    }
    case ExprKind::LcFor:
      PrintFor(out, static_cast<const lang::LcForExpr&>(*e), 0, depth);
      return;
    case ExprKind::LcForC: {
      const auto& f = static_cast<const lang::LcForCExpr&>(*e);
      out += "for(";
      PrintAssignments(out, f.init, depth);
      out += ';';
      Print(out, f.condition.get(), depth + 1);
      out += ';';
      PrintAssignments(out, f.update, depth);
      out += ") ";
      Print(out, f.body.get(), depth + 1);
      return;
    }
    case ExprKind::LcIf: {
      const auto& i = static_cast<const lang::LcIfExpr&>(*e);
      out += "if(";
      Print(out, i.condition.get(), depth + 1);
      out += ") (";
      Print(out, i.ifTrue.get(), depth + 1);
      out += ')';
      if (i.ifFalse) {
        out += " else (";
        Print(out, i.ifFalse.get(), depth + 1);
        out += ')';
      }
      return;
    }
    case ExprKind::LcEach: {
      out += "each (";
      Print(out, static_cast<const lang::LcEachExpr&>(*e).body.get(), depth + 1);
      out += ')';
      return;
    }
  }
}

void PrintFunction(std::string& out, const lang::FunctionLiteralExpr& f, int depth) {
  out += "function(";
  PrintParameters(out, f.parameters, depth);
  out += ") ";
  Print(out, f.body.get(), depth + 1);
}

}  // namespace

std::string FormatFunctionLiteral(const lang::FunctionLiteralExpr& literal) {
  std::string out;
  PrintFunction(out, literal, 0);
  return out;
}

}  // namespace mos::eval
