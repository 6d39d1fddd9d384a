// Builtin modules: argument binding shared by all of them, and the table
// that dispatches an instantiation name to its implementation.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "eval/interpreter.h"

namespace mos::eval {

// A builtin module's evaluated arguments bound to its parameter names the
// way 2021.01 binds them: the first `positional` names take unnamed
// arguments in order, `$` arguments become variables of `scope` (which the
// children and the fragment lookup see), anything else is warned about.
class ModuleArgs {
 public:
  ModuleArgs(Interpreter& in, const lang::InstantiationStatement& inst,
             const ConstContextPtr& ctx, std::initializer_list<const char*> names,
             size_t positional);

  const Value& operator[](const char* name) const;
  // Unnamed arguments in order (for modules whose first one is special).
  const std::vector<Value>& positional() const { return positionalValues_; }
  // $fn, $fa, $fs as seen here, clamped with 2021.01's warnings.
  Fragments GetFragments();
  // Adds the module's node to `out`; its children `{ }` are evaluated under
  // `scope` once the module returns (Interpreter::DeferChildren).
  void PushWithChildren(NodeKind kind, NodeParams params, std::vector<NodePtr>& out);

  Interpreter& in;
  const lang::InstantiationStatement& inst;
  ConstContextPtr scope;

 private:
  std::vector<std::pair<const char*, Value>> values_;
  std::vector<Value> positionalValues_;
};

using BuiltinModuleImpl = void (*)(Interpreter& in, const lang::InstantiationStatement& inst,
                                   const ConstContextPtr& ctx, std::vector<NodePtr>& out);

struct BuiltinModule {
  const char* name;
  BuiltinModuleImpl impl;
};

// The families register here (builtin_modules_*.cpp).
const std::vector<BuiltinModule>& PrimitiveModules();
const std::vector<BuiltinModule>& TransformModules();
const std::vector<BuiltinModule>& ControlModules();

// Shared helpers.
// Adds a node of `kind` to `out` whose children `{ }` are evaluated under
// `scope` (in a new scope) once the module returns; with `dropIfEmpty` the
// node is left out when they make no node.
void PushWithChildren(Interpreter& in, NodeKind kind, NodeParams params,
                      const lang::InstantiationStatement& inst, const ConstContextPtr& scope,
                      std::vector<NodePtr>& out, bool dropIfEmpty = false);
NodePtr MakeNode(NodeKind kind, NodeParams params, const lang::InstantiationStatement& inst,
                 std::vector<NodePtr> children = {});
// number -> int as 2021.01 reads convexity-like parameters (default when not a number).
int ToInt(const Value& v, int fallback);
bool ToBoolStrict(const Value& v, bool fallback);  // only a bool counts
double ToNumber(const Value& v, double fallback);
// 2021.01's "module cube() does not support child modules" warning; true
// when the instantiation has children.
bool WarnChildren(ModuleArgs& a, const char* module);
// A file name as the dump prints it: resolved against the directory of the
// instantiating file, then made relative to the main file's directory;
// `timestamp` gets its modification time (0 when missing).
std::string ImportPath(Interpreter& in, const std::string& file, const lang::SourceSpan& span,
                       long long& timestamp, std::string* openPath = nullptr);
// origin = [x, y]; otherwise [0, 0] and 2021.01's "could not be converted"
// warning naming `module`.
std::array<double, 2> ReadOrigin(ModuleArgs& a, const char* module);
// Reads file/layer/origin/scale of the deprecated extrude file= forms.
ExtrudeFile ReadExtrudeFile(ModuleArgs& a, const char* module);

// Parses a CSS/SVG colour name or #rgb, #rgba, #rrggbb, #rrggbbaa.
bool ParseColorString(const std::string& text, std::array<double, 4>& rgba);

}  // namespace mos::eval
