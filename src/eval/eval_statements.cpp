// Statements: bodies, if/else, module instantiation (user modules; builtin
// ones are in builtin_modules_*.cpp) and the top level of a program.
#include "eval/interpreter.h"
#include "lang/parser.h"

namespace mos::eval {

namespace {

// Applies the '#'/'%' modifiers of a statement to the node it produced.
NodePtr WithModifiers(NodePtr node, const lang::Modifiers& m) {
  if (!node || (!m.highlight && !m.background)) return node;
  auto copy = std::make_shared<Node>(*node);
  if (m.highlight) copy->highlight = true;
  if (m.background) copy->background = true;
  return copy;
}

}  // namespace

void Interpreter::EvalBody(const lang::Body& body, const ContextPtr& ctx,
                           std::vector<NodePtr>& out) {
  ctx->AddDefinitions(body);
  EvalAssignments(body.assignments, ctx);
  for (const auto& s : body.instantiations) EvalStatement(*s, ctx, out);
}

std::vector<NodePtr> Interpreter::EvalChildren(const lang::Body& body,
                                               const ConstContextPtr& lexical,
                                               const ConstContextPtr& dynamic) {
  std::vector<NodePtr> out;
  auto ctx = std::make_shared<Context>(lexical, dynamic);
  EvalBody(body, ctx, out);
  return out;
}

void Interpreter::EvalStatement(const lang::Statement& s, const ConstContextPtr& ctx,
                                std::vector<NodePtr>& out) {
  if (s.modifiers.disable) return;
  FrameGuard frame(*this, s.span);
  NodePtr node;
  if (s.kind == lang::StatementKind::IfElse) {
    const auto& ie = static_cast<const lang::IfElseStatement&>(s);
    try {
      CheckLimits();
      bool cond = Eval(*ie.condition, ctx).ToBool();
      if (!cond && !ie.hasElse) return;
      auto group = std::make_shared<Node>();
      group->span = s.span;
      group->children = EvalChildren(cond ? ie.ifTrue : ie.ifFalse, ctx, ctx);
      node = group;
    } catch (EvalError& e) {
      Trace(e, "called by 'if'", s.span);
      throw;
    }
  } else {
    const auto& inst = static_cast<const lang::InstantiationStatement&>(s);
    std::vector<NodePtr> produced;
    try {
      Instantiate(inst, ctx, produced);
    } catch (EvalError& e) {
      Trace(e, "called by '" + inst.name + "'", s.span);
      throw;
    }
    if (produced.empty()) return;
    node = produced.front();
  }
  if (!node) return;
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

NodePtr Interpreter::Instantiate(const lang::InstantiationStatement& inst,
                                 const ConstContextPtr& ctx, std::vector<NodePtr>& out) {
  if (auto def = ctx->FindModule(inst.name)) {
    NodePtr n = InstantiateUserModule(inst, def, ctx);
    if (n) out.push_back(n);
    return n;
  }
  if (InstantiateBuiltin(inst, ctx, out)) return out.empty() ? nullptr : out.front();
  Warning("Ignoring unknown module '" + inst.name + "'", inst.span);
  return nullptr;
}

NodePtr Interpreter::InstantiateUserModule(const lang::InstantiationStatement& inst,
                                           const Found<lang::ModuleDefinition>& def,
                                           const ConstContextPtr& ctx) {
  Arguments args = EvalArguments(inst.arguments, ctx);
  DepthGuard guard(*this, "module", inst.name, def.def->span);
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
  struct Pop {
    std::vector<std::string>& s;
    ~Pop() { s.pop_back(); }
  } pop{moduleStack_};
  mctx->Set("$children", Value::Number(childCount));
  mctx->Set("$parent_modules", Value::Number(static_cast<double>(moduleStack_.size())));
  mctx->SetModuleFrame(ModuleFrame{&inst, ctx, inst.name});
  for (const auto& a : def.def->body.assignments) {
    if (!a.value || a.value->kind != lang::ExprKind::Literal) continue;
    for (const auto& p : def.def->parameters)
      if (p.name == a.name)
        Warning("Module " + inst.name + ": Parameter " + a.name + " is overwritten with a literal",
                a.span);
  }
  auto node = std::make_shared<Node>();
  node->span = inst.span;
  EvalBody(def.def->body, mctx, node->children);
  return node;
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
  auto fileCtx = std::make_shared<Context>(root_, root_);
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

  auto root = std::make_shared<Node>();
  for (const auto& s : file->body.instantiations) EvalStatement(*s, fileCtx, root->children);

  // A program that sets the camera variables: 2021.01 reports it after
  // evaluating (the viewport follows them instead of "view all").
  bool camera = false;
  for (const char* name : {"$vpr", "$vpt"}) {
    const Value* v = fileCtx->FindLocal(name);
    if (!v) continue;
    double x, y, z;
    if (v->GetVec3(x, y, z))
      camera = true;
    else
      log_.Warning(std::string("Unable to convert ") + name + "=" + v->ToEchoString() +
                       " to a vec3 or vec2 of numbers",
                   {});
  }
  if (const Value* v = fileCtx->FindLocal("$vpd")) {
    if (v->IsNumber())
      camera = true;
    else
      log_.Warning("Unable to convert $vpd=" + v->ToEchoString() + " to a number", {});
  }
  if (camera) log_.Warning("Viewall and autocenter disabled in favor of $vp*", {});
  if (rootNode_) {
    auto only = std::make_shared<Node>();
    only->children.push_back(rootNode_);
    return only;
  }
  return root;
}

}  // namespace mos::eval
