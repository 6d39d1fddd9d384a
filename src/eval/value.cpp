// Value construction, accessors, truthiness, equality and the iterative
// teardown of deeply nested vectors.
#include "eval/value.h"
#include "eval/pool_allocator.h"

#include <atomic>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "eval/eval_log.h"
#include "lang/ast.h"

namespace mos::eval {

namespace {

// Payload of a vector value. Its destructor tears nested vectors down with
// an explicit worklist: a million-deep [[[...]]] (buildable with a
// tail-recursive function) must not recurse a million frames.
struct VectorPayload {
  ValueVector items;
  explicit VectorPayload(ValueVector v) : items(std::move(v)) {}
  ~VectorPayload();
};

// Payload of a string value: the text and its code point count, counted on
// first use (len() and s[i] of a long string in a loop would otherwise scan
// it every time; an all-ASCII string then indexes by byte).
struct StringPayload {
  std::string text;
  mutable std::atomic<int64_t> codePoints{-1};
  explicit StringPayload(std::string s) : text(std::move(s)) {}
};

}  // namespace

// Grants the teardown access to Value's private payload.
struct VectorPayloadAccess {
  // Whether an element is a vector that holds a vector.
  static bool HasNestedVectors(const ValueVector& items) {
    for (const Value& v : items) {
      if (v.type_ != Value::Type::Vector || !v.payload_) continue;
      for (const Value& w : static_cast<const VectorPayload*>(v.payload_.get())->items)
        if (w.type_ == Value::Type::Vector) return true;
    }
    return false;
  }
  static void Detach(ValueVector& items, std::vector<std::shared_ptr<const void>>& pending) {
    for (Value& v : items) {
      if (v.type_ == Value::Type::Vector && v.payload_) {
        pending.push_back(std::move(v.payload_));
        v.type_ = Value::Type::Undef;
      }
    }
  }
};

VectorPayload::~VectorPayload() {
  // Without grandchildren that are vectors (numbers, points, matrices) the
  // elements die one level down: no worklist (and no allocation) needed.
  if (!VectorPayloadAccess::HasNestedVectors(items)) return;
  std::vector<std::shared_ptr<const void>> pending;
  VectorPayloadAccess::Detach(items, pending);
  while (!pending.empty()) {
    std::shared_ptr<const void> p = std::move(pending.back());
    pending.pop_back();
    if (p.use_count() == 1) {
      // We are the only owner: steal its children before it dies, so its
      // own destructor has nothing nested left to recurse into.
      auto* payload = const_cast<VectorPayload*>(static_cast<const VectorPayload*>(p.get()));
      VectorPayloadAccess::Detach(payload->items, pending);
    }
  }
}

Value Value::String(std::string s) {
  Value v;
  v.type_ = Type::String;
  v.payload_ = MakePooled<StringPayload>(std::move(s));
  return v;
}

Value Value::Vector(ValueVector items) {
  Value v;
  v.type_ = Type::Vector;
  v.payload_ = MakePooled<VectorPayload>(std::move(items));
  return v;
}

Value Value::Range(RangeValue r) {
  Value v;
  v.type_ = Type::Range;
  v.payload_ = MakePooled<RangeValue>(r);
  return v;
}

Value Value::Function(FunctionValue f) {
  Value v;
  v.type_ = Type::Function;
  v.payload_ = MakePooled<FunctionValue>(std::move(f));
  return v;
}

const char* Value::TypeName() const {
  switch (type_) {
    case Type::Undef: return "undefined";
    case Type::Bool: return "bool";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::Vector: return "vector";
    case Type::Range: return "range";
    case Type::Function: return "function";
  }
  return "undefined";
}

const std::string& Value::AsString() const {
  assert(type_ == Type::String);
  return static_cast<const StringPayload*>(payload_.get())->text;
}

size_t Value::StringCodePoints() const {
  assert(type_ == Type::String);
  const auto* p = static_cast<const StringPayload*>(payload_.get());
  int64_t n = p->codePoints.load(std::memory_order_relaxed);
  if (n < 0) {
    n = static_cast<int64_t>(Utf8Length(p->text));
    p->codePoints.store(n, std::memory_order_relaxed);
  }
  return static_cast<size_t>(n);
}

// Value::AsVector (inline in value.h) reads the payload as its first member.
static_assert(std::is_standard_layout_v<VectorPayload>);
static_assert(offsetof(VectorPayload, items) == 0);

bool Value::ToBool() const {
  switch (type_) {
    case Type::Undef: return false;
    case Type::Bool: return bool_;
    case Type::Number: return number_ != 0;  // nan is true in 2021.01
    case Type::String: return !AsString().empty();
    case Type::Vector: return !AsVector().empty();
    case Type::Range: return true;
    case Type::Function: return true;
  }
  return false;
}

bool Value::GetDouble(double& out) const {
  if (type_ != Type::Number) return false;
  out = number_;
  return true;
}

bool Value::GetVec2(double& x, double& y) const {
  if (type_ != Type::Vector) return false;
  const ValueVector& v = AsVector();
  if (v.size() != 2 || !v[0].IsNumber() || !v[1].IsNumber()) return false;
  x = v[0].AsNumber();
  y = v[1].AsNumber();
  return true;
}

bool Value::GetVec3(double& x, double& y, double& z) const {
  if (type_ != Type::Vector) return false;
  const ValueVector& v = AsVector();
  if (v.size() != 3 || !v[0].IsNumber() || !v[1].IsNumber() || !v[2].IsNumber()) return false;
  x = v[0].AsNumber();
  y = v[1].AsNumber();
  z = v[2].AsNumber();
  return true;
}

namespace {

bool EqualAtDepth(const Value& a, const Value& b, int depth) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Value::Type::Undef: return true;
    case Value::Type::Bool: return a.AsBool() == b.AsBool();
    case Value::Type::Number: return a.AsNumber() == b.AsNumber();
    case Value::Type::String: return a.AsString() == b.AsString();
    case Value::Type::Vector: {
      const ValueVector& x = a.AsVector();
      const ValueVector& y = b.AsVector();
      if (x.size() != y.size()) return false;
      if (depth >= kMaxValueNesting) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!EqualAtDepth(x[i], y[i], depth + 1)) return false;
      }
      return true;
    }
    case Value::Type::Range: {
      const RangeValue& x = a.AsRange();
      const RangeValue& y = b.AsRange();
      // As 2021.01: all empty ranges are equal ([1:-1:3] == [-1:-1:1]);
      // others by begin, step and element count, not end
      // ([1:1:3] == [1:1:3.5], but [1:1:1] != [1:2:1]).
      const uint32_t n = x.NumValues();
      if (n != y.NumValues()) return false;
      return n == 0 || (x.begin == y.begin && x.step == y.step);
    }
    case Value::Type::Function:
      return &a.AsFunction() == &b.AsFunction();
  }
  return false;
}

}  // namespace

bool operator==(const Value& a, const Value& b) { return EqualAtDepth(a, b, 0); }

Value Equal(const Value& a, const Value& b) { return Value::Bool(a == b); }
Value NotEqual(const Value& a, const Value& b) { return Value::Bool(a != b); }

void OpSite::Warn(const std::string& text) const {
  if (!log) return;
  static const lang::SourceSpan kNoSpan;
  const lang::SourceSpan& s = span ? *span : kNoSpan;
  log->Warning(text + log->LocationSuffix(s), s);
}

void OpSite::WarnNoLocation(const std::string& text) const {
  if (!log) return;
  static const lang::SourceSpan kNoSpan;
  log->Warning(text, span ? *span : kNoSpan);
}

void OpSite::Deprecated(const std::string& text) const {
  if (!log) return;
  static const lang::SourceSpan kNoSpan;
  const lang::SourceSpan& s = span ? *span : kNoSpan;
  log->Deprecated(text + log->LocationSuffix(s), s);
}

}  // namespace mos::eval
