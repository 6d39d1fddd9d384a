// Thin embind layer over mos::Engine for the browser worker and Node.
// Returns plain JS objects; nothing throws into JS (a C++ exception crossing
// embind would arrive as a bare number), so everything is caught here.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iterator>
#include <string>

#include "mos/engine.h"

namespace {

using emscripten::val;

const char* SeverityName(mos::Severity s) {
  switch (s) {
    case mos::Severity::Echo: return "echo";
    case mos::Severity::Warning: return "warning";
    case mos::Severity::Deprecated: return "deprecated";
    case mos::Severity::Error: return "error";
    case mos::Severity::Trace: return "trace";
  }
  return "error";
}

// Each level of OpenSCAD recursion costs several WASM call frames, and those
// live on the JS engine's native stack (V8: about 1 MB, fixed in browsers),
// not in the 5 MB linear-memory stack. Measured in Node 20 with the
// evaluator's depth counting of 2026-11-26: every shape in
// deep_recursion_test.mjs ends in "Recursion detected" up to 800; 400 keeps a
// 2x margin and still runs testdata tail-recursion-tests.scad (which needs
// more than 300). Re-measure when evaluator frames or counting change.
constexpr int kWasmMaxRecursionDepth = 400;

mos::Engine& TheEngine() {
  static mos::Engine engine;  // keeps the parsed-file cache between renders
  return engine;
}

// options: {file, name, defines: {name: "expr"}, libraryPaths: [..],
//           csg: bool, maxRecursionDepth, maxLoopIterations, timeoutSeconds,
//           export: "svg" | "stl" | ... (render the geometry and return it
//           as text in `exported`, or why not in `exportError`)}
mos::RenderRequest RequestFrom(const std::string& source, const val& options) {
  mos::RenderRequest request;
  request.source = source;
  request.wantCsg = true;
  request.limits.maxRecursionDepth = kWasmMaxRecursionDepth;
  if (options.isUndefined() || options.isNull()) return request;
  if (options["file"].isString()) request.file = options["file"].as<std::string>();
  if (options["name"].isString()) request.sourceName = options["name"].as<std::string>();
  if (options["csg"].isFalse()) request.wantCsg = false;
  if (options["export"].isString()) request.wantGeometry = true;
  if (options["maxRecursionDepth"].isNumber())
    request.limits.maxRecursionDepth = options["maxRecursionDepth"].as<int>();
  if (options["maxLoopIterations"].isNumber()) {
    const double n = options["maxLoopIterations"].as<double>();
    if (n >= 1 && n < 1e18) request.limits.maxLoopIterations = static_cast<uint64_t>(n);
  }
  if (options["timeoutSeconds"].isNumber())
    request.limits.timeoutSeconds = options["timeoutSeconds"].as<double>();
  val paths = options["libraryPaths"];
  if (paths.isArray()) {
    const int n = paths["length"].as<int>();
    for (int i = 0; i < n; ++i) request.libraryPaths.push_back(paths[i].as<std::string>());
  }
  val defines = options["defines"];
  if (!defines.isUndefined() && !defines.isNull()) {
    val keys = val::global("Object").call<val>("keys", defines);
    const int n = keys["length"].as<int>();
    for (int i = 0; i < n; ++i) {
      std::string name = keys[i].as<std::string>();
      request.defines.emplace_back(name, defines[name].as<std::string>());
    }
  }
  return request;
}

val ToJs(const mos::RenderResult& result) {
  val out = val::object();
  out.set("ok", result.ok);
  out.set("parsed", result.parsed);
  out.set("echo", result.echo);
  // The echo bytes as 2021.01 wrote them: invalid UTF-8 in strings survives
  // here, while the JS string above replaces it with U+FFFD.
  out.set("echoBytes", val::global("Uint8Array")
                           .new_(emscripten::typed_memory_view(result.echo.size(),
                                                               reinterpret_cast<const uint8_t*>(
                                                                   result.echo.data()))));
  out.set("csg", result.csg);
  val diagnostics = val::array();
  int i = 0;
  for (const auto& d : result.diagnostics) {
    val item = val::object();
    item.set("severity", std::string(SeverityName(d.severity)));
    item.set("message", d.message);
    item.set("file", d.location.file);
    item.set("line", d.location.line);
    item.set("column", d.location.column);
    item.set("text", mos::FormatDiagnostic(d));
    diagnostics.set(i++, item);
  }
  out.set("diagnostics", diagnostics);
  return out;
}

val Failure(const std::string& message) {
  mos::RenderResult result;
  result.diagnostics.push_back({mos::Severity::Error, message, {}});
  return ToJs(result);
}

// The rendered geometry in `format`, written through the (in-memory or,
// in mos_wasm_node, host) file system and read back.
void AddExport(const mos::RenderResult& result, const std::string& format, val& out) {
  static int counter = 0;
  const std::string path = "/tmp/mos_wasm_export_" + std::to_string(++counter) + "." + format;
  const std::string error = mos::ExportGeometry(result, path, format);
  if (!error.empty()) {
    out.set("exportError", error);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  out.set("exported", std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
  in.close();
  std::remove(path.c_str());
}

// render(source, options?) -> {ok, parsed, echo, csg, diagnostics,
//                              exported / exportError with options.export}
val Render(const std::string& source, val options) {
  try {
    const mos::RenderResult result = TheEngine().Render(RequestFrom(source, options));
    val out = ToJs(result);
    if (!options.isUndefined() && !options.isNull() && options["export"].isString())
      AddExport(result, options["export"].as<std::string>(), out);
    return out;
  } catch (const std::exception& e) {
    return Failure(std::string("internal error: ") + e.what());
  } catch (...) {
    return Failure("internal error: unknown exception");
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(mos) {
  emscripten::function("render", &Render);
}
