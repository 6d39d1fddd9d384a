// Vector literals made only of constants (number, string, bool and undef
// literals, negated number literals, and such vectors) have the same value
// on every evaluation. Whether a vector is one is a property of the AST
// alone (noted on the node once); its value is built here directly from
// the AST, without the evaluator's per-element frames (mcad's
// 8bit_polyfont() is ~8,000 such literals), kept on the node for every
// later run, and noted per run in constantValues_.
#include "eval/interpreter.h"

namespace mos::eval {

using namespace lang;

namespace {

// Deeper constant vectors are left to the element-by-element path (this
// bounds the recursion of the walks below).
constexpr int kMaxConstantNesting = 64;
// A generous bound on the native stack one nesting level of the ordinary
// path takes (Eval + EvalOther + EvalListElement, about 700 bytes on
// x86-64): the shortcut is taken only where that path could not have hit
// the stack limit.
constexpr std::size_t kStackPerLevel = 8192;

bool IsNegatedNumber(const Expr& x) {
  if (x.kind != ExprKind::Unary) return false;
  const auto& u = static_cast<const UnaryExpr&>(x);
  if (u.op != UnaryOp::Negate) return false;
  const Expr& operand = *u.operand;
  return operand.kind == ExprKind::Literal &&
         static_cast<const LiteralExpr&>(operand).type == LiteralExpr::Type::Number;
}

Value LiteralValue(const LiteralExpr& l) {
  switch (l.type) {
    case LiteralExpr::Type::Undef: return Value();
    case LiteralExpr::Type::Bool: return Value::Bool(l.boolValue);
    case LiteralExpr::Type::Number: return Value::Number(l.number);
    case LiteralExpr::Type::String: return Value::String(l.string);
  }
  return Value();
}

// The value of a vector classified constant; false when it nests deeper
// than kMaxConstantNesting. `maxLevel` = the deepest element's level (the
// vector's own elements are level `level`).
bool BuildConstant(const VectorExpr& v, int level, int& maxLevel, Value& out) {
  if (level > kMaxConstantNesting) return false;
  if (level > maxLevel) maxLevel = level;
  ValueVector items;
  items.reserve(v.elements.size());
  for (const auto& el : v.elements) {
    const Expr& x = *el;
    if (x.kind == ExprKind::Literal) {
      items.push_back(LiteralValue(static_cast<const LiteralExpr&>(x)));
    } else if (x.kind == ExprKind::Vector) {
      Value nested;
      if (!BuildConstant(static_cast<const VectorExpr&>(x), level + 1, maxLevel, nested))
        return false;
      items.push_back(std::move(nested));
    } else {
      // A negated number literal (classified so): Negate of a number.
      const auto& u = static_cast<const UnaryExpr&>(x);
      items.push_back(Value::Number(-static_cast<const LiteralExpr&>(*u.operand).number));
    }
  }
  out = Value::Vector(std::move(items));
  return true;
}

}  // namespace

unsigned char Interpreter::ClassifyConstantVector(const VectorExpr& v, int level) {
  unsigned char known = v.constness.load(std::memory_order_relaxed);
  if (known != VectorExpr::kUnknown) return known;
  if (level > kMaxConstantNesting) return VectorExpr::kNotConstant;
  bool constant = v.elements.size() < kMaxListElements;
  for (size_t i = 0; constant && i < v.elements.size(); ++i) {
    const Expr& x = *v.elements[i];
    if (x.kind == ExprKind::Literal || IsNegatedNumber(x)) continue;
    constant = x.kind == ExprKind::Vector &&
               ClassifyConstantVector(static_cast<const VectorExpr&>(x), level + 1) ==
                   VectorExpr::kConstant;
  }
  // (A vector cut at the nesting bound is noted as not constant: that only
  // sends it down the ordinary path, which gives the same value.)
  const unsigned char result = constant ? VectorExpr::kConstant : VectorExpr::kNotConstant;
  v.constness.store(result, std::memory_order_relaxed);
  return result;
}

namespace {

// A constant vector's value as its node keeps it, with the depth of its
// deepest element.
struct ConstantNote : lang::EvaluatorNote {
  Value value;
  int maxLevel = 0;
};

}  // namespace

bool Interpreter::BuildConstantVector(const VectorExpr& v, Value& out) {
  int maxLevel = 0;
  Value built;
  // Built once for the node (by whichever run or thread comes first) and
  // shared by every later run; each run still decides, as on its first
  // evaluation before, whether the shortcut may stand for the ordinary
  // path (the check below).
  if (const auto* note = static_cast<const ConstantNote*>(
          v.constantValue.load(std::memory_order_acquire))) {
    built = note->value;
    maxLevel = note->maxLevel;
  } else {
    if (!BuildConstant(v, 1, maxLevel, built)) return false;
    auto* mine = new ConstantNote;
    mine->value = built;
    mine->maxLevel = maxLevel;
    const lang::EvaluatorNote* expected = nullptr;
    if (!v.constantValue.compare_exchange_strong(expected, mine, std::memory_order_acq_rel,
                                                 std::memory_order_acquire)) {
      delete mine;  // another thread was first: take its value
      const auto* theirs = static_cast<const ConstantNote*>(expected);
      built = theirs->value;
      maxLevel = theirs->maxLevel;
    }
  }
  // The ordinary path enters one frame per element level below this one
  // (FrameGuard): take the shortcut only where none of those frames could
  // have reported "nesting too deep".
  if (depth_ + maxLevel + 1 > hardMaxDepth_ ||
      StackUsed() + static_cast<std::size_t>(maxLevel + 1) * kStackPerLevel > hardStackBytes_)
    return false;
  out = std::move(built);
  return true;
}

}  // namespace mos::eval
