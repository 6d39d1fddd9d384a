#include "eval/context.h"

namespace mos::eval {

void Context::Set(const std::string& name, Value value) {
  for (auto& v : vars_) {
    if (v.first == name) {
      v.second = std::move(value);
      return;
    }
  }
  vars_.emplace_back(name, std::move(value));
}

const Value* Context::FindLocal(std::string_view name) const {
  for (const auto& v : vars_)
    if (v.first == name) return &v.second;
  return nullptr;
}

const Value* Context::Lookup(std::string_view name) const {
  // $children belongs to the module whose body is lexically around the use.
  const bool special = !name.empty() && name[0] == '$' && name != "$children";
  // Iterative walks: scope chains can be as long as the recursion depth.
  for (const Context* c = this; c; c = special ? c->dynamic_.get() : c->lexical_.get())
    if (const Value* v = c->FindLocal(name)) return v;
  return nullptr;
}

void Context::AddDefinitions(const lang::Body& body) {
  for (const auto& m : body.modules) modules_[m->name] = m.get();
  for (const auto& f : body.functions) functions_[f->name] = f.get();
}

namespace {

// Definitions of a used file (and, as 2021.01 does, not of its own uses).
template <class Def>
const Def* FindIn(const std::vector<std::shared_ptr<const Def>>& defs, std::string_view name) {
  const Def* found = nullptr;
  for (const auto& d : defs)
    if (d->name == name) found = d.get();  // the last definition wins
  return found;
}

}  // namespace

Found<lang::ModuleDefinition> Context::FindModule(std::string_view name) const {
  for (const Context* c = this; c; c = c->lexical_.get()) {
    auto it = c->modules_.find(name);
    if (it != c->modules_.end()) return {it->second, c->shared_from_this(), nullptr};
    // Later uses shadow earlier ones.
    for (auto u = c->uses_.rbegin(); u != c->uses_.rend(); ++u)
      if (const auto* d = FindIn((*u)->file->body.modules, name)) return {d, nullptr, u->get()};
  }
  return {};
}

Found<lang::FunctionDefinition> Context::FindFunction(std::string_view name) const {
  for (const Context* c = this; c; c = c->lexical_.get()) {
    auto it = c->functions_.find(name);
    if (it != c->functions_.end()) return {it->second, c->shared_from_this(), nullptr};
    for (auto u = c->uses_.rbegin(); u != c->uses_.rend(); ++u)
      if (const auto* d = FindIn((*u)->file->body.functions, name)) return {d, nullptr, u->get()};
  }
  return {};
}

const ModuleFrame* Context::FindModuleFrame() const {
  for (const Context* c = this; c; c = c->lexical_.get())
    if (c->frame_) return c->frame_.get();
  return nullptr;
}

}  // namespace mos::eval
