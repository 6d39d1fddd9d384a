// The evaluator's working state: walks the AST with Contexts, evaluates
// expressions to Values and statements to Nodes, and writes the log.
// Private to src/eval; the public entry point is Evaluate() (evaluator.h).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "eval/builtin_functions.h"
#include "eval/context.h"
#include "eval/eval_log.h"
#include "eval/evaluator.h"
#include "eval/node.h"
#include "eval/value.h"
#include "lang/ast.h"

namespace mos::eval {

// Thrown after an ERROR line was logged: unwinds to the top, each call frame
// on the way adding its TRACE line (2021.01 prints at most 12, and a line
// repeated more than 5 times in a row only 5 times).
struct EvalError {
  int traceBudget = 12;
  std::string lastTrace;
  int lastTraceRepeats = 0;
};

// Bounds on what one evaluation may build (2021.01 has none and runs out of
// memory instead): elements of one list, nodes of the tree.
inline constexpr size_t kMaxListElements = size_t{1} << 24;
inline constexpr size_t kMaxNodes = size_t{1} << 23;
// 2021.01's for() module refuses ranges of this many elements or more (list
// comprehensions: kMaxRangeElements).
inline constexpr uint32_t kMaxModuleLoopElements = 10000;

// Arguments of a call after evaluation, before binding to parameters.
using Arguments = std::vector<CallArgument>;

class Interpreter {
 public:
  Interpreter(const EvalOptions& options, EvalLog& log);

  // Whole program: the root group of the top-level nodes.
  NodePtr Run(const lang::FilePtr& file);

  // ---- expressions (eval_expr.cpp)
  Value Eval(const lang::Expr& e, const ConstContextPtr& ctx);
  [[gnu::noinline]] Value EvalOther(const lang::Expr& e, const ConstContextPtr& ctx);
  Arguments EvalArguments(const std::vector<lang::Argument>& args, const ConstContextPtr& ctx);
  Value CallFunction(const lang::CallExpr& call, const ConstContextPtr& ctx);
  // `notUserFunction`: CallFunction found neither a function value nor a
  // definition of the name (the lookups are not repeated).
  [[gnu::noinline]] Value CallFunctionOther(const lang::CallExpr& call, const ConstContextPtr& ctx,
                                            bool notUserFunction = false);
  [[gnu::noinline]] void TraceCall(EvalError& e, const std::string& name,
                                   const lang::SourceSpan& span);
  Value CallFunctionValue(const FunctionValue& f, const Arguments& args,
                          const lang::SourceSpan& span, const ConstContextPtr& ctx,
                          const std::string& name);
  void EvalListElement(const lang::Expr& e, const ConstContextPtr& ctx, ValueVector& out);
  void LcForLoop(const lang::LcForExpr& f, size_t level, const ConstContextPtr& ctx,
                 ValueVector& out);
  struct Callable;
  Value CallLoop(const Callable& f, Arguments args, const lang::SourceSpan& span,
                 const ConstContextPtr& caller);
  [[gnu::noinline]] bool IsSelfCall(const Callable& f, const lang::CallExpr& call,
                                    const Context& c) const;
  [[gnu::noinline]] const lang::Expr* AssertOrEchoStep(const lang::AssertOrEchoExpr& a,
                                                       const ConstContextPtr& c);
  [[gnu::noinline]] void NextTailCall(const Callable& f, const lang::CallExpr& tail,
                                      const ConstContextPtr& c, Arguments& args,
                                      ConstContextPtr& dynamic, const ConstContextPtr& caller);
  // let (a = .., b = ..): sequential, duplicates ignored with 2021.01's warning.
  ContextPtr LetScope(const std::vector<lang::Assignment>& assignments,
                      const ConstContextPtr& ctx);
  // ---- constant vector literals (eval_constant.cpp)
  // Notes on `v` (and its nested vectors) whether it is made of constants
  // only; `level` bounds the walk.
  unsigned char ClassifyConstantVector(const lang::VectorExpr& v, int level);
  // The value of a vector classified constant, built straight from the
  // AST; false where the element-by-element path must run instead (it
  // would report a nesting limit, or the vector nests very deep).
  bool BuildConstantVector(const lang::VectorExpr& v, Value& out);
  // The values a for loop visits (2021.01's range checks and warnings:
  // ranges of 1000000 elements or more are refused, 10000 or more in the
  // for() and intersection_for() modules).
  std::vector<Value> ForValues(const Value& v, const lang::SourceSpan& span,
                               bool moduleLoop = false);
  // "a = 1, 2" as echo() prints its arguments.
  static std::string EchoText(const Arguments& args);
  void CheckAssert(const std::vector<lang::Argument>& argExprs, const Arguments& args,
                   const lang::SourceSpan& span);

  // ---- scopes (eval_scope.cpp)
  // Binds `args` to `params` in a new scope (defaults evaluated in it, as
  // 2021.01 does); unknown named arguments are ignored with 2021.01's warning
  // when `warnUnknown`.
  ContextPtr BindParameters(const std::vector<lang::Parameter>& params, const Arguments& args,
                            ConstContextPtr lexical, ConstContextPtr dynamic,
                            const lang::SourceSpan& callSpan, const std::string& callee);
  // Evaluates the assignments of a body in `ctx` (2021.01: in order, a
  // reassigned name keeps its first position and takes the last value).
  void EvalAssignments(const std::vector<lang::Assignment>& assignments, const ContextPtr& ctx);
  // The file scope of a used file, its assignments evaluated.
  ContextPtr UsedFileScope(const UsedFile& used, const ConstContextPtr& caller);
  void CheckLimits();

  // ---- statements (eval_statements.cpp)
  // Statements nest through one native frame each (EvalStatement calls
  // itself): a statement's own work (if's condition, a module's arguments
  // and parameters) runs in a helper that returns before the body below it
  // is evaluated, and the body (if/else branch, user module body, a builtin
  // module's children) is evaluated by EvalStatement itself. That keeps the
  // native stack per OpenSCAD nesting level small, which bounds how deep a
  // recursion may go where the stack is small (a browser worker, WASM).
  //
  // What a statement leaves for EvalStatement to evaluate below its node.
  struct DeferredBody {
    std::shared_ptr<Node> node;  // receives the nodes of the body (none: the statement's own)
    ContextPtr scope;            // the body's scope
    const lang::Body* body = nullptr;  // definitions, assignments, statements
    // Without `body`: these statements, in `scope` as it is (children()).
    std::vector<const lang::Statement*> statements;
    bool dropIfEmpty = false;  // no node when the body makes none (echo, assert)
    // With `body` and `perRound`: the body once per scope in `rounds`, each
    // time in a new scope under it (a for loop), instead of once in `scope`.
    bool perRound = false;
    std::vector<ConstContextPtr> rounds;
  };
  void EvalRounds(const DeferredBody& d, std::vector<NodePtr>& into);
  // Builtin modules defer their children here (ModuleArgs::PushWithChildren,
  // DeferChildren); EvalStatement takes it when the module returns.
  DeferredBody deferred_;
  // The children `{ }` of `node` under `scope` (a new scope is made for
  // them, as 2021.01 does): evaluated when the builtin module returns.
  void DeferChildren(const std::shared_ptr<Node>& node, const lang::Body& body,
                     const ConstContextPtr& scope, bool dropIfEmpty = false);
  // These statements in `scope` as it is, into `node`'s children (or, with
  // no node, as the module's own nodes): evaluated when it returns.
  void DeferStatements(const std::shared_ptr<Node>& node, const ContextPtr& scope,
                       std::vector<const lang::Statement*> statements);
  // Evaluates a body (definitions, assignments, then instantiations) in ctx
  // into `out`.
  void EvalBody(const lang::Body& body, const ContextPtr& ctx, std::vector<NodePtr>& out);
  // The children `{ }` of an instantiation in a new scope under lexical and
  // dynamic, into `out` (for loops, which evaluate them once per round).
  void EvalChildren(const lang::Body& body, const ConstContextPtr& lexical,
                    const ConstContextPtr& dynamic, std::vector<NodePtr>& out);
  void EvalStatement(const lang::Statement& s, const ConstContextPtr& ctx,
                     std::vector<NodePtr>& out);
  struct StatementWork;
  // A statement's own work, before its body: the node(s) into `produced`,
  // the body to evaluate into `work`.
  void BeginStatement(const lang::Statement& s, const ConstContextPtr& ctx,
                      std::vector<NodePtr>& produced, StatementWork& work);
  void BeginUserModule(const lang::InstantiationStatement& inst,
                       const Found<lang::ModuleDefinition>& def, const ConstContextPtr& ctx,
                       std::vector<NodePtr>& produced, StatementWork& work);
  // After the body: modifiers, the root node, the node count; into `out`.
  void EndStatement(const lang::Statement& s, std::vector<NodePtr>& produced, bool dropIfEmpty,
                    std::vector<NodePtr>& out);
  void TraceStatement(EvalError& e, const lang::Statement& s);

  // ---- builtin modules (builtin_modules_*.cpp)
  // Returns false when `inst.name` is not a builtin module.
  bool InstantiateBuiltin(const lang::InstantiationStatement& inst, const ConstContextPtr& ctx,
                          std::vector<NodePtr>& out);

  // ---- messages
  std::string Where(const lang::SourceSpan& span) const;  // " in file f, line n"
  void Warning(const std::string& text, const lang::SourceSpan& span);
  void LogParserLine(const std::string& line, const lang::SourceSpan& span);
  // A DEPRECATED line, printed once per run for the same text (2021.01).
  void DeprecatedOnce(const std::string& text, const lang::SourceSpan& span);
  [[noreturn]] void Error(const std::string& text, const lang::SourceSpan& span);
  // Adds a TRACE line for a frame an EvalError passes through.
  void Trace(EvalError& e, const std::string& what, const lang::SourceSpan& span);

  EvalLog& log() { return log_; }
  const std::vector<std::string>& moduleStack() const { return moduleStack_; }

  // Every nested evaluation frame (expression, statement, call) counts one
  // unit of stack. A function or module call beyond the limit is 2021.01's
  // "Recursion detected" error; any other frame beyond a slightly higher
  // limit ends evaluation too, so no input can overflow the native stack.
  struct FrameGuard {
    Interpreter& in;
    FrameGuard(Interpreter& i, const lang::SourceSpan& span) : in(i) {
      if (++in.depth_ > in.hardMaxDepth_ || in.StackUsed() > in.hardStackBytes_) {
        --in.depth_;
        in.Error("Recursion detected: nesting too deep", span);
      }
    }
    ~FrameGuard() { --in.depth_; }
  };
  // A function or module call: 2021.01's "Recursion detected calling ..."
  // error beyond the limit, else one more unit of depth (LeaveCall undoes it).
  void EnterCall(const char* kind, const std::string& name, const lang::SourceSpan& span);
  void LeaveCall() { --depth_; }
  [[noreturn, gnu::noinline]] void RecursionError(const char* kind, const std::string& name,
                                                  const lang::SourceSpan& span);
  struct DepthGuard {
    Interpreter& in;
    DepthGuard(Interpreter& i, const char* kind, const std::string& name,
               const lang::SourceSpan& span)
        : in(i) {
      in.EnterCall(kind, name, span);
    }
    ~DepthGuard() { in.LeaveCall(); }
  };

  const EvalOptions& options() const { return options_; }
  std::vector<std::string> moduleStack_;  // user modules being instantiated
  NodePtr rootNode_;
  const lang::Statement* rootStatement_ = nullptr;
  std::vector<std::string> deprecationsPrinted_;                      // the first '!' node, if any
  // Owns every parsed file of this run; function values alias into it.
  std::shared_ptr<std::vector<lang::FilePtr>> keepAlive_ =
      std::make_shared<std::vector<lang::FilePtr>>();
  std::string mainDirectory_;
  std::string mainFile_;  // the model's main file, as given ("" for text)

  // Scopes captured by function values. A function stored in a variable of
  // its own scope (or of an enclosing one) forms a shared_ptr cycle; after
  // the run, BreakClosureCycles() empties every scope reachable from these,
  // so a render frees everything it allocated (the notebook re-renders on
  // every slider move).
  std::vector<std::weak_ptr<const Context>> capturedScopes_;
  void BreakClosureCycles();

  // Definitions of each used file, shared by its per-call scopes.
  std::unordered_map<const UsedFile*, ScopeDefinitionsPtr> usedFileDefinitions_;
  // Argument lists whose calls have returned, kept for their capacity:
  // EvalArguments takes one instead of allocating.
  std::vector<Arguments> argumentPool_;
  Arguments TakeArguments() {
    if (argumentPool_.empty()) return {};
    Arguments a = std::move(argumentPool_.back());
    argumentPool_.pop_back();
    return a;
  }
  void RecycleArguments(Arguments& a) {
    if (a.capacity() == 0 || argumentPool_.size() >= 64) return;
    a.clear();
    argumentPool_.push_back(std::move(a));
  }
  // Recycles an argument list when the scope ends (also on errors).
  struct ArgumentsRecycler {
    Interpreter& in;
    Arguments& args;
    ~ArgumentsRecycler() { in.RecycleArguments(args); }
  };

  // Values of expressions that evaluate to the same thing every time
  // (string literals, vectors of constants): built once per run and shared.
  // A null mapping (undef) marks a vector found not to be constant.
  std::unordered_map<const lang::Expr*, Value> constantValues_;

 private:
  const EvalOptions& options_;
  EvalLog& log_;
  int depth_ = 0;
  int maxDepth_;
  int hardMaxDepth_;
  // Stack use measured from the address of a local in Run(): the stack grows
  // down on every target we build for (x86-64, arm64, wasm32).
  std::uintptr_t stackBase_ = 0;
  std::size_t maxStackBytes_, hardStackBytes_;
  std::size_t StackUsed() const {
    char probe;
    auto here = reinterpret_cast<std::uintptr_t>(&probe);
    return here < stackBase_ ? stackBase_ - here : 0;
  }
  long long steps_ = 0;

 public:
  size_t nodeCount_ = 0;  // nodes made so far (kMaxNodes)

 private:
  std::chrono::steady_clock::time_point deadline_;
  bool hasDeadline_ = false;
  ContextPtr root_;
  friend struct DepthGuard;
  friend struct FrameGuard;

 public:
  std::vector<UsedFilePtr> LoadUses(const lang::File& file, int depth);
  const ContextPtr& root() const { return root_; }
};

const char* TypeName(const Value& v);  // "undefined", "number", ... as 2021.01 names them

}  // namespace mos::eval
