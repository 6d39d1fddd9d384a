#include "kernel/csg_schedule.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

#include "kernel/bbox.h"
#include "kernel/boolean_operand.h"
#include "kernel/limits.h"
#include "kernel/union_pieces.h"

namespace mos::kernel {

namespace {

Box3 BoxOf(const Mesh& m) {
  Box3 b;
  for (const Vec3& p : m.vertPos) b.Include(p);
  return b;
}

// Before each binary boolean: the cancel token, and the operands' sizes
// against the budget (a boolean's result is about as large as its inputs).
bool MayContinue(LimitGuard* guard, const Mesh& a, const Mesh& b) {
  return guard == nullptr ||
         guard->Check(static_cast<int64_t>(a.NumVert()) + b.NumVert(), EstimateBytes(a) + EstimateBytes(b));
}

// Smallest-first reduction with a binary operation.
Mesh ReduceSmallestFirst(std::vector<Mesh> meshes, OpType op, LimitGuard* guard) {
  using Entry = std::pair<int, size_t>;  // triangle count, index
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
  for (size_t i = 0; i < meshes.size(); ++i) heap.emplace(meshes[i].NumTri(), i);
  while (heap.size() > 1) {
    if (guard && !guard->Check()) return Mesh{};
    const size_t a = heap.top().second;
    heap.pop();
    const size_t b = heap.top().second;
    heap.pop();
    if (!MayContinue(guard, meshes[a], meshes[b])) return Mesh{};
    meshes[a] = Boolean(meshes[a], meshes[b], op, guard);
    meshes[b] = Mesh{};
    heap.emplace(meshes[a].NumTri(), a);
  }
  return heap.empty() ? Mesh{} : std::move(meshes[heap.top().second]);
}

// Moves the meshes whose box touches no other box of `meshes` onto `out`
// (concatenated: they need no boolean) and leaves the others in `meshes`.
void TakeIsolated(std::vector<Mesh>& meshes, Mesh& out) {
  std::vector<Box3> boxes;
  for (const Mesh& m : meshes) boxes.push_back(BoxOf(m));
  const std::vector<char> overlaps = OverlapsAnother(boxes);
  std::vector<Mesh> rest;
  for (size_t i = 0; i < meshes.size(); ++i) {
    if (overlaps[i]) rest.push_back(std::move(meshes[i]));
    else AppendInto(out, std::move(meshes[i]));
  }
  meshes.swap(rest);
}

}  // namespace

Mesh UnionAll(std::vector<Mesh> meshes, LimitGuard* guard) {
  std::vector<Mesh> live;
  for (Mesh& m : meshes)
    if (m.NumTri() > 0) live.push_back(std::move(m));
  if (live.empty()) return Mesh{};
  // Whole operands apart first: cheaper than finding every operand's
  // components, and most unions of separate parts end here.
  Mesh out;
  TakeIsolated(live, out);
  // The operands whose boxes overlap may still be apart piece by piece (two
  // sets of separate parts spread over the same region): their components
  // that touch no other need no boolean either. In Functions/functions.scad
  // at $fn = 54 this turned a boolean of 82 separate cubes and spheres into
  // concatenation (718 M -> 263 M instructions for the whole render).
  if (live.size() >= 2) TakeIsolatedComponents(live, out);
  if (!live.empty()) {
    Mesh merged = ReduceSmallestFirst(std::move(live), OpType::kUnion, guard);
    if (guard && guard->Stopped()) return Mesh{};
    AppendInto(out, std::move(merged));
  }
  return out;
}

Mesh UnionPair(Mesh a, Mesh b, LimitGuard* guard) {
  std::vector<Mesh> pair;
  pair.push_back(std::move(a));
  pair.push_back(std::move(b));
  // The fingerprints of operands with a PreparedSlot (results of earlier
  // booleans, cached solids), found once for the components' lookup and
  // the boolean's preparation.
  MeshFingerprint fingerprints[2];
  std::vector<const MeshFingerprint*> known(2, nullptr);
  for (int i = 0; i < 2; ++i)
    if (pair[i].prepared) {
      fingerprints[i] = FingerprintOf(pair[i]);
      known[i] = &fingerprints[i];
    }
  Mesh out;
  const bool changed = TakeIsolatedComponents(pair, out, known);
  if (pair.size() < 2) {
    // Everything of one operand was apart (the other's rest stays as it is).
    for (Mesh& m : pair) AppendInto(out, std::move(m));
    return out;
  }
  // Unchanged: the same meshes in the same order, so the same fingerprints.
  Mesh merged = changed ? Boolean(pair[0], pair[1], OpType::kUnion, guard)
                        : BooleanWithFingerprints(pair[0], pair[1], OpType::kUnion, guard, known[0], known[1]);
  if (guard && guard->Stopped()) return Mesh{};
  AppendInto(out, std::move(merged));
  return out;
}

Mesh IntersectAll(std::vector<Mesh> meshes, LimitGuard* guard) {
  if (meshes.empty()) return Mesh{};
  for (const Mesh& m : meshes)
    if (m.NumTri() == 0) return Mesh{};
  return ReduceSmallestFirst(std::move(meshes), OpType::kIntersection, guard);
}

Mesh BooleanN(std::vector<Mesh> meshes, OpType op, LimitGuard* guard) {
  if (meshes.empty()) return Mesh{};
  if (op == OpType::kUnion) return UnionAll(std::move(meshes), guard);
  if (op == OpType::kIntersection) return IntersectAll(std::move(meshes), guard);
  Mesh first = std::move(meshes[0]);
  if (meshes.size() == 1) return first;
  // Cutters that cannot touch the first operand change nothing.
  const Box3 firstBox = BoxOf(first);
  std::vector<Mesh> rest;
  for (size_t i = 1; i < meshes.size(); ++i)
    if (meshes[i].NumTri() > 0 && BoxOf(meshes[i]).Overlaps(firstBox)) rest.push_back(std::move(meshes[i]));
  if (rest.empty()) return first;
  Mesh cutter = UnionAll(std::move(rest), guard);
  if (guard && guard->Stopped()) return Mesh{};
  if (!MayContinue(guard, first, cutter)) return Mesh{};
  return Boolean(first, cutter, OpType::kDifference, guard);
}

MeshOpResult BooleanN(std::vector<Mesh> meshes, OpType op, const KernelLimits& limits) {
  LimitGuard guard(limits, "n-ary boolean");
  MeshOpResult r;
  int64_t vertices = 0, bytes = 0;
  for (const Mesh& m : meshes) {
    vertices += m.NumVert();
    bytes += EstimateBytes(m);
  }
  Mesh out;
  if (guard.Check(vertices, bytes)) out = BooleanN(std::move(meshes), op, &guard);
  if (guard.Check(out.NumVert(), EstimateBytes(out))) {
    r.mesh = std::move(out);
    return r;
  }
  r.status = guard.Reason() == StopReason::Cancelled ? HullStatus::kCancelled : HullStatus::kTooLarge;
  r.diagnostic = guard.Diagnostic();
  return r;
}

}  // namespace mos::kernel
