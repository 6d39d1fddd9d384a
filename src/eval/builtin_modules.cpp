#include "eval/builtin_modules.h"
#include "eval/pool_allocator.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "eval/script_files.h"

namespace mos::eval {

ModuleArgs::ModuleArgs(Interpreter& interp, const lang::InstantiationStatement& instantiation,
                       const ConstContextPtr& ctx, std::initializer_list<const char*> names,
                       size_t positionalCount)
    : in(interp), inst(instantiation) {
  Arguments args = in.EvalArguments(inst.arguments, ctx);
  Interpreter::ArgumentsRecycler recycle{in, args};
  const char* const* params = names.begin();
  const size_t paramCount = names.size();
  values_.reserve(paramCount);
  for (const char* n : names) values_.emplace_back(n, Value());
  std::shared_ptr<Context> local;
  size_t position = 0;
  bool tooMany = false;
  // Which parameters were given (modules have far fewer than 64).
  std::vector<bool> givenHeap(paramCount > 64 ? paramCount : 0, false);
  uint64_t givenBits = 0;
  auto assign = [&](size_t i, const Value& v) {
    bool given = paramCount > 64 ? givenHeap[i] : (givenBits >> i) & 1;
    if (given)
      in.log().Warning(std::string("argument ") + params[i] + " supplied more than once" +
                           in.Where(inst.span),
                       inst.span);
    if (paramCount > 64) givenHeap[i] = true;
    else givenBits |= uint64_t{1} << i;
    values_[i].second = v;
  };
  for (auto& a : args) {
    if (a.name.empty()) {
      positionalValues_.push_back(a.value);
      if (position < positionalCount && position < paramCount) {
        assign(position++, a.value);
      } else if (!tooMany) {
        tooMany = true;
        in.log().Warning("Too many unnamed arguments supplied" + in.Where(inst.span), inst.span);
      }
      continue;
    }
    bool found = false;
    for (size_t i = 0; i < values_.size() && !found; ++i) {
      if (a.name == values_[i].first) {
        assign(i, a.value);
        found = true;
      }
    }
    if (found) continue;
    if (a.name[0] == '$') {
      if (!local) local = MakePooled<Context>(ctx, ctx);
      local->Set(a.symbol, a.value);
    } else {
      in.log().Warning("variable " + a.name + " not specified as parameter" + in.Where(inst.span),
                       inst.span);
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
  // 2021.01 reads anything but a number as 0 (then clamped with a warning).
  static const lang::Symbol kFn = lang::PermanentSymbol("$fn");
  static const lang::Symbol kFs = lang::PermanentSymbol("$fs");
  static const lang::Symbol kFa = lang::PermanentSymbol("$fa");
  auto get = [&](lang::Symbol name) {
    const Value* v = scope->Lookup(name);
    return v && v->IsNumber() ? v->AsNumber() : 0.0;
  };
  f.fn = get(kFn);
  f.fs = get(kFs);
  f.fa = get(kFa);
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

void ModuleArgs::PushWithChildren(NodeKind kind, NodeParams params, std::vector<NodePtr>& out) {
  mos::eval::PushWithChildren(in, kind, std::move(params), inst, scope, out);
}

void PushWithChildren(Interpreter& in, NodeKind kind, NodeParams params,
                      const lang::InstantiationStatement& inst, const ConstContextPtr& scope,
                      std::vector<NodePtr>& out, bool dropIfEmpty) {
  auto n = MakePooled<Node>();
  n->kind = kind;
  n->params = std::move(params);
  n->span = inst.span;
  in.DeferChildren(n, inst.children, scope, dropIfEmpty);
  out.push_back(std::move(n));
}

NodePtr MakeNode(NodeKind kind, NodeParams params, const lang::InstantiationStatement& inst,
                 std::vector<NodePtr> children) {
  auto n = MakePooled<Node>();
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

bool WarnChildren(ModuleArgs& a, const char* module) {
  if (a.inst.children.instantiations.empty()) return false;
  a.in.Warning(std::string("module ") + module + "() does not support child modules", a.inst.span);
  return true;
}

std::string ImportPath(Interpreter& in, const std::string& file, const lang::SourceSpan& span,
                       long long& timestamp, std::string* openPath) {
  timestamp = 0;
  if (openPath) openPath->clear();
  if (file.empty()) return file;
  const LocatedFile located = LocateScriptFile(file, span, in.mainDirectory_);
  if (located.inDocumentRoot)
    in.DeprecatedOnce("Imported file (" + file +
                          ") found in document root instead of relative to the importing "
                          "module. This behavior is deprecated",
                      span);
  if (openPath) *openPath = located.path;  // not normalized: 2021.01's messages show it so
  in.log().NoteDataFile(located.path);
  const std::string path = NormalizePath(located.path);
  struct stat st {};
  if (stat(path.c_str(), &st) == 0) timestamp = static_cast<long long>(st.st_mtime);
  if (path[0] != '/') return path;
  return in.log().DisplayFileName(path);
}

std::array<double, 2> ReadOrigin(ModuleArgs& a, const char* module) {
  const Value& o = a["origin"];
  double x, y;
  if (o.GetVec2(x, y) && std::isfinite(x) && std::isfinite(y)) return {x, y};
  if (!o.IsUndef())
    a.in.Warning(std::string(module) + "(..., origin=" + o.ToEchoString() +
                     ") could not be converted",
                 a.inst.span);
  return {0, 0};
}

ExtrudeFile ReadExtrudeFile(ModuleArgs& a, const char* module) {
  ExtrudeFile f;
  const Value& file = a["file"];
  if (file.IsUndef()) return f;
  f.present = true;
  a.in.DeprecatedOnce(std::string("Support for reading files in ") + module +
                          " will be removed in future releases. Use a child import() instead.",
                      a.inst.span);
  f.file = ImportPath(a.in, file.IsString() ? file.AsString() : file.ToStrString(),
                      a.inst.span, f.timestamp, &f.path);
  if (a["layer"].IsString()) f.layer = a["layer"].AsString();
  f.origin = ReadOrigin(a, module);
  if (a["scale"].IsNumber()) f.scale = a["scale"].AsNumber();
  return f;
}

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
