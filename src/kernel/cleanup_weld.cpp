// The weld step of the post-boolean cleanup (Smith 2009, ch. 5): merging
// coincident vertices without breaking a closed, manifold mesh.
#include "kernel/cleanup_weld.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <tuple>
#include <vector>

#include "kernel/cleanup.h"
#include "kernel/cleanup_check.h"
#include "kernel/cleanup_kept_map.h"
#include "kernel/cleanup_weld_order.h"
#include "kernel/edge_table.h"
#include "kernel/position_hash.h"
#include "kernel/small_sort.h"

namespace mos::kernel::cleanup_detail {

namespace {

// Calls keep(tri) for each triangle of keyed[i, end) (one first-vertex
// bucket, sorted) that survives, in order: of the triangles with one key
// (the same three vertices), as many of each orientation parity cancel as
// the other parity has, the first ones of each parity.
// drop(tri) is called for each cancelled one.
template <typename KeyedArray, typename Keep, typename Drop>
void KeepSurvivorsOfBucket(const KeyedArray& keyed, size_t i, size_t end, Keep&& keep, Drop&& drop) {
  auto sameKey = [](const auto& x, const auto& y) { return x.k1 == y.k1 && x.k2 == y.k2; };
  while (i < end) {
    if (i + 1 == end || !sameKey(keyed[i + 1], keyed[i])) {  // a key of its own: nothing cancels
      keep(keyed[i].tri);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < end && sameKey(keyed[j], keyed[i])) ++j;
    size_t nEven = 0;
    for (size_t k = i; k < j; ++k) nEven += keyed[k].parity == 0;
    const size_t cancel = std::min(nEven, (j - i) - nEven);
    size_t droppedEven = 0, droppedOdd = 0;
    for (size_t k = i; k < j; ++k) {
      const bool even = keyed[k].parity == 0;
      if (even && droppedEven < cancel) {
        ++droppedEven;
        drop(keyed[k].tri);
        continue;
      }
      if (!even && droppedOdd < cancel) {
        ++droppedOdd;
        drop(keyed[k].tri);
        continue;
      }
      keep(keyed[k].tri);
    }
    i = j;
  }
}

template <typename KeyedArray, typename Keep>
void KeepSurvivorsOfBucket(const KeyedArray& keyed, size_t i, size_t end, Keep&& keep) {
  KeepSurvivorsOfBucket(keyed, i, end, keep, [](int) {});
}

// Walks keyed[0, n) (sorted within each first-vertex bucket; the bucket
// of first[tri] ends at start[first[tri] + 1]) and calls keep(tri) for each
// triangle that survives, in order (KeepSurvivorsOfBucket per bucket).
// (keyed and first: vectors or arrays of Keyed records and ints.)
template <typename KeyedArray, typename First, typename Keep>
void ForEachSurvivor(const KeyedArray& keyed, size_t n, const std::vector<int>& start,
                     const First& first, Keep&& keep) {
  size_t i = 0;
  while (i < n) {
    const size_t bucketEnd = static_cast<size_t>(start[first[keyed[i].tri] + 1]);
    KeepSurvivorsOfBucket(keyed, i, bucketEnd, keep);
    i = bucketEnd;
  }
}

// BuildHalfedges for a weld's result `out` (its triangles' corners
// distinct and below the vertex count; its vertPos not yet set), without
// filling the twins of a round that fails: true, with out's twins what
// BuildHalfedges gives, when every halfedge pairs; else false, with the
// ends (lo, hi, relabelled by rep) of each edge that is not exactly one
// opposite pair in `bad` (BuildHalfedges leaves exactly their halfedges
// unpaired; the caller uses `bad` as a set), out's twins not set.
bool PairWeldedOrFindBad(Mesh& out, const std::vector<int>& rep, std::vector<int>& bad) {
  const int numTri = out.NumTri();
  const std::array<int, 3>* tv = out.triVerts.data();
  // Added in BuildHalfedges' order: the same edges, in the same order.
  EdgeTable table(3 * static_cast<size_t>(numTri));
  for (int t = 0; t < numTri; ++t) {
    const int v0 = tv[t][0], v1 = tv[t][1], v2 = tv[t][2];
    table.Add(v0, v1, 3 * t);
    table.Add(v1, v2, 3 * t + 1);
    table.Add(v2, v0, 3 * t + 2);
  }
  const int numEdges = table.NumEdges();
  bool ok = true;
  for (int i = 0; i < numEdges; ++i) {
    const EdgeTable::Edge& e = table.GetEdge(i);
    if (e.second >= 0) continue;
    ok = false;
    const uint64_t key = e.key & ~EdgeTable::kForward;
    const int a = rep[static_cast<size_t>(key >> 32)], b = rep[static_cast<uint32_t>(key)];
    bad.push_back(std::min(a, b));
    bad.push_back(std::max(a, b));
  }
  if (!ok) return false;
  out.halfedgeTwin.resize(3 * static_cast<size_t>(numTri));  // every entry written below
  int* twin = out.halfedgeTwin.data();
  for (int i = 0; i < numEdges; ++i) {
    const EdgeTable::Edge& e = table.GetEdge(i);
    twin[e.first] = e.second;
    twin[e.second] = e.first;
  }
  return true;
}

#ifdef MOS_CHECK_CLEANUP_LOCAL
// The ends of the edges of `out` (corners relabelled by rep) that are not
// exactly one opposite pair, by a sort of all halfedges (what WeldWith did
// before it read them off BuildHalfedges' unpaired halfedges), sorted and
// without repeats.
std::vector<int> BadEdgeEndsBySort(const Mesh& out, const std::vector<int>& rep) {
  std::vector<std::tuple<int, int, int>> dir;  // lo, hi, forward
  for (const auto& t : out.triVerts)
    for (int k = 0; k < 3; ++k) {
      const int a = rep[t[k]], b = rep[t[(k + 1) % 3]];
      dir.emplace_back(std::min(a, b), std::max(a, b), a < b ? 1 : 0);
    }
  std::sort(dir.begin(), dir.end());
  std::vector<int> bad;
  for (size_t k = 0; k < dir.size();) {
    size_t e = k;
    int fwd = 0;
    while (e < dir.size() && std::get<0>(dir[e]) == std::get<0>(dir[k]) && std::get<1>(dir[e]) == std::get<1>(dir[k])) {
      fwd += std::get<2>(dir[e]);
      ++e;
    }
    if (e - k != 2 || fwd != 1) {
      bad.push_back(std::get<0>(dir[k]));
      bad.push_back(std::get<1>(dir[k]));
    }
    k = e;
  }
  std::sort(bad.begin(), bad.end());
  bad.erase(std::unique(bad.begin(), bad.end()), bad.end());
  return bad;
}
#endif

// Relabels by `rep`, drops triangles that lost a corner and cancels
// coincident opposite pairs (the zero-volume folds symbolic perturbation
// leaves). Returns whether the result is closed and manifold; if not,
// `bad` gets the representatives at edges that are not one opposite pair.
// `closedUnused`: the mesh is closed and manifold and `rep` is one to one
// on the vertices triangles use (it moves only unused vertices, or moves a
// used one onto an unused one), so the result is the mesh relabelled and
// reordered (less coincident opposite pairs): its twins are the mesh's,
// renumbered (what BuildHalfedges would give), and it has no pinched
// vertex.
// `known` (may be null): per-triangle flags (Cleaner's known_), carried to
// the result's order where the twins are renumbered, emptied otherwise. A
// triangle whose corners the relabelling moved keeps its flags: each
// corner moved onto a vertex at the same position (== on all three
// coordinates; only the sign of a zero may differ, which no squared length
// or cross product's length sees), and the flags say what tests of the
// positions found.
bool WeldWith(const Mesh& mesh, const std::vector<int>& rep, Mesh& out, std::vector<int>& bad,
              bool closedUnused = false, std::vector<char>* known = nullptr) {
  out = Mesh{};
  // out.vertPos is copied only where the weld succeeds (most rounds of a
  // weld that needs several fail, and only their unpaired edges are used).
  // Sorted by (key, parity, triangle): bucketed by the key's first
  // (smallest) vertex in triangle order (a counting sort), then each bucket
  // sorted by the rest; the order a full sort gives, at linear cost.
  struct Keyed {
    int k1, k2, parity, tri;
    bool operator<(const Keyed& o) const {
      if (k1 != o.k1) return k1 < o.k1;
      if (k2 != o.k2) return k2 < o.k2;
      if (parity != o.parity) return parity < o.parity;
      return tri < o.tri;
    }
  };
  const int nv = mesh.NumVert();
  std::vector<int> start(static_cast<size_t>(nv) + 2, 0);
  std::vector<int> first(mesh.NumTri(), -1);  // key[0] per kept triangle
  // Records not filled first (a zero fill of both was a visible share of a
  // weld's round): rest[t] is read only where first[t] says it was written,
  // and the counting sort writes every slot of keyed.
  std::unique_ptr<Keyed[]> rest(new Keyed[static_cast<size_t>(mesh.NumTri() > 0 ? mesh.NumTri() : 1)]);
  for (int t = 0; t < mesh.NumTri(); ++t) {
    std::array<int, 3> v = {rep[mesh.triVerts[t][0]], rep[mesh.triVerts[t][1]], rep[mesh.triVerts[t][2]]};
    if (v[0] == v[1] || v[1] == v[2] || v[2] == v[0]) continue;
    // Rotate the smallest first; parity = whether the rest is ascending.
    while (v[0] > v[1] || v[0] > v[2]) v = {v[1], v[2], v[0]};
    const int parity = v[1] < v[2] ? 0 : 1;
    std::array<int, 3> key = v;
    if (parity) std::swap(key[1], key[2]);
    first[t] = key[0];
    rest[t] = Keyed{key[1], key[2], parity, t};
    ++start[static_cast<size_t>(key[0]) + 2];
  }
  for (int v = 0; v < nv; ++v) start[v + 2] += start[v + 1];
  const size_t numKeyed = static_cast<size_t>(start[nv + 1]);
  std::unique_ptr<Keyed[]> keyed(new Keyed[numKeyed > 0 ? numKeyed : 1]);
  for (int t = 0; t < mesh.NumTri(); ++t)
    if (first[t] >= 0) keyed[static_cast<size_t>(start[first[t] + 1]++)] = rest[t];
  for (int v = 0; v < nv; ++v) {
    SortBucket(keyed.get() + start[v], keyed.get() + start[v + 1],
               [](const Keyed& x, const Keyed& y) { return x < y; }, 32);
  }
  out.triVerts.reserve(numKeyed);
  out.triProp.reserve(numKeyed);
  auto emit = [&](int t) {
    const auto& tv = mesh.triVerts[t];
    out.triVerts.push_back({rep[tv[0]], rep[tv[1]], rep[tv[2]]});
    out.triProp.push_back(mesh.triProp[t]);
    if (closedUnused) first[t] = -2 - static_cast<int>(out.triVerts.size() - 1);  // its new index
  };
  ForEachSurvivor(keyed, numKeyed, start, first, emit);
  if (out.NumTri() == 0) {
    out.vertPos = mesh.vertPos;
    if (known) known->clear();
    return true;
  }
  if (closedUnused) {
    out.halfedgeTwin.resize(3 * out.triVerts.size());
    bool renumbered = true;
    const int* twin = mesh.halfedgeTwin.data();
    for (int t = 0; t < mesh.NumTri() && renumbered; ++t) {
      if (first[t] > -2) continue;  // dropped
      const int nt = -2 - first[t];
      for (int k = 0; k < 3; ++k) {
        const unsigned tw = static_cast<unsigned>(twin[3 * t + k]);  // closed: in range
        const unsigned tt = tw / 3u;
        if (first[tt] > -2) {  // twin dropped without it: rebuild below
          renumbered = false;
          break;
        }
        out.halfedgeTwin[3 * nt + k] = 3 * (-2 - first[tt]) + static_cast<int>(tw - 3u * tt);
      }
    }
    if (renumbered) {
      out.vertPos = mesh.vertPos;
      if (known && known->size() == mesh.triVerts.size()) {
        std::vector<char> reordered(out.triVerts.size(), 0);
        for (int t = 0; t < mesh.NumTri(); ++t) {
          if (first[t] > -2) continue;
          reordered[-2 - first[t]] = (*known)[t];
        }
        known->swap(reordered);
      } else if (known) {
        known->clear();
      }
      return true;
    }
  }
  if (known) known->clear();
  if (!PairWeldedOrFindBad(out, rep, bad)) {
#ifdef MOS_CHECK_CLEANUP_LOCAL
    std::vector<int> ref = BadEdgeEndsBySort(out, rep), got = bad;
    std::sort(got.begin(), got.end());
    got.erase(std::unique(got.begin(), got.end()), got.end());
    if (ref != got || got.empty()) CheckFailed("unpaired edge ends");
#endif
    return false;
  }
  out.vertPos = mesh.vertPos;
#ifdef MOS_CHECK_CLEANUP_LOCAL
  {
    Mesh ref = out;
    if (!BuildHalfedges(ref) || ref.halfedgeTwin != out.halfedgeTwin) CheckFailed("weld twins");
  }
#endif
  // Every halfedge paired (BuildHalfedges succeeded): h -> twin[prev(h)]
  // permutes the halfedges leaving each vertex, SplitPinchedVerts gives
  // each of its cycles (fans) a vertex of its own, and a twin pair's ends
  // lie on the same fans, so the result is closed and manifold: what
  // IsClosedManifold (run in the check build) would say.
  SplitPinchedVerts(out);
#ifdef MOS_CHECK_CLEANUP_LOCAL
  if (!IsClosedManifold(out)) CheckFailed("weld result after splitting pinched vertices");
#endif
  return true;
}

// One-byte flag that is not a character type (see WeldByReps).
enum class Flag : unsigned char { kNo = 0, kYes = 1 };

// Per thread, the arrays a weld in place swapped out of a mesh, reused as
// the next one's output (resizing a vector down or to its length fills
// nothing).
struct Spares {
  std::vector<std::array<int, 3>> tris;
  std::vector<uint32_t> props;
  std::vector<int> twins;
};
Spares& SpareBuffers() {
  thread_local Spares spares;
  return spares;
}
// Large spares are let go (a big mesh's arrays are not kept for the
// small ones after it).
void ReleaseLargeSpares() {
  Spares& s = SpareBuffers();
  if (s.tris.capacity() > (size_t{1} << 20)) std::vector<std::array<int, 3>>().swap(s.tris);
  if (s.props.capacity() > (size_t{1} << 20)) std::vector<uint32_t>().swap(s.props);
  if (s.twins.capacity() > (size_t{3} << 20)) std::vector<int>().swap(s.twins);
}

// WeldWith's closedUnused case done in place: `mesh` closed and manifold,
// `rep` one to one on the vertices triangles use, so nothing but a
// coincident opposite pair (a pillow) can cancel and the twins are the
// mesh's, renumbered. A mesh already in key order with nothing to cancel
// (the second weld after a flat pass that changed little or nothing) is
// only relabelled, without the sort. Returns false, leaving everything as
// it was, where WeldWith's general path is needed (a corner lost, a twin
// whose triangle cancelled without it). `known` as in WeldWith.
// `removed` (may be null): triangles dropped first (WeldCoincidentMarking's
// `removed`); they take no part in the order and are gone from the result.
bool WeldOneToOneInPlace(Mesh& mesh, const std::vector<int>& rep, std::vector<char>* known, bool movesUsed,
                         const std::vector<char>* removed) {
  struct Keyed {
    int k1, k2, parity, tri;
  };
  auto less = [](const Keyed& x, const Keyed& y) {
    if (x.k1 != y.k1) return x.k1 < y.k1;
    if (x.k2 != y.k2) return x.k2 < y.k2;
    if (x.parity != y.parity) return x.parity < y.parity;
    return x.tri < y.tri;
  };
  const int nt = mesh.NumTri();
  const int nv = mesh.NumVert();
  const std::array<int, 3>* tv = mesh.triVerts.data();
  const int* r = rep.data();
  const char* gone = removed ? removed->data() : nullptr;
  // Scratch arrays every entry of which is written before it is read are
  // left uninitialised (filling them was a visible share of a small weld).
  std::unique_ptr<int[]> first(new int[static_cast<size_t>(nt)]);
  std::unique_ptr<Keyed[]> rest(new Keyed[static_cast<size_t>(nt)]);
  // Per old halfedge, its new index (-1: its triangle is gone or
  // cancelled). Not filled first: every entry is written once (a gone
  // triangle's below, the others' once the order is known).
  std::unique_ptr<int[]> newHeOwner(new int[3 * static_cast<size_t>(nt > 0 ? nt : 1)]);
  int* const newHe = newHeOwner.get();
  // Whether the triangles are already in (key, parity) order with no key
  // holding both parities: then the sort is the identity and nothing cancels.
  bool inOrder = true;
  int p0 = -1, p1 = -1, p2 = -1, pPar = 0;
  int numKept = 0;
  // The counting sort's bucket sizes (first key vertex v at v + 2), counted
  // as the keys are made when the sort is likely needed (else after, if).
  std::vector<int> start;
  if (movesUsed) start.assign(static_cast<size_t>(nv) + 2, 0);
  int* count = movesUsed ? start.data() + 2 : nullptr;
  // A second weld (no used vertex moves) finds the first one's order with
  // only the triangles the passes rewrote out of place: those are set aside
  // and merged back where every key is distinct (the counting sort's order
  // then, with nothing to cancel).
  NearlySortedOrder<Keyed> nearly(nt, !movesUsed);
  for (int t = 0; t < nt; ++t) {
    if (gone && gone[t]) {
      first[t] = -1;
      newHe[3 * static_cast<size_t>(t)] = newHe[3 * static_cast<size_t>(t) + 1] = newHe[3 * static_cast<size_t>(t) + 2] = -1;
      continue;
    }
    ++numKept;
    // No used vertex moves unless movesUsed (then the labels are the mesh's).
    int a = tv[t][0], b = tv[t][1], c = tv[t][2];
    if (movesUsed) a = r[a], b = r[b], c = r[c];
    if (a == b || b == c || c == a) return false;
    // The smallest first, the rotation kept (the values are distinct).
    if (b < a && b < c) {
      const int x = a;
      a = b, b = c, c = x;
    } else if (c < a && c < b) {
      const int x = c;
      c = b, b = a, a = x;
    }
    const int parity = b < c ? 0 : 1;
    const int k1 = parity ? c : b, k2 = parity ? b : c;
    first[t] = a;
    rest[t] = Keyed{k1, k2, parity, t};
    if (count) ++count[a];
    if (nearly.Active()) nearly.Add(t, a, k1, k2, first.get(), rest.get());
    if (inOrder) {
      if (a != p0) inOrder = a > p0;
      else if (k1 != p1) inOrder = k1 > p1;
      else if (k2 != p2) inOrder = k2 > p2;
      else inOrder = parity == pPar;  // same key: both parities would cancel
      p0 = a, p1 = k1, p2 = k2, pPar = parity;
    }
  }
  const bool knownFits = known && known->size() == mesh.triVerts.size();
  if (known && !knownFits) known->clear();
  if (inOrder) {
    if (movesUsed) {  // else relabelling is the identity on used vertices
      for (int t = 0; t < nt; ++t) {
        if (gone && gone[t]) continue;
        auto& v = mesh.triVerts[t];
        v = {r[v[0]], r[v[1]], r[v[2]]};
      }
    }
    if (gone && numKept < nt) DropRemovedTriangles(mesh, *removed, known);
    return true;
  }
  // The kept triangles in order (coincident opposite pairs cancelled as
  // WeldWith does).
  std::unique_ptr<int[]> order(new int[static_cast<size_t>(numKept > 0 ? numKept : 1)]);
  size_t numOut = 0;
  auto setNew = [newHe](int t, int to3) {  // to3 >= 0
    int* he = newHe + 3 * static_cast<size_t>(t);
    he[0] = to3;
    he[1] = to3 + 1;
    he[2] = to3 + 2;
  };
  bool merged = nearly.Finish(first.get(), rest.get(), order.get());
#ifdef MOS_CHECK_CLEANUP_LOCAL
  std::vector<int> mergedOrder;
  if (merged) mergedOrder.assign(order.get(), order.get() + numKept);
  merged = false;  // the counting sort below runs, and its order is compared
#endif
  if (merged) {
    numOut = static_cast<size_t>(numKept);
    for (size_t o = 0; o < numOut; ++o) setNew(order[o], 3 * static_cast<int>(o));
  } else {
    // Counting sort by the first key vertex, then each bucket by the rest
    // (ForEachSurvivor's walk, a bucket at a time as each is sorted).
    if (start.empty()) {  // not counted above
      start.assign(static_cast<size_t>(nv) + 2, 0);
      for (int t = 0; t < nt; ++t)
        if (first[t] >= 0) ++start[static_cast<size_t>(first[t]) + 2];
    }
    for (int v = 0; v < nv; ++v) start[v + 2] += start[v + 1];
    std::unique_ptr<Keyed[]> keyed(new Keyed[static_cast<size_t>(numKept)]);
    for (int t = 0; t < nt; ++t)
      if (first[t] >= 0) keyed[static_cast<size_t>(start[first[t] + 1]++)] = rest[t];
    auto keep = [&](int t) {
      setNew(t, 3 * static_cast<int>(numOut));
      order[numOut++] = t;
    };
    auto drop = [newHe](int t) {
      int* he = newHe + 3 * static_cast<size_t>(t);
      he[0] = he[1] = he[2] = -1;
    };
    for (int v = 0; v < nv; ++v) {
      const int b = start[v], e = start[v + 1];
      if (e - b == 1) {
        keep(keyed[static_cast<size_t>(b)].tri);
      } else if (e - b > 1) {
        SortBucket(keyed.get() + b, keyed.get() + e, less, 32);
        KeepSurvivorsOfBucket(keyed, static_cast<size_t>(b), static_cast<size_t>(e), keep, drop);
      }
    }
  }
#ifdef MOS_CHECK_CLEANUP_LOCAL
  if (!mergedOrder.empty() && (mergedOrder.size() != numOut || !std::equal(mergedOrder.begin(), mergedOrder.end(), order.get())))
    CheckFailed("nearly sorted weld order");
#endif
  if (numOut == 0) {
    if (known) known->clear();
    mesh.triVerts.clear();
    mesh.triProp.clear();
    mesh.halfedgeTwin.clear();
    return true;
  }
  std::vector<int>& twins = SpareBuffers().twins;  // see tris below
  twins.resize(3 * numOut);
  const int* twin = mesh.halfedgeTwin.data();
  for (size_t o = 0; o < numOut; ++o) {
    const int t = order[o];
    for (int k = 0; k < 3; ++k) {
      const int nh = newHe[static_cast<size_t>(twin[3 * t + k])];  // closed: in range
      if (nh < 0) return false;  // its twin cancelled without it: the general path
      twins[3 * o + static_cast<size_t>(k)] = nh;
    }
  }
  // The reordered triangles and properties go into the buffers the last
  // such weld of this thread swapped out (a mesh's old arrays, usually at
  // least as long), so most of them need no zero fill first.
  std::vector<std::array<int, 3>>& tris = SpareBuffers().tris;
  std::vector<uint32_t>& props = SpareBuffers().props;
  tris.resize(numOut);
  props.resize(numOut);
  std::vector<char> knownOut(knownFits ? numOut : 0);
  {
    std::array<int, 3>* to = tris.data();
    uint32_t* po = props.data();
    const uint32_t* pi = mesh.triProp.data();
    char* ko = knownOut.data();
    const char* ki = knownFits ? known->data() : nullptr;
    const int* ord = order.get();
    for (size_t o = 0; o < numOut; ++o) {
      const int t = ord[o];
      const auto& v = tv[t];
      to[o] = movesUsed ? std::array<int, 3>{r[v[0]], r[v[1]], r[v[2]]} : v;
      po[o] = pi[t];
      if (ki) ko[o] = ki[t];
    }
  }
  mesh.triVerts.swap(tris);
  mesh.triProp.swap(props);
  mesh.halfedgeTwin.swap(twins);
  if (knownFits) known->swap(knownOut);
  ReleaseLargeSpares();
  return true;
}

}  // namespace

void DropRemovedTriangles(Mesh& mesh, const std::vector<char>& removed, std::vector<char>* known) {
  const int oldTri = mesh.NumTri();
  const bool knownFits = known && known->size() == mesh.triVerts.size();
  if (known && !knownFits) known->clear();
  const char* gone = removed.data();
  std::unique_ptr<int[]> newHeOwner(new int[3 * static_cast<size_t>(oldTri > 0 ? oldTri : 1)]);
  const int* const newHe = newHeOwner.get();
  const int n = cleanup_detail::FillKeptHalfedgeMap(gone, oldTri, newHeOwner.get());
  const bool twins = static_cast<int>(mesh.halfedgeTwin.size()) == 3 * oldTri;
  int* twin = mesh.halfedgeTwin.data();
  std::array<int, 3>* tv = mesh.triVerts.data();
  uint32_t* prop = mesh.triProp.data();
  char* kn = knownFits ? known->data() : nullptr;
  for (int t = 0, to = 0; t < oldTri; ++t) {
    if (gone[t]) continue;
    if (twins)  // in place: the new index is at most the old one, read first
      for (int i = 0; i < 3; ++i) twin[3 * to + i] = newHe[static_cast<size_t>(twin[3 * t + i])];  // on a kept triangle
    tv[to] = tv[t];
    prop[to] = prop[t];
    if (kn) kn[to] = kn[t];
    ++to;
  }
  mesh.triVerts.resize(n);
  mesh.triProp.resize(n);
  if (twins) mesh.halfedgeTwin.resize(3 * static_cast<size_t>(n));
  if (knownFits) known->resize(n);
}

bool CoincidentReps(const Mesh& mesh, std::vector<int>& rep) {
  const int nv = mesh.NumVert();
  // Each vertex's representative is the lowest-numbered vertex at exactly
  // its position (what a sort by position, then index, gave), found with
  // an open-addressing table keyed by the coordinates' bits (-0 as +0, as
  // the comparison treats them equal).
  rep.resize(static_cast<size_t>(nv));
  bool any = false;
  size_t cap = 16;
  while (cap < 2 * static_cast<size_t>(nv)) cap *= 2;
  std::vector<int> table(cap, -1);
  for (int v = 0; v < nv; ++v) {
    const Vec3& p = mesh.vertPos[v];
    const uint64_t h = PositionHash(p);
    size_t slot = static_cast<size_t>(h) & (cap - 1);
    rep[v] = v;
    while (table[slot] >= 0) {
      if (mesh.vertPos[table[slot]] == p) {
        rep[v] = table[slot];
        any = true;
        break;
      }
      slot = (slot + 1) & (cap - 1);
    }
    if (rep[v] == v) table[slot] = v;
  }
  return any;
}

bool WeldCoincidentMarking(Mesh& mesh, std::vector<char>* active, bool knownClosed, std::vector<char>* known,
                           const std::vector<char>* removed) {
  std::vector<int> rep;
  const bool any = CoincidentReps(mesh, rep);
  return WeldByReps(mesh, rep, any, active, knownClosed, known, removed);
}

bool WeldByReps(Mesh& mesh, const std::vector<int>& repIn, bool any, std::vector<char>* active, bool knownClosed,
                std::vector<char>* known, const std::vector<char>* removed, bool usedAreReps, bool* usedAreRepsAfter) {
  const int nv = mesh.NumVert();
  // The claim also says an earlier weld in place with these
  // representatives marked them in `active` (see the header).
  const bool repsMarked = usedAreReps;
  if (usedAreRepsAfter) *usedAreRepsAfter = false;
  if (!any) {
    if (removed) DropRemovedTriangles(mesh, *removed, known);
    return false;
  }
  // The representatives, copied only when a round unfreezes some (the
  // general path below).
  std::vector<int> repCopy;
  const std::vector<int>* repUse = &repIn;
  // Often (the second weld of a cleanup) only vertices that triangles no
  // longer use coincide: then the weld only reorders the triangles.
  bool closedUnused = false;
  bool movesUsed = false;
#ifdef MOS_CHECK_CLEANUP_LOCAL
  const bool claimedUsedAreReps = usedAreReps;
  usedAreReps = false;  // found below, and compared with the claim
#endif
  if (usedAreReps) {  // each used vertex is its own representative: one to one, nothing moves
    closedUnused = knownClosed || IsClosedManifold(mesh);
  } else {
    const std::vector<int>& rep = repIn;
    // One-byte flags of a type that is not a character type, and locals:
    // a char store may alias anything and made the compiler reload the
    // mesh's arrays after every mark (ints did not, at four times the fill).
    std::vector<Flag> used(nv, Flag::kNo);
    const std::array<int, 3>* tv = mesh.triVerts.data();
    const char* gone = removed ? removed->data() : nullptr;
    const int nt = mesh.NumTri();
    for (int t = 0; t < nt; ++t) {
      if (gone && gone[t]) continue;
      const auto& tri = tv[t];
      used[tri[0]] = used[tri[1]] = used[tri[2]] = Flag::kYes;
    }
    // Each used vertex moves to a vertex no other used one moves to (an
    // unused one): the triangles are relabelled one to one, the mesh keeps
    // its shape as a graph, so the same as when only unused vertices move.
    std::vector<Flag> taken(nv, Flag::kNo);
    const int* r = rep.data();
    bool oneToOne = true;
    for (int v = 0; v < nv && oneToOne; ++v) {
      if (used[v] == Flag::kNo) continue;
      if (taken[r[v]] == Flag::kYes) oneToOne = false;
      taken[r[v]] = Flag::kYes;
      movesUsed = movesUsed || r[v] != v;
    }
    movesUsed = movesUsed || !oneToOne;  // the loop stopped early
    closedUnused = oneToOne && (knownClosed || IsClosedManifold(mesh));  // knownClosed with `removed`
#ifdef MOS_CHECK_CLEANUP_LOCAL
    if (claimedUsedAreReps && (movesUsed || !oneToOne)) CheckFailed("used vertices are their representatives");
#endif
  }
  // Every path but the in-place one below wants the compacted mesh.
  if (removed && !closedUnused) {
    DropRemovedTriangles(mesh, *removed, known);
    removed = nullptr;
  }
  // Weld; where that makes an edge non-manifold, leave those clusters
  // unwelded and try again (a bounded number of rounds).
  std::vector<int> bad;
  std::vector<char> frozen;  // made at the first round that fails
  for (int round = 0; round < 8; ++round) {
    const std::vector<int>& rep = *repUse;
    Mesh out;
    bad.clear();
    bool anyLeft = round == 0;  // `any`: some vertex moves
    for (int v = 0; v < nv && !anyLeft; ++v) anyLeft = rep[v] != v;
    if (!anyLeft) return false;
#ifdef MOS_CHECK_CLEANUP_LOCAL
    // The references below weld the compacted mesh (what compacting first
    // gives, `removed` dropped).
    Mesh compacted = mesh;
    std::vector<char> compactedKnown = known ? *known : std::vector<char>{};
    if (removed) DropRemovedTriangles(compacted, *removed, known ? &compactedKnown : nullptr);
    if (closedUnused && round == 0) {
      Mesh refOut;
      std::vector<int> refBad;
      const bool refOk = WeldWith(compacted, rep, refOut, refBad, false);
      Mesh got;
      std::vector<int> gotBad;
      const bool gotOk = WeldWith(compacted, rep, got, gotBad, true);
      if (refOk != gotOk || (refOk && (refOut.triVerts != got.triVerts || refOut.halfedgeTwin != got.halfedgeTwin ||
                                       refOut.triProp != got.triProp || !SameBits(refOut.vertPos, got.vertPos))))
        CheckFailed("weld");
    }
#endif
    if (closedUnused && round == 0) {
#ifdef MOS_CHECK_CLEANUP_LOCAL
      Mesh refOut;
      std::vector<int> refBad;
      std::vector<char> refKnown = compactedKnown;
      const bool refOk = WeldWith(compacted, rep, refOut, refBad, true, known ? &refKnown : nullptr);
      Mesh before = mesh;
      std::vector<char> knownBefore = known ? *known : std::vector<char>{};
#endif
      const bool inPlace = WeldOneToOneInPlace(mesh, rep, known, movesUsed, removed);
#ifdef MOS_CHECK_CLEANUP_LOCAL
      if (inPlace) {
        if (!refOk || refOut.triVerts != mesh.triVerts || refOut.triProp != mesh.triProp ||
            (refOut.NumTri() > 0 && refOut.halfedgeTwin != mesh.halfedgeTwin) ||
            !SameBits(refOut.vertPos, mesh.vertPos) || (known && refKnown != *known))
          CheckFailed("weld in place");
      } else if (before.triVerts != mesh.triVerts || before.halfedgeTwin != mesh.halfedgeTwin ||
                 before.triProp != mesh.triProp || (known && knownBefore != *known)) {
        CheckFailed("weld in place left the mesh changed");
      }
#endif
      if (!inPlace && removed) {  // the general path below works on the compacted mesh
        DropRemovedTriangles(mesh, *removed, known);
        removed = nullptr;
      }
      if (inPlace) {
        if (mesh.NumTri() == 0) {
          mesh = Mesh{};
          return true;
        }
        if (active && !repsMarked)
          for (int v = 0; v < nv; ++v)
            if (rep[v] != v) (*active)[rep[v]] = 1;
        // Every used vertex now is its representative (the relabelling
        // moved each onto it).
        if (usedAreRepsAfter) *usedAreRepsAfter = true;
        return true;
      }
    }
    if (WeldWith(mesh, rep, out, bad, closedUnused && round == 0, known)) {
      if (out.NumTri() == 0) {
        mesh = Mesh{};
        return true;
      }
      if (active)
        for (int v = 0; v < nv; ++v)
          if (rep[v] != v) (*active)[rep[v]] = 1;
      mesh = std::move(out);
      // WeldWith splits pinched vertices, appending copies: they are new
      // (their fans changed), so active.
      if (active) active->resize(mesh.vertPos.size(), 1);
      return true;
    }
    if (frozen.empty()) frozen.assign(nv, 0);
    for (int r : bad) frozen[r] = 1;
    if (repUse != &repCopy) {
      repCopy = repIn;
      repUse = &repCopy;
    }
    bool changed = false;
    for (int v = 0; v < nv; ++v)
      if (frozen[repCopy[v]] && repCopy[v] != v) {
        repCopy[v] = v;
        changed = true;
      }
    if (!changed) return false;
  }
  return false;
}

}  // namespace mos::kernel::cleanup_detail
