#include "kernel/intersect.h"

#include <algorithm>
#include <utility>
#if defined(MOS_CHECK_EDGE_FILTER) || defined(MOS_CHECK_SHARED_KERNELS) || defined(MOS_CHECK_WINDOW) || \
    defined(MOS_CHECK_SEGMENT_BOX) || defined(MOS_CHECK_FLAT_NODES) || defined(MOS_CHECK_CANDIDATE_MEMO)
#include <cstdlib>
#include <cstring>
#endif

#include "kernel/candidate_pairs.h"
#include "kernel/shared_kernel12.h"

namespace mos::kernel {

namespace {

Box3 EdgeBox(const BoolOperand& mesh, const BoolMeshView& view, int he) {
  Box3 b;
  b.Include(mesh.pos[view.Start(he)]);
  b.Include(mesh.pos[view.End(he)]);
  return b;
}

// Sorts hits by edge, then position along the edge, then triangle: a
// strict total order (an edge meets a triangle once), so one order comes
// out whatever the input order, except where a position is NaN. `hits`
// come grouped by edge in increasing order (as the broad phase gives
// them): each edge's few hits are sorted where they are.
void SortHitsAlongEdges(const BoolOperand& edgeMesh, std::vector<EdgeTriHit>& hits) {
  const BoolMeshView ev = edgeMesh.View();
  auto along = [&](const EdgeTriHit& h) {
    const Vec3 s = edgeMesh.pos[ev.Start(h.edge)];
    const Vec3 d = edgeMesh.pos[ev.End(h.edge)] - s;
    return Dot(h.pos - s, d);
  };
  bool nan = false;
  for (const EdgeTriHit& h : hits) {
    const double x = along(h);
    nan = nan || x != x;
  }
  if (nan) {  // no strict order: the sort the rest matches (same input, same steps)
    std::sort(hits.begin(), hits.end(), [&](const EdgeTriHit& a, const EdgeTriHit& b) {
      if (a.edge != b.edge) return a.edge < b.edge;
      const double ta = along(a), tb = along(b);
      if (ta != tb) return ta < tb;
      return a.tri < b.tri;
    });
    return;
  }
  constexpr size_t kFew = 16;
  double t[kFew];
  for (size_t g = 0; g < hits.size();) {
    size_t e = g + 1;
    while (e < hits.size() && hits[e].edge == hits[g].edge) ++e;
    if (e - g > kFew) {
      std::sort(hits.begin() + static_cast<long>(g), hits.begin() + static_cast<long>(e),
                [&](const EdgeTriHit& a, const EdgeTriHit& b) {
                  const double ta = along(a), tb = along(b);
                  return ta != tb ? ta < tb : a.tri < b.tri;
                });
    } else if (e - g > 1) {
      for (size_t i = g; i < e; ++i) t[i - g] = along(hits[i]);
      for (size_t i = g + 1; i < e; ++i) {  // insertion sort: an edge's few hits
        const EdgeTriHit x = hits[i];
        const double tx = t[i - g];
        size_t j = i;
        for (; j > g && (tx != t[j - 1 - g] ? tx < t[j - 1 - g] : x.tri < hits[j - 1].tri); --j) {
          hits[j] = hits[j - 1];
          t[j - g] = t[j - 1 - g];
        }
        hits[j] = x;
        t[j - g] = tx;
      }
    }
    g = e;
  }
}


// The pairs' kernels in `order`, the hits into `found` (pair index, hit).
template <class Shared>
void RunPairs(Shared& shared, [[maybe_unused]] const BoolKernels& kernels, const BoolOperand& edgeMesh,
              [[maybe_unused]] const BoolOperand& triMesh, bool forward, const std::vector<std::pair<int, int>>& pairs,
              const std::vector<int>& order, std::vector<std::pair<int, EdgeTriHit>>& found) {
  [[maybe_unused]] const BoolMeshView ev0 = edgeMesh.View();
  for (const int i : order) {
    const auto& [he, t] = pairs[i];
#ifdef MOS_CHECK_WINDOW  // verification builds: the kernels read no normal the window left out
    for (int w : triMesh.tri[t])
      if (!(triMesh.vertNormal[w].x == triMesh.vertNormal[w].x)) std::abort();
    for (int w : {ev0.Start(he), ev0.End(he)})
      if (!(edgeMesh.vertNormal[w].x == edgeMesh.vertNormal[w].x)) std::abort();
#endif
    Vec3 point{};
    const int x = shared.Kernel12(he, t, point);
#ifdef MOS_CHECK_SHARED_KERNELS  // verification builds: sharing changes no bit
    Vec3 plainPoint{};
    if (kernels.Kernel12(he, t, forward, plainPoint) != x ||
        (x != 0 && std::memcmp(&plainPoint, &point, sizeof point) != 0))
      std::abort();
#endif
    if (x == 0) continue;
    // Kernel12's sign: forward, +1 where the P edge enters Q; reverse, +1
    // where the Q edge leaves P.
    found.emplace_back(i, EdgeTriHit{he, t, forward ? x : -x, point});
  }
}

}  // namespace

void BroadPhaseEdgeTri(const BoolOperand& edgeMesh, const BoolOperand& triMesh,
                       std::vector<std::pair<int, int>>& pairs) {
  const BoolMeshView ev = edgeMesh.View();
  const Bvh& triBvh = triMesh.triBvh;
  ForEachEdgeNear(edgeMesh, triMesh, [&](int he) {
    triBvh.ForEachOverlap(EdgeBox(edgeMesh, ev, he), [&](int tri) { pairs.emplace_back(he, tri); });
  });
}

std::vector<EdgeTriHit> IntersectEdgesWithTriangles(const BoolKernels& kernels, const BoolOperand& p,
                                                    const BoolOperand& q, bool forward, CandidateMemo* memo) {
  const BoolOperand& edgeMesh = forward ? p : q;
  const BoolOperand& triMesh = forward ? q : p;
  // The candidate pairs and their order, kept per thread between calls
  // (two per boolean; regrowing them was a tenth of the broad phase), and
  // let go when large.
  thread_local std::vector<std::pair<int, int>> pairs;
  thread_local std::vector<int> order;
  struct Release {
    ~Release() {
      if (pairs.capacity() > (size_t{1} << 20)) std::vector<std::pair<int, int>>().swap(pairs);
      if (order.capacity() > (size_t{1} << 20)) std::vector<int>().swap(order);
    }
  } release;
  pairs.clear();
  if (memo && memo->edgeMesh == &edgeMesh && memo->triMesh == &triMesh) {
    if (memo->complete) {
      ReplayCandidatePairs(kernels, edgeMesh, triMesh, forward, *memo, pairs);
#ifdef MOS_CHECK_CANDIDATE_MEMO  // verification builds: the very pairs a fresh call gives
      std::vector<std::pair<int, int>> fresh;
      CandidatePairs<false>(kernels, edgeMesh, triMesh, forward, fresh, nullptr);
      if (fresh != pairs) std::abort();
#endif
    } else {
      RecordCandidatePairs(kernels, edgeMesh, triMesh, forward, pairs, *memo);
    }
  } else {
    CandidatePairs<false>(kernels, edgeMesh, triMesh, forward, pairs, nullptr);
  }
  const BoolMeshView ev0 = edgeMesh.View();
  // The pairs by their edge's start vertex (a stable counting sort, so the
  // pairs of one edge stay together): the kernels then share the start
  // vertex's answers across its edges (SharedKernel12).
  order.resize(pairs.size());
  {
    std::vector<int> first(edgeMesh.pos.size() + 1, 0);
    for (const auto& pr : pairs) ++first[ev0.Start(pr.first) + 1];
    for (size_t v = 1; v < first.size(); ++v) first[v] += first[v - 1];
    for (size_t i = 0; i < pairs.size(); ++i) order[first[ev0.Start(pairs[i].first)]++] = static_cast<int>(i);
  }
  std::vector<std::pair<int, EdgeTriHit>> found;  // (pair index, hit)
  // Maps sized by the pairs when the triangle mesh is much larger than
  // what they reach (no stamp per halfedge of it to clear).
  if (SharedKernel12Hashed::HashedPays(kernels, forward, pairs.size())) {
    SharedKernel12Hashed shared(kernels, forward, pairs.size());
    RunPairs(shared, kernels, edgeMesh, triMesh, forward, pairs, order, found);
  } else {
    SharedKernel12 shared(kernels, forward, pairs.size());
    RunPairs(shared, kernels, edgeMesh, triMesh, forward, pairs, order, found);
  }
  // Back in the broad phase's order (pair indices are distinct: placed, not
  // sorted), which is by edge.
  std::vector<EdgeTriHit> hits;
  hits.reserve(found.size());
  bool inOrder = true;
  for (size_t k = 1; k < found.size() && inOrder; ++k) inOrder = found[k - 1].first < found[k].first;
  if (!inOrder && found.size() < pairs.size() / 8) {  // few hits: sorting them is cheaper
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    inOrder = true;
  }
  if (inOrder) {
    for (const auto& f : found) hits.push_back(f.second);
  } else {
    std::vector<int> foundAt(pairs.size(), -1);
    for (size_t k = 0; k < found.size(); ++k) foundAt[static_cast<size_t>(found[k].first)] = static_cast<int>(k);
    for (const int k : foundAt)
      if (k >= 0) hits.push_back(found[static_cast<size_t>(k)].second);
  }
  SortHitsAlongEdges(edgeMesh, hits);
  return hits;
}

}  // namespace mos::kernel
