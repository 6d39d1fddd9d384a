#include "wasm_request.h"

#include <cmath>
#include <cstdint>

namespace mos::wasm {

using emscripten::val;

namespace {

// Each level of OpenSCAD recursion costs WASM call frames, and those live on
// the JS engine's native stack, not in the 5 MB linear-memory stack the
// evaluator's byte budget watches. The tightest place is a browser worker:
// Chromium gives a worker thread 500 KB (its main thread and Node ~1 MB),
// fixed, whatever the page does. The limit counts nested evaluator frames
// (statements, expressions, calls, let and comprehension levels), not
// module or function calls. After the evaluator's recursive paths were cut
// to one small native frame per statement and ~1.3 per expression frame
// (src/eval: eval_statements.cpp, eval_expr.cpp, eval_call.cpp), every
// runaway shape of tests/wasm/stack_depth.test.mjs and
// bench/stack/probe_depth.mjs reaches at least ~1600 frames in a 500 KB
// worker before the stack runs out, warm (optimised) or cold (2026-11-27,
// bindings/wasm/README.md "Stack depth"). 1200 keeps a margin of 1.3x or
// more and covers the deepest example, polygon_areas.scad (sum() over 360
// elements: 1089 frames). Re-measure when evaluator frames change:
//   node bench/stack/probe_depth.mjs build-wasm/bindings/wasm/mos_wasm_node.mjs
constexpr int kWasmMaxRecursionDepth = 1200;

bool Present(const val& v) { return !v.isUndefined() && !v.isNull(); }

// A count option: a finite number >= 1 below 2^62, else 0 (the default).
uint64_t CountOption(const val& options, const char* name) {
  const double n = NumberOption(options, name, 0);
  return n >= 1 && n < 4.6e18 ? static_cast<uint64_t>(n) : 0;
}

}  // namespace

double NumberOption(const val& options, const char* name, double fallback) {
  if (!Present(options)) return fallback;
  val v = options[name];
  if (!v.isNumber()) return fallback;
  const double d = v.as<double>();
  return std::isfinite(d) ? d : fallback;
}

bool BoolOption(const val& options, const char* name, bool fallback) {
  if (!Present(options)) return fallback;
  val v = options[name];
  if (v.isTrue()) return true;
  if (v.isFalse()) return false;
  return fallback;
}

RenderRequest RequestFrom(const std::string& source, const val& options) {
  RenderRequest request;
  request.source = source;
  request.limits.maxRecursionDepth = kWasmMaxRecursionDepth;
  request.wantGeometry = true;
  if (Present(options)) {
    if (options["file"].isString()) request.file = options["file"].as<std::string>();
    if (options["name"].isString()) request.sourceName = options["name"].as<std::string>();
    request.wantGeometry = BoolOption(options, "mesh", true) || options["export"].isString();
    request.previewSemantics = BoolOption(options, "preview", false);
    request.wantCsg = BoolOption(options, "csg", false);
    request.wantAst = BoolOption(options, "ast", false);
    const double depth = NumberOption(options, "maxRecursionDepth", 0);
    if (depth >= 1 && depth < 1e9) request.limits.maxRecursionDepth = static_cast<int>(depth);
    request.limits.maxLoopIterations = CountOption(options, "maxLoopIterations");
    request.limits.maxVertices = CountOption(options, "maxVertices");
    request.limits.maxMemoryBytes = CountOption(options, "maxMemoryBytes");
    const double timeout = NumberOption(options, "timeoutSeconds", 0);
    if (timeout > 0) request.limits.timeoutSeconds = timeout;
    val paths = options["libraryPaths"];
    if (paths.isArray()) {
      const int n = paths["length"].as<int>();
      for (int i = 0; i < n; ++i)
        if (paths[i].isString()) request.libraryPaths.push_back(paths[i].as<std::string>());
    }
    val defines = options["defines"];
    if (Present(defines)) {
      val keys = val::global("Object").call<val>("keys", defines);
      const int n = keys["length"].as<int>();
      for (int i = 0; i < n; ++i) {
        const std::string name = keys[i].as<std::string>();
        val value = defines[name];
        // An expression as text, as -D takes it; a number, boolean or array
        // of them as its JSON text (valid OpenSCAD).
        const std::string text = value.isString()
                                     ? value.as<std::string>()
                                     : val::global("JSON").call<std::string>("stringify", value);
        request.defines.emplace_back(name, text);
      }
    }
  }
  request.libraryPaths.push_back(kBuiltinLibraryDir);
  return request;
}

}  // namespace mos::wasm
