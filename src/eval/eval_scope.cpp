// Scope set-up: parameter binding, assignment lists, used-file scopes.
#include <memory>
#include <unordered_map>

#include "eval/interpreter.h"
#include "eval/pool_allocator.h"

namespace mos::eval {

namespace {

// Which argument each parameter of one call takes. Per-parameter state in
// place for the usual few parameters (this runs on every call).
struct Binding {
  static constexpr size_t kInPlace = 8;
  const Value* assignedInPlace[kInPlace] = {};
  bool namedInPlace[kInPlace] = {};
  std::vector<const Value*> assignedHeap;
  std::unique_ptr<bool[]> namedHeap;
  const Value** assigned = assignedInPlace;
  bool* named = namedInPlace;
  std::vector<std::string> duplicates;
  std::vector<const CallArgument*> specials;  // $ names and other extra names

  explicit Binding(size_t n) {
    if (n > kInPlace) {
      assignedHeap.assign(n, nullptr);
      namedHeap.reset(new bool[n]());
      assigned = assignedHeap.data();
      named = namedHeap.get();
    }
  }
};

[[gnu::noinline]] void MatchArguments(Interpreter& in, const std::vector<lang::Parameter>& params,
                                      const Arguments& args, const lang::SourceSpan& callSpan,
                                      Binding& b) {
  size_t position = 0;
  bool tooMany = false;
  for (const auto& arg : args) {
    if (arg.name.empty()) {
      if (position < params.size()) {
        b.assigned[position++] = &arg.value;
      } else if (!tooMany) {
        tooMany = true;
        in.log().Warning("Too many unnamed arguments supplied" + in.Where(callSpan), callSpan);
      }
      continue;
    }
    size_t index = params.size();
    for (size_t i = 0; i < params.size(); ++i)
      if (params[i].name == arg.name) index = i;
    if (index < params.size()) {
      if (b.named[index]) b.duplicates.push_back(arg.name);
      b.named[index] = true;
      b.assigned[index] = &arg.value;
    } else if (arg.name[0] == '$') {
      b.specials.push_back(&arg);
    } else {
      // 2021.01 warns but still defines the variable in the callee's scope.
      in.log().Warning("variable " + arg.name + " not specified as parameter" + in.Where(callSpan),
                       callSpan);
      b.specials.push_back(&arg);
    }
  }
}

// 2021.01 evaluates every default, in the scope of the definition. A
// recursion may run through a default: this frame counts.
[[gnu::noinline]] void EvalDefaults(Interpreter& in, const std::vector<lang::Parameter>& params,
                                    const ConstContextPtr& lexical, const Binding& b,
                                    Context& ctx, const lang::SourceSpan& callSpan) {
  Interpreter::FrameGuard frame(in, callSpan);
  for (size_t i = 0; i < params.size(); ++i) {
    if (!params[i].defaultValue) {
      if (!b.assigned[i]) ctx.Set(params[i].symbol.Get(params[i].name), Value());
      continue;
    }
    Value v = in.Eval(*params[i].defaultValue, lexical);
    if (!b.assigned[i]) ctx.Set(params[i].symbol.Get(params[i].name), std::move(v));
  }
}

[[gnu::noinline]] void FinishBinding(Interpreter& in, const std::vector<lang::Parameter>& params,
                                     const lang::SourceSpan& callSpan, const Binding& b,
                                     Context& ctx, bool defaultsDone) {
  if (!defaultsDone)
    for (size_t i = 0; i < params.size(); ++i)
      if (!b.assigned[i]) ctx.Set(params[i].symbol.Get(params[i].name), Value());
  for (const auto& d : b.duplicates)
    in.log().Warning("argument " + d + " supplied more than once" + in.Where(callSpan), callSpan);
  for (size_t i = 0; i < params.size(); ++i)
    if (b.assigned[i]) ctx.Set(params[i].symbol.Get(params[i].name), *b.assigned[i]);
  for (const auto* s : b.specials) ctx.Set(s->symbol, s->value);
}

}  // namespace

// On every recursion through calls: its parts are in the helpers above so
// that its own frame stays small.
ContextPtr Interpreter::BindParameters(const std::vector<lang::Parameter>& params,
                                       const Arguments& args, ConstContextPtr lexical,
                                       ConstContextPtr dynamic,
                                       const lang::SourceSpan& callSpan,
                                       const std::string& /*callee*/) {
  auto ctx = MakePooled<Context>(lexical, std::move(dynamic));
  Binding b(params.size());
  MatchArguments(*this, params, args, callSpan, b);
  bool anyDefault = false;
  for (const auto& p : params) anyDefault = anyDefault || p.defaultValue;
  if (anyDefault) EvalDefaults(*this, params, lexical, b, *ctx, callSpan);
  FinishBinding(*this, params, callSpan, b, *ctx, anyDefault);
  return ctx;
}

void Interpreter::EvalAssignments(const std::vector<lang::Assignment>& assignments,
                                  const ContextPtr& ctx) {
  if (assignments.empty()) return;
  // A reassigned name keeps its first position and takes its last value.
  std::vector<const lang::Assignment*> order;
  std::unordered_map<std::string_view, size_t> index;
  for (const auto& a : assignments) {
    auto it = index.find(a.name);
    if (it == index.end()) {
      index.emplace(a.name, order.size());
      order.push_back(&a);
    } else {
      order[it->second] = &a;
    }
  }
  for (const auto* a : order) {
    Value v = a->value ? Eval(*a->value, ctx) : Value();
    ctx->Set(a->symbol.Get(a->name), std::move(v));
  }
}

ContextPtr Interpreter::UsedFileScope(const UsedFile& used, const ConstContextPtr& caller) {
  auto ctx = MakePooled<Context>(root_, caller);
  // Its definitions are the same on every call: built once per run.
  ScopeDefinitionsPtr& defs = usedFileDefinitions_[&used];
  if (!defs) {
    ctx->SetUses(used.uses);
    ctx->AddDefinitions(used.file->body);
    defs = ctx->definitions();
    if (!defs) defs = std::make_shared<ScopeDefinitions>();
  } else {
    ctx->ShareDefinitions(defs);
  }
  EvalAssignments(used.file->body.assignments, ctx);
  return ctx;
}

}  // namespace mos::eval
