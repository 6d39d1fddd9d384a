// Entry point of the evaluator: a parsed program in, the node tree (2021.01's
// CSG tree) and the log out. Used by the Engine (src/engine) and tests.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "eval/eval_log.h"
#include "mos/cancel_poll.h"
#include "eval/node.h"
#include "lang/ast.h"
#include "lang/parser.h"

namespace mos::eval {

struct EvalOptions {
  std::vector<std::string> libraryPaths;  // -L dirs, then OPENSCADPATH, then built-in
  std::vector<std::pair<std::string, std::string>> defines;  // -D name=expr
  int maxRecursionDepth = 0;         // 0: default for this build (WASM smaller)
  // Native stack the evaluation may use below the Evaluate() call; deeper
  // recursion ends in "Recursion detected". 0: 6 MB native, 3 MB in WASM
  // (emscripten's default stack is 5 MB). Lower it when evaluating on a
  // thread with a small stack.
  size_t maxStackBytes = 0;
  const std::atomic<bool>* cancel = nullptr;
  double timeoutSeconds = 0;         // 0: none
  // Iterations one loop may run: a for over a range with more elements
  // gets 2021.01's "too many elements" warning, a C-style list
  // comprehension for its "For loop counter exceeded limit" error.
  // 0: 2021.01's limits (ranges of 1000000 elements and more, 1000000
  // rounds).
  uint64_t maxLoopIterations = 0;
  // The value of $preview. 2021.01 sets it true for -o .echo/.csg/.ast/.png
  // (OpenCSG preview) and false when it renders geometry (-o .stl/.off/...).
  bool preview = true;
  // Parses a `use`d library (its resolved path). The Engine passes one that
  // keeps parsed libraries between renders (keyed by path, checked against
  // the files' contents); empty: lang::ParseFile every time.
  std::function<lang::ParseResult(const std::string& path, const lang::ParseOptions& options)>
      parseUsedFile;
  CancelPoll cancelPoll;  // polled where `cancel` is read
};

struct EvalResult {
  std::shared_ptr<const Node> root;  // null when evaluation could not start
  EvalLog log;
  bool aborted = false;  // an error (or cancel/limit) stopped evaluation
};

EvalResult Evaluate(const lang::FilePtr& file, const EvalOptions& options);

// The node tree as 2021.01's `-o x.csg` writes it.
std::string DumpCsg(const Node& root);

}  // namespace mos::eval
