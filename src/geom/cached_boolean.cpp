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

  // The fold a cold render makes; partial results come from the cache
  // only where they are steps of that same fold (a prefix of the union's
  // or difference's order, a difference's cutters' union), so a warm
  // render gives, bit for bit, the cold render's triangles.
  Geometry Run(CombineOp op) {
    std::vector<size_t> all(ops_.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
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

  // The operand's mesh ready for a boolean (plain meshes on 2021.01's grid);
  // each operand is taken once.
  Mesh Take(size_t i) {
    Geometry& g = ops_[i].geometry;
    if (!g.booleanResult) SnapToOpenscadGrid(g.mesh);
    return std::move(g.mesh);
  }

  // `members` combined by `op` (difference: members[0] is the first
  // operand), from the cache or made and stored there.
  std::optional<Mesh> SetResult(CombineOp op, const std::vector<size_t>& members) {
    if (std::optional<Mesh> hit = Find(KeyOf(KeyKind::kSet, op, members), members)) {
      ++ctx_.stats->siblingHits;
      return hit;
    }
    return Combined(op, members, /*storeWhole=*/true);
  }

  // What a partial result is: the members combined by Combined() (a
  // sibling set), or the first steps of OneByOne's fold, after which the
  // union fold still tests for separating planes (kFoldPlanes) or not.
  enum class KeyKind { kSet, kFold, kFoldPlanes };

  // The cache key of `members` combined by `op`, listed in the order given
  // (child order for a set, the fold's order for a fold's steps; the
  // order is also the order of their properties in the stored mesh). The
  // same operands in another order, or made by the other kind of
  // computation, can give other triangles (ties of the union's smallest
  // first, the cutting order, Combine's n-ary schedule, the plane test),
  // so they have other keys: a hit is, bit for bit, what the render would
  // make.
  NodeKey KeyOf(KeyKind kind, CombineOp op, const std::vector<size_t>& members) const {
    NodeKey key;
    key.bytes = kind == KeyKind::kSet ? "set:" : kind == KeyKind::kFold ? "fold:" : "fold+planes:";
    key.bytes += SetKeyBytes(SetOpOf(op), digests_, members);
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

  void Store(KeyKind kind, CombineOp op, const std::vector<size_t>& members, const Mesh& mesh) {
    const std::vector<size_t>& keyOrder = members;
    auto e = std::make_shared<CachedGeometry>();
    e->geometry = Geometry::Solid(mesh);
    e->geometry.booleanResult = !e->geometry.Empty();
    if (!EncodeProperties(e->geometry.mesh.triProp, Ranges(), keyOrder)) return;
    e->propertySpan = PropertySpan(Ranges(), keyOrder);
    NodeKey key = KeyOf(kind, op, members);
    e->keyBytes = std::move(key.bytes);
    e->bytes = EstimateBytes(*e);
    ctx_.cache->Store(key.digest, std::move(e));
    ++(kind == KeyKind::kSet ? ctx_.stats->siblingStores : ctx_.stats->prefixStores);
  }

  // `members` (child order) combined as a cold render combines them:
  // three or four of a union or difference one at a time, others through
  // the n-ary boolean. `storeWhole`: store the result as their set.
  std::optional<Mesh> Combined(CombineOp op, const std::vector<size_t>& members, bool storeWhole) {
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
      Store(KeyKind::kSet, op, members, *mesh);
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
    if (acc.NumTri() > 0 && kernel::BoundingBox(acc).Overlaps(kernel::BoundingBox(*cutter)))
      acc = kernel::Boolean(acc, *cutter, kernel::OpType::kDifference, &guard_);
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
    // Whether the union still tests touching members for a separating
    // plane: true until a member really overlaps; a prefix from the cache
    // brings the value its steps ended with (its key kind).
    bool tryPlanes = op == CombineOp::kUnion;
    for (size_t len = n - 1; keyed_ && len >= 2 && next == 1; --len) {
      const std::vector<size_t> prefix(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(len));
      for (const bool planes : {false, true}) {
        if (planes && op != CombineOp::kUnion) break;
        if (std::optional<Mesh> hit = Find(KeyOf(planes ? KeyKind::kFoldPlanes : KeyKind::kFold, op, prefix), prefix)) {
          acc = std::move(*hit);
          next = len;
          tryPlanes = planes;
          ++ctx_.stats->prefixHits;
          break;
        }
      }
    }
    if (next == 1) acc = Take(order[0]);
    for (size_t k = next; k < n; ++k) {
      Mesh other = Take(order[k]);
      // The prefix this step makes (stored below) may be made by another
      // thread right now (the same first operands in a sibling subtree):
      // then it is waited for and taken from the cache. Not for unions:
      // the key of a union's step (whether the plane test is still on
      // after it) is known only once the step is made.
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
        Store(tryPlanes ? KeyKind::kFoldPlanes : KeyKind::kFold, op,
              std::vector<size_t>(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k + 1)), acc);
    }
    return acc;
  }

  // The first `len` operands of `order` from the cache, waiting while
  // another thread makes them; none: `claim` holds the claim to make them.
  std::optional<Mesh> FindOrClaimPrefix(CombineOp op, const std::vector<size_t>& order, size_t len,
                                        ClaimGuard& claim) {
    const std::vector<size_t> prefix(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(len));
    const NodeKey key = KeyOf(KeyKind::kFold, op, prefix);  // (not a union: no plane test)
    for (;;) {
      const bool claimed = claim.ClaimOrWait(key.digest);
      if (std::optional<Mesh> hit = Find(key, prefix)) return hit;
      if (claimed) return std::nullopt;
    }
  }

  std::vector<BooleanOperand>& ops_;
  CachedBooleanContext& ctx_;
  kernel::LimitGuard guard_;
  std::vector<NodeDigest> digests_;
  bool keyed_ = false;
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
