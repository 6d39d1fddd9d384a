#include "eval/builtin_modules.h"

#include <cstring>
#include <unordered_map>

namespace mos::eval {

ModuleArgs::ModuleArgs(Interpreter& interp, const lang::InstantiationStatement& instantiation,
                       const ConstContextPtr& ctx, std::initializer_list<const char*> names,
                       size_t positionalCount)
    : in(interp), inst(instantiation) {
  Arguments args = in.EvalArguments(inst.arguments, ctx);
  std::vector<const char*> params(names);
  for (const char* n : params) values_.emplace_back(n, Value());
  std::shared_ptr<Context> local;
  size_t position = 0;
  bool tooMany = false;
  for (auto& a : args) {
    if (a.name.empty()) {
      positionalValues_.push_back(a.value);
      if (position < positionalCount && position < params.size()) {
        values_[position++].second = a.value;
      } else if (!tooMany) {
        tooMany = true;
        in.Warning("Too many unnamed arguments supplied", inst.span);
      }
      continue;
    }
    bool found = false;
    for (auto& v : values_) {
      if (a.name == v.first) {
        v.second = a.value;
        found = true;
      }
    }
    if (found) continue;
    if (a.name[0] == '$') {
      if (!local) local = std::make_shared<Context>(ctx, ctx);
      local->Set(a.name, a.value);
    } else {
      in.Warning("variable " + a.name + " not specified as parameter", inst.span);
    }
  }
  scope = local ? ConstContextPtr(local) : ctx;
}

const Value& ModuleArgs::operator[](const char* name) const {
  static const Value undef;
  for (const auto& v : values_)
    if (std::strcmp(v.first, name) == 0) return v.second;
  return undef;
}

Fragments ModuleArgs::GetFragments() {
  Fragments f;
  auto get = [&](const char* name, double fallback) {
    const Value* v = scope->Lookup(name);
    return v && v->IsNumber() ? v->AsNumber() : fallback;
  };
  f.fn = get("$fn", 0);
  f.fs = get("$fs", 2);
  f.fa = get("$fa", 12);
  if (f.fs < 0.01) {
    in.Warning("$fs too small - clamping to 0.010000", inst.span);
    f.fs = 0.01;
  }
  if (f.fa < 0.01) {
    in.Warning("$fa too small - clamping to 0.010000", inst.span);
    f.fa = 0.01;
  }
  return f;
}

std::vector<NodePtr> ModuleArgs::Children() { return in.EvalChildren(inst.children, scope, scope); }

NodePtr MakeNode(NodeKind kind, NodeParams params, const lang::InstantiationStatement& inst,
                 std::vector<NodePtr> children) {
  auto n = std::make_shared<Node>();
  n->kind = kind;
  n->params = std::move(params);
  n->span = inst.span;
  n->children = std::move(children);
  return n;
}

int ToInt(const Value& v, int fallback) {
  if (!v.IsNumber()) return fallback;
  double d = v.AsNumber();
  if (!(d > -2147483648.0 && d < 2147483647.0)) return fallback;
  return static_cast<int>(d);
}

bool ToBoolStrict(const Value& v, bool fallback) { return v.IsBool() ? v.AsBool() : fallback; }

double ToNumber(const Value& v, double fallback) { return v.IsNumber() ? v.AsNumber() : fallback; }

bool Interpreter::InstantiateBuiltin(const lang::InstantiationStatement& inst,
                                     const ConstContextPtr& ctx, std::vector<NodePtr>& out) {
  static const std::unordered_map<std::string, BuiltinModuleImpl> table = [] {
    std::unordered_map<std::string, BuiltinModuleImpl> t;
    for (const auto* family : {&PrimitiveModules(), &TransformModules(), &ControlModules()})
      for (const auto& m : *family) t.emplace(m.name, m.impl);
    return t;
  }();
  auto it = table.find(inst.name);
  if (it == table.end()) return false;
  CheckLimits();
  it->second(*this, inst, ctx, out);
  return true;
}

}  // namespace mos::eval
