// Scopes of the OpenSCAD 2021.01 language.
//
// Ordinary variables are lexically scoped: lookup walks `lexical` parents.
// `$` variables are dynamically scoped: lookup walks `dynamic` parents, the
// chain of scopes active when this one was created (the caller for function
// and module calls). Modules and functions are found along the lexical chain,
// and at the file scope also in the files it `use`s.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "eval/value.h"
#include "lang/ast.h"

namespace mos::eval {

class Context;
using ContextPtr = std::shared_ptr<Context>;
using ConstContextPtr = std::shared_ptr<const Context>;

// A `use`d file: its parsed AST; calls into it evaluate its top-level
// assignments in a fresh file scope every time (as 2021.01 does).
struct UsedFile {
  lang::FilePtr file;
  std::vector<std::shared_ptr<const UsedFile>> uses;  // its own uses
};
using UsedFilePtr = std::shared_ptr<const UsedFile>;

// A definition found by lookup, with the scope it was defined in.
template <class Def>
struct Found {
  const Def* def = nullptr;
  ConstContextPtr scope;  // null: defined in a used file (see usedFile)
  const UsedFile* usedFile = nullptr;
  explicit operator bool() const { return def != nullptr; }
};

// The part of a user-module call that children() needs.
struct ModuleFrame {
  const lang::InstantiationStatement* instantiation = nullptr;
  ConstContextPtr callerScope;  // where the instantiation was written
  std::string name;
};

class Context : public std::enable_shared_from_this<Context> {
 public:
  Context(ConstContextPtr lexical, ConstContextPtr dynamic)
      : lexical_(std::move(lexical)), dynamic_(std::move(dynamic)) {}

  // Variables of this scope (a second Set of the same name replaces it).
  void Set(const std::string& name, Value value);
  const Value* FindLocal(std::string_view name) const;
  // Lexical lookup for ordinary names, dynamic for `$` names; null if absent.
  const Value* Lookup(std::string_view name) const;

  // Definitions of `body` become visible in this scope.
  void AddDefinitions(const lang::Body& body);
  void SetUses(std::vector<UsedFilePtr> uses) { uses_ = std::move(uses); }

  Found<lang::ModuleDefinition> FindModule(std::string_view name) const;
  Found<lang::FunctionDefinition> FindFunction(std::string_view name) const;

  // Nearest enclosing user-module call along the lexical chain.
  void SetModuleFrame(ModuleFrame frame) { frame_ = std::make_unique<ModuleFrame>(std::move(frame)); }
  const ModuleFrame* FindModuleFrame() const;

  const std::vector<std::pair<std::string, Value>>& variables() const { return vars_; }
  const ModuleFrame* frame() const { return frame_.get(); }
  // Drops variables and the module frame: only for tearing down a finished
  // run (see Interpreter::BreakClosureCycles).
  void ReleaseForTeardown() {
    vars_.clear();
    frame_.reset();
  }
  const ConstContextPtr& lexical() const { return lexical_; }
  const ConstContextPtr& dynamic() const { return dynamic_; }

 private:
  ConstContextPtr lexical_, dynamic_;
  std::vector<std::pair<std::string, Value>> vars_;
  std::unordered_map<std::string_view, const lang::ModuleDefinition*> modules_;
  std::unordered_map<std::string_view, const lang::FunctionDefinition*> functions_;
  std::vector<UsedFilePtr> uses_;
  std::unique_ptr<ModuleFrame> frame_;
};

}  // namespace mos::eval
