// Control and grouping modules: for, intersection_for, let, echo, assert,
// children, group, union, difference, intersection, hull, minkowski, render.
#include <cmath>

#include "eval/builtin_modules.h"
#include "eval/pool_allocator.h"

namespace mos::eval {
namespace {

using lang::InstantiationStatement;

// for (a = .., b = ..): nested loops, every iteration's children flat in one
// node. As in 2021.01, each level's expression is evaluated once per
// iteration of the levels around it, in their scope (for (i = [0:2],
// j = [0:i]) works), and an unnamed argument is a level too that binds no
// variable (for (2, i = [0:1]) runs twice, for (undef, ..) never). The
// levels run as a loop, not as native recursion: the children below are
// the only nesting (see "statements" in interpreter.h).
void ForLoop(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
             std::vector<NodePtr>& out) {
  struct Level {
    std::vector<Value> items;
    size_t next = 0;
    ConstContextPtr scope;  // of the levels around it
  };
  const size_t n = inst.arguments.size();
  std::vector<Level> levels(n);
  auto enter = [&](size_t level, const ConstContextPtr& scope) {
    const lang::Argument& arg = inst.arguments[level];
    const Value seq = arg.value ? in.Eval(*arg.value, scope) : Value();
    levels[level].items = in.ForValues(seq, inst.span, true);
    levels[level].next = 0;
    levels[level].scope = scope;
  };
  enter(0, ctx);
  size_t level = 0;
  for (;;) {
    Level& l = levels[level];
    if (l.next == l.items.size()) {
      l.items.clear();
      l.scope.reset();
      if (level == 0) return;
      --level;
      continue;
    }
    Value& item = l.items[l.next++];
    in.CheckLimits();
    const lang::Argument& arg = inst.arguments[level];
    ConstContextPtr scope = l.scope;
    if (!arg.name.empty()) {
      auto c = MakePooled<Context>(l.scope, l.scope);
      c->Set(arg.symbol.Get(arg.name), std::move(item));
      scope = std::move(c);
    }
    if (level + 1 == n) {
      in.EvalChildren(inst.children, scope, scope, out);
    } else {
      enter(level + 1, scope);
      ++level;
    }
  }
}

void For(NodeKind kind, Interpreter& in, const InstantiationStatement& inst,
         const ConstContextPtr& ctx, std::vector<NodePtr>& out) {
  if (inst.arguments.size() != 1) {
    std::vector<NodePtr> children;
    if (!inst.arguments.empty()) {
      // The children run below this module's frame: count it.
      Interpreter::FrameGuard frame(in, inst.span);
      ForLoop(in, inst, ctx, children);
    }
    out.push_back(MakeNode(kind, {}, inst, std::move(children)));  // for() makes an empty group
    return;
  }
  // One level (the usual loop): its sequence is evaluated once, so the
  // rounds' scopes can all be made now and the children evaluated after
  // this module returns, in the same order.
  const lang::Argument& arg = inst.arguments[0];
  const Value seq = arg.value ? in.Eval(*arg.value, ctx) : Value();
  std::vector<Value> items = in.ForValues(seq, inst.span, true);
  auto node = MakePooled<Node>();
  node->kind = kind;
  node->span = inst.span;
  Interpreter::DeferredBody& d = in.deferred_;
  d = Interpreter::DeferredBody{};
  d.node = node;
  d.body = &inst.children;
  d.perRound = true;
  d.rounds.reserve(items.size());
  for (auto& item : items) {
    if (arg.name.empty()) {
      d.rounds.push_back(ctx);
    } else {
      auto c = MakePooled<Context>(ctx, ctx);
      c->Set(arg.symbol.Get(arg.name), std::move(item));
      d.rounds.push_back(std::move(c));
    }
  }
  out.push_back(std::move(node));
}

void Let(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
         std::vector<NodePtr>& out) {
  std::vector<lang::Assignment> assignments;
  for (const auto& a : inst.arguments) {
    // The scope keeps the symbol; the AST's argument holds it for the run.
    a.symbol.Get(a.name);
    lang::Assignment as;
    as.name = a.name;
    as.value = a.value;
    as.span = a.span;
    assignments.push_back(std::move(as));
  }
  auto c = in.LetScope(assignments, ctx);
  PushWithChildren(in, NodeKind::Group, {}, inst, c, out);
}

// assign(a = ..) { }: deprecated let().
void Assign(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  in.DeprecatedOnce("The assign() module will be removed in future releases. Use a regular "
                    "assignment instead." + in.log().LocationSuffixFromMain(inst.span),
                    inst.span);
  auto c = MakePooled<Context>(ctx, ctx);
  for (const auto& a : inst.arguments)
    if (!a.name.empty()) c->Set(a.symbol.Get(a.name), a.value ? in.Eval(*a.value, ctx) : Value());
  PushWithChildren(in, NodeKind::Group, {}, inst, c, out);
}

void Echo(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
          std::vector<NodePtr>& out) {
  Arguments args = in.EvalArguments(inst.arguments, ctx);
  in.log().Echo(Interpreter::EchoText(args), inst.span);
  PushWithChildren(in, NodeKind::Group, {}, inst, ctx, out, /*dropIfEmpty=*/true);
}

void Assert(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  Arguments args = in.EvalArguments(inst.arguments, ctx);
  in.CheckAssert(inst.arguments, args, inst.span);
  PushWithChildren(in, NodeKind::Group, {}, inst, ctx, out, /*dropIfEmpty=*/true);
}

// children(), children(i), children([i, j]), children([a:b]).
void Children(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
              std::vector<NodePtr>& out) {
  Arguments args = in.EvalArguments(inst.arguments, ctx);
  const ModuleFrame* frame = ctx->FindModuleFrame();
  if (!frame) return;
  const lang::Body& body = frame->instantiation->children;
  std::vector<const lang::Statement*> list;
  for (const auto& s : body.instantiations)
    if (!s->modifiers.disable) list.push_back(s.get());
  // The children body's own scope: its assignments, under the caller's scope.
  auto scope = MakePooled<Context>(frame->callerScope, ctx);
  scope->AddDefinitions(body);
  in.EvalAssignments(body.assignments, scope);

  auto evalIndex = [&](double d, std::vector<NodePtr>& into) {
    if (d < 0) {
      in.log().Warning("Negative children index (" + FormatNumber(d) + ") not allowed", inst.span);
      return;
    }
    if (!(d < double(list.size()))) {
      in.log().Warning("Children index (" + FormatNumber(d) + ") out of bounds (" +
                           std::to_string(list.size()) + " children)",
                       inst.span);
      return;
    }
    in.EvalStatement(*list[static_cast<size_t>(d)], scope, into);
  };
  const Value* index = nullptr;
  for (const auto& a : args)
    if (a.name.empty() || a.name == "index") index = &a.value;
  // children() and children(i), the forms a recursion goes through, are
  // evaluated once this module returns (Interpreter::DeferStatements);
  // children(i) adds the child's own node, children() a group of them.
  if (index && index->IsNumber()) {
    const double d = index->AsNumber();
    if (d >= 0 && d < double(list.size()))
      in.DeferStatements(nullptr, scope, {list[static_cast<size_t>(d)]});
    else
      evalIndex(d, out);  // its warning
    return;
  }
  if (!index || index->IsUndef()) {
    auto group = MakePooled<Node>();
    group->kind = NodeKind::Group;
    group->span = inst.span;
    in.DeferStatements(group, scope, std::move(list));
    out.push_back(std::move(group));
    return;
  }
  std::vector<NodePtr> nodes;
  if (index->IsVector()) {
    for (const auto& v : index->AsVector())
      if (v.IsNumber()) evalIndex(v.AsNumber(), nodes);
  } else if (index->IsRange()) {
    uint32_t n = index->AsRange().NumValues();
    if (n > 10000) {
      in.Warning("Bad range parameter for children: too many elements (" + std::to_string(n) + ")",
                 inst.span);
      return;
    }
    for (uint32_t i = 0; i < n; ++i) evalIndex(index->AsRange().At(i), nodes);
  } else {
    in.Warning("Bad parameter type (" + index->ToEchoString() + ") for children, only accept: "
               "empty, number, vector, range", inst.span);
    return;
  }
  out.push_back(MakeNode(NodeKind::Group, {}, inst, std::move(nodes)));
}

// child(i): deprecated children(i).
void Child(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
           std::vector<NodePtr>& out) {
  in.DeprecatedOnce("child() will be removed in future releases. Use children() instead.",
                    inst.span);
  Arguments args = in.EvalArguments(inst.arguments, ctx);
  double index = 0;
  if (!args.empty() && args[0].value.IsNumber()) index = args[0].value.AsNumber();
  if (index < 0) {
    in.Warning("Negative child index (" + FormatNumber(index) + ") not allowed", inst.span);
    return;
  }
  const ModuleFrame* frame = ctx->FindModuleFrame();
  if (!frame) return;
  const lang::Body& body = frame->instantiation->children;
  std::vector<const lang::Statement*> list;
  for (const auto& s : body.instantiations)
    if (!s->modifiers.disable) list.push_back(s.get());
  if (index < 0) {
    in.Warning("Negative child index (" + FormatNumber(index) + ") not allowed", inst.span);
    return;
  }
  if (!(index < double(list.size()))) {
    in.Warning("Child index (" + FormatNumber(index) + ") out of bounds (" +
                   std::to_string(list.size()) + " children)",
               inst.span);
    return;
  }
  auto scope = MakePooled<Context>(frame->callerScope, ctx);
  scope->AddDefinitions(body);
  in.EvalAssignments(body.assignments, scope);
  in.EvalStatement(*list[static_cast<size_t>(index)], scope, out);
}

template <NodeKind kKind>
void Plain(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
           std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {}, 0);
  a.PushWithChildren(kKind, {}, out);
}

template <NodeKind kKind, int kDefault>
void WithConvexity(Interpreter& in, const InstantiationStatement& inst,
                   const ConstContextPtr& ctx, std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"convexity"}, 1);
  ConvexityParams p{ToInt(a["convexity"], kDefault)};
  a.PushWithChildren(kKind, p, out);
}

}  // namespace

const std::vector<BuiltinModule>& ControlModules() {
  static const std::vector<BuiltinModule> modules = {
      {"for", [](Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
                 std::vector<NodePtr>& out) { For(NodeKind::Group, in, inst, ctx, out); }},
      {"intersection_for",
       [](Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
          std::vector<NodePtr>& out) { For(NodeKind::Intersection, in, inst, ctx, out); }},
      {"let", Let},
      {"assign", Assign},
      {"child", Child},
      {"echo", Echo},
      {"assert", Assert},
      {"children", Children},
      {"group", Plain<NodeKind::Group>},
      {"union", Plain<NodeKind::Union>},
      {"difference", Plain<NodeKind::Difference>},
      {"intersection", Plain<NodeKind::Intersection>},
      {"hull", Plain<NodeKind::Hull>},
      {"minkowski", WithConvexity<NodeKind::Minkowski, 0>},
      {"render", WithConvexity<NodeKind::Render, 1>},
  };
  return modules;
}

}  // namespace mos::eval
