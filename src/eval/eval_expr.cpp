// Expression evaluation with 2021.01's warnings (unknown variables,
// undefined operations) and list comprehensions.
#include <cmath>

#include "eval/expr_text.h"
#include "eval/pool_allocator.h"
#include "eval/interpreter.h"

namespace mos::eval {

using namespace lang;

const char* TypeName(const Value& v) { return v.TypeName(); }

namespace {

// Not inlined: Eval's frame is the one each nested expression costs.
[[gnu::noinline]] Value Apply(BinaryOp op, const Value& a, const Value& b, const OpSite& site) {
  switch (op) {
    case BinaryOp::Add: return Add(a, b, site);
    case BinaryOp::Subtract: return Subtract(a, b, site);
    case BinaryOp::Multiply: return Multiply(a, b, site);
    case BinaryOp::Divide: return Divide(a, b, site);
    case BinaryOp::Modulo: return Modulo(a, b, site);
    case BinaryOp::Power: return Power(a, b, site);
    case BinaryOp::Less: return Less(a, b, site);
    case BinaryOp::LessEqual: return LessEqual(a, b, site);
    case BinaryOp::Greater: return Greater(a, b, site);
    case BinaryOp::GreaterEqual: return GreaterEqual(a, b, site);
    case BinaryOp::Equal: return Value::Bool(a == b);
    case BinaryOp::NotEqual: return Value::Bool(!(a == b));
    case BinaryOp::And: return Value::Bool(a.ToBool() && b.ToBool());
    case BinaryOp::Or: return Value::Bool(a.ToBool() || b.ToBool());
  }
  return Value();
}

// Splits a UTF-8 string into one string per code point.
void Utf8Chars(const std::string& s, std::vector<Value>& out) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + n > s.size()) n = s.size() - i;
    out.push_back(Value::String(s.substr(i, n)));
    i += n;
  }
}

}  // namespace

// The values a for loop (statement or comprehension) visits.
std::vector<Value> Interpreter::ForValues(const Value& v, const SourceSpan& span,
                                          bool moduleLoop) {
  std::vector<Value> out;
  switch (v.type()) {
    case Value::Type::Undef:
      break;
    case Value::Type::Vector:
      out = v.AsVector();
      break;
    case Value::Type::String:
      Utf8Chars(v.AsString(), out);
      break;
    case Value::Type::Range: {
      const RangeValue& r = v.AsRange();
      uint32_t n = r.NumValues();
      const uint64_t limit = options_.maxLoopIterations ? options_.maxLoopIterations
                             : moduleLoop               ? kMaxModuleLoopElements - 1
                                                        : kMaxRangeElements - 1;
      if (n > limit) {
        log_.Warning("Bad range parameter in for statement: too many elements (" +
                         std::to_string(n) + ")" + Where(span),
                     span);
        break;
      }
      out.reserve(n);
      for (uint32_t i = 0; i < n; ++i) out.push_back(Value::Number(r.At(i)));
      break;
    }
    default:
      out.push_back(v);
      break;
  }
  return out;
}

Arguments Interpreter::EvalArguments(const std::vector<Argument>& args,
                                     const ConstContextPtr& ctx) {
  Arguments out = TakeArguments();
  out.reserve(args.size());
  for (const auto& a : args) {
    // Built in place: no temporary CallArgument to move.
    out.emplace_back();
    out.back().name = a.name;
    if (!a.name.empty()) out.back().symbol = a.symbol.Get(a.name);
    if (a.value) out.back().value = Eval(*a.value, ctx);
  }
  return out;
}

std::string Interpreter::EchoText(const Arguments& args) {
  std::string text;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) text += ", ";
    if (!args[i].name.empty()) text += args[i].name + " = ";
    text += args[i].value.ToEchoString();
  }
  return text;
}

// assert(condition, message): logs 2021.01's error and unwinds when false.
void Interpreter::CheckAssert(const std::vector<Argument>& argExprs, const Arguments& args,
                              const SourceSpan& span) {
  const Value* cond = nullptr;
  const Value* message = nullptr;
  const Expr* condExpr = nullptr;
  size_t pos = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    const auto& name = args[i].name;
    if (name == "condition" || (name.empty() && pos == 0)) {
      cond = &args[i].value;
      condExpr = argExprs[i].value.get();
    } else if (name == "message" || (name.empty() && pos == 1)) {
      message = &args[i].value;
    }
    if (name.empty()) ++pos;
  }
  if (!cond) Warning("Ignoring unknown variable 'condition'", span);
  if (cond && cond->ToBool()) return;
  std::string text = condExpr ? "Assertion '" + ExprToString(*condExpr) + "' failed"
                              : std::string("Assertion failed");
  if (message && !message->IsUndef()) text += ": " + message->ToEchoString();
  Error(text, span);
}

// The recursion of the evaluator over expressions, one native frame per
// nested expression: only the common cases are here, without their cold
// ends (warnings, operators on non-numbers), so that the frame stays small
// (a browser worker's native stack bounds the recursion depth in WASM).
// Everything else is in EvalOther.
Value Interpreter::Eval(const Expr& e, const ConstContextPtr& ctx) {
  FrameGuard frame(*this, e.span);
  switch (e.kind) {
    case ExprKind::Literal: {
      const auto& l = static_cast<const LiteralExpr&>(e);
      if (l.type == LiteralExpr::Type::Number) return Value::Number(l.number);
      break;
    }
    case ExprKind::Identifier: {
            const auto& id = static_cast<const IdentifierExpr&>(e);
      if (const Value* v = ctx->Lookup(id.symbol.Get(id.name))) return *v;
      break;
    }
    case ExprKind::Binary: {
      const auto& b = static_cast<const BinaryExpr&>(e);
      if (b.op == BinaryOp::And || b.op == BinaryOp::Or) break;
      Value l = Eval(*b.left, ctx);
      Value r = Eval(*b.right, ctx);
      if (l.IsNumber() && r.IsNumber()) {
        // The common case without a call: the same IEEE operations the
        // operators apply to two numbers (value_arithmetic.cpp,
        // value_compare.cpp), none of which warns.
        const double x = l.AsNumber(), y = r.AsNumber();
        switch (b.op) {
          case BinaryOp::Add: return Value::Number(x + y);
          case BinaryOp::Subtract: return Value::Number(x - y);
          case BinaryOp::Multiply: return Value::Number(x * y);
          case BinaryOp::Divide: return Value::Number(x / y);
          case BinaryOp::Less: return Value::Bool(x < y);
          case BinaryOp::LessEqual: return Value::Bool(x <= y);
          case BinaryOp::Greater: return Value::Bool(x > y);
          case BinaryOp::GreaterEqual: return Value::Bool(x >= y);
          case BinaryOp::Equal: return Value::Bool(x == y);
          case BinaryOp::NotEqual: return Value::Bool(!(x == y));
          default: break;
        }
      }
      return Apply(b.op, l, r, OpSite{&log_, &e.span});
    }
    case ExprKind::Ternary: {
      const auto& t = static_cast<const TernaryExpr&>(e);
      return Eval(Eval(*t.condition, ctx).ToBool() ? *t.ifTrue : *t.ifFalse, ctx);
    }
    case ExprKind::Call:
      return CallFunction(static_cast<const CallExpr&>(e), ctx);
    default:
      break;
  }
  return EvalOther(e, ctx);
}

// The rest of Eval (its frame is not counted again: FrameGuard is Eval's).
Value Interpreter::EvalOther(const Expr& e, const ConstContextPtr& ctx) {
  switch (e.kind) {
    case ExprKind::Literal: {
      const auto& l = static_cast<const LiteralExpr&>(e);
      switch (l.type) {
        case LiteralExpr::Type::Undef: return Value();
        case LiteralExpr::Type::Bool: return Value::Bool(l.boolValue);
        case LiteralExpr::Type::Number: return Value::Number(l.number);
        case LiteralExpr::Type::String: {
          auto it = constantValues_.find(&e);
          if (it != constantValues_.end()) return it->second;
          Value str = Value::String(l.string);
          constantValues_.emplace(&e, str);
          return str;
        }
      }
      return Value();
    }
    case ExprKind::Identifier: {
      const auto& id = static_cast<const IdentifierExpr&>(e);
      if (const Value* v = ctx->Lookup(id.symbol.Get(id.name))) return *v;
      Warning("Ignoring unknown variable '" + id.name + "'", e.span);
      return Value();
    }
    case ExprKind::Range: {
      // 2021.01 evaluates begin, end, then step, and stops at the first
      // that is not a number ([x:y:z] with x undefined warns only about x).
      const auto& r = static_cast<const RangeExpr&>(e);
      Value b = Eval(*r.begin, ctx);
      if (!b.IsNumber()) return Value();
      Value en = Eval(*r.end, ctx);
      if (!en.IsNumber()) return Value();
      Value s = r.step ? Eval(*r.step, ctx) : Value();
      return MakeRange(b, r.step ? &s : nullptr, en, OpSite{&log_, &e.span});
    }
    case ExprKind::Vector: {
      const auto& v = static_cast<const VectorExpr&>(e);
      // Whether the vector is constant depends on the AST alone: noted in
      // the node once (VectorExpr::constness), its value built directly
      // and kept per run (eval_constant.cpp).
      unsigned char constness = v.constness.load(std::memory_order_relaxed);
      if (constness != VectorExpr::kNotConstant) {
        auto cached = constantValues_.find(&e);
        if (cached != constantValues_.end()) return cached->second;
        if (constness == VectorExpr::kUnknown) constness = ClassifyConstantVector(v, 0);
        if (constness == VectorExpr::kConstant) {
          Value built;
          if (BuildConstantVector(v, built)) {
            constantValues_.emplace(&e, built);
            return built;
          }
        }
      }
      ValueVector out;
      out.reserve(v.elements.size());
      for (const auto& el : v.elements) EvalListElement(*el, ctx, out);
      Value result = Value::Vector(std::move(out));
      if (constness == VectorExpr::kConstant) constantValues_.emplace(&e, result);
      return result;
    }
    case ExprKind::Unary: {
      const auto& u = static_cast<const UnaryExpr&>(e);
      Value x = Eval(*u.operand, ctx);
      switch (u.op) {
        case UnaryOp::Not: return Not(x);
        case UnaryOp::Plus: return x;
        case UnaryOp::Negate:
          return Negate(x, OpSite{&log_, &e.span});
      }
      return Value();
    }
    case ExprKind::Binary: {
      // Eval applies every other operator; && and || short-circuit here.
      const auto& b = static_cast<const BinaryExpr&>(e);
      if (b.op == BinaryOp::And) {
        if (!Eval(*b.left, ctx).ToBool()) return Value::Bool(false);
        return Value::Bool(Eval(*b.right, ctx).ToBool());
      }
      if (Eval(*b.left, ctx).ToBool()) return Value::Bool(true);
      return Value::Bool(Eval(*b.right, ctx).ToBool());
    }
    case ExprKind::Ternary:
    case ExprKind::Call:
      break;  // Eval's own: never here
    case ExprKind::Index: {
      const auto& i = static_cast<const IndexExpr&>(e);
      Value obj = Eval(*i.object, ctx);
      Value idx = Eval(*i.index, ctx);
      return Index(obj, idx);
    }
    case ExprKind::Member: {
      const auto& m = static_cast<const MemberExpr&>(e);
      Value obj = Eval(*m.object, ctx);
      // 2021.01 also reads r.begin, r.step, r.end of a range.
      if (obj.IsRange()) {
        const RangeValue& r = obj.AsRange();
        if (m.member == "begin") return Value::Number(r.begin);
        if (m.member == "step") return Value::Number(r.step);
        if (m.member == "end") return Value::Number(r.end);
      }
      return Member(obj, m.member);
    }
    case ExprKind::FunctionLiteral: {
      const auto& f = static_cast<const FunctionLiteralExpr&>(e);
      // Aliasing pointer: the literal lives as long as the parsed files do.
      std::shared_ptr<const FunctionLiteralExpr> lit(keepAlive_, &f);
      if (capturedScopes_.empty() || capturedScopes_.back().lock() != ctx) {
        capturedScopes_.push_back(ctx);
      }
      return Value::Function(FunctionValue{lit, ctx});
    }
    case ExprKind::Let: {
      const auto& l = static_cast<const LetExpr&>(e);
      auto c = LetScope(l.assignments, ctx);
      return l.body ? Eval(*l.body, c) : Value();
    }
    case ExprKind::Assert: {
      const auto& a = static_cast<const AssertOrEchoExpr&>(e);
      Arguments args = EvalArguments(a.arguments, ctx);
      CheckAssert(a.arguments, args, e.span);
      return a.body ? Eval(*a.body, ctx) : Value();
    }
    case ExprKind::Echo: {
      const auto& a = static_cast<const AssertOrEchoExpr&>(e);
      Arguments args = EvalArguments(a.arguments, ctx);
      log_.Echo(EchoText(args), e.span);
      return a.body ? Eval(*a.body, ctx) : Value();
    }
    case ExprKind::LcFor:
    case ExprKind::LcForC:
    case ExprKind::LcIf:
    case ExprKind::LcEach:
    case ExprKind::LcLet: {
      // Only valid inside [ ]; the parser should not produce this.
      ValueVector out;
      EvalListElement(e, ctx, out);
      return Value::Vector(std::move(out));
    }
  }
  return Value();
}

namespace {

void AppendEach(const Value& v, Interpreter& in, const SourceSpan& span, ValueVector& out) {
  switch (v.type()) {
    case Value::Type::Undef:
      break;
    case Value::Type::Vector: {
      const ValueVector& items = v.AsVector();
      out.insert(out.end(), items.begin(), items.end());
      break;
    }
    case Value::Type::Range:
    case Value::Type::String: {
      auto items = in.ForValues(v, span);
      for (auto& x : items) out.push_back(std::move(x));
      break;
    }
    default:
      out.push_back(v);
  }
}

}  // namespace

void Interpreter::LcForLoop(const LcForExpr& f, size_t level, const ConstContextPtr& ctx,
                            ValueVector& out) {
  if (level == f.assignments.size()) {
    EvalListElement(*f.body, ctx, out);
    return;
  }
  FrameGuard frame(*this, f.span);  // one native frame per level
  const auto& a = f.assignments[level];
  Value seq = a.value ? Eval(*a.value, ctx) : Value();
  // One scope per round; when nothing kept the last round's scope (no
  // closure, no nested scope still alive) it is reused for the next.
  ContextPtr c;
  ConstContextPtr view;
  auto round = [&](Value item) {
    CheckLimits();
    if (view.use_count() == 2) {
      c->Set(a.symbol.Get(a.name), std::move(item));
    } else {
      c = MakePooled<Context>(ctx, ctx);
      c->Set(a.symbol.Get(a.name), std::move(item));
      view = c;
    }
    LcForLoop(f, level + 1, view, out);
  };
  // A plain [for (x = seq) expr] makes one element per round: room for all
  // of them at once (only into an empty list: reserving inside nested loops
  // would defeat the vector's geometric growth).
  const ExprKind bodyKind = f.body->kind;
  const bool onePerRound = out.empty() && f.assignments.size() == 1 &&
                           bodyKind != ExprKind::LcFor && bodyKind != ExprKind::LcForC &&
                           bodyKind != ExprKind::LcIf && bodyKind != ExprKind::LcEach &&
                           bodyKind != ExprKind::LcLet;
  if (seq.IsVector()) {
    if (onePerRound) out.reserve(seq.AsVector().size());
    for (const Value& item : seq.AsVector()) round(item);
  } else if (seq.IsRange() &&
             seq.AsRange().NumValues() <= (options_.maxLoopIterations ? options_.maxLoopIterations
                                                                      : kMaxRangeElements - 1)) {
    const RangeValue& r = seq.AsRange();
    const uint32_t n = r.NumValues();
    if (onePerRound) out.reserve(n);
    for (uint32_t i = 0; i < n; ++i) round(Value::Number(r.At(i)));
  } else {
    for (auto& item : ForValues(seq, f.span)) round(std::move(item));
  }
}

void Interpreter::EvalListElement(const Expr& e, const ConstContextPtr& ctx, ValueVector& out) {
  FrameGuard frame(*this, e.span);
  switch (e.kind) {
    case ExprKind::LcFor:
      LcForLoop(static_cast<const LcForExpr&>(e), 0, ctx, out);
      return;
    case ExprKind::LcForC: {
      const auto& f = static_cast<const LcForCExpr&>(e);
      ConstContextPtr c = LetScope(f.init, ctx);
      for (long count = 0; !f.condition || Eval(*f.condition, c).ToBool(); ++count) {
        const uint64_t limit = options_.maxLoopIterations ? options_.maxLoopIterations : 1000000;
        if (static_cast<uint64_t>(count) >= limit) Error("For loop counter exceeded limit", e.span);
        CheckLimits();
        EvalListElement(*f.body, c, out);
        // The update is sequential and starts from this round's values; the
        // next round gets a fresh scope so the chain does not grow.
        auto next = MakePooled<Context>(ctx, ctx);
        for (const auto& [name, value] : c->variables()) next->Set(name, value);
        for (const auto& a : f.update)
          next->Set(a.symbol.Get(a.name), a.value ? Eval(*a.value, next) : Value());
        c = next;
      }
      return;
    }
    case ExprKind::LcIf: {
      const auto& i = static_cast<const LcIfExpr&>(e);
      if (Eval(*i.condition, ctx).ToBool())
        EvalListElement(*i.ifTrue, ctx, out);
      else if (i.ifFalse)
        EvalListElement(*i.ifFalse, ctx, out);
      return;
    }
    case ExprKind::LcEach: {
      const auto& each = static_cast<const LcEachExpr&>(e);
      const ExprKind k = each.body->kind;
      if (k == ExprKind::LcFor || k == ExprKind::LcForC || k == ExprKind::LcIf ||
          k == ExprKind::LcEach || k == ExprKind::LcLet) {
        ValueVector items;
        EvalListElement(*each.body, ctx, items);
        for (const auto& v : items) AppendEach(v, *this, e.span, out);
        if (out.size() > kMaxListElements)
          Error("List exceeds the limit of " + std::to_string(kMaxListElements) + " elements", e.span);
      } else {
        AppendEach(Eval(*each.body, ctx), *this, e.span, out);
        if (out.size() > kMaxListElements)
          Error("List exceeds the limit of " + std::to_string(kMaxListElements) + " elements", e.span);
      }
      return;
    }
    case ExprKind::LcLet: {
      const auto& l = static_cast<const LetExpr&>(e);
      auto c = LetScope(l.assignments, ctx);
      if (l.body) EvalListElement(*l.body, c, out);
      return;
    }
    default:
      if (out.size() >= kMaxListElements)
        Error("List exceeds the limit of " + std::to_string(kMaxListElements) + " elements", e.span);
      out.push_back(Eval(e, ctx));
  }
}

}  // namespace mos::eval
