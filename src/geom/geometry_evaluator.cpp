#include "geom/geometry_evaluator.h"

#include "geom/grid_snap.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <map>
#include <string>
#include <utility>

#include "geom/cached_boolean.h"
#include "geom/cgal_closed_check.h"
#include "geom/clipper_grid.h"
#include "geom/clipper_order.h"
#include "geom/combine.h"
#include "geom/evaluation_claims.h"
#include "geom/extrude.h"
#include "geom/grid_snap.h"
#include "geom/flat_union.h"
#include "geom/import_geometry.h"
#include "geom/node_key.h"
#include "geom/polygon_points.h"
#include "geom/separated_parts.h"
#include "geom/subtree_work.h"
#include "geom/surface_mesh.h"
#include "geom/tessellation.h"
#include "geom/text_geometry.h"
#include "kernel/boolean.h"
#include "kernel/boolean_operand.h"
#include "kernel/mesh_build.h"
#include "kernel/mesh_transform.h"
#include "kernel/offset2d.h"
#include "kernel/section.h"
#include "kernel/task_pool.h"

namespace mos::geom {
namespace {

using eval::Node;
using eval::NodeKind;
using kernel::Mesh;
using kernel::Polygon2d;
using kernel::Vec2;
using kernel::Vec3;

// About 1 KB of stack per level in a release build (a 7000-deep chain of
// transforms ran in 8 MB, 9000 did not); debug builds use more. WASM: a
// Chromium worker's 500 KB native stack overflowed on a chain of nested
// unions 500 nodes deep once optimised (measured 2026-11-27,
// tests/wasm/stack_depth.test.mjs); 350 keeps a 1.4x margin.
#ifdef __EMSCRIPTEN__
constexpr int kDefaultMaxDepth = 350;
#else
constexpr int kDefaultMaxDepth = 2000;
#endif

const std::string kTooDeepWarning = "Geometry tree nested deeper than ";

void AddStats(const GeometryStats& from, GeometryStats& to) {
  to.cacheHits += from.cacheHits;
  to.cacheMisses += from.cacheMisses;
  to.cacheStores += from.cacheStores;
  to.prefixHits += from.prefixHits;
  to.prefixStores += from.prefixStores;
  to.siblingHits += from.siblingHits;
  to.siblingStores += from.siblingStores;
  to.childUnionHits += from.childUnionHits;
  to.childUnionStores += from.childUnionStores;
  to.threadedNodes += from.threadedNodes;
  to.keySeconds += from.keySeconds;
  to.lookupSeconds += from.lookupSeconds;
  for (size_t k = 0; k < GeometryStats::kKinds; ++k) {
    to.kindSeconds[k] += from.kindSeconds[k];
    to.kindNodes[k] += from.kindNodes[k];
  }
}

// What the renderers of one render share: memos of the node tree, guarded
// because sibling subtrees may render on several threads.
struct SharedMemos {
  explicit SharedMemos(int maxDepth) : keys(maxDepth), surely2d(maxDepth) {}
  std::mutex mutex;  // guards keys and surely2d
  NodeKeys keys;
  Surely2dNodes surely2d;
  EvaluationClaims claims;  // used when threads > 1
  SubtreeWork work;  // thread-safe itself; used when the tree has text()
  int threads = 1;   // at most, for sibling subtrees
  bool hasText = false;
};

class Renderer {
 public:
  // `memos` outlives the renderer. A renderer for a subtree on another
  // thread starts at node id 0 and property 0 in its own `out` (merged by
  // the parent like a cache entry's replay).
  Renderer(const RenderOptions& options, RenderResult& out, SharedMemos& memos)
      : options_(options), out_(out), memos_(memos) {
    limits_ = options.limits;
    if (options.cancel) limits_.cancel = options.cancel;
    if (options.cancelPoll.poll) limits_.cancelPoll = options.cancelPoll;
    if (options.deadline != Clock::time_point{}) limits_.deadline = options.deadline;
    limits_.threads = options.threads;  // a large boolean's two halves (kernel/intersect_both.h)
    maxDepth_ = options.maxDepth > 0 ? options.maxDepth : kDefaultMaxDepth;
  }

  // Visits `node`, adding its own time (children's left out) to its kind.
  Geometry Visit(const Node& node, int depth) {
    const Clock::time_point start = Clock::now();
    const double outerChildren = childSeconds_;
    childSeconds_ = 0;
    Geometry g = VisitTimed(node, depth);
    const double total = Since(start);
    const size_t kind = static_cast<size_t>(node.kind);
    if (kind < GeometryStats::kKinds) {
      out_.stats.kindSeconds[kind] += total - childSeconds_;
      ++out_.stats.kindNodes[kind];
    }
    childSeconds_ = outerChildren + total;
    return g;
  }

  // Once more after the last node: a cancel that stopped the last kernel
  // operation (with the cache off, nothing asks after it) must not leave a
  // partial result looking complete.
  bool CancelledAtEnd() { return Cancelled(); }

 private:
  using Clock = std::chrono::steady_clock;

  Geometry VisitTimed(const Node& node, int depth) {
    const int nodeId = nextNodeId_++;
    if (Cancelled()) return {};
    if (depth > maxDepth_) {
      if (!out_.tooDeep)
        Warn(kTooDeepWarning + std::to_string(maxDepth_) +
                 " levels; the deeper part is left out.",
             node.span);
      out_.tooDeep = true;
      return {};
    }
    Geometry g = options_.cache && WorthCaching(node) ? VisitCached(node, depth, nodeId)
                                                      : Evaluate(node, depth, nodeId);
    if (!WithinResultBudget(g, node)) return {};
    return g;
  }

  // Nodes whose own work is more than a copy: booleans of two or more
  // children, hull, minkowski, extrusions, offset, projection, and the
  // primitives that go through repair or 2D simplification. Transforms,
  // colours (of one child) and the other primitives are cheap to redo from
  // cached children.
  static bool WorthCaching(const Node& node) {
    switch (node.kind) {
      case NodeKind::Group:
      case NodeKind::Union:
      case NodeKind::Render:
      case NodeKind::Difference:
      case NodeKind::Intersection:
      case NodeKind::Minkowski:
      // A transform, colour or resize of two or more children unions them.
      case NodeKind::Transform:
      case NodeKind::Color:
      case NodeKind::Resize: {
        int n = 0;
        for (const auto& c : node.children)
          if (c && !c->background) ++n;
        return n >= 2;
      }
      case NodeKind::Hull:
      case NodeKind::Polyhedron:
      case NodeKind::Polygon:
      case NodeKind::Offset:
      case NodeKind::LinearExtrude:
      case NodeKind::RotateExtrude:
      case NodeKind::Projection:
        return true;
      default:
        return false;
    }
  }

  Geometry VisitCached(const Node& node, int depth, int nodeId) {
    const Clock::time_point keyStart = Clock::now();
    const NodeKey* key = FindKey(node);
    const Clock::time_point lookupStart = Clock::now();
    out_.stats.keySeconds += std::chrono::duration<double>(lookupStart - keyStart).count();
    if (!key) return Evaluate(node, depth, nodeId);
    ClaimGuard claim(Claims());
    std::shared_ptr<const CachedGeometry> hit = FindOrClaim(*key, claim);
    if (hit && depth + hit->height <= maxDepth_) {
      ++out_.stats.cacheHits;
      Geometry g = Replay(*hit, nodeId);
      out_.stats.lookupSeconds += Since(lookupStart);
      return g;
    }
    ++out_.stats.cacheMisses;
    out_.stats.lookupSeconds += Since(lookupStart);
    const size_t propsBefore = out_.properties.size();
    const size_t warningsBefore = out_.warnings.size();
    const size_t errorsBefore = out_.errors.size();
    Geometry g = Evaluate(node, depth, nodeId);
    // Only a clean, complete result is stored: a hit must give what
    // evaluation gives, messages included.
    if (Cancelled() || out_.warnings.size() != warningsBefore ||
        out_.errors.size() != errorsBefore || depth + key->height > maxDepth_)
      return g;
    const Clock::time_point storeStart = Clock::now();
    GiveSlot(g);
    auto entry = MakeEntry(*key, g, propsBefore, nodeId);
    if (entry) {
      options_.cache->Store(key->digest, std::move(entry));
      ++out_.stats.cacheStores;
    }
    out_.stats.lookupSeconds += Since(storeStart);
    return g;
  }

  // The cache entry for `key`; with threads, waiting while another thread
  // makes it. When there is none, `claim` holds the claim to make it here.
  std::shared_ptr<const CachedGeometry> FindOrClaim(const NodeKey& key, ClaimGuard& claim) {
    std::shared_ptr<const CachedGeometry> hit = options_.cache->Find(key);
    if (!Claims()) return hit;
    while (!hit) {
      const bool claimed = claim.ClaimOrWait(key.digest);
      hit = options_.cache->Find(key);  // stored meanwhile, or by the thread waited for
      if (claimed) break;
    }
    return hit;
  }

  static double Since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
  }

  // A solid about to be stored without a preparation slot (an extrusion, a
  // polyhedron, disjoint parts put together: a boolean's result has one)
  // gets an empty one, so that the entry and the copy a boolean prepares
  // share it: a re-render replaying the entry into a boolean then finds the
  // preparation (a slot's preparation serves only a mesh of the same
  // positions and triangles).
  static void GiveSlot(Geometry& g) {
    if (g.dim == Dim::k3 && !g.mesh.prepared && g.mesh.NumTri() > 0)
      g.mesh.prepared = std::make_shared<kernel::PreparedSlot>();
  }

  // The entry for a subtree just evaluated: its geometry with property ids
  // made relative to `propsBefore`, the properties it made with node ids
  // relative to its root. Null if the geometry refers to a property made
  // outside the subtree (then it is not position-independent).
  std::shared_ptr<CachedGeometry> MakeEntry(const NodeKey& key, const Geometry& g,
                                            size_t propsBefore, int rootId) {
    auto e = std::make_shared<CachedGeometry>();
    const uint32_t lo = static_cast<uint32_t>(propsBefore);
    const uint32_t hi = static_cast<uint32_t>(out_.properties.size());
    auto relative = [&](uint32_t& prop) {
      if (prop < lo || prop >= hi) return false;
      prop -= lo;
      return true;
    };
    e->geometry = g;
    // relative() on every triangle, as one branch-free pass the compiler
    // vectorizes (a running maximum; an id below lo wraps round to a large
    // offset): 13 -> ~3 instructions per triangle.
    std::vector<uint32_t>& triProp = e->geometry.mesh.triProp;
    uint32_t maxOffset = 0;
    for (uint32_t& prop : triProp) {
      const uint32_t offset = prop - lo;
      maxOffset = std::max(maxOffset, offset);
      prop = offset;
    }
    if (!triProp.empty() && maxOffset >= hi - lo) return nullptr;
    if (e->geometry.dim == Dim::k2 && !relative(e->geometry.polygonProp)) return nullptr;
    e->properties.assign(out_.properties.begin() + static_cast<std::ptrdiff_t>(propsBefore),
                         out_.properties.end());
    for (FaceProperty& p : e->properties)
      if (p.nodeId >= 0) p.nodeId -= rootId;
    e->keyBytes = key.bytes;
    e->nodeCount = nextNodeId_ - rootId;
    e->height = key.height;
    e->bytes = EstimateBytes(*e);
    return e;
  }

  // A cached subtree placed at node `rootId`: the same properties and node
  // ids as evaluating it here would make.
  Geometry Replay(const CachedGeometry& e, int rootId) {
    const uint32_t base = static_cast<uint32_t>(out_.properties.size());
    for (FaceProperty p : e.properties) {
      if (p.nodeId >= 0) p.nodeId += rootId;
      out_.properties.push_back(p);
    }
    nextNodeId_ = rootId + e.nodeCount;
    Geometry g = e.geometry;
    for (uint32_t& prop : g.mesh.triProp) prop += base;
    if (g.dim == Dim::k2) g.polygonProp += base;
    return g;
  }

  Geometry Evaluate(const Node& node, int depth, int nodeId) {
    switch (node.kind) {
      case NodeKind::Group:
      case NodeKind::Union:
      case NodeKind::Render:
        return CombineChildren(node, depth, CombineOp::kUnion);
      case NodeKind::Difference: return CombineChildren(node, depth, CombineOp::kDifference);
      case NodeKind::Intersection: return CombineChildren(node, depth, CombineOp::kIntersection);
      case NodeKind::Hull: return CombineChildren(node, depth, CombineOp::kHull);
      case NodeKind::Minkowski: return CombineChildren(node, depth, CombineOp::kMinkowski);
      case NodeKind::Cube: {
        const auto& p = node.Params<eval::CubeParams>();
        return Geometry::Solid(CubeMesh(p.size[0], p.size[1], p.size[2], p.center, Leaf(nodeId)));
      }
      case NodeKind::Sphere: {
        const auto& p = node.Params<eval::SphereParams>();
        const auto& f = p.fragments;
        const int n = FragmentCount(p.r, f.fn, f.fs, f.fa);
        if (!WithinBudget(static_cast<double>(n) * ((n + 1) / 2), node)) return {};
        return Geometry::Solid(SphereMesh(p.r, n, Leaf(nodeId)));
      }
      case NodeKind::Cylinder: {
        const auto& p = node.Params<eval::CylinderParams>();
        const auto& f = p.fragments;
        const int n = FragmentCount(std::max(p.r1, p.r2), f.fn, f.fs, f.fa);
        if (!WithinBudget(2.0 * n, node)) return {};
        return Geometry::Solid(CylinderMesh(p.h, p.r1, p.r2, p.center, n, Leaf(nodeId)));
      }
      case NodeKind::Polyhedron: return PolyhedronGeometry(node, nodeId);
      case NodeKind::Square: {
        const auto& p = node.Params<eval::SquareParams>();
        return Geometry::Flat(SquarePolygon(p.size[0], p.size[1], p.center), Leaf(nodeId));
      }
      case NodeKind::Circle: {
        const auto& p = node.Params<eval::CircleParams>();
        const auto& f = p.fragments;
        const int n = FragmentCount(p.r, f.fn, f.fs, f.fa);
        if (!WithinBudget(n, node)) return {};
        return Geometry::Flat(CirclePolygon(p.r, n), Leaf(nodeId));
      }
      case NodeKind::Polygon: return PolygonGeometry(node, nodeId);
      case NodeKind::Transform: return TransformGeometry(node, depth, nodeId);
      case NodeKind::Color: return ColorGeometry(node, depth, nodeId);
      case NodeKind::Offset: return OffsetGeometry(node, depth, nodeId);
      case NodeKind::LinearExtrude: return LinearExtrudeGeometry(node, depth, nodeId);
      case NodeKind::RotateExtrude: return RotateExtrudeGeometry(node, depth, nodeId);
      case NodeKind::Projection: return ProjectionGeometry(node, depth, nodeId);
      case NodeKind::Resize: return ResizeGeometry(node, depth, nodeId);
      case NodeKind::Import: {
        const auto& p = node.Params<eval::ImportParams>();
        ImportRequest r;
        r.path = p.path;
        r.displayName = p.file;
        r.layer = p.layer;
        r.originX = p.origin[0];
        r.originY = p.origin[1];
        r.scale = p.scale;
        r.fragments = p.fragments;
        r.dpi = p.dpi;
        r.center = p.center;
        return Imported(r, node, nodeId);
      }
      case NodeKind::Text: return TextGeometry(node, nodeId);
      case NodeKind::Surface:
        return SurfaceGeometry(node.Params<eval::SurfaceParams>(), limits_, Leaf(nodeId),
                               node.span, out_.warnings);
    }
    return {};
  }

  bool Cancelled() {
    if (out_.cancelled) return true;
    if ((options_.cancel && options_.cancel->load(std::memory_order_relaxed)) ||
        options_.cancelPoll.Requested()) {
      out_.cancelled = true;
    } else if (options_.deadline != Clock::time_point{} && Clock::now() >= options_.deadline) {
      out_.cancelled = true;
      out_.timedOut = true;
    }
    return out_.cancelled;
  }
  // False (with a warning) when a node's result is over the vertex or memory
  // budget: the object is left out, as a primitive over budget is.
  bool WithinResultBudget(const Geometry& g, const Node& node) {
    if (g.Empty()) return true;
    kernel::LimitGuard guard(limits_, eval::NodeKindName(node.kind));
    int64_t vertices = g.mesh.NumVert();
    int64_t bytes = kernel::EstimateBytes(g.mesh);
    for (const auto& c : g.polygon.contours) {
      vertices += static_cast<int64_t>(c.size());
      bytes += static_cast<int64_t>(c.size() * sizeof(Vec2));
    }
    if (guard.Check(vertices, bytes) || guard.Reason() == kernel::StopReason::Cancelled) return true;
    const kernel::KernelDiagnostic d = guard.Diagnostic();
    Warn(d.message + " (" + std::to_string(d.count) + "); object left out", node.span);
    return false;
  }

  // False (with a warning) when a primitive would exceed the vertex budget.
  bool WithinBudget(double vertices, const Node& node) {
    kernel::LimitGuard guard(limits_, eval::NodeKindName(node.kind));
    if (vertices <= static_cast<double>(guard.MaxVertices())) return true;
    Warn(std::string(eval::NodeKindName(node.kind)) + "(): " +
             std::to_string(static_cast<long long>(vertices)) +
             " vertices exceed the vertex budget of " + std::to_string(guard.MaxVertices()) +
             "; object left out",
         node.span);
    return false;
  }

  void Warn(const std::string& text, const lang::SourceSpan& span) {
    out_.warnings.push_back({text, span});
  }

  // A new property for the faces of a leaf node.
  uint32_t Leaf(int nodeId) {
    FaceProperty p;
    p.nodeId = nodeId;
    out_.properties.push_back(p);
    return static_cast<uint32_t>(out_.properties.size() - 1);
  }

  // Geometries of the children (background '%' subtrees are not part of a
  // render); their spans go to `spans` for messages.
  // `ranges`: the properties each child's subtree made.
  std::vector<Geometry> VisitChildren(const Node& node, int depth,
                                      std::vector<lang::SourceSpan>* spans = nullptr,
                                      std::vector<const Node*>* nodes = nullptr,
                                      std::vector<PropertyRange>* ranges = nullptr) {
    std::vector<Geometry> out;
    if (memos_.threads > 1 && WorthThreads(node)) {
      VisitChildrenOnThreads(node, depth, out, spans, nodes, ranges);
      return out;
    }
    for (const auto& child : node.children) {
      if (!child || child->background) continue;
      if (spans) spans->push_back(child->span);
      if (nodes) nodes->push_back(child.get());
      const uint32_t before = static_cast<uint32_t>(out_.properties.size());
      out.push_back(Visit(*child, depth + 1));
      if (ranges) ranges->push_back({before, static_cast<uint32_t>(out_.properties.size())});
      if (out_.cancelled) break;
    }
    return out;
  }

  // Whether two or more children are large enough for threads of their
  // own, and none must stay on this thread.
  bool WorthThreads(const Node& node) {
    int children = 0;
    for (const auto& child : node.children) children += child && !child->background ? 1 : 0;
    if (children < 2) return false;
    int large = 0;
    for (const auto& child : node.children) {
      if (!child || child->background) continue;
      if (memos_.hasText) {  // the memo knows which subtrees hold text()
        const double work = memos_.work.Of(*child);
        if (work < 0) return false;
        if (work >= options_.parallelMinFacets) ++large;
      } else if (options_.parallelMinFacets <= 0 ||
                 SubtreeWork::AtLeast(*child, options_.parallelMinFacets)) {
        ++large;
      }
      if (large >= 2 && !memos_.hasText) return true;
    }
    return large >= 2;
  }

  // VisitChildren with each child rendered by its own renderer on the task
  // pool, then merged in child order as a cache entry is replayed (node
  // ids and properties shifted to where a serial visit would have put
  // them), so the result, its properties and the messages are what the
  // serial visit gives. (Only the cache's hit/miss counts can differ: a
  // subtree repeated in two siblings may be evaluated by both.)
  void VisitChildrenOnThreads(const Node& node, int depth, std::vector<Geometry>& out,
                              std::vector<lang::SourceSpan>* spans, std::vector<const Node*>* nodes,
                              std::vector<PropertyRange>* ranges) {
    struct Part {
      const Node* node;
      RenderResult result;
      int nodeCount = 0;
    };
    std::vector<Part> parts;
    for (const auto& child : node.children) {
      if (!child || child->background) continue;
      parts.push_back({child.get(), {}, 0});
    }
    ++out_.stats.threadedNodes;
    const Clock::time_point start = Clock::now();
    kernel::RunTasks(
        static_cast<int>(parts.size()),
        [&](int i) {
          Part& part = parts[static_cast<size_t>(i)];
          Renderer sub(options_, part.result, memos_);
          part.result.geometry = sub.Visit(*part.node, depth + 1);
          part.nodeCount = sub.nextNodeId_;
        },
        memos_.threads);
    childSeconds_ += Since(start);
    for (Part& part : parts) {
      if (spans) spans->push_back(part.node->span);
      if (nodes) nodes->push_back(part.node);
      const uint32_t before = static_cast<uint32_t>(out_.properties.size());
      out.push_back(Merge(std::move(part.result), part.nodeCount));
      if (ranges) ranges->push_back({before, static_cast<uint32_t>(out_.properties.size())});
      if (out_.cancelled) break;
    }
  }

  // A subtree's render made by another renderer, placed here.
  Geometry Merge(RenderResult part, int nodeCount) {
    const uint32_t base = static_cast<uint32_t>(out_.properties.size());
    for (FaceProperty p : part.properties) {
      if (p.nodeId >= 0) p.nodeId += nextNodeId_;
      out_.properties.push_back(p);
    }
    nextNodeId_ += nodeCount;
    Geometry g = std::move(part.geometry);
    for (uint32_t& prop : g.mesh.triProp) prop += base;
    if (g.dim == Dim::k2) g.polygonProp += base;
    for (GeomMessage& w : part.warnings) {
      // The depth bound is reported once per render (VisitTimed).
      if (out_.tooDeep && part.tooDeep && w.text.rfind(kTooDeepWarning, 0) == 0) continue;
      out_.warnings.push_back(std::move(w));
    }
    for (GeomMessage& e : part.errors) out_.errors.push_back(std::move(e));
    out_.tooDeep = out_.tooDeep || part.tooDeep;
    out_.cancelled = out_.cancelled || part.cancelled;
    out_.timedOut = out_.timedOut || part.timedOut;
    AddStats(part.stats, out_.stats);
    return g;
  }

  CombineContext Context(uint32_t newProp, std::vector<lang::SourceSpan> spans) {
    CombineContext ctx;
    ctx.childSpans = std::move(spans);
    ctx.limits = limits_;
    ctx.newProp = newProp;
    ctx.warnings = &out_.warnings;
    return ctx;
  }

  Geometry CombineChildren(const Node& node, int depth, CombineOp op) {
    if (op == CombineOp::kUnion && IsUnionGroup(node) && HasUnionGroupChild(node) && Surely2d(node))
      return FlatUnion2d(node, depth);
    const int id = nextNodeId_ - 1;
    std::vector<lang::SourceSpan> spans;
    std::vector<const Node*> nodes;
    std::vector<PropertyRange> ranges;
    std::vector<Geometry> children = VisitChildren(node, depth, &spans, &nodes, &ranges);
    if (out_.cancelled) return {};
    if (op == CombineOp::kHull) AddOpenPolyhedronPoints(node, children);
    if (op == CombineOp::kUnion || op == CombineOp::kDifference || op == CombineOp::kIntersection)
      DropCgalRejects(children);
    // A minkowski operand 2021.01 cannot convert leaves its sum empty
    // (issue1137.scad).
    if (op == CombineOp::kMinkowski && DropCgalRejects(children)) return {};
    if (TakesCachedBoolean(children, op) && nodes.size() == children.size())
      return SolidBoolean(std::move(children), nodes, ranges, op, std::move(spans));
    const bool makesFaces = op == CombineOp::kHull || op == CombineOp::kMinkowski;
    return Combine(std::move(children), op, Context(makesFaces ? Leaf(id) : 0, std::move(spans)));
  }

  // Three or more solids through cached_boolean.h (partial results of
  // their booleans in the cache).
  Geometry SolidBoolean(std::vector<Geometry> children, const std::vector<const Node*>& nodes,
                        const std::vector<PropertyRange>& ranges, CombineOp op,
                        std::vector<lang::SourceSpan> spans) {
    std::vector<BooleanOperand> operands(children.size());
    for (size_t i = 0; i < children.size(); ++i) {
      operands[i].geometry = std::move(children[i]);
      operands[i].key = options_.cache ? FindKey(*nodes[i]) : nullptr;
      operands[i].properties = ranges[i];
    }
    CachedBooleanContext ctx;
    ctx.cache = options_.cache;
    ctx.stats = &out_.stats;
    ctx.claims = Claims();
    ctx.combine = Context(0, std::move(spans));
    return CachedBoolean(std::move(operands), op, ctx);
  }

  // Operands 2021.01 cannot convert for a boolean with others (2 or more
  // solids) count as empty, with its error (cgal_closed_check.h).
  // Returns whether one was dropped.
  // Rejected polyhedra that repair could not close come as empty geometry
  // marked cgalRejects.
  bool DropCgalRejects(std::vector<Geometry>& children) {
    int solids = 0;
    for (const Geometry& g : children) solids += g.dim == Dim::k3 || g.cgalRejects ? 1 : 0;
    if (solids < 2) return false;
    bool dropped = false;
    for (Geometry& g : children) {
      if (!g.cgalRejects) continue;
      out_.errors.push_back(
          {"The given mesh is not closed! Unable to convert to CGAL_Nef_Polyhedron.", {}});
      g = Geometry{};
      dropped = true;
    }
    return dropped;
  }

  static bool HasUnionGroupChild(const Node& node) {
    for (const auto& child : node.children)
      if (child && !child->background && IsUnionGroup(*child)) return true;
    return false;
  }

  // A 2D union whose group children are unioned with it in one pass
  // (flat_union.h): their leaves are visited in order (each group still
  // takes its node id), and a group that gives no leaf keeps an empty slot,
  // so that the leaf count says what the nesting said: two or more slots
  // at some level send the polygons through Clipper's grid.
  Geometry FlatUnion2d(const Node& node, int depth) {
    std::vector<Geometry> leaves;
    std::vector<lang::SourceSpan> spans;
    CollectUnionLeaves(node, depth, leaves, spans);
    if (out_.cancelled) return {};
    return Combine(std::move(leaves), CombineOp::kUnion, Context(0, std::move(spans)));
  }

  void CollectUnionLeaves(const Node& node, int depth, std::vector<Geometry>& leaves,
                          std::vector<lang::SourceSpan>& spans) {
    for (const auto& child : node.children) {
      if (!child || child->background) continue;
      if (IsUnionGroup(*child) && depth + 1 <= maxDepth_) {
        ++nextNodeId_;  // the id Visit would give the group
        const size_t before = leaves.size();
        if (!Cancelled()) CollectUnionLeaves(*child, depth + 1, leaves, spans);
        if (leaves.size() == before) {
          leaves.emplace_back();
          spans.push_back(child->span);
        }
      } else {
        spans.push_back(child->span);
        leaves.push_back(Visit(*child, depth + 1));
      }
      if (out_.cancelled) return;
    }
  }

  // hull() takes the points of its polyhedron children even when repair
  // leaves them out as not closed: 2021.01 hulls the vertices of any
  // PolySet (issue1089: a single flat quad gives a flat solid). The points
  // go in as a mesh without triangles, which only hull reads.
  void AddOpenPolyhedronPoints(const Node& node, std::vector<Geometry>& children) {
    size_t k = 0;
    for (const auto& child : node.children) {
      if (!child || child->background) continue;
      if (k >= children.size()) break;
      Geometry& g = children[k++];
      if (!g.Empty() || child->kind != NodeKind::Polyhedron) continue;
      const auto& p = child->Params<eval::PolyhedronParams>();
      Geometry points;
      for (const auto& face : p.faces) {
        for (int i : face) {
          if (i < 0 || i >= static_cast<int>(p.points.size())) continue;
          const auto& q = p.points[static_cast<size_t>(i)];
          points.mesh.vertPos.push_back({q[0], q[1], q[2]});
        }
      }
      if (!points.mesh.vertPos.empty()) {
        points.dim = Dim::k3;
        g = std::move(points);
      }
    }
  }

  // Children of a transform-like node (transform, colour, offset,
  // extrusions, projection, resize) as one geometry: their union. With two
  // or more children and a cache, the union is also cached under the
  // children's contents alone, without the node's own parameters: when only
  // those changed (an assembly translated or recoloured, an extrusion's
  // height or an offset's radius changed) the union is replayed and only the
  // node's own step runs again. The entry is what UniteChildren made, with
  // properties and node ids relative to the node (which keeps its id in
  // front of its children's), so a replay gives the same result, bit for bit.
  Geometry ChildUnion(const Node& node, int depth, int nodeId) {
    if (!options_.cache) return UniteChildren(node, depth);
    NodeKey key;
    key.bytes = "child-union:";
    int children = 0;
    for (const auto& child : node.children) {
      if (!child || child->background) continue;
      const NodeKey* ck = FindKey(*child);
      if (!ck) return UniteChildren(node, depth);
      key.bytes.append(reinterpret_cast<const char*>(&ck->digest.hi), sizeof(uint64_t));
      key.bytes.append(reinterpret_cast<const char*>(&ck->digest.lo), sizeof(uint64_t));
      key.height = std::max(key.height, ck->height + 1);
      ++children;
    }
    if (children < 2) return UniteChildren(node, depth);
    key.digest = DigestOf(key.bytes);
    const Clock::time_point lookupStart = Clock::now();
    std::shared_ptr<const CachedGeometry> hit = options_.cache->Find(key);
    if (hit && depth + hit->height <= maxDepth_) {
      ++out_.stats.childUnionHits;
      Geometry g = Replay(*hit, nodeId);
      out_.stats.lookupSeconds += Since(lookupStart);
      return g;
    }
    out_.stats.lookupSeconds += Since(lookupStart);
    const size_t propsBefore = out_.properties.size();
    const size_t warningsBefore = out_.warnings.size();
    const size_t errorsBefore = out_.errors.size();
    Geometry g = UniteChildren(node, depth);
    // As in VisitCached: only a clean, complete result is stored.
    if (Cancelled() || out_.warnings.size() != warningsBefore ||
        out_.errors.size() != errorsBefore || depth + key.height > maxDepth_)
      return g;
    const Clock::time_point storeStart = Clock::now();
    GiveSlot(g);
    auto entry = MakeEntry(key, g, propsBefore, nodeId);
    if (entry) {
      options_.cache->Store(key.digest, std::move(entry));
      ++out_.stats.childUnionStores;
    }
    out_.stats.lookupSeconds += Since(storeStart);
    return g;
  }

  Geometry UniteChildren(const Node& node, int depth) {
    std::vector<lang::SourceSpan> spans;
    std::vector<Geometry> children = VisitChildren(node, depth, &spans);
    if (out_.cancelled) return {};
    return Combine(std::move(children), CombineOp::kUnion, Context(0, std::move(spans)));
  }

  Geometry PolyhedronGeometry(const Node& node, int nodeId) {
    const auto& p = node.Params<eval::PolyhedronParams>();
    std::vector<Vec3> points;
    points.reserve(p.points.size());
    for (const auto& q : p.points) points.push_back({q[0], q[1], q[2]});
    kernel::RepairOptions options;
    options.winding = kernel::FaceWinding::Clockwise;
    options.limits = limits_;
    kernel::RepairReport report;
    const uint32_t prop = Leaf(nodeId);
    std::vector<uint32_t> props(p.faces.size(), prop);
    Mesh mesh = kernel::MeshFromPolygons(points, p.faces, props, options, report);
    for (const auto& d : report.diagnostics)
      Warn("polyhedron(): " + d.message + (d.count ? " (" + std::to_string(d.count) + ")" : ""),
           node.span);
    // Booleans and exports need a closed solid: what repair could not close
    // is left out (2021.01 would export it as it is, or fail in CGAL).
    if (!report.closedManifold && mesh.NumTri() > 0) {
      Warn("polyhedron(): not a closed solid after repair; object left out", node.span);
      Geometry none;
      none.cgalRejects = true;  // 2021.01 would reject it too (its minkowski then gives nothing)
      return none;
    }
    Geometry g = Geometry::Solid(std::move(mesh));
    // What repair changed may be what 2021.01's conversion rejects.
    const bool repaired = report.flippedFaces > 0 || report.invalidFaces > 0 ||
                          report.duplicateFaces > 0 || report.cancelledFacePairs > 0 ||
                          report.zeroAreaFaces > 0 || report.nearDuplicateVertices > 0 ||
                          report.tJunctionVertices > 0 || report.pinchedVerticesSplit > 0 ||
                          report.nonConvexFaces > 0 || report.exactDuplicateVertices > 0;
    g.cgalRejects = !g.Empty() && repaired && PolyhedronCgalRejects(points, p.faces);
    return g;
  }

  Geometry PolygonGeometry(const Node& node, int nodeId) {
    const auto& p = node.Params<eval::PolygonParams>();
    if (auto error = PolygonPointError(p)) {
      out_.errors.push_back({*error, node.span, true});
      // Still a 2D object (empty): it decides a group's dimension in 2021.01.
      return Geometry::EmptyOf(Dim::k2);
    }
    for (auto& w : PolygonIndexWarnings(p)) Warn(w, node.span);
    Polygon2d raw;
    const int n = static_cast<int>(p.points.size());
    auto point = [&](int i) { return Vec2{p.points[i][0], p.points[i][1]}; };
    if (p.paths.empty()) {
      raw.contours.emplace_back();
      for (int i = 0; i < n; ++i) raw.contours.back().push_back(point(i));
    } else {
      for (const auto& path : p.paths) {
        kernel::Contour c;
        for (int i : path)
          if (i >= 0 && i < n) c.push_back(point(i));
        raw.contours.push_back(std::move(c));
      }
    }
    // 2021.01 fills polygon() with the even-odd rule, on Clipper's grid.
    return Geometry::Flat(SanitizedPolygon(raw), Leaf(nodeId));
  }

  Geometry TextGeometry(const Node& node, int nodeId) {
    std::string warning;
    kernel::LimitGuard guard(limits_, "text");
    kernel::Polygon2d polygon =
        TextPolygon(node.Params<eval::TextParams>(), &warning, guard.MaxVertices());
    if (!warning.empty()) Warn(warning, node.span);
    if (polygon.contours.empty()) return {};
    return Geometry::Flat(std::move(polygon), Leaf(nodeId));
  }

  Geometry TransformGeometry(const Node& node, int depth, int nodeId) {
    const auto& m = node.Params<eval::TransformParams>().m;
    Geometry g = ChildUnion(node, depth, nodeId);
    if (g.dim == Dim::k3) {
      // A singular matrix removes the object (silently, as 2021.01 does).
      if (!kernel::TransformMesh(g.mesh, kernel::Affine3::FromMatrix4(m))) return {};
      return g;
    }
    if (g.dim == Dim::k2) {
      const double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
      if (!(det != 0) || !std::isfinite(det)) return {};
      for (auto& c : g.polygon.contours) {
        for (Vec2& v : c)
          v = {m[0][0] * v.x + m[0][1] * v.y + m[0][3], m[1][0] * v.x + m[1][1] * v.y + m[1][3]};
        if (det < 0) std::reverse(c.begin(), c.end());
      }
    }
    return g;
  }

  Geometry ColorGeometry(const Node& node, int depth, int nodeId) {
    const auto& rgba = node.Params<eval::ColorParams>().rgba;
    Geometry g = ChildUnion(node, depth, nodeId);
    if (rgba[0] < 0) return g;  // invalid colour: children unchanged
    // An inner colour wins: only uncoloured properties take this one.
    std::map<uint32_t, uint32_t> remap;
    auto recolor = [&](uint32_t prop) {
      auto it = remap.find(prop);
      if (it != remap.end()) return it->second;
      uint32_t out = prop;
      if (prop < out_.properties.size() && !out_.properties[prop].HasColor()) {
        FaceProperty p = out_.properties[prop];
        p.rgba = rgba;
        out_.properties.push_back(p);
        out = static_cast<uint32_t>(out_.properties.size() - 1);
      }
      remap.emplace(prop, out);
      return out;
    };
    // Runs of triangles share a property: the last answer is reused before
    // the map is searched (same mapping, same order of new properties).
    uint32_t lastIn = 0, lastOut = 0;
    bool haveLast = false;
    for (uint32_t& prop : g.mesh.triProp) {
      if (!haveLast || prop != lastIn) {
        lastIn = prop;
        lastOut = recolor(prop);
        haveLast = true;
      }
      prop = lastOut;
    }
    if (g.dim == Dim::k2) g.polygonProp = recolor(g.polygonProp);
    return g;
  }

  Geometry OffsetGeometry(const Node& node, int depth, int nodeId) {
    const auto& p = node.Params<eval::OffsetParams>();
    Geometry g = ChildUnion(node, depth, nodeId);
    if (g.dim != Dim::k2) return g.dim == Dim::k3 ? Geometry{} : g;
    kernel::OffsetOptions o;
    o.delta = p.value;
    if (p.mode == eval::OffsetParams::Mode::Radius) {
      o.join = kernel::OffsetJoin::kRound;
      o.fragments = kernel::OffsetArcFragments(std::abs(p.value), p.fragments.fn, p.fragments.fs,
                                               p.fragments.fa);
    } else {
      o.join = p.chamfer ? kernel::OffsetJoin::kChamfer : kernel::OffsetJoin::kMiter;
    }
    return Geometry::Flat(ClipperOrder(kernel::Offset2d(g.polygon, o), {}), g.polygonProp);
  }

  // import() and the file= form of the extrusions.
  Geometry Imported(ImportRequest& r, const Node& node, int nodeId) {
    r.line = node.span.line;
    r.scriptName = node.span.FileName().substr(node.span.FileName().find_last_of('/') + 1);
    r.prop = Leaf(nodeId);
    r.limits = limits_;
    ImportOutcome o = ImportFile(r);
    for (auto& w : o.warnings) Warn(w, lang::SourceSpan{});
    for (auto& w : o.locatedWarnings) Warn(w, node.span);
    for (auto& e : o.errors) out_.errors.push_back({e, node.span});
    for (auto& e : o.locatedErrors) out_.errors.push_back({e, node.span, true});
    return std::move(o.geometry);
  }
  Geometry ExtrudeSource(const eval::ExtrudeFile& file, const eval::Fragments& fragments,
                         const Node& node, int depth, int nodeId) {
    if (!file.present) return ChildUnion(node, depth, nodeId);
    ImportRequest r;
    r.path = file.path;
    r.displayName = file.file;
    r.layer = file.layer;
    r.originX = file.origin[0];
    r.originY = file.origin[1];
    r.scale = file.scale;
    r.fragments = fragments;
    r.dxfOnly = true;
    return Imported(r, node, nodeId);
  }

  Geometry LinearExtrudeGeometry(const Node& node, int depth, int nodeId) {
    const auto& p = node.Params<eval::LinearExtrudeParams>();
    Geometry g = ExtrudeSource(p.file, p.fragments, node, depth, nodeId);
    if (g.dim != Dim::k2) return {};
    (void)nodeId;
    const double slices = LinearExtrudeSlices(g.polygon, p);
    if (!WithinBudget(static_cast<double>(PolygonVertexCount(g.polygon)) * (slices + 1), node))
      return {};
    bool cgalRejects = false;
    Geometry out = Geometry::Solid(LinearExtrude(g.polygon, p, g.polygonProp, &cgalRejects));
    out.cgalRejects = cgalRejects && !out.Empty();
    return out;
  }

  Geometry RotateExtrudeGeometry(const Node& node, int depth, int nodeId) {
    const auto& p = node.Params<eval::RotateExtrudeParams>();
    Geometry g = ExtrudeSource(p.file, p.fragments, node, depth, nodeId);
    if (g.dim != Dim::k2) return {};
    (void)nodeId;
    const double profiles = RotateExtrudeFragments(g.polygon, p);
    if (!WithinBudget(static_cast<double>(PolygonVertexCount(g.polygon)) * (profiles + 1), node))
      return {};
    std::string error;
    Mesh m = RotateExtrude(g.polygon, p, g.polygonProp, error);
    if (!error.empty()) out_.errors.push_back({error, node.span});
    return Geometry::Solid(std::move(m));
  }

  Geometry ProjectionGeometry(const Node& node, int depth, int nodeId) {
    const auto& p = node.Params<eval::ProjectionParams>();
    Geometry g = ChildUnion(node, depth, nodeId);
    if (g.dim != Dim::k3) return {};
    uint32_t prop = g.mesh.triProp.empty() ? 0 : g.mesh.triProp[0];
    kernel::PolygonOpResult r =
        p.cut ? kernel::ProjectCut(g.mesh, limits_) : SnappedShadow(g.mesh, limits_);
    if (!r.diagnostic.message.empty()) Warn(r.diagnostic.message, node.span);
    return Geometry::Flat(std::move(r.polygon), prop);
  }

  Geometry ResizeGeometry(const Node& node, int depth, int nodeId) {
    const auto& p = node.Params<eval::ResizeParams>();
    Geometry g = ChildUnion(node, depth, nodeId);
    if (g.Empty()) return g;
    const int dims = g.dim == Dim::k3 ? 3 : 2;
    double lo[3] = {INFINITY, INFINITY, INFINITY}, hi[3] = {-INFINITY, -INFINITY, -INFINITY};
    auto extend = [&](const double* v) {
      for (int i = 0; i < dims; ++i) {
        lo[i] = std::min(lo[i], v[i]);
        hi[i] = std::max(hi[i], v[i]);
      }
    };
    for (const Vec3& v : g.mesh.vertPos) {
      const double a[3] = {v.x, v.y, v.z};
      extend(a);
    }
    for (const auto& c : g.polygon.contours)
      for (const Vec2& v : c) {
        const double a[3] = {v.x, v.y, 0};
        extend(a);
      }
    double scale[3] = {1, 1, 1};
    double autoScale = 0;
    for (int i = 0; i < dims; ++i) {
      const double size = hi[i] - lo[i];
      if (p.newSize[i] > 0 && size > 0) {
        scale[i] = p.newSize[i] / size;
        autoScale = std::max(autoScale, scale[i]);
      }
    }
    // auto: axes without a new size take the largest factor given.
    for (int i = 0; i < dims; ++i)
      if (!(p.newSize[i] > 0) && p.autoSize[i] && autoScale > 0) scale[i] = autoScale;
    eval::TransformParams t;
    for (int i = 0; i < 3; ++i) t.m[i][i] = scale[i];
    if (g.dim == Dim::k3) {
      kernel::Affine3 a = kernel::Affine3::FromMatrix4(t.m);
      if (!kernel::TransformMesh(g.mesh, a)) return {};
      return g;
    }
    for (auto& c : g.polygon.contours)
      for (Vec2& v : c) v = {v.x * scale[0], v.y * scale[1]};
    return g;
  }

  // A key stays where it is once made (the map's nodes do not move), so the
  // pointer outlives the lock.
  // The render's claims when sibling subtrees may run on threads, else null.
  EvaluationClaims* Claims() { return memos_.threads > 1 ? &memos_.claims : nullptr; }

  const NodeKey* FindKey(const Node& node) {
    if (memos_.threads <= 1) return memos_.keys.Find(node);  // no other thread
    std::lock_guard<std::mutex> lock(memos_.mutex);
    return memos_.keys.Find(node);
  }
  bool Surely2d(const Node& node) {
    if (memos_.threads <= 1) return memos_.surely2d.Test(node);
    std::lock_guard<std::mutex> lock(memos_.mutex);
    return memos_.surely2d.Test(node);
  }

  const RenderOptions& options_;
  RenderResult& out_;
  kernel::KernelLimits limits_;
  int maxDepth_ = kDefaultMaxDepth;
  int nextNodeId_ = 0;
  double childSeconds_ = 0;  // time of the current node's children so far
  SharedMemos& memos_;
};

}  // namespace

RenderResult RenderNodeTree(const eval::Node& root, const RenderOptions& options) {
  RenderResult out;
  SharedMemos memos(options.maxDepth > 0 ? options.maxDepth : kDefaultMaxDepth);
  if (options.threads != 1) {
    const SubtreeWork::TreeFacts facts = SubtreeWork::FactsOf(root);
    // Under twice the threshold no two siblings can be large enough (and
    // the machine's thread count is not even asked).
    if (facts.facets >= 2 * options.parallelMinFacets) {
      memos.threads = kernel::AvailableThreads();
      if (options.threads > 1) memos.threads = std::min(memos.threads, options.threads);
      memos.hasText = facts.hasText;
    }
  }
  Renderer renderer(options, out, memos);
  out.geometry = renderer.Visit(root, 0);
  if (renderer.CancelledAtEnd()) out.geometry = {};
  return out;
}

kernel::Mesh RenderToMesh(const RenderResult& result) {
  return result.geometry.dim == Dim::k3 ? result.geometry.mesh : kernel::Mesh{};
}

}  // namespace mos::geom
