// Statements: bodies, if/else, module instantiation (user modules; builtin
// ones are in builtin_modules_*.cpp) and the top level of a program.
#include "eval/interpreter.h"
#include "eval/pool_allocator.h"
#include "lang/parser.h"

namespace mos::eval {

namespace {

// Applies the '#'/'%' modifiers of a statement to the node it produced.
NodePtr WithModifiers(NodePtr node, const lang::Modifiers& m) {
  if (!node || (!m.highlight && !m.background)) return node;
  auto copy = MakePooled<Node>(*node);
  if (m.highlight) copy->highlight = true;
  if (m.background) copy->background = true;
  return copy;
}

}  // namespace

// The bookkeeping of one EvalStatement: the body its statement left to
// evaluate, and the call depth and module stack entry of a user module,
// restored however the statement ends.
struct Interpreter::StatementWork {
  Interpreter& in;
  DeferredBody deferred;
  bool enteredCall = false;
  bool pushedModule = false;
  explicit StatementWork(Interpreter& i) : in(i) {}
  StatementWork(const StatementWork&) = delete;
  StatementWork& operator=(const StatementWork&) = delete;
  ~StatementWork() {
    if (pushedModule) in.moduleStack_.pop_back();
    if (enteredCall) in.LeaveCall();
  }
};

void Interpreter::EvalBody(const lang::Body& body, const ContextPtr& ctx,
                           std::vector<NodePtr>& out) {
  ctx->AddDefinitions(body);
  EvalAssignments(body.assignments, ctx);
  for (const auto& s : body.instantiations) EvalStatement(*s, ctx, out);
}

void Interpreter::EvalChildren(const lang::Body& body, const ConstContextPtr& lexical,
                               const ConstContextPtr& dynamic, std::vector<NodePtr>& out) {
  auto ctx = MakePooled<Context>(lexical, dynamic);
  ctx->AddDefinitions(body);
  EvalAssignments(body.assignments, ctx);
  for (const auto& s : body.instantiations) EvalStatement(*s, ctx, out);
}

void Interpreter::DeferChildren(const std::shared_ptr<Node>& node, const lang::Body& body,
                                const ConstContextPtr& scope, bool dropIfEmpty) {
  deferred_.node = node;
  deferred_.scope = MakePooled<Context>(scope, scope);
  deferred_.body = &body;
  deferred_.statements.clear();
  deferred_.dropIfEmpty = dropIfEmpty;
}

void Interpreter::DeferStatements(const std::shared_ptr<Node>& node, const ContextPtr& scope,
                                  std::vector<const lang::Statement*> statements) {
  deferred_.node = node;
  deferred_.scope = scope;
  deferred_.body = nullptr;
  deferred_.statements = std::move(statements);
  deferred_.dropIfEmpty = false;
}

// The recursion of the evaluator over statements: keep this function's own
// frame small (no inlined cold paths), see "statements" in interpreter.h.
void Interpreter::EvalStatement(const lang::Statement& s, const ConstContextPtr& ctx,
                                std::vector<NodePtr>& out) {
  if (s.modifiers.disable) return;
  FrameGuard frame(*this, s.span);
  StatementWork work(*this);
  std::vector<NodePtr> produced;
  try {
    BeginStatement(s, ctx, produced, work);
    DeferredBody& d = work.deferred;
    std::vector<NodePtr>& into = d.node ? d.node->children : produced;
    if (d.perRound) {
      EvalRounds(d, into);
    } else if (d.body) {
      d.scope->AddDefinitions(*d.body);
      EvalAssignments(d.body->assignments, d.scope);
      for (const auto& child : d.body->instantiations) EvalStatement(*child, d.scope, into);
    } else {
      for (const auto* child : d.statements) EvalStatement(*child, d.scope, into);
    }
  } catch (EvalError& e) {
    TraceStatement(e, s);
    throw;
  }
  if (!produced.empty()) EndStatement(s, produced, work.deferred.dropIfEmpty, out);
}

void Interpreter::EvalRounds(const DeferredBody& d, std::vector<NodePtr>& into) {
  for (const auto& round : d.rounds) {
    CheckLimits();
    auto c = MakePooled<Context>(round, round);
    c->AddDefinitions(*d.body);
    EvalAssignments(d.body->assignments, c);
    for (const auto& child : d.body->instantiations) EvalStatement(*child, c, into);
  }
}

void Interpreter::TraceStatement(EvalError& e, const lang::Statement& s) {
  if (s.kind == lang::StatementKind::IfElse)
    Trace(e, "called by 'if'", s.span);
  else
    Trace(e, "called by '" + static_cast<const lang::InstantiationStatement&>(s).name + "'", s.span);
}

void Interpreter::BeginStatement(const lang::Statement& s, const ConstContextPtr& ctx,
                                 std::vector<NodePtr>& produced, StatementWork& work) {
  if (s.kind == lang::StatementKind::IfElse) {
    const auto& ie = static_cast<const lang::IfElseStatement&>(s);
    CheckLimits();
    bool cond = Eval(*ie.condition, ctx).ToBool();
    if (!cond && !ie.hasElse) return;
    auto group = MakePooled<Node>();
    group->span = s.span;
    produced.push_back(group);
    DeferredBody& d = work.deferred;
    d.node = std::move(group);
    d.scope = MakePooled<Context>(ctx, ctx);
    d.body = cond ? &ie.ifTrue : &ie.ifFalse;
    return;
  }
  const auto& inst = static_cast<const lang::InstantiationStatement&>(s);
  if (auto def = ctx->FindModule(inst.symbol.Get(inst.name))) {
    BeginUserModule(inst, def, ctx, produced, work);
    return;
  }
  deferred_ = DeferredBody{};
  if (InstantiateBuiltin(inst, ctx, produced)) {
    work.deferred = std::move(deferred_);
    deferred_ = DeferredBody{};
    return;
  }
  Warning("Ignoring unknown module '" + inst.name + "'", inst.span);
}

void Interpreter::EndStatement(const lang::Statement& s, std::vector<NodePtr>& produced,
                               bool dropIfEmpty, std::vector<NodePtr>& out) {
  NodePtr node = std::move(produced.front());
  if (!node || (dropIfEmpty && node->children.empty())) return;
  if (++nodeCount_ > kMaxNodes)
    Error("The node tree exceeds the limit of " + std::to_string(kMaxNodes) + " nodes", s.span);
  // 2021.01 drops modifiers written on child()/children().
  bool isChildren = s.kind == lang::StatementKind::Instantiation &&
                    (static_cast<const lang::InstantiationStatement&>(s).name == "children" ||
                     static_cast<const lang::InstantiationStatement&>(s).name == "child");
  // ... but keeps them on the group a children() call makes.
  if (!isChildren || (node->span.file == s.span.file && node->span.line == s.span.line &&
                      node->span.column == s.span.column))
    node = WithModifiers(node, s.modifiers);
  if (s.modifiers.root) {
    if (!rootNode_) {
      rootNode_ = node;
      rootStatement_ = &s;
    } else if (rootStatement_ != &s) {
      Warning("More than one Root Modifier (!)", s.span);
    }
  }
  out.push_back(std::move(node));
}

void Interpreter::BeginUserModule(const lang::InstantiationStatement& inst,
                                  const Found<lang::ModuleDefinition>& def,
                                  const ConstContextPtr& ctx, std::vector<NodePtr>& produced,
                                  StatementWork& work) {
  Arguments args = EvalArguments(inst.arguments, ctx);
  ArgumentsRecycler recycle{*this, args};
  EnterCall("module", inst.name, def.def->span);
  work.enteredCall = true;
  ConstContextPtr scope = def.scope;
  ConstContextPtr dynamic = ctx;
  // A used file's scope is also on the dynamic chain (its $ variables count).
  if (def.usedFile) scope = dynamic = UsedFileScope(*def.usedFile, ctx);
  ContextPtr mctx =
      BindParameters(def.def->parameters, args, scope, dynamic, inst.span, inst.name);
  int childCount = 0;
  for (const auto& c : inst.children.instantiations)
    if (!c->modifiers.disable) ++childCount;
  moduleStack_.push_back(inst.name);
  work.pushedModule = true;
  static const lang::Symbol kChildren = lang::PermanentSymbol("$children");
  static const lang::Symbol kParentModules = lang::PermanentSymbol("$parent_modules");
  mctx->Set(kChildren, Value::Number(childCount));
  mctx->Set(kParentModules, Value::Number(static_cast<double>(moduleStack_.size())));
  mctx->SetModuleFrame(ModuleFrame{&inst, ctx, inst.name});
  for (const auto& a : def.def->body.assignments) {
    if (!a.value || a.value->kind != lang::ExprKind::Literal) continue;
    for (const auto& p : def.def->parameters)
      if (p.name == a.name)
        Warning("Module " + inst.name + ": Parameter " + a.name + " is overwritten with a literal",
                a.span);
  }
  auto node = MakePooled<Node>();
  node->span = inst.span;
  produced.push_back(node);
  DeferredBody& d = work.deferred;
  d.node = std::move(node);
  d.scope = std::move(mctx);
  d.body = &def.def->body;
}

NodePtr Interpreter::Run(const lang::FilePtr& file) {
  char base;
  stackBase_ = reinterpret_cast<std::uintptr_t>(&base);
  if (file->path.empty()) {
    mainDirectory_.clear();
  } else {
    auto slash = file->path.find_last_of('/');
    mainDirectory_ = slash == std::string::npos ? "" : file->path.substr(0, slash);
  }
  log_.SetMainDirectory(mainDirectory_);
  mainFile_ = file->path;
  keepAlive_->push_back(file);
  auto fileCtx = MakePooled<Context>(root_, root_);
  fileCtx->SetUses(LoadUses(*file, 0));
  fileCtx->AddDefinitions(file->body);

  // -D name=expr: replaces the expression of a top-level assignment (keeping
  // its position) or appends a new one, as 2021.01 does.
  std::vector<lang::Assignment> assignments = file->body.assignments;
  for (const auto& [name, expr] : options_.defines) {
    lang::ParseOptions po;
    lang::ParseResult parsed = lang::ParseSource(name + "=" + expr + ";", "", "", po);
    for (const auto& line : parsed.echoLines) LogParserLine(line, {});
    if (!parsed.file) continue;
    keepAlive_->push_back(parsed.file);
    for (const auto& a : parsed.file->body.assignments) assignments.push_back(a);
  }
  EvalAssignments(assignments, fileCtx);

  auto root = MakePooled<Node>();
  for (const auto& s : file->body.instantiations) EvalStatement(*s, fileCtx, root->children);

  // A program that sets the camera variables: 2021.01 reports it after
  // evaluating (the viewport follows them instead of "view all").
  bool camera = false;
  for (const char* name : {"$vpr", "$vpt"}) {
    const Value* v = fileCtx->FindLocal(lang::FindSymbol(name));
    if (!v) continue;
    double x, y, z;
    if (v->GetVec3(x, y, z))
      camera = true;
    else
      log_.Warning(std::string("Unable to convert ") + name + "=" + v->ToEchoString() +
                       " to a vec3 or vec2 of numbers",
                   {});
  }
  if (const Value* v = fileCtx->FindLocal(lang::FindSymbol("$vpd"))) {
    if (v->IsNumber())
      camera = true;
    else
      log_.Warning("Unable to convert $vpd=" + v->ToEchoString() + " to a number", {});
  }
  if (camera) log_.Warning("Viewall and autocenter disabled in favor of $vp*", {});
  if (rootNode_) {
    auto only = MakePooled<Node>();
    only->children.push_back(rootNode_);
    return only;
  }
  return root;
}

}  // namespace mos::eval
