// Scope set-up: parameter binding, assignment lists, used-file scopes.
#include <memory>
#include <unordered_map>

#include "eval/interpreter.h"

namespace mos::eval {

ContextPtr Interpreter::BindParameters(const std::vector<lang::Parameter>& params,
                                       const Arguments& args, ConstContextPtr lexical,
                                       ConstContextPtr dynamic,
                                       const lang::SourceSpan& callSpan,
                                       const std::string& callee) {
  auto ctx = std::make_shared<Context>(lexical, std::move(dynamic));
  // Per-parameter state on the stack for the usual few parameters (this
  // runs on every call).
  constexpr size_t kStackParams = 8;
  const Value* assignedStack[kStackParams] = {};
  bool namedStack[kStackParams] = {};
  std::vector<const Value*> assignedHeap;
  std::unique_ptr<bool[]> namedHeap;
  if (params.size() > kStackParams) {
    assignedHeap.assign(params.size(), nullptr);
    namedHeap.reset(new bool[params.size()]());
  }
  const Value** assigned = assignedHeap.empty() ? assignedStack : assignedHeap.data();
  bool* named = namedHeap ? namedHeap.get() : namedStack;
  std::vector<std::string> duplicates;
  std::vector<const CallArgument*> specials;  // $ names and other extra names
  size_t position = 0;
  bool tooMany = false;
  for (const auto& arg : args) {
    if (arg.name.empty()) {
      if (position < params.size()) {
        assigned[position++] = &arg.value;
      } else if (!tooMany) {
        tooMany = true;
        log_.Warning("Too many unnamed arguments supplied" + Where(callSpan), callSpan);
      }
      continue;
    }
    size_t index = params.size();
    for (size_t i = 0; i < params.size(); ++i)
      if (params[i].name == arg.name) index = i;
    if (index < params.size()) {
      if (named[index]) duplicates.push_back(arg.name);
      named[index] = true;
      assigned[index] = &arg.value;
    } else if (arg.name[0] == '$') {
      specials.push_back(&arg);
    } else {
      // 2021.01 warns but still defines the variable in the callee's scope.
      log_.Warning("variable " + arg.name + " not specified as parameter" + Where(callSpan),
                   callSpan);
      specials.push_back(&arg);
    }
  }
  // 2021.01 evaluates every default, in the scope of the definition.
  for (size_t i = 0; i < params.size(); ++i) {
    Value v;
    if (params[i].defaultValue) v = Eval(*params[i].defaultValue, lexical);
    if (!assigned[i]) ctx->Set(params[i].name, std::move(v));
  }
  for (const auto& d : duplicates)
    log_.Warning("argument " + d + " supplied more than once" + Where(callSpan), callSpan);
  for (size_t i = 0; i < params.size(); ++i)
    if (assigned[i]) ctx->Set(params[i].name, *assigned[i]);
  for (const auto* s : specials) ctx->Set(s->name, s->value);
  return ctx;
}

void Interpreter::EvalAssignments(const std::vector<lang::Assignment>& assignments,
                                  const ContextPtr& ctx) {
  if (assignments.empty()) return;
  // A reassigned name keeps its first position and takes its last value.
  std::vector<const lang::Assignment*> order;
  std::unordered_map<std::string_view, size_t> index;
  for (const auto& a : assignments) {
    auto it = index.find(a.name);
    if (it == index.end()) {
      index.emplace(a.name, order.size());
      order.push_back(&a);
    } else {
      order[it->second] = &a;
    }
  }
  for (const auto* a : order) {
    Value v = a->value ? Eval(*a->value, ctx) : Value();
    ctx->Set(a->name, std::move(v));
  }
}

ContextPtr Interpreter::UsedFileScope(const UsedFile& used, const ConstContextPtr& caller) {
  auto ctx = std::make_shared<Context>(root_, caller);
  // Its definitions are the same on every call: built once per run.
  ScopeDefinitionsPtr& defs = usedFileDefinitions_[&used];
  if (!defs) {
    ctx->SetUses(used.uses);
    ctx->AddDefinitions(used.file->body);
    defs = ctx->definitions();
    if (!defs) defs = std::make_shared<ScopeDefinitions>();
  } else {
    ctx->ShareDefinitions(defs);
  }
  EvalAssignments(used.file->body.assignments, ctx);
  return ctx;
}

}  // namespace mos::eval
