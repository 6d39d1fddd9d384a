// Evaluate(): sets up the builtin scope and the file scope, applies -D
// overrides and `use`s, and runs the top level. Also the Interpreter's
// messages and limits.
#include "eval/evaluator.h"
#include "eval/pool_allocator.h"

#include <unordered_set>

#include <cctype>
#include <unordered_map>

#include "eval/interpreter.h"
#include "lang/parser.h"

namespace mos::eval {

namespace {

// Frames (expressions, statements, calls) a program may nest. The stack
// byte budget below is the real guard; this count keeps the limit the same
// across builds for ordinary programs.
#ifdef __EMSCRIPTEN__
constexpr int kDefaultMaxDepth = 20000;
constexpr std::size_t kDefaultStackBytes = 3u << 20;  // of the 5 MB WASM stack
#else
constexpr int kDefaultMaxDepth = 40000;
constexpr std::size_t kDefaultStackBytes = 6u << 20;  // of an 8 MB thread stack
#endif

// Limits so that use cycles and absurd nesting end.
constexpr int kMaxUseDepth = 64;

}  // namespace

Interpreter::Interpreter(const EvalOptions& options, EvalLog& log)
    : options_(options), log_(log) {
  maxDepth_ = options.maxRecursionDepth > 0 ? options.maxRecursionDepth : kDefaultMaxDepth;
  hardMaxDepth_ = maxDepth_ + maxDepth_ / 8 + 16;
  maxStackBytes_ = options.maxStackBytes > 0 ? options.maxStackBytes : kDefaultStackBytes;
  hardStackBytes_ = maxStackBytes_ + maxStackBytes_ / 8;
  if (options.timeoutSeconds > 0) {
    hasDeadline_ = true;
    deadline_ = std::chrono::steady_clock::now() +
                std::chrono::microseconds(static_cast<long long>(options.timeoutSeconds * 1e6));
  }
  root_ = MakePooled<Context>(nullptr, nullptr);
  auto zero3 = Value::Vector({Value::Number(0), Value::Number(0), Value::Number(0)});
  // The names live as long as the process (lang::PermanentSymbol).
  static const lang::Symbol kNames[] = {
      lang::PermanentSymbol("$fn"),  lang::PermanentSymbol("$fa"),
      lang::PermanentSymbol("$fs"),  lang::PermanentSymbol("$t"),
      lang::PermanentSymbol("$preview"), lang::PermanentSymbol("$vpr"),
      lang::PermanentSymbol("$vpt"), lang::PermanentSymbol("$vpd"),
      lang::PermanentSymbol("$vpf"), lang::PermanentSymbol("PI")};
  root_->Set(kNames[0], Value::Number(0));
  root_->Set(kNames[1], Value::Number(12));
  root_->Set(kNames[2], Value::Number(2));
  root_->Set(kNames[3], Value::Number(0));
  root_->Set(kNames[4], Value::Bool(options.preview));
  root_->Set(kNames[5], zero3);
  root_->Set(kNames[6], zero3);
  root_->Set(kNames[7], Value::Number(500));
  root_->Set(kNames[8], Value::Number(22.5));
  root_->Set(kNames[9], Value::Number(3.14159265358979323846));
}

std::string Interpreter::Where(const lang::SourceSpan& span) const {
  return log_.LocationSuffix(span);
}

// Most warnings name a library's file relative to the main file's directory;
// argument binding, operator and range warnings use Where() instead (see
// EvalLog::LocationSuffixFromMain).
void Interpreter::Warning(const std::string& text, const lang::SourceSpan& span) {
  log_.Warning(text + log_.LocationSuffixFromMain(span), span);
}

void Interpreter::DeprecatedOnce(const std::string& text, const lang::SourceSpan& span) {
  for (const auto& d : deprecationsPrinted_)
    if (d == text) return;
  deprecationsPrinted_.push_back(text);
  log_.Deprecated(text, span);
}

void Interpreter::Error(const std::string& text, const lang::SourceSpan& span) {
  log_.Error(text + Where(span), span);
  throw EvalError{};
}

void Interpreter::Trace(EvalError& e, const std::string& what, const lang::SourceSpan& span) {
  if (e.traceBudget <= 0) return;
  --e.traceBudget;
  std::string line = what + Where(span);
  if (line == e.lastTrace) {
    if (++e.lastTraceRepeats > 5) return;  // 2021.01 stops repeating a line after 5
  } else {
    e.lastTrace = line;
    e.lastTraceRepeats = 1;
  }
  log_.Trace(line, span);
}

void Interpreter::RecursionError(const char* kind, const std::string& name,
                                 const lang::SourceSpan& span) {
  Error(std::string("Recursion detected calling ") + kind + " '" + name + "'", span);
}

void Interpreter::EnterCall(const char* kind, const std::string& name,
                            const lang::SourceSpan& span) {
  if (depth_ >= maxDepth_ || StackUsed() > maxStackBytes_) RecursionError(kind, name, span);
  ++depth_;
  CheckLimits();
}

void Interpreter::CheckLimits() {
  if ((++steps_ & 1023) != 0) return;
  if ((options_.cancel && options_.cancel->load(std::memory_order_relaxed)) ||
      options_.cancelPoll.Requested()) {
    log_.Error("Evaluation cancelled", {});
    EvalError e;
    e.traceBudget = 0;
    throw e;
  }
  if (hasDeadline_ && std::chrono::steady_clock::now() > deadline_) {
    log_.Error("Evaluation timed out", {});
    EvalError e;
    e.traceBudget = 0;
    throw e;
  }
}

// A line the parser wrote for the .echo output, into the log as it is.
void Interpreter::LogParserLine(const std::string& line, const lang::SourceSpan& span) {
  auto starts = [&](const char* p) { return line.rfind(p, 0) == 0; };
  if (starts("WARNING: ")) log_.Warning(line.substr(9), span);
  else if (starts("DEPRECATED: ")) log_.Deprecated(line.substr(12), span);
  else if (starts("ECHO: ")) log_.Echo(line.substr(6), span);
  else if (starts("TRACE: ")) log_.Trace(line.substr(7), span);
  else if (starts("ERROR: ")) log_.Error(line.substr(7), span);
  else log_.Error(line, span);
}

// The used files of `file`, parsed (once per path per evaluation).
std::vector<UsedFilePtr> Interpreter::LoadUses(const lang::File& file, int depth) {
  static thread_local std::unordered_map<std::string, UsedFilePtr>* cache = nullptr;
  std::unordered_map<std::string, UsedFilePtr> local;
  bool owner = cache == nullptr;
  if (owner) cache = &local;
  std::vector<UsedFilePtr> result;
  if (depth < kMaxUseDepth) {
    for (const auto& u : file.uses) {
      // `use <font.ttf>` registers a font in 2021.01 (nothing to evaluate).
      const std::string& name = u.resolved.empty() ? u.path : u.resolved;
      std::string ext = name.size() > 4 ? name.substr(name.size() - 4) : "";
      for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (ext == ".ttf" || ext == ".otf") {
        if (u.resolved.empty()) log_.Error("Can't read font with path '" + u.path + "'", u.span);
        continue;
      }
      if (u.resolved.empty()) continue;
      auto it = cache->find(u.resolved);
      if (it != cache->end()) {
        if (it->second) result.push_back(it->second);
        continue;
      }
      (*cache)[u.resolved] = nullptr;  // a use cycle ends here
      lang::ParseOptions po;
      po.libraryPaths = options_.libraryPaths;
      // Words reassignment warnings as 2021.01 does for a library ('on line
      // 1 of "lib.scad"') and leaves out "Can't parse file" for it.
      po.usedFromMainFile = mainFile_;
      lang::ParseResult parsed = options_.parseUsedFile ? options_.parseUsedFile(u.resolved, po)
                                                        : lang::ParseFile(u.resolved, po);
      for (const auto& line : parsed.echoLines) LogParserLine(line, u.span);
      if (!parsed.file) continue;
      // Most warnings inside a library name its files relative to the
      // library's directory (EvalLog::LocationSuffix).
      const std::string& libPath = parsed.file->path;
      const size_t slash = libPath.find_last_of('/');
      const std::string libDir = slash == std::string::npos ? "" : libPath.substr(0, slash);
      log_.SetFileBaseDirectory(libPath, libDir);
      for (const std::string& inc : parsed.file->includedFiles) log_.SetFileBaseDirectory(inc, libDir);
      auto used = std::make_shared<UsedFile>();
      used->file = parsed.file;
      // Its definitions are found by name (Context::FindFunction/FindModule).
      for (const auto& f : parsed.file->body.functions) f->symbol.Get(f->name)->Mark(lang::kRoleFunction);
      for (const auto& m : parsed.file->body.modules) m->symbol.Get(m->name)->Mark(lang::kRoleModule);
      keepAlive_->push_back(parsed.file);
      used->uses = LoadUses(*parsed.file, depth + 1);
      (*cache)[u.resolved] = used;
      result.push_back(used);
    }
  }
  if (owner) cache = nullptr;
  return result;
}

EvalResult Evaluate(const lang::FilePtr& file, const EvalOptions& options) {
  EvalResult result;
  if (!file) return result;
  Interpreter in(options, result.log);
  try {
    result.root = in.Run(file);
  } catch (const EvalError&) {
    result.aborted = true;
    auto root = MakePooled<Node>();
    result.root = root;
  } catch (const std::bad_alloc&) {
    result.log.Error("Out of memory", {});
    result.aborted = true;
    result.root = MakePooled<Node>();
  }
  in.BreakClosureCycles();
  return result;
}

void Interpreter::BreakClosureCycles() {
  std::unordered_set<const Context*> seen;
  std::vector<ConstContextPtr> pending;
  for (const auto& weak : capturedScopes_) {
    if (ConstContextPtr c = weak.lock()) pending.push_back(std::move(c));
  }
  capturedScopes_.clear();
  while (!pending.empty()) {
    ConstContextPtr c = std::move(pending.back());
    pending.pop_back();
    if (!c || !seen.insert(c.get()).second) continue;
    pending.push_back(c->lexical());
    pending.push_back(c->dynamic());
    if (const ModuleFrame* f = c->frame()) pending.push_back(f->callerScope);
    // Values in the variables may hold further captured scopes.
    for (const auto& [name, value] : c->variables()) {
      if (value.IsFunction()) pending.push_back(value.AsFunction().closure);
    }
    // The run is over: nothing reads these scopes any more (function values
    // left in the node tree are only printed, from their literal).
    const_cast<Context&>(*c).ReleaseForTeardown();
  }
}

}  // namespace mos::eval
