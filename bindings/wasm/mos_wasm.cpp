// Thin embind layer over mos::Engine for the browser worker and Node.
// Returns plain JS objects; nothing throws into JS (a C++ exception crossing
// embind would arrive as a bare number), so everything is caught here.
//
//   render(source, options?) -> result   (options: wasm_request.h and below;
//                                         result: wasm_result.h)
//   geometryCacheInfo() -> {entries, bytes, budgetBytes, evictions}
//   setGeometryCacheBudget(bytes), clearGeometryCache()
//   releaseResult()   frees the last result (its mesh views go stale)
//   parameters(source, options?) -> {ok, parameters, diagnostics}
//                                    (customizer parameters; wasm_parameters.h)
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>

#include "mos/engine.h"
#include "wasm_cancel.h"
#include "wasm_parameters.h"
#include "wasm_request.h"
#include "wasm_result.h"
#include "wasm_view_mesh.h"

namespace {

using emscripten::val;

mos::Engine& TheEngine() {
  // Keeps the parsed-file and geometry caches between renders; the geometry
  // cache budget defaults to 64 MB in WASM (mos::EngineOptions).
  static mos::Engine engine;
  return engine;
}

// The result whose mesh arrays the last render returned as heap views.
std::unique_ptr<mos::RenderResult>& LastResult() {
  static std::unique_ptr<mos::RenderResult> last;
  return last;
}

// The rendered geometry in `format`, written through the (in-memory or,
// in mos_wasm_node, host) file system and read back: `exportedBytes` (a
// copy), and `exported` as text for the text formats.
// The file name is unique per module instance too: mos_wasm_node writes to the
// host's /tmp, which several processes share.
void AddExport(const mos::RenderResult& result, const std::string& format, val& out) {
  static const std::string instance = std::to_string(std::random_device{}()) + "_" +
                                      std::to_string(std::random_device{}());
  static int counter = 0;
  const std::string path =
      "/tmp/mos_wasm_export_" + instance + "_" + std::to_string(++counter) + "." + format;
  const std::string error = mos::ExportGeometry(result, path, format);
  if (!error.empty()) {
    out.set("exportError", error);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  in.close();
  std::remove(path.c_str());
  out.set("exportedBytes",
          val::global("Uint8Array")
              .new_(emscripten::typed_memory_view(
                  bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()))));
  if (format != "binstl" && format != "3mf") out.set("exported", bytes);
}

void ApplyCacheBudget(const val& options) {
  const double budget = mos::wasm::NumberOption(options, "geometryCacheBytes", -1);
  if (budget < 0 || budget > 1e15) return;
  const auto bytes = static_cast<uint64_t>(budget);
  if (TheEngine().GeometryCache().budgetBytes != bytes) TheEngine().SetGeometryCacheBudget(bytes);
}

// Besides the request fields (wasm_request.h):
//   cancelFlag: Int32Array   a non-zero [0] stops the render ("cancelled")
//   geometryCacheBytes       a new budget for the engine's geometry cache
//   copy (default false)     the mesh arrays as copies instead of heap views
//   viewEdgeCos              also `view`: the mesh as the viewer draws it
//                            (wasm_view_mesh.h), edges at this cosine
//                            (views stay valid until the next render only)
val Render(const std::string& source, val options) {
  try {
    const bool present = !options.isUndefined() && !options.isNull();
    ApplyCacheBudget(options);
    mos::wasm::CancelFlag flag(present ? options["cancelFlag"] : val::undefined());
    mos::RenderRequest request = mos::wasm::RequestFrom(source, options);
    request.cancelPoll = flag.Poll();
    LastResult().reset();  // its views go stale now; free the memory first
    auto result = std::make_unique<mos::RenderResult>(TheEngine().Render(request));
    val out = mos::wasm::ResultToJs(*result, flag.Seen());
    if (present && options["export"].isString())
      AddExport(*result, options["export"].as<std::string>(), out);
    if (present && options["viewEdgeCos"].isNumber() && !result->mesh.indices.empty())
      out.set("view", mos::wasm::ViewMeshToJs(
                          mos::wasm::BuildViewMesh(result->mesh, options["viewEdgeCos"].as<double>())));
    // Last: the views must not see a heap growth after they are made.
    const bool copy = mos::wasm::BoolOption(options, "copy", false);
    mos::wasm::AddMesh(*result, copy, out);
    if (!copy) LastResult() = std::move(result);
    return out;
  } catch (const std::exception& e) {
    return mos::wasm::FailureToJs(std::string("internal error: ") + e.what());
  } catch (...) {
    return mos::wasm::FailureToJs("internal error: unknown exception");
  }
}

val RenderWithoutOptions(const std::string& source) { return Render(source, val::undefined()); }

val GeometryCacheInfo() {
  const mos::GeometryCacheInfo info = TheEngine().GeometryCache();
  val out = val::object();
  out.set("entries", static_cast<double>(info.entries));
  out.set("bytes", static_cast<double>(info.bytes));
  out.set("budgetBytes", static_cast<double>(info.budgetBytes));
  out.set("evictions", static_cast<double>(info.evictions));
  return out;
}

void SetGeometryCacheBudget(double bytes) {
  if (bytes >= 0 && bytes < 1e15) TheEngine().SetGeometryCacheBudget(static_cast<uint64_t>(bytes));
}

val Parameters(const std::string& source, val options) {
  try {
    return mos::wasm::ParametersToJs(source, options);
  } catch (const std::exception& e) {
    return mos::wasm::FailureToJs(std::string("internal error: ") + e.what());
  } catch (...) {
    return mos::wasm::FailureToJs("internal error: unknown exception");
  }
}

val ParametersWithoutOptions(const std::string& source) { return Parameters(source, val::undefined()); }

void ClearGeometryCache() { TheEngine().ClearGeometryCache(); }
void ReleaseResult() { LastResult().reset(); }

}  // namespace

EMSCRIPTEN_BINDINGS(mos) {
  emscripten::function("render", &Render);
  emscripten::function("render", &RenderWithoutOptions);  // embind overloads by arity
  emscripten::function("geometryCacheInfo", &GeometryCacheInfo);
  emscripten::function("setGeometryCacheBudget", &SetGeometryCacheBudget);
  emscripten::function("clearGeometryCache", &ClearGeometryCache);
  emscripten::function("releaseResult", &ReleaseResult);
  emscripten::function("parameters", &Parameters);
  emscripten::function("parameters", &ParametersWithoutOptions);
}
