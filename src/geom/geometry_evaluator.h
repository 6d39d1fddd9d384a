// Geometry evaluation: the node tree (eval/node.h) -> one Geometry, through
// the kernel (booleans, hull, minkowski, 2D polygon sets, offset). Recursion
// is bounded by an explicit depth; the cancel token is checked at every node.
//
// CLI use (`mos x.scad -o x.stl`):
//   geom::RenderResult r = geom::RenderFile("x.scad", {});
//   print r.log lines; if r.geometry.dim == Dim::k3, io::WriteStlAscii(...)
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "eval/eval_log.h"
#include "eval/evaluator.h"
#include "eval/node.h"
#include "geom/geometry.h"
#include "geom/geometry_cache.h"
#include "kernel/limits.h"

namespace mos::geom {

struct RenderOptions {
  const std::atomic<bool>* cancel = nullptr;
  // Past it the render stops as if cancelled (the clock's epoch: none).
  std::chrono::steady_clock::time_point deadline{};
  int maxDepth = 0;            // node nesting; 0: default (2000 native, 350 WASM)
  // Threads for sibling subtrees large enough to be worth one
  // (kernel/task_pool.h), and for the two directions of a large boolean's
  // intersection (kernel/intersect_both.h): 0 all the machine has, 1 none
  // (the render's thread only). The result is the same either way.
  int threads = 0;
  // A child subtree counts as large enough for a thread from this estimated
  // size (geom/subtree_work.h) on; two such siblings go to threads. Tests
  // set 0 to send every two or more siblings to threads. Measured one-shot
  // (the other core idle): siblings of ~400-600 facets lose both CPU and
  // wall time on threads (thread start, a cold worker, a preparation or a
  // claimed subtree made or waited for twice); from ~900 on the wall time
  // gains a little (CSG.scad's 912: -4 %) for ~15 % more CPU time.
  double parallelMinFacets = 800;
  kernel::KernelLimits limits;  // vertex / memory budgets (cancel is set from `cancel`)
  // Subtree results shared between renders (null: no caching). Results of
  // subtrees that warned, erred, were cut by the depth bound or cancelled
  // are never stored, so a hit replays exactly what evaluation would give.
  GeometryCache* cache = nullptr;
  CancelPoll cancelPoll;  // polled where `cancel` is read
};

struct GeometryStats {
  uint64_t cacheHits = 0;    // subtrees taken from the cache
  uint64_t cacheMisses = 0;  // cacheable subtrees evaluated
  uint64_t cacheStores = 0;  // of those, the ones stored
  // A difference of three or four solids cuts them away one by one (child
  // order), a union of three or four adds them one by one (smallest first);
  // the result of the first steps is cached (a "prefix"), so changing the
  // last operand costs one boolean.
  uint64_t prefixHits = 0;
  uint64_t prefixStores = 0;
  // On a re-render, the children of a union/difference/intersection that
  // did not change are combined first, and that partial result is cached
  // under their contents (cached_boolean.h): hits and stores of those.
  uint64_t siblingHits = 0;
  uint64_t siblingStores = 0;
  // The union of a transform's, colour's, offset's, extrusion's,
  // projection's or resize's two or more children, cached under the
  // children's contents alone: hits when only the node's own parameters
  // changed (an assembly moved), and stores.
  uint64_t childUnionHits = 0;
  uint64_t childUnionStores = 0;
  // Nodes whose children were rendered on several threads (task_pool.h).
  uint64_t threadedNodes = 0;
  double keySeconds = 0;     // hashing subtrees
  double lookupSeconds = 0;  // finding, replaying and storing entries
  // Each node's own time (its children's left out; a cache hit's replay
  // included), summed per node kind: the kernel booleans show under
  // union/group/difference/..., tessellation under the primitives.
  static constexpr size_t kKinds = static_cast<size_t>(eval::NodeKind::Resize) + 1;
  std::array<double, kKinds> kindSeconds{};
  std::array<uint32_t, kKinds> kindNodes{};  // nodes visited per kind
};

struct RenderResult {
  Geometry geometry;
  std::vector<FaceProperty> properties;  // indexed by triProp / polygonProp
  // Warnings in 2021.01's wording and kernel diagnostics (polyhedron
  // repair, budgets); errors as 2021.01's ERROR lines (rotate_extrude
  // crossing the axis).
  std::vector<GeomMessage> warnings;
  std::vector<GeomMessage> errors;
  bool cancelled = false;
  bool timedOut = false;  // cancelled because the deadline passed
  GeometryStats stats;
  bool tooDeep = false;  // the depth bound was hit (that subtree became empty)
  // Filled by RenderSource/RenderFile: the parser's and evaluator's lines
  // (ECHO/WARNING/ERROR as 2021.01 prints them), then the warnings above.
  std::vector<std::string> log;
  bool aborted = false;  // parse or evaluation error: no geometry
};

// Renders the node tree (background '%' subtrees are left out, as in an
// 2021.01 render).
RenderResult RenderNodeTree(const eval::Node& root, const RenderOptions& options);

// Parse + evaluate + render: what `mos x.scad -o x.stl` needs.
struct SourceOptions {
  eval::EvalOptions eval;  // -D defines, library paths (also passed to the parser)
  RenderOptions render;
};
RenderResult RenderSource(const std::string& text, const std::string& fileName,
                          const std::string& dir, const SourceOptions& options);
RenderResult RenderFile(const std::string& path, const SourceOptions& options);

// The 3D result as one mesh ready for export: the mesh of a 3D result, else
// empty (2D results export through SVG/DXF, not done yet).
kernel::Mesh RenderToMesh(const RenderResult& result);

}  // namespace mos::geom
