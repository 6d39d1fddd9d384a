#include "lang/ast_dump.h"

#include <cmath>
#include <cstdio>

namespace mos::lang {
namespace {

constexpr int kMaxDumpDepth = 4000;  // the parser bounds nesting well below this

class Dumper {
 public:
  std::string out;

  void PrintExpr(const lang::Expr& e) {
    if (++depth_ > kMaxDumpDepth) {
      out += "...";
      --depth_;
      return;
    }
    ExprInner(e);
    --depth_;
  }

  void Arguments(const std::vector<Argument>& args) {
    for (size_t i = 0; i < args.size(); ++i) {
      if (i) out += ", ";
      if (!args[i].name.empty()) {
        out += args[i].name;
        out += " = ";
      }
      PrintExpr(*args[i].value);
    }
  }

  void Assignments(const std::vector<Assignment>& list) {
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      if (!list[i].name.empty()) {
        out += list[i].name;
        out += " = ";
      }
      PrintExpr(*list[i].value);
    }
  }

  void Parameters(const std::vector<Parameter>& params) {
    for (size_t i = 0; i < params.size(); ++i) {
      if (i) out += ", ";
      out += params[i].name;
      if (params[i].defaultValue) {
        out += " = ";
        PrintExpr(*params[i].defaultValue);
      }
    }
  }

  static size_t CountElements(const Body& b) {
    size_t n = b.assignments.size() + b.modules.size() + b.functions.size();
    for (const StatementPtr& s : b.instantiations)
      if (!s->modifiers.disable) ++n;
    return n;
  }
  static const Statement* OnlyStatement(const Body& b) {
    for (const StatementPtr& s : b.instantiations)
      if (!s->modifiers.disable) return s.get();
    return nullptr;
  }

  void PrintBody(const lang::Body& b, const std::string& indent) {
    for (const auto& f : b.functions) {
      out += indent;
      out += "function ";
      out += f->name;
      out += "(";
      Parameters(f->parameters);
      out += ") = ";
      PrintExpr(*f->body);
      out += ";\n";
    }
    for (const auto& m : b.modules) {
      out += indent;
      out += "module ";
      out += m->name;
      out += "(";
      Parameters(m->parameters);
      out += ") {\n";
      PrintBody(m->body, indent + "\t");
      out += indent;
      out += "}\n";
    }
    for (const Assignment& a : b.assignments) {
      for (const Annotation& an : a.annotations) {
        out += indent;
        out += "//";
        out += an.name;
        out += "(";
        PrintExpr(*an.value);
        out += ")\n";
      }
      out += indent;
      out += a.name;
      out += " = ";
      PrintExpr(*a.value);
      out += ";\n";
    }
    for (const StatementPtr& s : b.instantiations) {
      if (s->modifiers.disable) continue;
      PrintStatement(*s, indent, false);
    }
  }

  // The children of an instantiation (or a branch of if/else): ";" when
  // empty, the single statement inline, else a block.
  void Children(const lang::Body& b, const std::string& indent) {
    size_t n = CountElements(b);
    const lang::Statement* only = OnlyStatement(b);
    if (n == 0) {
      out += ";\n";
    } else if (n == 1 && only) {
      out += " ";
      PrintStatement(*only, indent, true);
    } else {
      out += " {\n";
      PrintBody(b, indent + "\t");
      out += indent;
      out += "}\n";
    }
  }

  void PrintStatement(const lang::Statement& s, const std::string& indent, bool inlined) {
    if (++depth_ > kMaxDumpDepth) {
      --depth_;
      return;
    }
    if (!inlined) out += indent;
    if (s.kind == StatementKind::Instantiation) {
      const auto& inst = static_cast<const InstantiationStatement&>(s);
      out += inst.name;
      out += "(";
      Arguments(inst.arguments);
      out += ")";
      Children(inst.children, indent);
    } else {
      const auto& ifs = static_cast<const IfElseStatement&>(s);
      out += "if(";
      PrintExpr(*ifs.condition);
      out += ")";
      Children(ifs.ifTrue, indent);
      if (ifs.hasElse) {
        out += indent;
        size_t n = CountElements(ifs.ifFalse);
        const lang::Statement* only = OnlyStatement(ifs.ifFalse);
        if (n == 0) {
          out += "else;";  // sic: 2021.01 ends this line without a newline
        } else if (n == 1 && only) {
          out += "else ";
          PrintStatement(*only, indent, true);
        } else {
          out += "else {\n";
          PrintBody(ifs.ifFalse, indent + "\t");
          out += indent;
          out += "}\n";
        }
      }
    }
    --depth_;
  }

 private:
  void String(const std::string& s) {
    out += '"';
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
  }

  void ExprInner(const lang::Expr& e) {
    switch (e.kind) {
      case ExprKind::Literal: {
        const auto& l = static_cast<const LiteralExpr&>(e);
        switch (l.type) {
          case LiteralExpr::Type::Undef: out += "undef"; break;
          case LiteralExpr::Type::Bool: out += l.boolValue ? "true" : "false"; break;
          case LiteralExpr::Type::Number: out += FormatNumber(l.number); break;
          case LiteralExpr::Type::String: String(l.string); break;
        }
        return;
      }
      case ExprKind::Identifier:
        out += static_cast<const IdentifierExpr&>(e).name;
        return;
      case ExprKind::Range: {
        const auto& r = static_cast<const RangeExpr&>(e);
        out += "[";
        PrintExpr(*r.begin);
        out += " : ";
        if (r.step) {
          PrintExpr(*r.step);
          out += " : ";
        }
        PrintExpr(*r.end);
        out += "]";
        return;
      }
      case ExprKind::Vector: {
        const auto& v = static_cast<const VectorExpr&>(e);
        out += "[";
        for (size_t i = 0; i < v.elements.size(); ++i) {
          if (i) out += ", ";
          PrintExpr(*v.elements[i]);
        }
        out += "]";
        return;
      }
      case ExprKind::Unary: {
        const auto& u = static_cast<const UnaryExpr&>(e);
        if (u.op == UnaryOp::Negate) out += "-";
        if (u.op == UnaryOp::Not) out += "!";
        PrintExpr(*u.operand);
        return;
      }
      case ExprKind::Binary: {
        const auto& b = static_cast<const BinaryExpr&>(e);
        out += "(";
        PrintExpr(*b.left);
        out += " ";
        out += BinaryOpText(b.op);
        out += " ";
        PrintExpr(*b.right);
        out += ")";
        return;
      }
      case ExprKind::Ternary: {
        const auto& t = static_cast<const TernaryExpr&>(e);
        out += "(";
        PrintExpr(*t.condition);
        out += " ? ";
        PrintExpr(*t.ifTrue);
        out += " : ";
        PrintExpr(*t.ifFalse);
        out += ")";
        return;
      }
      case ExprKind::Index: {
        const auto& x = static_cast<const IndexExpr&>(e);
        PrintExpr(*x.object);
        out += "[";
        PrintExpr(*x.index);
        out += "]";
        return;
      }
      case ExprKind::Member: {
        const auto& m = static_cast<const MemberExpr&>(e);
        PrintExpr(*m.object);
        out += ".";
        out += m.member;
        return;
      }
      case ExprKind::Call: {
        const auto& c = static_cast<const CallExpr&>(e);
        if (c.callee->kind == ExprKind::Identifier) {
          out += static_cast<const IdentifierExpr&>(*c.callee).name;
        } else {
          out += "(";
          PrintExpr(*c.callee);
          out += ")";
        }
        out += "(";
        Arguments(c.arguments);
        out += ")";
        return;
      }
      case ExprKind::FunctionLiteral: {
        const auto& f = static_cast<const FunctionLiteralExpr&>(e);
        out += "function(";
        Parameters(f.parameters);
        out += ") ";
        PrintExpr(*f.body);
        return;
      }
      case ExprKind::Let: {
        const auto& l = static_cast<const LetExpr&>(e);
        out += "let(";
        Assignments(l.assignments);
        out += ") ";
        PrintExpr(*l.body);
        return;
      }
      case ExprKind::Assert:
      case ExprKind::Echo: {
        const auto& a = static_cast<const AssertOrEchoExpr&>(e);
        out += e.kind == ExprKind::Assert ? "assert(" : "echo(";
        Arguments(a.arguments);
        out += ")";
        if (a.body) {
          out += " ";
          PrintExpr(*a.body);
        }
        return;
      }
      case ExprKind::LcFor: {
        const auto& f = static_cast<const LcForExpr&>(e);
        out += "for(";
        Assignments(f.assignments);
        out += ") (";
        PrintExpr(*f.body);
        out += ")";
        return;
      }
      case ExprKind::LcForC: {
        const auto& f = static_cast<const LcForCExpr&>(e);
        out += "for(";
        Assignments(f.init);
        out += ";";
        PrintExpr(*f.condition);
        out += ";";
        Assignments(f.update);
        out += ") ";
        PrintExpr(*f.body);
        return;
      }
      case ExprKind::LcIf: {
        const auto& i = static_cast<const LcIfExpr&>(e);
        out += "if(";
        PrintExpr(*i.condition);
        out += ") (";
        PrintExpr(*i.ifTrue);
        out += ")";
        if (i.ifFalse) {
          out += " else (";
          PrintExpr(*i.ifFalse);
          out += ")";
        }
        return;
      }
      case ExprKind::LcEach:
        out += "each (";
        PrintExpr(*static_cast<const LcEachExpr&>(e).body);
        out += ")";
        return;
      case ExprKind::LcLet: {
        const auto& l = static_cast<const LetExpr&>(e);
        out += "let(";
        Assignments(l.assignments);
        out += ") (";
        PrintExpr(*l.body);
        out += ")";
        return;
      }
    }
  }


  int depth_ = 0;
};

}  // namespace

std::string FormatNumber(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", value);
  std::string s(buf);
  // 2021.01 keeps fixed notation down to 1e-5 (printf's %g stops at 1e-4).
  if (s.find("e-05") != std::string::npos) {
    std::snprintf(buf, sizeof buf, "%.10f", value);
    s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
  }
  size_t e = s.find('e');
  if (e != std::string::npos) {
    // "1e+07" -> "1e+7"
    size_t digits = e + 2;
    size_t firstNonZero = digits;
    while (firstNonZero + 1 < s.size() && s[firstNonZero] == '0') ++firstNonZero;
    s.erase(digits, firstNonZero - digits);
  }
  return s;
}

std::string DumpExpr(const Expr& expr) {
  Dumper d;
  d.PrintExpr(expr);
  return d.out;
}

std::string DumpAst(const File& file) {
  Dumper d;
  d.PrintBody(file.body, "");
  return d.out;
}

}  // namespace mos::lang
