#include "lang/symbol.h"

#include <mutex>
#include <unordered_map>

namespace mos::lang {

namespace {

struct SymbolTable {
  std::mutex mutex;
  // Keys view the entries' own text.
  std::unordered_map<std::string_view, SymbolData*> byName;
};

// Never destroyed: symbols may be released during static destruction.
SymbolTable& Table() {
  static SymbolTable* table = new SymbolTable;
  return *table;
}

}  // namespace

Symbol AcquireSymbol(std::string_view name) {
  SymbolTable& t = Table();
  std::lock_guard<std::mutex> lock(t.mutex);
  auto it = t.byName.find(name);
  if (it != t.byName.end()) {
    ++it->second->refs;
    return it->second;
  }
  auto* s = new SymbolData;
  s->text = std::string(name);
  s->dollar = !name.empty() && name[0] == '$';
  s->refs = 1;
  t.byName.emplace(std::string_view(s->text), s);
  return s;
}

void ReleaseSymbol(Symbol s) {
  if (!s) return;
  SymbolTable& t = Table();
  std::lock_guard<std::mutex> lock(t.mutex);
  auto* data = const_cast<SymbolData*>(s);
  if (--data->refs > 0) return;
  t.byName.erase(std::string_view(data->text));
  delete data;
}

Symbol FindSymbol(std::string_view name) {
  SymbolTable& t = Table();
  std::lock_guard<std::mutex> lock(t.mutex);
  auto it = t.byName.find(name);
  return it == t.byName.end() ? nullptr : it->second;
}

Symbol PermanentSymbol(std::string_view name) { return AcquireSymbol(name); }

size_t LiveSymbolCount() {
  SymbolTable& t = Table();
  std::lock_guard<std::mutex> lock(t.mutex);
  return t.byName.size();
}

Symbol LazySymbol::Make(const std::string& name) const {
  Symbol s = AcquireSymbol(name);
  Symbol expected = nullptr;
  // Another thread may have set it first: keep theirs, drop ours.
  if (!p_.compare_exchange_strong(expected, s, std::memory_order_acq_rel)) {
    ReleaseSymbol(s);
    return expected;
  }
  return s;
}

void LazySymbol::Reset() {
  Symbol s = p_.exchange(nullptr, std::memory_order_acq_rel);
  if (s) ReleaseSymbol(s);
}

}  // namespace mos::lang
