// The abstract syntax tree of an OpenSCAD 2021.01 program.
//
// Every node carries the SourceSpan it was parsed from. Nodes are immutable
// after parsing and shared (function literals keep their body alive after the
// file that defined them is re-parsed), hence shared_ptr<const T>.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "lang/symbol.h"

namespace mos::lang {

// Where a node came from. `file` points at the canonical path of the parsed
// file (shared by every node of that file); lines and columns are 1-based.
struct SourceSpan {
  std::shared_ptr<const std::string> file;
  int line = 0, column = 0;        // first character
  int endLine = 0, endColumn = 0;  // one past the last character
  const std::string& FileName() const;
};

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

// One argument of a call: `name = value` or just `value` (name empty).
struct Argument {
  std::string name;
  ExprPtr value;
  SourceSpan span;
  LazySymbol symbol;  // of `name` (the evaluator's lookups)
};

// One parameter of a module/function definition or function literal:
// `name` or `name = default` (defaultValue null when absent).
struct Parameter {
  std::string name;
  ExprPtr defaultValue;
  SourceSpan span;
  LazySymbol symbol;  // of `name` (the evaluator's lookups)
};

// A customizer annotation 2021.01 attaches to a top-level assignment of a
// literal value in the main file, above the first `{` of the file
// (`openscad -o x.ast` prints them as `//Name(value)`): "Parameter" (parsed
// from the `//` comment after it, "" if none), "Description" (a `//` line
// directly above it) and "Group" (the last one-line `/* [Group] */` above).
struct Annotation {
  std::string name;
  ExprPtr value;
};

// `name = value` inside let(), for(), C-style for, and as a statement.
struct Assignment {
  std::string name;
  ExprPtr value;
  SourceSpan span;
  // Comments attached to a top-level assignment, verbatim with their
  // delimiters: the block comments and whole-line comments directly before
  // it, and the comment on the same line after the ';' (customizer
  // annotations `// [0:100]`, `/* [Group] */` are read from these).
  std::vector<std::string> commentsBefore;
  std::string commentAfter;
  std::vector<Annotation> annotations;  // Group, Description, Parameter (2021.01's print order)
  LazySymbol symbol;  // of `name` (the evaluator's lookups)
};

enum class ExprKind {
  Literal,          // number, string, true/false, undef
  Identifier,       // variable lookup (also `$fn` etc.)
  Range,            // [begin : end] or [begin : step : end]
  Vector,           // [e, e, ...]; elements may be list-comprehension nodes
  Unary,            // -x, +x, !x
  Binary,           // x op y
  Ternary,          // c ? a : b
  Index,            // v[i]
  Member,           // v.x / v.y / v.z
  Call,             // callee(args); callee is any expression
  FunctionLiteral,  // function (params) body
  Let,              // let (assignments) body
  Assert,           // assert (args) body   (body may be null)
  Echo,             // echo (args) body     (body may be null)
  // List-comprehension elements, valid only inside Vector (and nested in each
  // other):
  LcFor,   // for (assignments) body; the parser nests one loop per assignment
  LcForC,  // for (init; condition; update) body
  LcIf,    // if (condition) then [else otherwise]
  LcEach,  // each body
  LcLet,   // let (assignments) body
};

enum class UnaryOp { Negate, Plus, Not };  // the parser folds `+x` to x (2021.01)
enum class BinaryOp {
  Add, Subtract, Multiply, Divide, Modulo, Power,
  Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual,
  And, Or,
};

// The operator as written in source (used by every printer of expressions).
inline const char* BinaryOpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Subtract: return "-";
    case BinaryOp::Multiply: return "*";
    case BinaryOp::Divide: return "/";
    case BinaryOp::Modulo: return "%";
    case BinaryOp::Power: return "^";
    case BinaryOp::Less: return "<";
    case BinaryOp::LessEqual: return "<=";
    case BinaryOp::Greater: return ">";
    case BinaryOp::GreaterEqual: return ">=";
    case BinaryOp::Equal: return "==";
    case BinaryOp::NotEqual: return "!=";
    case BinaryOp::And: return "&&";
    case BinaryOp::Or: return "||";
  }
  return "?";
}

struct Expr {
  ExprKind kind;
  SourceSpan span;
  explicit Expr(ExprKind k, SourceSpan s) : kind(k), span(std::move(s)) {}
  virtual ~Expr() = default;
};

struct LiteralExpr : Expr {
  enum class Type { Undef, Bool, Number, String } type = Type::Undef;
  bool boolValue = false;
  double number = 0;
  std::string string;  // escapes already decoded (UTF-8)
  explicit LiteralExpr(SourceSpan s) : Expr(ExprKind::Literal, std::move(s)) {}
};

struct IdentifierExpr : Expr {
  std::string name;
  LazySymbol symbol;  // of `name` (the evaluator's lookups)
  IdentifierExpr(SourceSpan s, std::string n)
      : Expr(ExprKind::Identifier, std::move(s)), name(std::move(n)) {}
};

struct RangeExpr : Expr {
  ExprPtr begin, step, end;  // step null for [begin:end]
  explicit RangeExpr(SourceSpan s) : Expr(ExprKind::Range, std::move(s)) {}
};

// What the evaluator keeps on a node (lang does not know its types).
struct EvaluatorNote {
  virtual ~EvaluatorNote() = default;
};

struct VectorExpr : Expr {
  std::vector<ExprPtr> elements;
  // The evaluator's note whether the vector is made of constants only
  // (literals and constant vectors: the same value on every evaluation).
  enum : unsigned char { kUnknown = 0, kConstant = 1, kNotConstant = 2 };
  mutable std::atomic<unsigned char> constness{kUnknown};
  // A constant vector's value, made on its first evaluation by any run
  // and then shared (set once; owned by the node).
  mutable std::atomic<const EvaluatorNote*> constantValue{nullptr};
  explicit VectorExpr(SourceSpan s) : Expr(ExprKind::Vector, std::move(s)) {}
  ~VectorExpr() override { delete constantValue.load(std::memory_order_acquire); }
  VectorExpr(const VectorExpr&) = delete;
  VectorExpr& operator=(const VectorExpr&) = delete;
};

struct UnaryExpr : Expr {
  UnaryOp op;
  ExprPtr operand;
  UnaryExpr(SourceSpan s, UnaryOp o, ExprPtr x)
      : Expr(ExprKind::Unary, std::move(s)), op(o), operand(std::move(x)) {}
};

struct BinaryExpr : Expr {
  BinaryOp op;
  ExprPtr left, right;
  BinaryExpr(SourceSpan s, BinaryOp o, ExprPtr l, ExprPtr r)
      : Expr(ExprKind::Binary, std::move(s)), op(o), left(std::move(l)), right(std::move(r)) {}
};

struct TernaryExpr : Expr {
  ExprPtr condition, ifTrue, ifFalse;
  explicit TernaryExpr(SourceSpan s) : Expr(ExprKind::Ternary, std::move(s)) {}
};

struct IndexExpr : Expr {
  ExprPtr object, index;
  explicit IndexExpr(SourceSpan s) : Expr(ExprKind::Index, std::move(s)) {}
};

struct MemberExpr : Expr {
  ExprPtr object;
  std::string member;  // "x", "y" or "z" are meaningful; others give undef
  explicit MemberExpr(SourceSpan s) : Expr(ExprKind::Member, std::move(s)) {}
};

struct CallExpr : Expr {
  ExprPtr callee;  // usually an IdentifierExpr naming a function
  std::vector<Argument> arguments;
  explicit CallExpr(SourceSpan s) : Expr(ExprKind::Call, std::move(s)) {}
};

struct FunctionLiteralExpr : Expr {
  std::vector<Parameter> parameters;
  ExprPtr body;
  explicit FunctionLiteralExpr(SourceSpan s) : Expr(ExprKind::FunctionLiteral, std::move(s)) {}
};

// Let, LcLet: assignments + body.
struct LetExpr : Expr {
  std::vector<Assignment> assignments;
  ExprPtr body;
  LetExpr(ExprKind k, SourceSpan s) : Expr(k, std::move(s)) {}
};

// Assert, Echo: arguments + optional body.
struct AssertOrEchoExpr : Expr {
  std::vector<Argument> arguments;
  ExprPtr body;  // may be null
  AssertOrEchoExpr(ExprKind k, SourceSpan s) : Expr(k, std::move(s)) {}
};

struct LcForExpr : Expr {
  std::vector<Assignment> assignments;  // for (i = [..], j = [..]) nests loops
  ExprPtr body;
  explicit LcForExpr(SourceSpan s) : Expr(ExprKind::LcFor, std::move(s)) {}
};

struct LcForCExpr : Expr {
  std::vector<Assignment> init;
  ExprPtr condition;
  std::vector<Assignment> update;
  ExprPtr body;
  explicit LcForCExpr(SourceSpan s) : Expr(ExprKind::LcForC, std::move(s)) {}
};

struct LcIfExpr : Expr {
  ExprPtr condition, ifTrue, ifFalse;  // ifFalse may be null
  explicit LcIfExpr(SourceSpan s) : Expr(ExprKind::LcIf, std::move(s)) {}
};

struct LcEachExpr : Expr {
  ExprPtr body;
  explicit LcEachExpr(SourceSpan s) : Expr(ExprKind::LcEach, std::move(s)) {}
};

// ---------------------------------------------------------------- statements

struct Statement;
using StatementPtr = std::shared_ptr<const Statement>;
struct ModuleDefinition;
struct FunctionDefinition;

// A block of statements: a file, a module body, or the children `{ ... }` of
// an instantiation. 2021.01 evaluates all assignments of a scope before its
// instantiations; definitions are visible throughout the scope.
struct Body {
  // In source order. A name assigned twice in one scope keeps its first
  // position but takes the later value and span: 2021.01 replaces it in
  // place while parsing (the parser also reports 2021.01's warning).
  std::vector<Assignment> assignments;
  std::vector<std::shared_ptr<const ModuleDefinition>> modules;
  std::vector<std::shared_ptr<const FunctionDefinition>> functions;
  std::vector<StatementPtr> instantiations;  // in source order
};

enum class StatementKind { Instantiation, IfElse };

// Modifier characters in front of an instantiation.
struct Modifiers {
  bool root = false;       // !
  bool highlight = false;  // #
  bool background = false; // %
  bool disable = false;    // *
};

struct Statement {
  StatementKind kind;
  SourceSpan span;
  Modifiers modifiers;
  Statement(StatementKind k, SourceSpan s) : kind(k), span(std::move(s)) {}
  virtual ~Statement() = default;
};

// name(args) child;  name(args) { children }  name(args);
// `for`, `let`, `echo`, `assert`, `intersection_for`, `children` and every
// builtin or user module are all instantiations by name.
struct InstantiationStatement : Statement {
  std::string name;
  std::vector<Argument> arguments;
  Body children;
  LazySymbol symbol;  // of `name` (the evaluator's lookups)
  explicit InstantiationStatement(SourceSpan s)
      : Statement(StatementKind::Instantiation, std::move(s)) {}
};

struct IfElseStatement : Statement {
  ExprPtr condition;
  Body ifTrue;
  Body ifFalse;
  bool hasElse = false;
  explicit IfElseStatement(SourceSpan s) : Statement(StatementKind::IfElse, std::move(s)) {}
};

struct ModuleDefinition {
  std::string name;
  std::vector<Parameter> parameters;
  Body body;
  SourceSpan span;
  LazySymbol symbol;  // of `name` (the evaluator's lookups)
};

struct FunctionDefinition {
  std::string name;
  std::vector<Parameter> parameters;
  ExprPtr body;
  SourceSpan span;
  LazySymbol symbol;  // of `name` (the evaluator's lookups)
};

// One parsed file. `include <x>` is textual in 2021.01: the parser splices
// the included file's statements in place (their spans name the included
// file). `use <x>` is recorded here; the evaluator loads those files' modules
// and functions.
struct UseDirective {
  std::string path;      // as written between < >
  std::string resolved;  // absolute path found, empty if not found
  SourceSpan span;
};

struct File {
  std::string path;  // canonical path ("" for inline source)
  Body body;
  std::vector<UseDirective> uses;
  std::vector<std::string> includedFiles;  // resolved paths, for cache keys
};
using FilePtr = std::shared_ptr<const File>;

}  // namespace mos::lang
