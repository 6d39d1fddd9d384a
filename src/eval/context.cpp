#include "eval/context.h"

namespace mos::eval {

void Context::Set(lang::Symbol name, Value value) {
  name->Mark(lang::kRoleVariable);
  if (auto* e = vars_.Find(name)) {
    e->second = std::move(value);
    return;
  }
  vars_.Add(name, std::move(value));
}

const Value* Context::Lookup(std::string_view name) const {
  lang::Symbol s = lang::FindSymbol(name);
  return s ? Lookup(s) : nullptr;
}

const Value* Context::Lookup(lang::Symbol name) const {
  // $children belongs to the module whose body is lexically around the use.
  static const lang::Symbol kChildren = lang::PermanentSymbol("$children");
  if (!name->Has(lang::kRoleVariable)) return nullptr;  // bound nowhere
  const bool special = name->dollar && name != kChildren;
  // Iterative walks: scope chains can be as long as the recursion depth.
  for (const Context* c = this; c; c = special ? c->dynamic_.get() : c->lexical_.get())
    if (const Value* v = c->FindLocal(name)) return v;
  return nullptr;
}

void Context::AddDefinitions(const lang::Body& body) {
  if (body.modules.empty() && body.functions.empty()) return;
  if (!defs_) defs_ = std::make_shared<ScopeDefinitions>();
  for (const auto& m : body.modules) {
    lang::Symbol s = m->symbol.Get(m->name);
    s->Mark(lang::kRoleModule);
    defs_->modules[s] = m.get();
  }
  for (const auto& f : body.functions) {
    lang::Symbol s = f->symbol.Get(f->name);
    s->Mark(lang::kRoleFunction);
    defs_->functions[s] = f.get();
  }
}

void Context::SetUses(std::vector<UsedFilePtr> uses) {
  if (uses.empty() && !defs_) return;
  if (!defs_) defs_ = std::make_shared<ScopeDefinitions>();
  defs_->uses = std::move(uses);
}

namespace {

// Definitions of a used file (and, as 2021.01 does, not of its own uses).
template <class Def>
const Def* FindIn(const std::vector<std::shared_ptr<const Def>>& defs, lang::Symbol name) {
  const Def* found = nullptr;
  for (const auto& d : defs)
    if (d->symbol.Get(d->name) == name) found = d.get();  // the last definition wins
  return found;
}

}  // namespace

Found<lang::ModuleDefinition> Context::FindModule(lang::Symbol name) const {
  if (!name->Has(lang::kRoleModule)) return {};  // defined nowhere
  for (const Context* c = this; c; c = c->lexical_.get()) {
    const ScopeDefinitions* d = c->defs_.get();
    if (!d) continue;
    auto it = d->modules.find(name);
    if (it != d->modules.end()) return {it->second, c->shared_from_this(), nullptr};
    // Later uses shadow earlier ones.
    for (auto u = d->uses.rbegin(); u != d->uses.rend(); ++u)
      if (const auto* def = FindIn((*u)->file->body.modules, name)) return {def, nullptr, u->get()};
  }
  return {};
}

Found<lang::FunctionDefinition> Context::FindFunction(lang::Symbol name) const {
  if (!name->Has(lang::kRoleFunction)) return {};  // defined nowhere
  for (const Context* c = this; c; c = c->lexical_.get()) {
    const ScopeDefinitions* d = c->defs_.get();
    if (!d) continue;
    auto it = d->functions.find(name);
    if (it != d->functions.end()) return {it->second, c->shared_from_this(), nullptr};
    // Later uses shadow earlier ones.
    for (auto u = d->uses.rbegin(); u != d->uses.rend(); ++u)
      if (const auto* def = FindIn((*u)->file->body.functions, name)) return {def, nullptr, u->get()};
  }
  return {};
}

const ModuleFrame* Context::FindModuleFrame() const {
  for (const Context* c = this; c; c = c->lexical_.get())
    if (c->frame_) return c->frame_.get();
  return nullptr;
}

}  // namespace mos::eval
