#include "geom/cached_boolean.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "geom/grid_snap.h"
#include "geom/separated_parts.h"
#include "kernel/boolean.h"
#include "kernel/csg_schedule.h"

namespace mos::geom {
namespace {

using kernel::Mesh;

SetOp SetOpOf(CombineOp op) {
  return op == CombineOp::kUnion ? SetOp::kUnion
         : op == CombineOp::kDifference ? SetOp::kDifference
                                        : SetOp::kIntersection;
}

kernel::OpType KernelOp(CombineOp op) {
  return op == CombineOp::kUnion ? kernel::OpType::kUnion
         : op == CombineOp::kDifference ? kernel::OpType::kDifference
                                        : kernel::OpType::kIntersection;
}

class Booleans {
 public:
  Booleans(std::vector<BooleanOperand>& operands, CachedBooleanContext& ctx)
      : ops_(operands), ctx_(ctx), guard_(ctx.combine.limits, "boolean") {
    keyed_ = ctx.cache != nullptr;
    for (const BooleanOperand& o : ops_) {
      if (!o.key) keyed_ = false;
      digests_.push_back(o.key ? o.key->digest : NodeDigest{});
    }
  }

  Geometry Run(CombineOp op) {
    std::vector<size_t> all(ops_.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    if (keyed_) {
      const GeometryCache::ChildrenHint before = ctx_.cache->PreviousChildren(ctx_.position);
      GeometryCache::ChildrenHint now{digests_, {}};
      std::vector<bool> unchanged;
      if (!before.digests.empty()) {
        unchanged = UnchangedChildren(digests_, before.digests);
        for (size_t i = 0; i < unchanged.size(); ++i)
          if (!unchanged[i]) now.changed.push_back(static_cast<uint32_t>(i));
      }
      const bool again = !now.changed.empty() && now.changed == before.changed &&
                         digests_.size() == before.digests.size();
      ctx_.cache->RememberChildren(ctx_.position, std::move(now));
      if (again && !FoldRedoesOnlyTheChanged(op, unchanged) && !(op == CombineOp::kUnion && AllApart())) {
        std::optional<Mesh> reused = WithUnchangedFirst(op, unchanged);
        if (reused) return Result(std::move(*reused));
        // Stopped (cancel, deadline, budget) after some operands were used.
        if (touched_ || Stopped()) return {};
      }
    }
    std::optional<Mesh> mesh = Combined(op, all, /*storeWhole=*/false);
    return mesh ? Result(std::move(*mesh)) : Geometry{};
  }

 private:
  static Geometry Result(Mesh mesh) {
    Geometry g = Geometry::Solid(std::move(mesh));
    g.booleanResult = !g.Empty();
    return g;
  }

  bool Stopped() const { return guard_.Stopped(); }

  // The order a cold render folds three or four operands in (union:
  // smallest first, ties in child order; difference: child order).
  std::vector<size_t> FoldOrder(CombineOp op) const {
    std::vector<size_t> order(ops_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (op == CombineOp::kUnion)
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return ops_[a].geometry.mesh.NumTri() < ops_[b].geometry.mesh.NumTri();
      });
    return order;
  }

  // True when the changed operands are the last ones the fold adds: it
  // takes the unchanged ones' prefix from the cache and redoes only them,
  // the same work as with the unchanged siblings first, and the same
  // triangles as a cold render.
  bool FoldRedoesOnlyTheChanged(CombineOp op, const std::vector<bool>& unchanged) const {
    if (op == CombineOp::kIntersection || ops_.size() < 3 || ops_.size() > 4) return false;
    const std::vector<size_t> order = FoldOrder(op);
    size_t k = 0;
    while (k < order.size() && unchanged[order[k]]) ++k;
    for (size_t j = k; j < order.size(); ++j)
      if (unchanged[order[j]]) return false;
    return true;
  }

  // Union operands whose boxes touch no other's: the union appends them
  // all, whatever changed; a partial result would save nothing.
  bool AllApart() const {
    if (ops_.size() > 64) return false;
    std::vector<kernel::Box3> boxes;
    for (const BooleanOperand& o : ops_) boxes.push_back(kernel::BoundingBox(o.geometry.mesh));
    for (size_t i = 0; i < boxes.size(); ++i)
      for (size_t j = i + 1; j < boxes.size(); ++j)
        if (boxes[i].Overlaps(boxes[j])) return false;
    return true;
  }

  // The operand's mesh ready for a boolean (plain meshes on 2021.01's grid);
  // each operand is taken once.
  Mesh Take(size_t i) {
    touched_ = true;
    Geometry& g = ops_[i].geometry;
    if (!g.booleanResult) SnapToOpenscadGrid(g.mesh);
    return std::move(g.mesh);
  }

  // Unchanged children first (their combination from the cache when it was
  // made before, else made and stored now), then the changed ones. Nothing
  // (and no work done) when the change leaves fewer than two unchanged
  // operands to share.
  std::optional<Mesh> WithUnchangedFirst(CombineOp op, const std::vector<bool>& unchanged) {
    std::vector<size_t> same, changed;
    for (size_t i = 0; i < ops_.size(); ++i) (unchanged[i] ? same : changed).push_back(i);
    if (changed.empty() || same.size() < 2) return std::nullopt;
    std::optional<Mesh> acc;
    if (op != CombineOp::kDifference || unchanged[0]) {
      acc = SetResult(op, same);
    } else {
      // The first operand changed: cut it with the unchanged cutters' union.
      std::optional<Mesh> cutter = SetResult(CombineOp::kUnion, same);
      if (!cutter) return std::nullopt;
      acc = Take(0);
      changed.erase(changed.begin());
      AddOne(*acc, std::move(*cutter), op);
    }
    if (!acc) return std::nullopt;
    if (op == CombineOp::kUnion)
      std::stable_sort(changed.begin(), changed.end(), [&](size_t a, size_t b) {
        return ops_[a].geometry.mesh.NumTri() < ops_[b].geometry.mesh.NumTri();
      });
    for (size_t i : changed) {
      if (Stopped()) return std::nullopt;
      AddOne(*acc, Take(i), op);
    }
    if (Stopped()) return std::nullopt;
    return acc;
  }

  // acc = acc op other, skipping booleans whose operands cannot meet.
  void AddOne(Mesh& acc, Mesh other, CombineOp op) {
    const kernel::OpType kop = KernelOp(op);
    if (op == CombineOp::kUnion) {
      if (acc.NumTri() == 0) {
        acc = std::move(other);
      } else if (!kernel::BoundingBox(acc).Overlaps(kernel::BoundingBox(other)) ||
                 PartsSeparated({&acc, &other})) {
        kernel::AppendMesh(acc, other);
      } else {
        acc = kernel::UnionPair(std::move(acc), std::move(other), &guard_);
      }
    } else if (op == CombineOp::kDifference) {
      if (acc.NumTri() > 0 && kernel::BoundingBox(acc).Overlaps(kernel::BoundingBox(other)))
        acc = kernel::Boolean(acc, other, kop, &guard_);
    } else if (acc.NumTri() > 0) {
      acc = kernel::Boolean(acc, other, kop, &guard_);
    }
    if (Stopped()) acc = Mesh{};
  }

  // `members` combined by `op` (difference: members[0] is the first
  // operand), from the cache or made and stored there.
  std::optional<Mesh> SetResult(CombineOp op, const std::vector<size_t>& members) {
    std::vector<size_t> keyOrder;
    const NodeKey key = SetKey(op, members, keyOrder);
    if (std::optional<Mesh> hit = Find(key, keyOrder)) {
      ++ctx_.stats->siblingHits;
      return hit;
    }
    return Combined(op, members, /*storeWhole=*/true);
  }

  // The cache key of `members` combined by `op` (difference: members[0]
  // first), and the order the key lists them in.
  NodeKey SetKey(CombineOp op, const std::vector<size_t>& members, std::vector<size_t>& keyOrder) const {
    keyOrder = SetKeyOrder(SetOpOf(op), digests_, members, members[0]);
    NodeKey key;
    key.bytes = SetKeyBytes(SetOpOf(op), digests_, keyOrder);
    key.digest = DigestOf(key.bytes);
    return key;
  }

  std::optional<Mesh> Find(const NodeKey& key, const std::vector<size_t>& keyOrder) {
    std::shared_ptr<const CachedGeometry> hit = ctx_.cache->Find(key);
    if (!hit) return std::nullopt;
    Mesh mesh = hit->geometry.mesh;
    if (!DecodeProperties(mesh.triProp, Ranges(), keyOrder, hit->propertySpan)) return std::nullopt;
    return mesh;
  }

  std::vector<PropertyRange> Ranges() const {
    std::vector<PropertyRange> r;
    for (const BooleanOperand& o : ops_) r.push_back(o.properties);
    return r;
  }

  void Store(CombineOp op, const std::vector<size_t>& members, const Mesh& mesh, bool sibling) {
    const std::vector<size_t> keyOrder = SetKeyOrder(SetOpOf(op), digests_, members, members[0]);
    auto e = std::make_shared<CachedGeometry>();
    e->geometry = Geometry::Solid(mesh);
    e->geometry.booleanResult = !e->geometry.Empty();
    if (!EncodeProperties(e->geometry.mesh.triProp, Ranges(), keyOrder)) return;
    e->propertySpan = PropertySpan(Ranges(), keyOrder);
    e->keyBytes = SetKeyBytes(SetOpOf(op), digests_, keyOrder);
    e->bytes = EstimateBytes(*e);
    const NodeDigest digest = DigestOf(e->keyBytes);
    ctx_.cache->Store(digest, std::move(e));
    ++(sibling ? ctx_.stats->siblingStores : ctx_.stats->prefixStores);
  }

  // `members` (child order) combined as a cold render combines them:
  // three or four of a union or difference one at a time, others through
  // the n-ary boolean. `storeWhole`: store the result as their set.
  std::optional<Mesh> Combined(CombineOp op, const std::vector<size_t>& members, bool storeWhole) {
    touched_ = true;
    const size_t warningsBefore = ctx_.combine.warnings ? ctx_.combine.warnings->size() : 0;
    std::optional<Mesh> mesh;
    if (op == CombineOp::kDifference && members.size() >= 3 && FirstOutweighsCutters(members)) {
      mesh = MinusCuttersUnion(members);
    } else if (op != CombineOp::kIntersection && members.size() >= 3 && members.size() <= 4) {
      mesh = OneByOne(op, members);
    } else {
      std::vector<Geometry> children;
      for (size_t i : members) children.push_back(std::move(ops_[i].geometry));
      CombineContext c = ctx_.combine;
      c.childSpans.clear();
      Geometry g = Combine(std::move(children), op, c);
      if (!Stopped() && !CombineStopped()) mesh = std::move(g.mesh);
    }
    if (!mesh || Stopped() || CombineStopped()) return std::nullopt;
    const bool quiet = !ctx_.combine.warnings || ctx_.combine.warnings->size() == warningsBefore;
    // (An empty result is not stored: a budget stop inside the n-ary
    // boolean also ends empty.)
    if (storeWhole && keyed_ && quiet && members.size() >= 2 && mesh->NumTri() > 0)
      Store(op, members, *mesh, true);
    return mesh;
  }

  // Whether the first member has at least as many triangles as all the
  // cutters together: then each step of a fold would redo the large solid,
  // and one difference with the cutters' union costs less. Otherwise (a
  // plate with many holes, a shell and its bore) the fold keeps its prefix
  // results for re-renders, and cutters that overlap one another are not
  // merged by a boolean first.
  bool FirstOutweighsCutters(const std::vector<size_t>& members) const {
    int64_t cutters = 0;
    for (size_t k = 1; k < members.size(); ++k) cutters += ops_[members[k]].geometry.mesh.NumTri();
    return ops_[members[0]].geometry.mesh.NumTri() >= cutters;
  }

  // The first member minus the union of the others: one boolean on the
  // (usually large) first member instead of one per cutter, each of which
  // would prepare and clean the whole accumulated solid again (logo.scad:
  // 280 M -> 193 M instructions). The cutters' union is stored as their
  // set, so a change of the first member reuses it.
  std::optional<Mesh> MinusCuttersUnion(const std::vector<size_t>& members) {
    const std::vector<size_t> cutters(members.begin() + 1, members.end());
    std::optional<Mesh> cutter =
        keyed_ ? SetResult(CombineOp::kUnion, cutters) : Combined(CombineOp::kUnion, cutters, /*storeWhole=*/false);
    if (!cutter || Stopped()) return std::nullopt;
    Mesh acc = Take(members[0]);
    AddOne(acc, std::move(*cutter), CombineOp::kDifference);
    if (Stopped()) return std::nullopt;
    return acc;
  }

  // Combine() ends early on cancel or deadline with an empty result.
  bool CombineStopped() const {
    const kernel::KernelLimits& l = ctx_.combine.limits;
    kernel::LimitGuard probe(l, "boolean");
    return !probe.Check();
  }

  // members[0] minus (or plus) each further member in turn; union members
  // smallest first (by triangles, ties in child order): the big members
  // come last, so the steps redone when a small one changes are few and the
  // accumulated solid grows from small parts. The longest prefix made
  // before is taken from the cache; the prefixes made here are stored.
  std::optional<Mesh> OneByOne(CombineOp op, std::vector<size_t> order) {
    const size_t n = order.size();
    if (op == CombineOp::kUnion)
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return ops_[a].geometry.mesh.NumTri() < ops_[b].geometry.mesh.NumTri();
      });
    std::vector<kernel::Box3> boxes;  // of the members, before any is moved
    for (size_t i : order) boxes.push_back(kernel::BoundingBox(ops_[i].geometry.mesh));
    Mesh acc;
    size_t next = 1;
    for (size_t len = n - 1; keyed_ && len >= 2 && next == 1; --len) {
      const std::vector<size_t> prefix(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(len));
      std::vector<size_t> keyOrder;
      const NodeKey key = SetKey(op, prefix, keyOrder);
      if (std::optional<Mesh> hit = Find(key, keyOrder)) {
        acc = std::move(*hit);
        next = len;
        ++ctx_.stats->prefixHits;
      }
    }
    if (next == 1) acc = Take(order[0]);
    bool tryPlanes = op == CombineOp::kUnion;
    for (size_t k = next; k < n; ++k) {
      Mesh other = Take(order[k]);
      // The prefix this step makes (stored below) may be made by another
      // thread right now (the same first operands in a sibling subtree):
      // then it is waited for and taken from the cache. Not for unions: a
      // step taken from the cache leaves tryPlanes as it was, so the later
      // steps could depend on which thread made the prefix.
      const bool claimable = keyed_ && k + 1 < n && op != CombineOp::kUnion && ctx_.claims;
      ClaimGuard claim(claimable ? ctx_.claims : nullptr);
      if (claimable) {
        if (std::optional<Mesh> made = FindOrClaimPrefix(op, order, k + 1, claim)) {
          acc = std::move(*made);
          ++ctx_.stats->prefixHits;
          continue;
        }
      }
      // A union member whose box touches no earlier member's box is apart
      // from all of them: appended (the box of their union would often
      // touch it, e.g. parts in a grid).
      bool touches = false;
      if (op == CombineOp::kUnion) {
        for (size_t j = 0; j < k && !touches; ++j) touches = boxes[j].Overlaps(boxes[k]);
      } else {
        touches = acc.NumTri() > 0 && kernel::BoundingBox(acc).Overlaps(boxes[k]);
      }
      // Touching boxes of parts that a plane keeps apart: appended too. Once
      // a member really overlaps, later ones are not tested (each test
      // walks the whole accumulated mesh).
      if (touches && tryPlanes) {
        tryPlanes = PartsSeparated({&acc, &other});
        touches = !tryPlanes;
      }
      if (touches && op == CombineOp::kUnion)
        acc = kernel::UnionPair(std::move(acc), std::move(other), &guard_);
      else if (touches)
        acc = kernel::Boolean(acc, other, KernelOp(op), &guard_);
      else if (op == CombineOp::kUnion)
        kernel::AppendMesh(acc, other);
      if (Stopped()) return std::nullopt;
      if (keyed_ && k + 1 < n)
        Store(op, std::vector<size_t>(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k + 1)),
              acc, false);
    }
    return acc;
  }

  // The first `len` operands of `order` from the cache, waiting while
  // another thread makes them; none: `claim` holds the claim to make them.
  std::optional<Mesh> FindOrClaimPrefix(CombineOp op, const std::vector<size_t>& order, size_t len,
                                        ClaimGuard& claim) {
    const std::vector<size_t> prefix(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(len));
    std::vector<size_t> keyOrder;
    const NodeKey key = SetKey(op, prefix, keyOrder);
    for (;;) {
      const bool claimed = claim.ClaimOrWait(key.digest);
      if (std::optional<Mesh> hit = Find(key, keyOrder)) return hit;
      if (claimed) return std::nullopt;
    }
  }

  std::vector<BooleanOperand>& ops_;
  CachedBooleanContext& ctx_;
  kernel::LimitGuard guard_;
  std::vector<NodeDigest> digests_;
  bool keyed_ = false;
  bool touched_ = false;  // some operand's geometry was used (moved out)
};

}  // namespace

bool TakesCachedBoolean(const std::vector<Geometry>& children, CombineOp op) {
  if (op != CombineOp::kUnion && op != CombineOp::kDifference && op != CombineOp::kIntersection)
    return false;
  if (children.size() < 3) return false;
  for (const Geometry& g : children)
    if (g.dim != Dim::k3) return false;
  return true;
}

Geometry CachedBoolean(std::vector<BooleanOperand> operands, CombineOp op, CachedBooleanContext& ctx) {
  Booleans b(operands, ctx);
  return b.Run(op);
}

}  // namespace mos::geom
