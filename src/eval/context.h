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

// The variables of one scope in the order they were first set. Most scopes
// hold one or two (a loop variable, a let, a function's parameters), so the
// first two live inside the Context itself and need no allocation. Names are
// interned symbols (lang/symbol.h), compared by pointer; the AST that names
// them outlives every scope of a run.
struct ScopeEntry {
  lang::Symbol first = nullptr;
  Value second;
  const std::string& name() const { return first->text; }
};
class ScopeVariables {
 public:
  using Entry = ScopeEntry;
  const Entry* begin() const { return heap_.empty() ? inline_ : heap_.data(); }
  const Entry* end() const { return begin() + size_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Entry* Find(lang::Symbol name) {
    Entry* e = heap_.empty() ? inline_ : heap_.data();
    for (size_t i = 0; i < size_; ++i)
      if (e[i].first == name) return &e[i];
    return nullptr;
  }
  const Entry* Find(lang::Symbol name) const {
    return const_cast<ScopeVariables*>(this)->Find(name);
  }
  void Add(lang::Symbol name, Value value) {
    if (size_ < kInline) {
      inline_[size_].first = name;
      inline_[size_].second = std::move(value);
    } else {
      if (size_ == kInline) {
        heap_.reserve(2 * kInline);
        for (auto& e : inline_) heap_.push_back(std::move(e));
      }
      heap_.push_back(Entry{name, std::move(value)});
    }
    ++size_;
  }
  void clear() {
    for (auto& e : inline_) e = Entry();
    heap_.clear();
    size_ = 0;
  }

 private:
  static constexpr size_t kInline = 2;
  Entry inline_[kInline];
  size_t size_ = 0;
  std::vector<Entry> heap_;  // all entries once there are more than kInline
};

// The module and function definitions and the `use`d files of a scope (only
// file scopes and bodies with definitions have them). Shared between the
// scopes of one used file, which are made on every call into it.
struct ScopeDefinitions {
  std::unordered_map<lang::Symbol, const lang::ModuleDefinition*> modules;
  std::unordered_map<lang::Symbol, const lang::FunctionDefinition*> functions;
  std::vector<UsedFilePtr> uses;
};
using ScopeDefinitionsPtr = std::shared_ptr<ScopeDefinitions>;

class Context : public std::enable_shared_from_this<Context> {
 public:
  Context(ConstContextPtr lexical, ConstContextPtr dynamic)
      : lexical_(std::move(lexical)), dynamic_(std::move(dynamic)) {}

  // Variables of this scope (a second Set of the same name replaces it).
  void Set(lang::Symbol name, Value value);
  const Value* FindLocal(lang::Symbol name) const {
    const auto* e = vars_.Find(name);
    return e ? &e->second : nullptr;
  }
  // Lexical lookup for ordinary names, dynamic for `$` names; null if absent.
  const Value* Lookup(lang::Symbol name) const;
  // By text (not on hot paths: finds the symbol first).
  const Value* Lookup(std::string_view name) const;

  // Definitions of `body` become visible in this scope.
  void AddDefinitions(const lang::Body& body);
  void SetUses(std::vector<UsedFilePtr> uses);
  // Shares the definitions and uses another scope was given (see
  // ScopeDefinitions); neither scope may add definitions afterwards.
  void ShareDefinitions(ScopeDefinitionsPtr defs) { defs_ = std::move(defs); }
  const ScopeDefinitionsPtr& definitions() const { return defs_; }

  Found<lang::ModuleDefinition> FindModule(lang::Symbol name) const;
  Found<lang::FunctionDefinition> FindFunction(lang::Symbol name) const;

  // Nearest enclosing user-module call along the lexical chain.
  void SetModuleFrame(ModuleFrame frame) { frame_ = std::make_unique<ModuleFrame>(std::move(frame)); }
  const ModuleFrame* FindModuleFrame() const;

  const ScopeVariables& variables() const { return vars_; }
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
  ScopeVariables vars_;
  ScopeDefinitionsPtr defs_;  // null when the scope defines nothing
  std::unique_ptr<ModuleFrame> frame_;
};

}  // namespace mos::eval
