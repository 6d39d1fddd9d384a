// The public C++ API of the marimo-openscad engine.
//
// An Engine is thread-safe and long-lived: it owns the parsed-file cache (and,
// with geometry evaluation, the geometry cache), so repeated renders of a
// model after a parameter change reuse everything that did not change.
// No exception crosses this API: every failure ends as diagnostics.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "mos/cancel_poll.h"
#include "mos/diagnostic.h"
#include "mos/mesh.h"

namespace mos {

// Bounds that keep any input, however bad, from crashing or hanging the host
// process (the Python extension runs inside the user's notebook kernel).
struct Limits {
  int maxRecursionDepth = 0;       // 0: the build's default (smaller in WASM)
  uint64_t maxLoopIterations = 0;  // 0: 2021.01's limit
  double timeoutSeconds = 0;       // 0: none
  // Geometry budgets: an operation that would exceed them stops with a
  // warning and leaves its object out. 0: the kernel's defaults.
  uint64_t maxVertices = 0;
  uint64_t maxMemoryBytes = 0;
};

struct RenderRequest {
  std::string source;      // SCAD text; used when `file` is empty
  std::string file;        // path of a .scad file
  std::string sourceName;  // name shown in messages for `source` (may be "")
  // -D style overrides: name and expression text, applied after the file's
  // own top-level assignments, as `openscad -D` does.
  std::vector<std::pair<std::string, std::string>> defines;
  std::vector<std::string> libraryPaths;  // searched after OPENSCADPATH
  Limits limits;
  const std::atomic<bool>* cancel = nullptr;  // set to true to stop a render
  // Threads for independent subtrees of the geometry and for the two halves
  // of a large boolean's intersection: 0 all cores, 1 only the calling
  // thread (WASM: always 1). The result is the same either way.
  int threads = 0;
  // What to produce besides the echo text.
  bool wantCsg = false;
  bool wantAst = false;
  bool wantGeometry = false;  // render the node tree: mesh, summary, exports
  // With wantGeometry: also fill RenderResult::mesh (the flat viewer mesh)
  // and RenderResult::summary. A host that only exports (the CLI without
  // --info) turns this off and saves their cost.
  bool wantMeshAndSummary = true;
  // $preview is false when wantGeometry is set (2021.01's full render, as for
  // -o x.stl) and true otherwise (as for -o x.echo/.csg). A viewer showing a
  // preview (2021.01's F5) sets this to render with $preview true.
  bool previewSemantics = false;
  // Polled where `cancel` is read, for hosts that cannot write `cancel`
  // (WASM: a SharedArrayBuffer flag; bindings/wasm/wasm_cancel.h).
  CancelPoll cancelPoll;
};

struct RenderStats {
  double parseSeconds = 0;
  double evalSeconds = 0;
  double geometrySeconds = 0;  // the whole geometry stage (the parts below included)
  uint64_t parsedFileCacheHits = 0;
  uint64_t parsedFileCacheMisses = 0;
  // Geometry cache: subtrees reused, subtrees evaluated (and of those the
  // ones stored), and the cache's size after this render.
  uint64_t geometryCacheHits = 0;
  uint64_t geometryCacheMisses = 0;
  uint64_t geometryCacheStores = 0;
  uint64_t geometryCacheEntries = 0;
  uint64_t geometryCacheBytes = 0;
  // Parts of geometrySeconds: node tree -> geometry (keys and cache work
  // included), hashing subtrees, cache lookups/stores, and the output (flat
  // mesh and summary).
  double geometryEvalSeconds = 0;
  double geometryKeySeconds = 0;
  double geometryCacheSeconds = 0;
  double geometryOutputSeconds = 0;
  // Node tree -> geometry by node kind ("union", "cube", ...): each node's
  // own time, its children's left out (booleans show under the CSG node
  // that runs them). Only kinds that were visited, in enum order.
  struct KindTime {
    std::string kind;
    double seconds = 0;
    uint64_t nodes = 0;
  };
  std::vector<KindTime> geometrySecondsByKind;
  // Union/difference steps taken from the cache (the result of the first
  // operands of a 3- or 4-operand boolean) and stored into it.
  uint64_t geometryPrefixHits = 0;
  uint64_t geometryPrefixStores = 0;
  // The cutters' union of a difference whose first operand outweighs its
  // cutters, taken from the cache and stored into it (keyed by the
  // cutters' contents in child order).
  uint64_t geometrySiblingHits = 0;
  uint64_t geometrySiblingStores = 0;
};

struct RenderedGeometry;  // opaque: the double-precision render (src/engine)

struct RenderResult {
  bool ok = false;                      // false when an error stopped the render
  // The main file parsed. 2021.01 exits non-zero only when it did not (an
  // assertion failure still exits 0), so the CLI's exit code follows this.
  bool parsed = false;
  std::string echo;                     // the .echo text, 2021.01 format
  std::string csg;                      // the .csg text when requested
  std::string ast;                      // the .ast text when requested
  std::vector<Diagnostic> diagnostics;  // structured, with line and column
  RenderStats stats;
  // With wantGeometry: the solid (3D) as flat arrays, its measures, and the
  // double-precision result that ExportGeometry writes.
  Mesh mesh;
  GeometrySummary summary;
  std::shared_ptr<const RenderedGeometry> geometry;
};

// Writes the rendered geometry of `result` as `format`: 3D "stl" (ascii as
// 2021.01 writes it; also "asciistl"), "binstl", "off", "obj", "amf", "3mf"
// (OFF, AMF and 3MF with colours); 2D "svg", "dxf". "" means the extension of
// `path`. Returns "" on success, else what went wrong (nothing rendered, a
// result of the other dimension or empty, in 2021.01's words, an unknown or
// unavailable format, the file not writable); nothing is written then.
std::string ExportGeometry(const RenderResult& result, const std::string& path,
                           const std::string& format = "");

// What an Engine keeps between renders.
struct EngineOptions {
#ifdef __EMSCRIPTEN__
  static constexpr uint64_t kDefaultGeometryCacheBytes = uint64_t{64} << 20;
#else
  static constexpr uint64_t kDefaultGeometryCacheBytes = uint64_t{256} << 20;
#endif
  // Byte budget of the geometry cache (least recently used subtrees are
  // dropped beyond it); 0 turns the cache off. Default 256 MB (64 MB in WASM).
  uint64_t geometryCacheBytes = kDefaultGeometryCacheBytes;
};

struct GeometryCacheInfo {
  uint64_t entries = 0;
  uint64_t bytes = 0;
  uint64_t budgetBytes = 0;
  uint64_t evictions = 0;  // since the Engine was made
};

class Engine {
 public:
  Engine();
  explicit Engine(const EngineOptions& options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Safe to call from several threads at once: renders share the caches
  // (each under its own lock) and otherwise run independently.
  RenderResult Render(const RenderRequest& request);

  // The geometry cache: its size, a new budget (0 turns it off and empties
  // it), and emptying it.
  GeometryCacheInfo GeometryCache() const;
  void SetGeometryCacheBudget(uint64_t bytes);
  void ClearGeometryCache();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mos
