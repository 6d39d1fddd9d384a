// The registry of 2021.01's builtin functions: every family adds its
// (name, implementation, call tip) entries once; lookups are by name.
#include "eval/builtin_functions.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "eval/builtin_functions_internal.h"

namespace mos::eval {

namespace {

struct Registry {
  std::vector<BuiltinFunction> all;
  std::unordered_map<std::string_view, const BuiltinFunction*> byName;

  Registry() {
    builtins::AddMathFunctions(all);
    builtins::AddTrigFunctions(all);
    builtins::AddStringFunctions(all);
    builtins::AddListFunctions(all);
    builtins::AddSearchFunction(all);
    builtins::AddTypeTestFunctions(all);
    builtins::AddMiscFunctions(all);
    builtins::AddDxfFunctions(all);
    for (const BuiltinFunction& f : all) byName.emplace(f.name, &f);
  }
};

const Registry& GetRegistry() {
  static const Registry registry;  // thread-safe initialisation
  return registry;
}

}  // namespace

const BuiltinFunction* FindBuiltinFunction(std::string_view name) {
  const Registry& r = GetRegistry();
  auto it = r.byName.find(name);
  return it == r.byName.end() ? nullptr : it->second;
}

const std::vector<BuiltinFunction>& AllBuiltinFunctions() { return GetRegistry().all; }

namespace builtins {

// Builtin function warnings name the file relative to the main directory,
// also inside `use`d libraries (see EvalLog::LocationSuffixFromMain).
void Warn(const BuiltinCall& call, const std::string& text) {
  call.log.Warning(text + call.log.LocationSuffixFromMain(call.span), call.span);
}

void WarnNoLocation(const BuiltinCall& call, const std::string& text) {
  call.log.Warning(text, call.span);
}

Value WrongCount(const BuiltinCall& call) {
  Warn(call, std::string(call.name) + "() number of parameters does not match");
  return Value();
}

Value NotConverted(const BuiltinCall& call) {
  Warn(call, std::string(call.name) + "() parameter could not be converted");
  return Value();
}

}  // namespace builtins

}  // namespace mos::eval
