// Function calls: user functions and function values (with 2021.01's
// tail-call loop), builtin functions, parent_module().
#include <cmath>
#include <mutex>
#include <unordered_map>

#include "eval/builtin_arguments.h"
#include "eval/pool_allocator.h"
#include "eval/interpreter.h"

namespace mos::eval {

using namespace lang;

namespace {

// 2021.01 runs at most this many self tail calls of one call before it
// reports "Recursion detected".
constexpr long kMaxTailCalls = 1000000;

// parent_module(n): the name of the n-th user module up the instantiation
// stack (needs the evaluator, so it is not in the builtin function table).
Value ParentModule(Interpreter& in, const Arguments& args, const SourceSpan& span) {
  double n = 1;
  if (!args.empty() && args[0].value.IsNumber()) n = args[0].value.AsNumber();
  const auto& stack = in.moduleStack();
  if (n < 0 || !(n < double(stack.size()))) {
    in.Warning("Parent module index (" + FormatNumber(n) +
                   ") greater than the number of modules on the stack",
               span);
    return Value();
  }
  return Value::String(stack[stack.size() - 1 - static_cast<size_t>(n)]);
}

// What a called name is among the builtin functions, with the argument
// plans for up to kPlannedCounts arguments (builtin_arguments.h).
struct BuiltinFunctionEntry {
  static constexpr size_t kPlannedCounts = 8;
  const BuiltinFunction* fn = nullptr;  // null: no builtin function of that name
  bool parentModule = false;
  bool isUndef = false;
  BuiltinArgumentPlan plans[kPlannedCounts] = {};
  BuiltinArgumentPlan Plan(std::string_view name, size_t count) const {
    return count < kPlannedCounts ? plans[count] : PlanBuiltinArguments(name, count);
  }
};

// Found once per name and process: one entry per builtin (a bounded set),
// one shared entry for every other name.
const BuiltinFunctionEntry& BuiltinEntryOf(lang::Symbol s) {
  if (const void* p = s->builtinFunction.load(std::memory_order_acquire))
    return *static_cast<const BuiltinFunctionEntry*>(p);
  static std::mutex* mutex = new std::mutex;
  static auto* entries = new std::unordered_map<std::string, BuiltinFunctionEntry>;
  static const BuiltinFunctionEntry kNone;
  const BuiltinFunctionEntry* e = &kNone;
  const BuiltinFunction* fn = FindBuiltinFunction(s->text);
  if (fn || s->text == "parent_module") {
    std::lock_guard<std::mutex> lock(*mutex);
    auto [it, added] = entries->try_emplace(s->text);
    BuiltinFunctionEntry& made = it->second;
    if (added) {
      made.fn = fn;
      made.parentModule = s->text == "parent_module";
      made.isUndef = s->text == "is_undef";
      for (size_t n = 0; n < BuiltinFunctionEntry::kPlannedCounts; ++n)
        made.plans[n] = PlanBuiltinArguments(s->text, n);
    }
    e = &made;
  }
  s->builtinFunction.store(e, std::memory_order_release);
  return *e;
}

const IdentifierExpr* CalleeName(const Expr& e) {
  if (e.kind != ExprKind::Call) return nullptr;
  const auto& call = static_cast<const CallExpr&>(e);
  if (call.callee->kind != ExprKind::Identifier) return nullptr;
  return static_cast<const IdentifierExpr*>(call.callee.get());
}

}  // namespace

// What is being called: a definition or a function value, and how to tell
// whether a call in tail position calls the same thing again.
struct Interpreter::Callable {
  const std::vector<Parameter>* params;
  const Expr* body;
  ConstContextPtr scope;
  const std::string& name;  // outlives the call (the AST or the caller's)
  const SourceSpan& defSpan;
  const FunctionDefinition* def = nullptr;       // set for definitions
  const FunctionLiteralExpr* literal = nullptr;  // set for function values
  // A used file's scope sits between the caller and the call on the dynamic
  // chain too, so the file's own $ variables are visible.
  ConstContextPtr usedFileScope;

  bool IsSelfCall(const IdentifierExpr& id, const Context& c) const {
    if (id.name != name) return false;
    const lang::Symbol s = id.symbol.Get(id.name);
    const Value* v = c.Lookup(s);
    if (literal) return v && v->IsFunction() && v->AsFunction().literal.get() == literal;
    if (v && v->IsFunction()) return false;
    return c.FindFunction(s).def == def;
  }
};

// Evaluates the body with the arguments bound; a self call at the tail of
// the body (through ?: and let) rebinds and loops instead of recursing.
// `$` variables set on the way stay visible to the next round, as in 2021.01.
// On every recursion through functions: its cold parts are in the helpers
// below, so that its frame stays small.
Value Interpreter::CallLoop(const Callable& f, Arguments args, const SourceSpan& span,
                            const ConstContextPtr& caller) {
  ArgumentsRecycler recycle{*this, args};
  DepthGuard guard(*this, "function", f.name, span);
  ConstContextPtr dynamic = f.usedFileScope ? f.usedFileScope : caller;
  const SourceSpan* callSpan = &span;
  for (long tailCalls = 0;; ++tailCalls) {
    if (tailCalls > kMaxTailCalls) RecursionError("function", f.name, *callSpan);
    ConstContextPtr c = BindParameters(*f.params, args, f.scope, dynamic, *callSpan, f.name);
    const Expr* e = f.body;
    const CallExpr* tail = nullptr;
    while (e) {
      if (e->kind == ExprKind::Ternary) {
        const auto& t = static_cast<const TernaryExpr&>(*e);
        e = Eval(*t.condition, c).ToBool() ? t.ifTrue.get() : t.ifFalse.get();
      } else if (e->kind == ExprKind::Let) {
        const auto& l = static_cast<const LetExpr&>(*e);
        c = LetScope(l.assignments, c);
        e = l.body.get();
      } else if ((e->kind == ExprKind::Assert || e->kind == ExprKind::Echo) &&
                 static_cast<const AssertOrEchoExpr&>(*e).body) {
        e = AssertOrEchoStep(static_cast<const AssertOrEchoExpr&>(*e), c);
      } else {
        if (e->kind == ExprKind::Call && IsSelfCall(f, static_cast<const CallExpr&>(*e), *c))
          tail = static_cast<const CallExpr*>(e);
        break;
      }
    }
    if (!tail) return e ? Eval(*e, c) : Value();
    NextTailCall(f, *tail, c, args, dynamic, caller);
    callSpan = &tail->span;
    CheckLimits();
  }
}

bool Interpreter::IsSelfCall(const Callable& f, const CallExpr& call, const Context& c) const {
  const IdentifierExpr* id = CalleeName(call);
  return id && f.IsSelfCall(*id, c);
}

// assert(..) or echo(..) in front of a function body's expression: checks
// or logs, and gives the expression.
const Expr* Interpreter::AssertOrEchoStep(const AssertOrEchoExpr& a, const ConstContextPtr& c) {
  Arguments args = EvalArguments(a.arguments, c);
  if (a.kind == ExprKind::Assert) CheckAssert(a.arguments, args, a.span);
  else log_.Echo(EchoText(args), a.span);
  return a.body.get();
}

// The arguments of a self tail call (evaluated in the round's scope `c`)
// into `args`, and the dynamic parent of the next round into `dynamic`.
void Interpreter::NextTailCall(const Callable& f, const CallExpr& tail, const ConstContextPtr& c,
                               Arguments& args, ConstContextPtr& dynamic,
                               const ConstContextPtr& caller) {
  try {
    // Into the same vector: the bound scope `c` holds copies of the old
    // arguments, and the loop then allocates no argument list per round.
    args.clear();
    for (const auto& a : tail.arguments) {
      args.emplace_back();
      args.back().name = a.name;
      if (!a.name.empty()) args.back().symbol = a.symbol.Get(a.name);
      if (a.value) args.back().value = Eval(*a.value, c);
    }
  } catch (EvalError& err) {
    Trace(err, "called by '" + f.name + "'", tail.span);
    throw;
  }
  // Carry the `$` variables of this round (and the rounds before) into a
  // single scope so that the dynamic chain does not grow with the loop.
  const ConstContextPtr& base = f.usedFileScope ? f.usedFileScope : caller;
  // Without any (the usual case) the base itself is the dynamic parent.
  ContextPtr carrier;
  for (const Context* k = c.get(); k && k != base.get(); k = k->dynamic().get())
    for (const auto& [name, value] : k->variables())
      if (name->dollar && !(carrier && carrier->FindLocal(name))) {
        if (!carrier) carrier = MakePooled<Context>(nullptr, base);
        carrier->Set(name, value);
      }
  if (carrier) dynamic = std::move(carrier);
  else dynamic = base;
}

// A call of a function definition by name, the one on every recursion
// through functions, with nothing else in its frame; every other call is
// in CallFunctionOther.
Value Interpreter::CallFunction(const CallExpr& call, const ConstContextPtr& ctx) {
  bool notUserFunction = false;
  if (call.callee->kind == ExprKind::Identifier) {
    const auto& id = static_cast<const IdentifierExpr&>(*call.callee);
    const std::string& name = id.name;
    if (!name.empty() && name[0] != '$') {
      try {
        const lang::Symbol sym = id.symbol.Get(name);
        // A variable holding a function value shadows a function definition.
        if (const Value* v = ctx->Lookup(sym); v && v->IsFunction()) {
          const FunctionValue fv = v->AsFunction();  // alive while arguments are evaluated
          Callable f{&fv.literal->parameters, fv.literal->body.get(), fv.closure, name,
                     fv.literal->span, nullptr, fv.literal.get(), nullptr};
          return CallLoop(f, EvalArguments(call.arguments, ctx), call.span, ctx);
        }
        auto def = ctx->FindFunction(sym);
        if (def && !def.usedFile) {
          Callable f{&def.def->parameters, def.def->body.get(), def.scope, name, def.def->span,
                     def.def, nullptr, nullptr};
          return CallLoop(f, EvalArguments(call.arguments, ctx), call.span, ctx);
        }
        // Neither: a builtin or an unknown name (CallFunctionOther traces it).
        notUserFunction = !def;
      } catch (EvalError& e) {
        TraceCall(e, name, call.span);
        throw;
      }
    }
  }
  return CallFunctionOther(call, ctx, notUserFunction);
}

void Interpreter::TraceCall(EvalError& e, const std::string& name, const SourceSpan& span) {
  Trace(e, "called by '" + name + "'", span);
}

Value Interpreter::CallFunctionOther(const CallExpr& call, const ConstContextPtr& ctx,
                                     bool notUserFunction) {
  static const std::string kNoName;
  const std::string* namePtr = &kNoName;  // for the TRACE line
  try {
    if (call.callee->kind != ExprKind::Identifier) {
      Value callee = Eval(*call.callee, ctx);
      Arguments args = EvalArguments(call.arguments, ctx);
      if (callee.IsFunction()) return CallFunctionValue(callee.AsFunction(), args, call.span, ctx, "");
      Warning(std::string("Can't call function on ") + TypeName(callee), call.span);
      return Value();
    }
    const auto& id = static_cast<const IdentifierExpr&>(*call.callee);
    namePtr = &id.name;
    const std::string& name = *namePtr;
    if (!name.empty() && name[0] == '$') {
      Warning("Can't call function on dynamically scoped variable", call.span);
      return Value();
    }
    // A variable holding a function value shadows a function definition.
    const lang::Symbol sym = id.symbol.Get(name);
    if (const Value* v = notUserFunction ? nullptr : ctx->Lookup(sym); v && v->IsFunction()) {
      Value f = *v;  // keep it alive while arguments are evaluated
      Arguments args = EvalArguments(call.arguments, ctx);
      return CallFunctionValue(f.AsFunction(), args, call.span, ctx, name);
    }
    if (auto def = notUserFunction ? Found<FunctionDefinition>{} : ctx->FindFunction(sym)) {
      Arguments args = EvalArguments(call.arguments, ctx);
      Callable f{&def.def->parameters, def.def->body.get(), def.scope, name, def.def->span,
                 def.def, nullptr, nullptr};
      if (def.usedFile) f.scope = f.usedFileScope = UsedFileScope(*def.usedFile, ctx);
      return CallLoop(f, std::move(args), call.span, ctx);
    }
    const BuiltinFunctionEntry& builtin = BuiltinEntryOf(sym);
    if (builtin.parentModule) return ParentModule(*this, EvalArguments(call.arguments, ctx), call.span);
    if (const BuiltinFunction* b = builtin.fn) {
      Arguments args = TakeArguments();
      ArgumentsRecycler recycle{*this, args};
      // is_undef(x) looks x up without the unknown-variable warning.
      if (builtin.isUndef && call.arguments.size() == 1 && call.arguments[0].name.empty() &&
          call.arguments[0].value && call.arguments[0].value->kind == ExprKind::Identifier) {
        const auto& arg = static_cast<const IdentifierExpr&>(*call.arguments[0].value);
        const Value* v = ctx->Lookup(arg.symbol.Get(arg.name));
        args.push_back(CallArgument{"", v ? *v : Value()});
      } else {
        EvalBuiltinArguments(builtin.Plan(name, call.arguments.size()), call.arguments,
                             [&](size_t i) {
                               const Expr* e = call.arguments[i].value.get();
                               return e ? Eval(*e, ctx) : Value();
                             },
                             args);
      }
      BuiltinCall bc{name, args, call.span, log_};
      return b->impl(bc);
    }
    Warning("Ignoring unknown function '" + name + "'", call.span);
    return Value();
  } catch (EvalError& e) {
    Trace(e, "called by '" + *namePtr + "'", call.span);
    throw;
  }
}

Value Interpreter::CallFunctionValue(const FunctionValue& fv, const Arguments& args,
                                     const SourceSpan& span, const ConstContextPtr& ctx,
                                     const std::string& name) {
  Callable f{&fv.literal->parameters, fv.literal->body.get(), fv.closure, name,
             fv.literal->span, nullptr, fv.literal.get(), nullptr};
  return CallLoop(f, args, span, ctx);
}

ContextPtr Interpreter::LetScope(const std::vector<Assignment>& assignments,
                                 const ConstContextPtr& ctx) {
  // A recursion may run through an assignment: this frame counts.
  FrameGuard frame(*this, assignments.empty() ? SourceSpan{} : assignments.front().span);
  auto c = MakePooled<Context>(ctx, ctx);
  for (const auto& a : assignments) {
    if (a.name.empty()) {
      Value v = a.value ? Eval(*a.value, c) : Value();
      Warning("Assignment without variable name " + v.ToEchoString(), a.span);
      continue;
    }
    const lang::Symbol sym = a.symbol.Get(a.name);
    if (c->FindLocal(sym)) {
      // 2021.01 keeps the first and warns about the rest.
      Value v = a.value ? Eval(*a.value, c) : Value();
      Warning("Ignoring duplicate variable assignment " + a.name + " = " + v.ToEchoString(), a.span);
      continue;
    }
    c->Set(sym, a.value ? Eval(*a.value, c) : Value());
  }
  return c;
}

}  // namespace mos::eval
