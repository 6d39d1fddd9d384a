// The candidate pairs of one direction of a boolean's edge-triangle
// intersection (CandidatePairs: the broad phase's tree walks and the
// plane tests). Included by the two files that instantiate it:
// intersect.cpp (the plain pairs) and candidate_memo.cpp (the pairs and
// their record for another attempt, CandidateMemo); each has its own
// copy (internal linkage), so the plain one is compiled as it was alone.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>
#if defined(MOS_CHECK_EDGE_FILTER) || defined(MOS_CHECK_SEGMENT_BOX) || defined(MOS_CHECK_FLAT_NODES) || \
    defined(MOS_CHECK_NEAR_TRIANGLES)
#include <cstdlib>
#endif

#include "kernel/boolean_operand.h"
#include "kernel/candidate_memo.h"
#include "kernel/edge_plane_filter.h"
#include "kernel/far_triangles.h"
#include "kernel/intersect.h"
#include "kernel/segment_box.h"

namespace mos::kernel {

namespace {  // NOLINT(google-build-namespaces): one copy per including file (see the top)

bool Canonical(const BoolOperand& mesh, const BoolMeshView& view, int he) {
  return mesh.twin[he] < 0 || view.Forward(he);
}

// Whether skipping the triangles that miss the other mesh's box pays for
// the walk that finds them: when the other box covers under half of this
// mesh's box (by volume; flat boxes: never).
bool WorthCulling(const Box3& mine, const Box3& other) {
  double covered = 1;
  for (int axis = 0; axis < 3; ++axis) {
    const double extent = mine.max[axis] - mine.min[axis];
    if (!(extent > 0)) return false;
    const double overlap = std::min(mine.max[axis], other.max[axis]) - std::max(mine.min[axis], other.min[axis]);
    covered *= std::max(0.0, overlap) / extent;
  }
  return covered < 0.5;
}

// The triangles' miss tests (TriangleMissTest), each made when a triangle
// first turns up as a candidate, valid while its stamp is the epoch. The
// storage is kept per thread for the usual meshes (two calls per boolean),
// a large mesh's is its own.
class TriangleTests {
 public:
  explicit TriangleTests(const BoolOperand& mesh) : mesh_(mesh) {
    const size_t n = mesh.tri.size();
    thread_local Store pooled;
    store_ = n <= kPooled ? &pooled : &own_;
    if (store_->stamp.size() < n) {
      store_->stamp.assign(std::max(n, store_->stamp.size()), 0);
      store_->tests.reset(new TriangleMissTest[store_->stamp.size()]);
      store_->epoch = 0;
    }
    if (++store_->epoch == 0) {  // wrapped: every stamp is stale again
      std::fill(store_->stamp.begin(), store_->stamp.end(), 0);
      store_->epoch = 1;
    }
    epoch_ = store_->epoch;
    stamp_ = store_->stamp.data();
    tests_ = store_->tests.get();
  }
  const TriangleMissTest& Get(int t) {
    TriangleMissTest& test = tests_[t];
    if (stamp_[t] != epoch_) {
      stamp_[t] = epoch_;
      const auto& tv = mesh_.tri[static_cast<size_t>(t)];
      MakeTriangleMissTest(mesh_.pos[tv[0]], mesh_.pos[tv[1]], mesh_.pos[tv[2]], test);
    }
    return test;
  }

 private:
  static constexpr size_t kPooled = size_t{1} << 16;
  struct Store {
    std::vector<unsigned> stamp;
    std::unique_ptr<TriangleMissTest[]> tests;
    unsigned epoch = 0;
  };
  const BoolOperand& mesh_;
  Store own_;
  Store* store_;
  unsigned epoch_;
  unsigned* stamp_;
  TriangleMissTest* tests_;
};

// Meshes of at least this many triangles find their triangles far from
// the other mesh by subtrees (MarkFarItems; ForEachEdgeNear).
constexpr int kMarkFarMinTris = 64;
// Meshes the marking leaves unmarked walk their first triangles from this
// many (ForEachEdgeNear).
constexpr int kWalkUnmarkedMinTris = 1024;

// Calls queryEdge(he) for every canonical halfedge of edgeMesh whose box
// may meet a triangle of triMesh, in halfedge order; the broad phase and
// CandidatePairs share it, so they see the same edges in the same order.
// (Always inlined: its loops stay in the caller, as when it had one.)
template <typename QueryEdge>
[[gnu::always_inline]] inline void ForEachEdgeNear(const BoolOperand& edgeMesh, const BoolOperand& triMesh,
                                                   QueryEdge&& queryEdge) {
  const BoolMeshView ev = edgeMesh.View();
  const Box3& other = triMesh.triBvh.RootBox();
  if (edgeMesh.windowed) {
    // An edge whose box meets a triangle of the other mesh meets the
    // window (both boxes lie in their meshes' boxes), so its triangles are
    // in the window's column.
    for (const int t : edgeMesh.windowTris) {
      Box3 tb;
      for (int i = 0; i < 3; ++i) tb.Include(edgeMesh.pos[edgeMesh.tri[t][i]]);
      if (!tb.Overlaps(other)) continue;
      for (int he = 3 * t; he < 3 * t + 3; ++he)
        if (Canonical(edgeMesh, ev, he)) queryEdge(he);
    }
    return;
  }
  if (edgeMesh.noNan && triMesh.noNan && !WorthCulling(edgeMesh.triBvh.RootBox(), other)) {
    // The boxes overlap much: a triangle whose box meets no triangle box
    // of the other tree has edges whose boxes, inside its own, meet none
    // either; they are not asked about. Most triangles meet none where
    // much of each mesh lies far from the other inside the shared box
    // (candleStand's ring group and the accumulated stand, logo's sphere
    // and the three cylinders). The edges asked about are the same edges
    // in the same order either way, so they find the same triangles.
    const Bvh& triTree = triMesh.triBvh;
    const int numTri = edgeMesh.NumTri();
    thread_local std::vector<char> far;
    far.assign(static_cast<size_t>(numTri), 0);
    // Larger meshes: the far triangles found by subtrees of this mesh's
    // own tree (MarkFarItems).
    const bool large = numTri >= kMarkFarMinTris;
    const bool marked = large && MarkFarItems(edgeMesh.triBvh, triTree, far);
    // Smaller ones: each triangle first walks the tree with its own box,
    // stopping at the first box met. Where many triangles meet one, that
    // walk is extra: it stops once over a third of those walked did, less
    // a few (example022: after the first five or so). Larger ones that
    // the marking left unmarked (its sample found most triangles meeting
    // one): from kWalkUnmarkedMinTris triangles, the same walks while two
    // thirds of those walked met none, so a run of far triangles first in
    // order is still skipped where the sample missed it (sign.scad's
    // letters: 7 of 12 sampled met one, 2 in 3 of the first 4196 in order
    // met none); below that (example019's meshes of 72) every edge is
    // asked.
    const int slack = large ? 0 : 8;
    const bool walks = !large || numTri >= kWalkUnmarkedMinTris;
    int walked = 0, met = 0;
    for (int t = 0; t < numTri; ++t) {
      if (!marked) {
        if (!walks || 3 * met > walked + slack) {
          // The walks stopped: no triangle from t on is far; every edge is
          // asked (a loop of its own: the per-triangle flags cost more).
          for (int he = 3 * t; he < 3 * numTri; ++he)
            if (Canonical(edgeMesh, ev, he)) queryEdge(he);
          return;
        }
        ++walked;
        const auto& tv = edgeMesh.tri[static_cast<size_t>(t)];
        Box3 tb;
        for (int i = 0; i < 3; ++i) tb.Include(edgeMesh.pos[static_cast<size_t>(tv[i])]);
        bool meets = false;
        triTree.ForEachOverlap(tb, [&meets](int) {
          meets = true;
          return false;
        });
        if (meets)
          ++met;
        else
          far[static_cast<size_t>(t)] = 1;
      }
      if (far[static_cast<size_t>(t)]) {
#ifdef MOS_CHECK_NEAR_TRIANGLES  // verification builds: the edges skipped would have found no triangle
        for (int he = 3 * t; he < 3 * t + 3; ++he) {
          Box3 eb;
          eb.Include(edgeMesh.pos[static_cast<size_t>(ev.Start(he))]);
          eb.Include(edgeMesh.pos[static_cast<size_t>(ev.End(he))]);
          triTree.ForEachOverlap(eb, [](int) { std::abort(); });
        }
#endif
        continue;
      }
      for (int he = 3 * t; he < 3 * t + 3; ++he)
        if (Canonical(edgeMesh, ev, he)) queryEdge(he);
    }
    return;
  }
  if (!edgeMesh.noNan || !triMesh.noNan) {
    // Every edge asks the tree. (With a NaN coordinate a box need not hold
    // its parts' boxes: only this finds every pair the box test finds.)
    for (int he = 0; he < 3 * edgeMesh.NumTri(); ++he)
      if (Canonical(edgeMesh, ev, he)) queryEdge(he);
    return;
  }
  // Skipping the triangles whose box misses the other mesh's box (found by
  // one query of the edge mesh's tree): their edges' boxes, inside theirs,
  // miss it too.
  const int numTri = edgeMesh.NumTri();
  std::vector<char> near(static_cast<size_t>(numTri), 0);
  edgeMesh.triBvh.ForEachOverlap(other, [&](int t) { near[t] = 1; });
  for (int t = 0; t < numTri; ++t) {
    if (!near[t]) continue;
    for (int he = 3 * t; he < 3 * t + 3; ++he)
      if (Canonical(edgeMesh, ev, he)) queryEdge(he);
  }
}

#if defined(MOS_CHECK_SEGMENT_BOX) || defined(MOS_CHECK_FLAT_NODES)
// Verification builds: the walk that keeps only the nodes `keepNode`
// accepts gives the plain walk's triangles in the same order, less some
// that `dropped` confirms could not have been a hit.
template <class KeepNode, class Dropped>
void CheckKeptWalk(const Bvh& bvh, const Box3& box, const KeepNode& keepNode, const Dropped& dropped) {
  std::vector<int> kept, all;
  bvh.ForEachOverlapKept(box, keepNode, [&](int t) { kept.push_back(t); });
  bvh.ForEachOverlap(box, [&](int t) { all.push_back(t); });
  size_t k = 0;
  for (const int t : all) {
    if (k < kept.size() && kept[k] == t) {
      ++k;
      continue;
    }
    if (!dropped(t)) std::abort();
  }
  if (k != kept.size()) std::abort();
}
#endif

#ifdef MOS_CHECK_SEGMENT_BOX
// The query kept by the edge's line drops only triangles the exact kernel
// finds no hit with.
void CheckSegmentBoxQuery(const BoolKernels& kernels, const Bvh& bvh, const Box3& box,
                          const SegmentBoxSeparation& line, int he, bool forward) {
  CheckKeptWalk(bvh, box, [&](const Box3& nodeBox) { return !line.Apart(nodeBox); }, [&](int t) {
    Vec3 unused{};
    return kernels.Kernel12(he, t, forward, unused) == 0;
  });
}
#endif

// Trees of at least this many triangles are walked off the plane of a
// flat edge (CandidatePairs; every tree in verification builds).
#ifdef MOS_CHECK_FLAT_NODES
constexpr int kOffPlaneMinTris = 0;
#else
constexpr int kOffPlaneMinTris = 1024;
#endif

// Whether a tree node's box does not lie in the plane z = c.
inline bool OffPlane(const Box3& nodeBox, double c) { return !(nodeBox.min.z == c && nodeBox.max.z == c); }

#ifdef MOS_CHECK_FLAT_NODES
// The walk that leaves out the nodes in an edge's plane z = c drops only
// triangles that the horizontal-plane rule (`rejected`) turns down.
template <class Rejected>
void CheckFlatNodeSkip(const Bvh& bvh, const Box3& box, double c, const Rejected& rejected) {
  CheckKeptWalk(bvh, box, [c](const Box3& nodeBox) { return OffPlane(nodeBox, c); }, rejected);
}
#endif

// Second-longest side of a box (NaN: not above any bound).
inline double SecondSide(const Box3& b) {
  const double x = b.max.x - b.min.x, y = b.max.y - b.min.y, z = b.max.z - b.min.z;
  return std::max(std::min(x, y), std::min(std::max(x, y), z));
}

// The items of `bvh` (numItems: the largest item id + 1 at most) whose
// boxes meet `other` and span more than minSpan along two axes, as flags
// by item, or null when there is none (the usual case: an edge whose
// triangle's box misses the other mesh's box has no candidate). A walk of
// the tree into the nodes whose boxes are that long (a box holds its
// items' boxes, so its second side is at least theirs). Kept per thread.
const std::vector<char>* LongItems(const Bvh& bvh, int numItems, const Box3& other, double minSpan) {
  thread_local std::vector<char> flags;
  bool any = false;
  bvh.ForEachOverlapKept(
      other, [&](const Box3& box) { return SecondSide(box) > minSpan; },
      [&](int item) {
        if (!any) flags.assign(static_cast<size_t>(numItems), 0);
        any = true;
        flags[static_cast<size_t>(item)] = 1;
      });
  return any ? &flags : nullptr;
}

// For a long edge a-b: calls f(t) for the tree's triangles whose boxes
// meet the edge's box and are not clearly apart from the edge's line (a
// long edge's box meets many triangles' boxes far from the edge; the boxes
// the line test turns down hold no triangle the edge meets:
// SegmentBoxSeparation). False, having called nothing, where the line test
// does not apply. (Out of line, its box and line its own: the common walk
// in the broad phase's loop stays as GCC made it without.)
template <class F>
[[gnu::noinline]] bool WalkKeptByLine(const BoolKernels& kernels, const Bvh& bvh, int he, bool forward, Vec3 a,
                                      Vec3 b, double treeScale, double minSpan, F& f) {
  Box3 box;
  box.Include(a);
  box.Include(b);
  if (!box.Overlaps(bvh.RootBox())) return true;  // no candidate (the plain walk stops at the root)
  SegmentBoxSeparation line;
  if (!line.Init(a, b, std::max({treeScale, MaxAbs3(a), MaxAbs3(b)}), minSpan)) return false;
#ifdef MOS_CHECK_SEGMENT_BOX
  CheckSegmentBoxQuery(kernels, bvh, box, line, he, forward);
#else
  (void)kernels, (void)he, (void)forward;
#endif
  bvh.ForEachOverlapKept(box, [&](const Box3& nodeBox) { return !line.Apart(nodeBox); }, f);
  return true;
}

// ForEachEdgeNear, not inlined (a second copy inlined in CandidatePairs
// keeps GCC from inlining the first, the common one).
template <typename QueryEdge>
[[gnu::noinline]] void ForEachEdgeNearOutOfLine(const BoolOperand& edgeMesh, const BoolOperand& triMesh,
                                                QueryEdge&& queryEdge) {
  ForEachEdgeNear(edgeMesh, triMesh, queryEdge);
}

// The line test is asked for edges that span more than this many times
// the tree's typical triangle size along two axes.
constexpr double kSpanFactor = 2.5;

// kRecord: `record` (may be null then) gets the pairs for another attempt
// (CandidateMemo); the other instantiation is the plain one.
template <bool kRecord>
void CandidatePairs(const BoolKernels& kernels, const BoolOperand& edgeMesh, const BoolOperand& triMesh,
                    bool forward, std::vector<std::pair<int, int>>& pairs, CandidateMemo* record) {
  const BoolMeshView ev = edgeMesh.View();
  const Bvh& triBvh = triMesh.triBvh;
  TriangleTests tests(triMesh);
  // The horizontal-plane rule (HorizontalRule, candidate_memo.h).
  const HorizontalRule rule{ev, triMesh, kernels.NormalP(), kernels.ExpandP(), forward};
  auto aboveAtTies = [&](int v) { return rule.AboveAtTies(v); };
  auto flatOneWay = [&](int he, int t, const TriangleMissTest& test, const Vec3& a, const Vec3& b) {
    return rule.OneWay(he, t, test, a, b);
  };
  const double treeScale = std::max(MaxAbs3(triBvh.RootBox().min), MaxAbs3(triBvh.RootBox().max));
  // About the size of the tree's triangles: the edge's line is tested only
  // in projections where the edge spans more than this along both axes.
  // (A NaN coordinate: a box need not hold its parts' boxes; never tested.)
  const double minSpan = !triMesh.noNan ? std::numeric_limits<double>::infinity()
                                        : kSpanFactor * MaxAbs3(triBvh.RootBox().max - triBvh.RootBox().min) /
                                              std::sqrt(std::max(1.0, double(triBvh.NumItems())));
  // Edges long enough for the line test lie on triangles whose boxes span
  // more than minSpan along two axes: those of the edge mesh's tree (it
  // holds every triangle whose edges are asked about) are marked first;
  // most meshes have none.
  const std::vector<char>* longTri = nullptr;
  if (minSpan < std::numeric_limits<double>::infinity())
    longTri = LongItems(edgeMesh.triBvh, edgeMesh.NumTri(), triBvh.RootBox(), minSpan);
  // One edge's query: its ends, and (at the first candidate: most edges
  // have none) its sizes.
  struct EdgeQuery {
    int he;
    Vec3 a, b;
    double bigEdge = 0, extent = 0;
    bool sized = false;
  };
  // (Out of line: the recording call's own, not in the common path.)
  auto recordFlat = [&](int he, int t, bool kept) __attribute__((noinline)) {
    record->flat.push_back({he, t, static_cast<unsigned>(pairs.size()), kept});
  };
  // The pair (q.he, t) unless the tests find it clearly apart: inlined
  // into the plain walk, where most pairs are met (a call per pair there
  // cost ~35 instructions: the walk's query box lives in registers the
  // call does not keep), and one out-of-line copy (testPair) for the other
  // walks (each walk's own copy made GCC inline less of it). The plane
  // tests' rarer undecided cases stay out of line (PlaneTestsUndecided).
  auto testPairBody = [&](EdgeQuery& q, int t) __attribute__((always_inline)) {
    const int he = q.he;
    const Vec3& a = q.a;
    const Vec3& b = q.b;
    if (!q.sized) {
      q.sized = true;
      q.bigEdge = std::max(MaxAbs3(a), MaxAbs3(b));
      q.extent = MaxAbs3(b - a);
    }
    const TriangleMissTest& test = tests.Get(t);
    // The horizontal-plane rule first (cheap, and most pairs of coplanar
    // cap fans end there): where it skips, the plane tests below would
    // find both ends on the plane (their distances are +-0, or NaN for
    // a non-finite value) and leave the pair to it. Else
    // EdgeClearlyMissesTriangle(test, ...).
    bool miss = test.flatZ && flatOneWay(he, t, test, a, b);
    if (!miss) miss = PlaneTestsMiss(test, a, b, q.bigEdge, q.extent);
    if constexpr (kRecord)
      if (record && InHorizontalPlane(test, a, b)) recordFlat(he, t, !miss);
    if (miss) {
#ifdef MOS_CHECK_EDGE_FILTER  // verification builds: a skipped pair must be no hit
      Vec3 unused{};
      if (kernels.Kernel12(he, t, forward, unused) != 0) std::abort();
#endif
      return;
    }
    pairs.emplace_back(he, t);
  };
  auto testPair = [&](EdgeQuery& q, int t) __attribute__((noinline)) { testPairBody(q, t); };
  // mode: how the edge walks the tree, each an instantiation of its own:
  // kPlain; kLine for a long edge (the line test, WalkKeptByLine);
  // kOffPlane for a forward edge in a plane z = c whose ends' ties go one
  // way: the horizontal-plane rule rejects every triangle of that plane,
  // so the tree's nodes lying in it (all of whose triangles are flat
  // there) are not walked: the same pairs in the same order.
  enum Walk { kPlain, kLine, kOffPlane };
  auto queryEdgeWith = [&](int he, auto mode) {
    EdgeQuery q{he, edgeMesh.pos[ev.Start(he)], edgeMesh.pos[ev.End(he)]};
    auto candidate = [&](int t) {
      if constexpr (decltype(mode)::value == kPlain)
        testPairBody(q, t);
      else
        testPair(q, t);
    };
    if constexpr (decltype(mode)::value == kLine) {
      if (WalkKeptByLine(kernels, triBvh, he, forward, q.a, q.b, treeScale, minSpan, candidate)) return;
    }
    Box3 box;
    box.Include(q.a);
    box.Include(q.b);
    if constexpr (decltype(mode)::value == kOffPlane) {
      const double c = q.a.z;
#ifdef MOS_CHECK_FLAT_NODES
      CheckFlatNodeSkip(triBvh, box, c, [&](int t) { return flatOneWay(he, t, tests.Get(t), q.a, q.b); });
#endif
      triBvh.ForEachOverlapKept(box, [c](const Box3& nodeBox) { return OffPlane(nodeBox, c); }, candidate);
    } else {
      triBvh.ForEachOverlap(box, candidate);
    }
  };
  // Without a NaN coordinate a node's box in a plane z = c holds only
  // triangles whose corners all lie in it (the rule's flatZ). Smaller
  // trees have too few such nodes for the node test to pay (example001:
  // +0.4 % when every forward call asked it).
  const bool offPlaneWalks = forward && edgeMesh.noNan && triMesh.noNan && triMesh.NumTri() >= kOffPlaneMinTris;
  // (Those walks leave out the rule's pairs: no record for the other
  // perturbation.)
  if (offPlaneWalks) record = nullptr;
  auto queryOffPlane = [&](int he) __attribute__((noinline)) {
    queryEdgeWith(he, std::integral_constant<Walk, kOffPlane>{});
  };
  auto queryEdge = [&](int he) {
    if (offPlaneWalks) {
      const int s = ev.Start(he), e = ev.End(he);
      if (edgeMesh.pos[s].z == edgeMesh.pos[e].z && aboveAtTies(s) == aboveAtTies(e)) {
        queryOffPlane(he);
        return;
      }
    }
    queryEdgeWith(he, std::integral_constant<Walk, kPlain>{});
  };
  if (!longTri) {
    ForEachEdgeNear(edgeMesh, triMesh, queryEdge);
  } else {
    ForEachEdgeNearOutOfLine(edgeMesh, triMesh, [&](int he) {
      if ((*longTri)[static_cast<unsigned>(he) / 3] &&
          SegmentBoxSeparation::Worth(edgeMesh.pos[ev.Start(he)], edgeMesh.pos[ev.End(he)], minSpan))
        queryEdgeWith(he, std::integral_constant<Walk, kLine>{});
      else
        queryEdge(he);
    });
  }
  if constexpr (kRecord) {
    if (record) {
      record->kept = pairs;
      record->complete = true;
    }
  }
}

}  // namespace

}  // namespace mos::kernel
