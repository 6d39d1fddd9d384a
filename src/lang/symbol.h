// Interned names: every identifier of the language maps to one Symbol, so
// that the evaluator compares names by pointer (scope lookups, parameter
// binding, definition tables) instead of by their characters.
//
// Symbols are reference counted: the AST holds its names' symbols (lazily,
// see LazySymbol) and a symbol is freed with the last AST that names it, so
// a long-running process (the notebook, a fuzz campaign) keeps only the
// names of the files still alive. Acquire/release take a mutex; they run
// once per AST name, never per evaluation step.
#pragma once

#include <atomic>
#include <string>
#include <string_view>

namespace mos::lang {

// What a name has been used as, in any run so far (bits only ever get
// set): a scope walk for a name never bound as a variable, or never defined
// as a function or module, is skipped. One evaluation runs on one thread, so
// a bit set by a binding is seen by the lookups after it.
enum SymbolRole : unsigned char {
  kRoleVariable = 1,
  kRoleFunction = 2,
  kRoleModule = 4,
};

struct SymbolData {
  std::string text;
  bool dollar = false;  // a `$` variable (dynamically scoped)
  long refs = 0;        // guarded by the symbol table's mutex
  mutable std::atomic<unsigned char> roles{0};  // SymbolRole bits
  // The evaluator's note of which builtin function the name is (builtins
  // are the same for every run and thread), null until first needed.
  mutable std::atomic<const void*> builtinFunction{nullptr};

  bool Has(SymbolRole r) const { return roles.load(std::memory_order_relaxed) & r; }
  void Mark(SymbolRole r) const {
    if (!Has(r)) roles.fetch_or(r, std::memory_order_relaxed);
  }
};
using Symbol = const SymbolData*;

// One more reference to the symbol of `name` (made if new).
Symbol AcquireSymbol(std::string_view name);
// Drops a reference taken by AcquireSymbol; frees the symbol at zero.
void ReleaseSymbol(Symbol s);
// The symbol of `name` if some AST (or PermanentSymbol) holds it, else null:
// a name nobody interned is bound in no scope.
Symbol FindSymbol(std::string_view name);
// A symbol that lives as long as the process (the evaluator's fixed names:
// "$fn", "$children", ...). Call once and keep the result (a static local).
Symbol PermanentSymbol(std::string_view name);
// Number of live symbols (tests).
size_t LiveSymbolCount();

// The symbol of an AST node's name, acquired on first use and released with
// the node. A copy starts empty (its name may be changed before use).
class LazySymbol {
 public:
  LazySymbol() = default;
  LazySymbol(const LazySymbol&) {}
  LazySymbol& operator=(const LazySymbol&) {
    Reset();
    return *this;
  }
  ~LazySymbol() { Reset(); }

  Symbol Get(const std::string& name) const {
    Symbol s = p_.load(std::memory_order_acquire);
    return s ? s : Make(name);
  }

 private:
  Symbol Make(const std::string& name) const;
  void Reset();
  mutable std::atomic<Symbol> p_{nullptr};
};

}  // namespace mos::lang
