// Function calls: user functions (with 2021.01's tail-recursion
// elimination), function values, builtin functions, parent_module().
#include <cmath>

#include "eval/interpreter.h"

namespace mos::eval {

using namespace lang;

namespace {

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

}  // namespace

Value Interpreter::CallFunction(const CallExpr& call, const ConstContextPtr& ctx) {
  std::string name;
  try {
    if (call.callee->kind != ExprKind::Identifier) {
      Value callee = Eval(*call.callee, ctx);
      Arguments args = EvalArguments(call.arguments, ctx);
      if (callee.IsFunction()) return CallFunctionValue(callee.AsFunction(), args, call.span, ctx, "");
      Warning(std::string("Can't call function on ") + TypeName(callee), call.span);
      return Value();
    }
    name = static_cast<const IdentifierExpr&>(*call.callee).name;
    // A variable holding a function value shadows a function definition.
    if (const Value* v = ctx->Lookup(name); v && v->IsFunction()) {
      Value f = *v;  // keep it alive while arguments are evaluated
      Arguments args = EvalArguments(call.arguments, ctx);
      return CallFunctionValue(f.AsFunction(), args, call.span, ctx, name);
    }
    if (auto def = ctx->FindFunction(name)) {
      return CallUserFunction(def, EvalArguments(call.arguments, ctx), call.span, ctx);
    }
    if (name == "parent_module") return ParentModule(*this, EvalArguments(call.arguments, ctx), call.span);
    if (const BuiltinFunction* b = FindBuiltinFunction(name)) {
      Arguments args = EvalArguments(call.arguments, ctx);
      BuiltinCall bc{name, args, call.span, log_};
      return b->impl(bc);
    }
    Warning("Ignoring unknown function '" + name + "'", call.span);
    return Value();
  } catch (EvalError& e) {
    Trace(e, "called by '" + name + "'", call.span);
    throw;
  }
}

Value Interpreter::CallFunctionValue(const FunctionValue& f, const Arguments& args,
                                     const SourceSpan& span, const ConstContextPtr& ctx,
                                     const std::string& name) {
  DepthGuard guard(*this, "function", name, span);
  auto fctx = BindParameters(f.literal->parameters, args, f.closure, ctx, span, name);
  return f.literal->body ? Eval(*f.literal->body, fctx) : Value();
}

// 2021.01 evaluates a call in tail position of a ternary (or let) chain of
// the function's own body as a loop, so such recursion never deepens the
// stack.
Value Interpreter::CallUserFunction(const Found<FunctionDefinition>& def, Arguments args,
                                    const SourceSpan& span, const ConstContextPtr& ctx) {
  DepthGuard guard(*this, "function", def.def->name, span);
  ConstContextPtr scope = def.scope;
  if (def.usedFile) scope = UsedFileScope(*def.usedFile, ctx);
  SourceSpan callSpan = span;
  for (;;) {
    ConstContextPtr c =
        BindParameters(def.def->parameters, args, scope, ctx, callSpan, def.def->name);
    const Expr* e = def.def->body.get();
    bool tailCall = false;
    while (e && !tailCall) {
      if (e->kind == ExprKind::Ternary) {
        const auto& t = static_cast<const TernaryExpr&>(*e);
        e = Eval(*t.condition, c).ToBool() ? t.ifTrue.get() : t.ifFalse.get();
      } else if (e->kind == ExprKind::Let) {
        const auto& l = static_cast<const LetExpr&>(*e);
        auto lc = std::make_shared<Context>(c, c);
        for (const auto& a : l.assignments) lc->Set(a.name, a.value ? Eval(*a.value, lc) : Value());
        c = lc;
        e = l.body.get();
      } else if (e->kind == ExprKind::Call &&
                 static_cast<const CallExpr&>(*e).callee->kind == ExprKind::Identifier &&
                 static_cast<const IdentifierExpr&>(*static_cast<const CallExpr&>(*e).callee).name ==
                     def.def->name) {
        const auto& call = static_cast<const CallExpr&>(*e);
        const Value* shadow = c->Lookup(def.def->name);
        auto again = c->FindFunction(def.def->name);
        if ((shadow && shadow->IsFunction()) || again.def != def.def) break;
        try {
          args = EvalArguments(call.arguments, c);
        } catch (EvalError& err) {
          Trace(err, "called by '" + def.def->name + "'", call.span);
          throw;
        }
        callSpan = call.span;
        CheckLimits();
        tailCall = true;
      } else {
        break;
      }
    }
    if (tailCall) continue;
    return e ? Eval(*e, c) : Value();
  }
}

}  // namespace mos::eval
