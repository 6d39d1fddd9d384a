// Ear clipping with keyhole bridges, after D. Eberly, "Triangulation by Ear
// Clipping" (Geometric Tools, 2002-2015). Additions for robustness:
// - ears come from a priority queue, sharpest first;
// - zero-length edges and zero-area spikes are clipped first (as degenerate
//   triangles, so the edges are still used once);
// - the polygon is a cycle of vertex ids: two adjacent copies of one id, or a
//   "fold" u -> x -> u, are edge pairs that cancel and are dropped without a
//   triangle (this happens only around bridges);
// - a diagonal may not repeat an existing edge (id pair), so the 3D mesh
//   built from the triangles stays manifold;
// - orientations within a relative tolerance of zero count as collinear, and
//   vertices within that tolerance of an ear's boundary block it;
// - bridges must leave the hole and reach the outer loop inside the polygon's
//   wedges (pinched loops have several copies of a vertex);
// - when no ear exists (invalid input), the least bad convex vertex is
//   clipped anyway (with a work budget, so junk input stays fast). Every
//   step removes one node, so the loop always ends, and every step keeps
//   "emitted triangles + remaining cycle" a closed chain, so every input
//   edge is used exactly once.
#include "kernel/triangulate_ear_clip.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>

#include "kernel/key_set.h"
#include "kernel/segment_grid.h"
#include "kernel/triangulate_live_grid.h"
#include "kernel/triangulate_point_grid.h"

// With -DMOS_EAR_CLIP_CHECK every grid query is repeated by the walk it
// replaces, and every kept ear verdict by a fresh search; a difference
// aborts.
#ifdef MOS_EAR_CLIP_CHECK
#define EAR_CLIP_CHECK(same, what)                                                  \
  do {                                                                              \
    if (!(same)) {                                                                  \
      std::fprintf(stderr, "EarClipper: the shortcut's %s differs\n", what);   \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)
#else
#define EAR_CLIP_CHECK(same, what) ((void)0)
#endif

namespace mos::kernel {
namespace {

double Orient(Vec2 a, Vec2 b, Vec2 c) { return Cross(b - a, c - a); }
double Norm1(Vec2 v) { return std::fabs(v.x) + std::fabs(v.y); }
// Orientations this small relative to the lengths involved are rounding
// noise: such a vertex is treated as collinear.
double Tolerance(Vec2 a, Vec2 b, Vec2 c) { return 1e-12 * Norm1(b - a) * Norm1(c - a); }
double Dot2(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
bool Same(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }

// True if direction d points strictly into the convex wedge from u to v
// (counter-clockwise, angle < 180 degrees).
bool StrictlyInConvexWedge(Vec2 u, Vec2 v, Vec2 d) { return Cross(u, d) > 0 && Cross(d, v) > 0; }

struct Node {
  Vec2 p;
  int id = 0;
  int prev = -1, next = -1;
  int loop = 0;  // the input loop (0: outer) this node or its original came from
  bool removed = false;
  int stamp = 0;  // bumped whenever a neighbour changes
  // Push's last verdict (see EarVerdict), valid while stamp == verdictStamp;
  // an ear's verdict also needs verdictEpoch == the grid's insert count.
  int verdictStamp = -1;
  int verdictEpoch = 0;
  char verdict = 0;
  double sharpness = 0;  // of a convex vertex, once computed
};

struct Candidate {
  double key;
  int node;
  int stamp;
  bool operator<(const Candidate& o) const { return key < o.key; }
};

// std::priority_queue<Candidate> with room reserved up front: the same
// push_heap / pop_heap calls, so equal keys come out in the same order.
class CandidateHeap {
 public:
  void Reserve(size_t n) { c_.reserve(n); }
  bool empty() const { return c_.empty(); }
  const Candidate& top() const { return c_.front(); }
  void push(const Candidate& x) {
    c_.push_back(x);
    std::push_heap(c_.begin(), c_.end(), std::less<Candidate>());
  }
  void pop() {
    std::pop_heap(c_.begin(), c_.end(), std::less<Candidate>());
    c_.pop_back();
  }

 private:
  std::vector<Candidate> c_;
};

class EarClipper {
 public:
  // Room for n nodes (the loops' points and two per bridge).
  void Reserve(size_t n) { nodes_.reserve(n); }

  EarClipper(std::vector<std::array<int, 3>>& out, bool keepEarVerdicts)
      : out_(out), keepEarVerdicts_(keepEarVerdicts) {}

  // Adds a closed loop as a cycle; returns one of its nodes (-1 if empty).
  int AddLoop(const IndexedLoop& loop) {
    const int n = static_cast<int>(loop.points.size());
    if (n == 0) return -1;
    const int first = static_cast<int>(nodes_.size());
    for (int i = 0; i < n; ++i) {
      Node node;
      node.p = loop.points[i];
      node.id = loop.ids[i];
      node.loop = static_cast<int>(loopBridged_.size());
      node.prev = first + (i + n - 1) % n;
      node.next = first + (i + 1) % n;
      nodes_.push_back(node);
    }
    loopBridged_.push_back(loopBridged_.empty() ? 1 : 0);  // the outer loop is the ring
    return first;
  }

  // Joins the hole cycle containing `hole` into the cycle containing `ring`.
  void BridgeHole(int ring, int hole) {
    int m = hole;
    for (int k = nodes_[hole].next; k != hole; k = nodes_[k].next) {
      const Vec2 a = nodes_[k].p, b = nodes_[m].p;
      if (a.x > b.x || (a.x == b.x && a.y > b.y)) m = k;
    }
    int p = FindBridgeTarget(ring, hole, m);
    p = RingCopyFacing(ring, p, nodes_[m].p);
    // A hole pinched at its rightmost point has several copies of it: the
    // bridge must leave from the one whose wedge faces the target.
    m = PickCopyFacing(hole, m, nodes_[p].p);
    Splice(p, m);
  }

  void Run(int start) {
    if (start < 0) return;
    active_ = 1;
    for (int k = nodes_[start].next; k != start && active_ <= static_cast<int>(nodes_.size()); k = nodes_[k].next) {
      ++active_;
    }
    // Candidate blockers of an ear: vertices that are not strictly convex
    // (in a simple polygon a convex vertex inside an ear implies a reflex
    // one inside too) and vertices sharing their position with another
    // (bridge copies, touching loops). Vertices only get more convex as ears
    // are clipped; the fallback may break that, so Clip() adds vertices that
    // turn reflex. Keeping convex vertices out makes big convex regions fast.
    inGrid_.assign(nodes_.size(), 0);
    {
      std::vector<std::pair<std::pair<double, double>, int>> byPos;
      int k = start;
      for (int i = 0; i < active_; ++i, k = nodes_[k].next) {
        byPos.push_back({{nodes_[k].p.x, nodes_[k].p.y}, k});
        inGrid_[k] = !IsConvex(k);
      }
      std::sort(byPos.begin(), byPos.end());
      for (size_t i = 0; i + 1 < byPos.size(); ++i) {
        if (byPos[i].first == byPos[i + 1].first) inGrid_[byPos[i].second] = inGrid_[byPos[i + 1].second] = 1;
      }
    }
    positions_.resize(nodes_.size());
    for (size_t i = 0; i < nodes_.size(); ++i) positions_[i] = nodes_[i].p;
    liveGrid_.Build(positions_, inGrid_);
    firstInGrid_ = inGrid_;
#ifdef MOS_EAR_CLIP_CHECK
    BuildCountedGrid();  // every search also runs the counted way
#endif
    budget_ = 1e6 + 100.0 * active_;
    {
      int k = start;
      edges_.Reserve(2 * static_cast<size_t>(active_));  // the loop's edges and the diagonals
      for (int i = 0; i < active_; ++i, k = nodes_[k].next) edges_.Insert(EdgeKey(k, nodes_[k].next));
    }
    start = Normalize(start);
    heap_.Reserve(2 * static_cast<size_t>(active_) + 16);
    if (active_ >= 3) {
      int k = start;
      do {
        Push(k);
        k = nodes_[k].next;
      } while (k != start);
    }
    int last = start;
    while (active_ > 3) {
      int clip = -1;
      while (!heap_.empty()) {
        const Candidate c = heap_.top();
        heap_.pop();
        // An edge elsewhere may have taken this ear's diagonal meanwhile.
        if (!nodes_[c.node].removed && nodes_[c.node].stamp == c.stamp && FreshDiagonal(c.node)) {
          clip = c.node;
          break;
        }
      }
      if (clip < 0) {
        // Ears may have appeared when a blocking vertex was clipped: rescan.
        // Rescans and fallbacks are only frequent with junk input; past a
        // work budget they are skipped or made cheap, so junk cannot take
        // cubic time (the result still uses every edge exactly once).
        BuildCountedGrid();
        if (work_ <= budget_) {
          accounting_ = 1;
          for (int k = nodes_[last].next, i = 0; i < active_; k = nodes_[k].next, ++i) Push(k);
          accounting_ = 0;
          if (!heap_.empty()) continue;
        }
        accounting_ = 1;
        clip = Fallback(last);
        accounting_ = 0;
      }
      last = Clip(clip);
    }
    if (active_ == 3) {
      const Node& b = nodes_[last];
      Emit(b.prev, last, b.next);
    }
  }

 private:
  Vec2 P(int n) const { return nodes_[n].p; }

  // Undirected id pair: a diagonal must not repeat an edge that exists
  // already (it would be shared by more than two triangles in 3D).
  uint64_t EdgeKey(int a, int b) const {
    uint32_t ia = static_cast<uint32_t>(nodes_[a].id), ib = static_cast<uint32_t>(nodes_[b].id);
    if (ia > ib) std::swap(ia, ib);
    return (static_cast<uint64_t>(ia) << 32) | ib;
  }
  bool FreshDiagonal(int b) const { return !edges_.Contains(EdgeKey(nodes_[b].prev, nodes_[b].next)); }

  void Emit(int a, int b, int c) {
    const int ia = nodes_[a].id, ib = nodes_[b].id, ic = nodes_[c].id;
    if (ia == ib || ib == ic || ia == ic) return;
    out_.push_back({ia, ib, ic});
  }

  // Removes `n` from its cycle; returns its former predecessor.
  int Unlink(int n) {
    Node& node = nodes_[n];
    node.removed = true;
    if (inGrid_[n]) liveGrid_.Remove(n);
    nodes_[node.prev].next = node.next;
    nodes_[node.next].prev = node.prev;
    ++nodes_[node.prev].stamp;
    ++nodes_[node.next].stamp;
    --active_;
    return node.prev;
  }

  // Drops edge pairs that cancel next to `n` (adjacent copies of one id, and
  // folds u -> x -> u). Returns a node still in the cycle.
  int Normalize(int n) {
    for (int guard = 0; active_ >= 2 && guard < 1 << 30; ++guard) {
      const Node& x = nodes_[n];
      if (nodes_[x.next].id == x.id) {
        Unlink(x.next);
      } else if (nodes_[x.prev].id == x.id) {
        n = Unlink(n);
      } else if (active_ >= 3 && nodes_[x.prev].id == nodes_[x.next].id) {
        const int next = x.next;
        edges_.Erase(EdgeKey(n, next));
        n = Unlink(n);
        Unlink(next);
      } else {
        break;
      }
    }
    return n;
  }

  bool IsConvex(int b) const { return Orient(P(nodes_[b].prev), P(b), P(nodes_[b].next)) > 0; }

  // Zero-length edges and zero-area spikes: clip them first.
  bool IsDegenerate(int b) const {
    const Vec2 pa = P(nodes_[b].prev), pb = P(b), pc = P(nodes_[b].next);
    if (Same(pa, pb) || Same(pb, pc)) return true;
    return std::fabs(Orient(pa, pb, pc)) <= Tolerance(pa, pb, pc) && Dot2(pa - pb, pc - pb) > 0;
  }

  // Does the cycle through coincident node q enter the triangle's corner
  // wedge (from u to v, seen from the corner c)?
  bool EntersCorner(int q, Vec2 c, Vec2 u, Vec2 v) const {
    const Vec2 du = u - c, dv = v - c;
    return StrictlyInConvexWedge(du, dv, P(nodes_[q].next) - c) ||
           StrictlyInConvexWedge(du, dv, P(nodes_[q].prev) - c);
  }

  // Does vertex q at p forbid clipping the ear (pa, pb, pc)?
  bool Blocks(int q, Vec2 p, Vec2 pa, Vec2 pb, Vec2 pc) const {
    if (Same(p, pa)) {
      metCopy_ = true;
      return EntersCorner(q, pa, pb, pc);
    }
    if (Same(p, pb)) {
      metCopy_ = true;
      return EntersCorner(q, pb, pc, pa);
    }
    if (Same(p, pc)) {
      metCopy_ = true;
      return EntersCorner(q, pc, pa, pb);
    }
    // Inside or on the boundary, with a tolerance: a vertex that only
    // rounding puts outside an edge still blocks.
    return Orient(pa, pb, p) >= -Tolerance(pa, pb, p) && Orient(pb, pc, p) >= -Tolerance(pb, pc, p) &&
           Orient(pc, pa, p) >= -Tolerance(pc, pa, p);
  }

  // Number of vertices that forbid clipping b (stops at `limit`). Whether
  // there is any (limit 1) does not depend on the order of the search, so
  // outside the counted phases (rescans and fallback, whose work_ counts
  // every grid entry visited) it goes through the live grid.
  int Blockers(int b, int limit) const {
    const int a = nodes_[b].prev, c = nodes_[b].next;
    const Vec2 pa = P(a), pb = P(b), pc = P(c);
    const double x0 = std::min({pa.x, pb.x, pc.x}), x1 = std::max({pa.x, pb.x, pc.x});
    const double y0 = std::min({pa.y, pb.y, pc.y}), y1 = std::max({pa.y, pb.y, pc.y});
    if (limit == 1 && accounting_ == 0) {
      const int any = liveGrid_.Any(x0, y0, x1, y1, [&](int q, Vec2 p) {
        return q != a && q != b && q != c && Blocks(q, p, pa, pb, pc);
      }) ? 1 : 0;
#ifdef MOS_EAR_CLIP_CHECK
      EAR_CLIP_CHECK(any == CountedBlockers(b, 1), "live grid's blockers");
#endif
      return any;
    }
    return CountedBlockers(b, limit);
  }

  // The search through grid_, in its order (needs BuildCountedGrid).
  int CountedBlockers(int b, int limit) const {
    const int a = nodes_[b].prev, c = nodes_[b].next;
    const Vec2 pa = P(a), pb = P(b), pc = P(c);
    const double x0 = std::min({pa.x, pb.x, pc.x}), x1 = std::max({pa.x, pb.x, pc.x});
    const double y0 = std::min({pa.y, pb.y, pc.y}), y1 = std::max({pa.y, pb.y, pc.y});
    int count = 0;
    grid_.ForEachIn(x0, y0, x1, y1, [&](int q) {
      work_ += accounting_;
      if (q == a || q == b || q == c || nodes_[q].removed) return true;
      const Vec2 p = P(q);
      if (p.x < x0 || p.x > x1 || p.y < y0 || p.y > y1) return true;
      if (Blocks(q, p, pa, pb, pc)) ++count;
      return count < limit;
    });
    return count;
  }

  // grid_ as it would be had it been kept from the start (the same entries
  // in the same order): built on the first counted search.
  void BuildCountedGrid() {
    if (countedGridBuilt_) return;
    countedGridBuilt_ = true;
    grid_.Build(positions_, firstInGrid_);
    for (int n : gridInserts_) grid_.Insert(n, P(n));
  }

  // Cosine of the angle at b: larger is sharper.
  double Sharpness(int b) const {
    const Vec2 u = P(nodes_[b].prev) - P(b), v = P(nodes_[b].next) - P(b);
    const double len = std::sqrt(Dot2(u, u) * Dot2(v, v));
    return len > 0 ? Dot2(u, v) / len : 1;
  }

  // Push's verdict on a corner: its shape bits hold while the node's stamp
  // does; kEar (no blockers) also until the next grid insert, because
  // blockers only go away as nodes are clipped, unless Clip puts a vertex
  // into the grid or the search met a vertex at a corner's position (whose
  // EntersCorner answer changes with its neighbours; then no kEar). Clip
  // pushes its left neighbour twice and the unchanged node after its right
  // one: those repeats skip the search. The diagonal is asked every time
  // (the edge set changes), and nothing is skipped while work_ is counted.
  enum : char { kDegenerate = 1, kConvex = 2, kEar = 4 };

  void Push(int b) {
    Node& n = nodes_[b];
    if (n.verdictStamp != n.stamp) {
      n.verdictStamp = n.stamp;
      const Vec2 pa = P(n.prev), pb = n.p, pc = P(n.next);
      n.verdict = static_cast<char>((IsDegenerate(b) ? kDegenerate : 0) |
                                    (Orient(pa, pb, pc) > Tolerance(pa, pb, pc) ? kConvex : 0));
    }
    if ((n.verdict & kDegenerate) && FreshDiagonal(b)) {
      heap_.push({std::numeric_limits<double>::infinity(), b, n.stamp});
      return;
    }
    if (!(n.verdict & kConvex) || !FreshDiagonal(b)) return;
    if ((n.verdict & kEar) && n.verdictEpoch == gridEpoch_ && accounting_ == 0 && keepEarVerdicts_) {
#ifdef MOS_EAR_CLIP_CHECK
      EAR_CLIP_CHECK(Blockers(b, 1) == 0 && n.sharpness == Sharpness(b), "kept ear verdict");
#endif
      ++keptVerdicts_;
      heap_.push({n.sharpness, b, n.stamp});
      return;
    }
    metCopy_ = false;
    if (Blockers(b, 1) != 0) {
      n.verdict = static_cast<char>(n.verdict & ~kEar);
      return;
    }
    n.sharpness = Sharpness(b);
    if (!metCopy_) {
      n.verdict = static_cast<char>(n.verdict | kEar);
      n.verdictEpoch = gridEpoch_;
    }
    heap_.push({n.sharpness, b, n.stamp});
  }

  // No ear: choose the convex vertex with the fewest blockers (the sharpest
  // among equals); if none is convex, the least reflex one.
  int Fallback(int start) const {
    const bool countBlockers = active_ <= 4096 && work_ <= budget_;
    int best = -1, bestBlockers = 0;
    bool bestFresh = false;
    double bestSharp = 0, bestOrient = -std::numeric_limits<double>::infinity();
    int k = start;
    int worst = start;
    bool worstFresh = false;
    for (int i = 0; i < active_; ++i, k = nodes_[k].next) {
      const double o = Orient(P(nodes_[k].prev), P(k), P(nodes_[k].next));
      const bool fresh = FreshDiagonal(k);
      if ((fresh && !worstFresh) || (fresh == worstFresh && o > bestOrient)) {
        worstFresh = fresh;
        bestOrient = o;
        worst = k;
      }
      if (!(o > 0)) continue;
      const int blockers = countBlockers ? Blockers(k, 1 << 30) : 0;
      const double sharp = Sharpness(k);
      if (best < 0 || (fresh && !bestFresh) ||
          (fresh == bestFresh && (blockers < bestBlockers || (blockers == bestBlockers && sharp > bestSharp)))) {
        best = k;
        bestFresh = fresh;
        bestBlockers = blockers;
        bestSharp = sharp;
      }
    }
    if (best >= 0 && (bestFresh || !worstFresh)) return best;
    return worst;
  }

  // Clips b; returns a node of the remaining cycle.
  int Clip(int b) {
    const int a = nodes_[b].prev, c = nodes_[b].next;
    Emit(a, b, c);
    edges_.Insert(EdgeKey(a, c));
    Unlink(b);
    for (int n : {a, c}) {
      if (!inGrid_[n] && !IsConvex(n)) {
        inGrid_[n] = 1;
        liveGrid_.Insert(n, P(n));
        if (countedGridBuilt_) {
          grid_.Insert(n, P(n));
        } else {
          gridInserts_.push_back(n);
        }
        ++gridEpoch_;
      }
    }
    int keep = Normalize(a);
    if (!nodes_[c].removed) keep = Normalize(c);
    if (active_ > 3) {
      Push(keep);
      Push(nodes_[keep].prev);
      Push(nodes_[keep].next);
      if (!nodes_[a].removed) Push(a);
    }
    return keep;
  }

  // --- bridging ---------------------------------------------------------
  //
  // Each bridging query has two implementations with the same answer: a
  // walk over the cycles (the reference; used for few holes) and a lookup in
  // bridgeGrid_, a grid of every edge of every cycle kept up to date by
  // Splice (used for many holes, so that bridging costs about the number of
  // vertices rather than holes x vertices). Where the walk keeps the first
  // of several candidates in ring order and the candidates could give
  // different answers (coincident copies, exact or near ties), the lookup
  // defers to the walk; that is rare. Build with -DMOS_EAR_CLIP_CHECK to run
  // both on every query and abort on a difference.
  // The grid visits every edge within SegmentGrid::Reach() (1e-9 of the
  // coordinates' scale) of the queried shape, far more than the rounding of
  // the predicates. The one way a farther edge could still answer "yes" in
  // the walk is by lying on the bridge's line, away from it, to within
  // rounding (~1e-15 of the scale) so that all four orientations are noise;
  // no input of the compare set, tests or fuzz corpora does that.

 public:
  // Builds the edge grid once every loop is added (before any bridge).
  void BuildBridgeIndex() {
    indexed_ = false;
    if (nodes_.empty()) return;
    double minX = nodes_[0].p.x, maxX = minX, minY = nodes_[0].p.y, maxY = minY;
    for (const Node& n : nodes_) {
      if (!std::isfinite(n.p.x) || !std::isfinite(n.p.y)) return;
      minX = std::min(minX, n.p.x);
      maxX = std::max(maxX, n.p.x);
      minY = std::min(minY, n.p.y);
      maxY = std::max(maxY, n.p.y);
    }
    if (!bridgeGrid_.Build(minX, minY, maxX, maxY, nodes_.size())) return;
    for (size_t k = 0; k < nodes_.size(); ++k) {
      if (!bridgeGrid_.Insert(static_cast<int>(k), nodes_[k].p, P(nodes_[k].next))) return;
    }
    seen_.assign(nodes_.size(), 0);
    indexed_ = true;
  }

 private:
  bool InRing(int k) const { return loopBridged_[nodes_[k].loop] != 0; }

  int NextStamp() const {
    if (++stamp_ == std::numeric_limits<int>::max()) {
      std::fill(seen_.begin(), seen_.end(), 0);
      stamp_ = 1;
    }
    return stamp_;
  }
  // First visit of k in the current query?
  bool FirstVisit(int k, int stamp) const {
    if (seen_[k] == stamp) return false;
    seen_[k] = stamp;
    return true;
  }

  // Does segment m-p cross edge k -> next, or pass through vertex k?
  bool EdgeBlocks(int k, Vec2 m, Vec2 p) const {
    const Vec2 u = P(k), w = P(nodes_[k].next);
    if (!Same(u, m) && !Same(u, p) && std::fabs(Orient(m, p, u)) <= Tolerance(m, p, u) &&
        Dot2(u - m, p - m) > 0 && Dot2(u - p, m - p) > 0) {
      return true;
    }
    const double o1 = Orient(m, p, u), o2 = Orient(m, p, w);
    if ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) {
      const double o3 = Orient(u, w, m), o4 = Orient(u, w, p);
      if ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)) return true;
    }
    return false;
  }

  // Does segment m-p cross an edge of the cycle through `ring`, or pass
  // through one of its vertices?
  bool SegmentCrossesRing(int ring, Vec2 m, Vec2 p) const {
    int k = ring;
    do {
      if (EdgeBlocks(k, m, p)) return true;
      k = nodes_[k].next;
    } while (k != ring);
    return false;
  }

  // The same through the grid: every cycle, or (ringOnly) the ring's.
  bool IndexedSegmentCrosses(Vec2 m, Vec2 p, bool ringOnly) const {
    const int stamp = NextStamp();
    return !bridgeGrid_.ForEachNearSegment(m, p, [&](int k) {
      if (!FirstVisit(k, stamp) || (ringOnly && !InRing(k))) return true;
      return !EdgeBlocks(k, m, p);
    });
  }

  bool RingCrosses(int ring, Vec2 m, Vec2 p) const {
    if (!indexed_) return SegmentCrossesRing(ring, m, p);
    const bool crosses = IndexedSegmentCrosses(m, p, true);
    EAR_CLIP_CHECK(crosses == SegmentCrossesRing(ring, m, p), "ring crossing");
    return crosses;
  }

  // Does m-p cross the ring, the hole being bridged or a hole not joined yet
  // (a fallback bridge may run left, past them)? Together: every cycle.
  bool CrossesAnyCycle(int ring, int hole, Vec2 m, Vec2 p) const {
    const auto walk = [&] {
      if (SegmentCrossesRing(ring, m, p) || SegmentCrossesRing(hole, m, p)) return true;
      for (size_t i = pendingFrom_; i < pending_.size(); ++i) {
        if (pending_[i] != hole && SegmentCrossesRing(pending_[i], m, p)) return true;
      }
      return false;
    };
    if (!indexed_) return walk();
    const bool crosses = IndexedSegmentCrosses(m, p, false);
    EAR_CLIP_CHECK(crosses == walk(), "crossing");
    return crosses;
  }

  // Where the +x ray from pm crosses edge k -> next, if that edge goes up
  // (faces -x) and the crossing is not left of pm.
  bool RayCrossing(int k, Vec2 pm, double& x) const {
    const Vec2 u = P(k), w = P(nodes_[k].next);
    if (!(u.y <= pm.y && pm.y <= w.y && u.y < w.y)) return false;
    if (u.y == pm.y) {
      x = u.x;
    } else if (w.y == pm.y) {
      x = w.x;
    } else {
      x = u.x + (pm.y - u.y) * (w.x - u.x) / (w.y - u.y);
    }
    return x >= pm.x;
  }

  // The nearest crossing of the ray with a ring edge (the first in ring
  // order among equals): hitX, and the edge, -1 if none.
  void CastRayWalk(int ring, Vec2 pm, double& hitX, int& hitEdge) const {
    hitX = std::numeric_limits<double>::infinity();
    hitEdge = -1;
    int k = ring;
    do {
      double x;
      if (RayCrossing(k, pm, x) && x < hitX) {
        hitX = x;
        hitEdge = k;
      }
      k = nodes_[k].next;
    } while (k != ring);
  }

  // The ring node at the hit point when edge k's end lies there, else -1.
  int HitVertex(int k, Vec2 hit) const {
    if (Same(P(k), hit)) return k;
    if (Same(P(nodes_[k].next), hit)) return nodes_[k].next;
    return -1;
  }

  void CastRay(int ring, Vec2 pm, double& hitX, int& hitEdge) const {
    if (!indexed_) return CastRayWalk(ring, pm, hitX, hitEdge);
    hitX = std::numeric_limits<double>::infinity();
    hitEdge = -1;
    std::vector<int>& ties = scratch_;
    ties.clear();
    const int stamp = NextStamp();
    bridgeGrid_.ForEachRightward(pm, [&] { return hitX; }, [&](int k) {
      double x;
      if (!FirstVisit(k, stamp) || !InRing(k) || !RayCrossing(k, pm, x)) return;
      if (x < hitX) {
        hitX = x;
        ties.clear();
      }
      if (x == hitX) ties.push_back(k);
    });
    if (!ties.empty()) hitEdge = ties[0];
    for (size_t i = 1; i < ties.size(); ++i) {
      if (!SameTarget(ties[0], ties[i], hitX, pm)) {
        ++deferred_;
        CastRayWalk(ring, pm, hitX, hitEdge);
        break;
      }
    }
#ifdef MOS_EAR_CLIP_CHECK
    double walkX;
    int walkEdge;
    CastRayWalk(ring, pm, walkX, walkEdge);
    EAR_CLIP_CHECK(walkX == hitX && (walkEdge == hitEdge || SameTarget(walkEdge, hitEdge, hitX, pm)), "ray");
#endif
  }

  // Do hit edges a and b (equal crossings at hitX) lead to the same bridge?
  // Both end at the hit point: the target is that point, and which copy of
  // it does not matter (IsGoodBridge and RingCopyFacing look at positions)
  // unless it is m's own position (then the target node is the bridge's
  // end). Two edges crossed inside may hide different vertices: no.
  bool SameTarget(int a, int b, double hitX, Vec2 pm) const {
    if (a == b) return true;
    if (a < 0 || b < 0) return false;
    const Vec2 hit{hitX, pm.y};
    const int va = HitVertex(a, hit), vb = HitVertex(b, hit);
    if (va < 0 || vb < 0) return false;
    return va == vb || !Same(hit, pm);
  }

  // Vertices inside triangle (pm, hit, t) may hide t from pm: the walk takes
  // the one making the smallest angle with the ray (ring order decides
  // near ties).
  int HiddenTargetWalk(int ring, Vec2 pm, Vec2 hit, int target) const {
    const Vec2 pt = P(target);
    const double area = Orient(pm, hit, pt);
    double bestTan = std::numeric_limits<double>::infinity(), bestDist = bestTan;
    int j = ring;
    do {
      const Vec2 q = P(j);
      // (target changes as better vertices are found: a copy of the first
      // target seen later competes too)
      if (j != target && !Same(q, pm) && q.x > pm.x && InTriangle(pm, hit, pt, area, q) && area != 0) {
        const double tanAngle = std::fabs(q.y - pm.y) / (q.x - pm.x);
        const double dist = Dot2(q - pm, q - pm);
        // Equal angles (up to rounding) mean the vertices are lined up
        // on one ray from m: only the nearest is visible.
        const double tie = 1e-9 * std::max(1.0, bestTan);
        if (tanAngle < bestTan - tie || (tanAngle <= bestTan + tie && dist < bestDist)) {
          bestTan = tanAngle;
          bestDist = dist;
          target = j;
        }
      }
      j = nodes_[j].next;
    } while (j != ring);
    return target;
  }

  static bool InTriangle(Vec2 pm, Vec2 hit, Vec2 pt, double area, Vec2 q) {
    const double s1 = Orient(pm, hit, q), s2 = Orient(hit, pt, q), s3 = Orient(pt, pm, q);
    return area > 0 ? (s1 >= 0 && s2 >= 0 && s3 >= 0) : (s1 <= 0 && s2 <= 0 && s3 <= 0);
  }

  // Through the grid: the candidates' positions decide unless angles come
  // within rounding of each other (or of the first target's, which joins
  // the walk's contest when ring order puts it after a candidate).
  int HiddenTarget(int ring, Vec2 pm, Vec2 hit, int target) const {
    if (!indexed_) return HiddenTargetWalk(ring, pm, hit, target);
    const Vec2 pt = P(target);
    const double area = Orient(pm, hit, pt);
    if (area == 0) return target;
    const auto tanOf = [&](Vec2 q) { return std::fabs(q.y - pm.y) / (q.x - pm.x); };
    const auto nearTie = [](double a, double b) {
      return !std::isfinite(a) || !std::isfinite(b) || std::fabs(a - b) <= 1e-8 * std::max({1.0, a, b});
    };
    std::vector<int>& found = scratch_;
    found.clear();
    const int stamp = NextStamp();
    bridgeGrid_.ForEachNearBox(std::min({pm.x, hit.x, pt.x}), std::min({pm.y, hit.y, pt.y}),
                               std::max({pm.x, hit.x, pt.x}), std::max({pm.y, hit.y, pt.y}), [&](int j) {
                                 if (!FirstVisit(j, stamp) || !InRing(j) || j == target) return;
                                 const Vec2 q = P(j);
                                 if (!Same(q, pm) && q.x > pm.x && InTriangle(pm, hit, pt, area, q)) found.push_back(j);
                               });
    int result = target;
    if (!found.empty()) {
      const double firstTan = tanOf(pt);
      int best = -1;
      bool defer = false;
      for (int j : found) {
        const Vec2 q = P(j);
        const double t = tanOf(q);
        // Copies of the first target stand for it: same angle, same place.
        if (!Same(q, pt) && (nearTie(t, firstTan) || t > firstTan)) defer = true;
        if (!std::isfinite(Dot2(q - pm, q - pm))) defer = true;
        if (best < 0 || t < tanOf(P(best))) best = j;
      }
      // Distinct positions must be clearly apart in angle.
      for (int j : found) {
        if (!Same(P(j), P(best)) && nearTie(tanOf(P(j)), tanOf(P(best)))) defer = true;
      }
      if (defer) {
        ++deferred_;
        result = HiddenTargetWalk(ring, pm, hit, target);
      } else {
        result = best;
      }
    }
    EAR_CLIP_CHECK(Same(P(result), P(HiddenTargetWalk(ring, pm, hit, target))), "hidden target");
    return result;
  }

  // Eberly's search for a vertex of the ring visible from hole vertex m.
  int FindBridgeTarget(int ring, int hole, int m) const {
    const Vec2 pm = P(m);
    double hitX;
    int hitEdge;
    CastRay(ring, pm, hitX, hitEdge);
    int target = -1;
    if (hitEdge >= 0) {
      const int u = hitEdge, w = nodes_[hitEdge].next;
      const Vec2 hit{hitX, pm.y};
      if (Same(P(u), hit)) {
        target = u;
      } else if (Same(P(w), hit)) {
        target = w;
      } else {
        target = HiddenTarget(ring, pm, hit, P(u).x > P(w).x ? u : w);
      }
    }
    if (target >= 0 && IsGoodBridge(ring, hole, m, target)) return target;
    return NearestVisible(ring, hole, m);
  }

  // m (hole) to t (ring): leaves m into the polygon, reaches some copy of t
  // from inside, and crosses neither the ring nor the hole.
  bool IsGoodBridge(int ring, int hole, int m, int t) const {
    const Vec2 pm = P(m), pt = P(t), d = pt - pm;
    if (d.x == 0 && d.y == 0) return true;
    if (!InWedge(PickCopyFacing(hole, m, pt), d)) return false;
    if (!RingHasCopyFacing(ring, t, pm)) return false;
    return !CrossesAnyCycle(ring, hole, pm, pt);
  }

 public:
  // Holes added but not yet bridged, checked by fallback bridges.
  void SetPendingHoles(std::vector<int> holes) {
    pending_ = std::move(holes);
    pendingFrom_ = 0;
  }
  // Holes are bridged in the order given: the first pending one leaves
  // (cheaply, so many holes do not cost holes^2 here).
  void MarkBridged(int hole) {
    if (pendingFrom_ < pending_.size() && pending_[pendingFrom_] == hole) {
      ++pendingFrom_;
    } else {
      pending_.erase(std::remove(pending_.begin() + pendingFrom_, pending_.end(), hole), pending_.end());
    }
  }
  // Queries the grid could not settle alone (tests read this).
  int Deferred() const { return deferred_; }
  int KeptVerdicts() const { return keptVerdicts_; }
  bool Indexed() const { return indexed_; }

 private:

  // When the ray search fails (degenerate or invalid input): the nearest
  // ring vertex making a good bridge (the 64 nearest are tried), else the
  // nearest one whose segment crosses nothing, else the nearest.
  int NearestVisible(int ring, int hole, int m) const {
    const Vec2 pm = P(m);
    std::vector<std::pair<double, int>> byDist;
    int k = ring;
    do {
      byDist.push_back({Dot2(P(k) - pm, P(k) - pm), k});
      k = nodes_[k].next;
    } while (k != ring);
    const size_t tries = std::min<size_t>(64, byDist.size());
    std::partial_sort(byDist.begin(), byDist.begin() + tries, byDist.end());
    for (size_t i = 0; i < tries; ++i) {
      if (IsGoodBridge(ring, hole, m, byDist[i].second)) return byDist[i].second;
    }
    for (size_t i = 0; i < tries; ++i) {
      if (!RingCrosses(ring, pm, P(byDist[i].second))) return byDist[i].second;
    }
    return byDist.front().second;
  }

  // Does direction d leave node k into the polygon (the wedge on the left
  // of the cycle at k, from the next edge counter-clockwise to the previous)?
  bool InWedge(int k, Vec2 d) const {
    const Vec2 v = P(k), e1 = P(nodes_[k].next) - v, e2 = P(nodes_[k].prev) - v;
    const bool convex = Cross(e1, e2) >= 0;
    return convex ? (Cross(e1, d) > 0 && Cross(d, e2) > 0) : (Cross(e1, d) > 0 || Cross(d, e2) > 0);
  }

  // The cycle may hold several nodes at the target's position (earlier
  // bridges, pinched loops); the bridge must use the one whose interior
  // faces the other end.
  int PickCopyFacing(int ring, int target, Vec2 toward) const {
    const Vec2 pt = P(target), d = toward - pt;
    if (d.x == 0 && d.y == 0) return target;
    int k = ring;
    do {
      if (Same(P(k), pt) && InWedge(k, d)) return k;
      k = nodes_[k].next;
    } while (k != ring);
    return target;
  }

  // Ring nodes at target's position whose wedge faces `toward` (through the
  // grid): how many, and one of them.
  int CountRingCopiesFacing(int target, Vec2 toward, int& facing) const {
    const Vec2 pt = P(target), d = toward - pt;
    int count = 0;
    const int stamp = NextStamp();
    bridgeGrid_.ForEachNearBox(pt.x, pt.y, pt.x, pt.y, [&](int k) {
      if (!FirstVisit(k, stamp) || !InRing(k) || !Same(P(k), pt) || !InWedge(k, d)) return;
      facing = k;
      ++count;
    });
    return count;
  }

  // PickCopyFacing on the ring (the walk when several copies face it).
  int RingCopyFacing(int ring, int target, Vec2 toward) const {
    const Vec2 d = toward - P(target);
    if (!indexed_ || (d.x == 0 && d.y == 0)) return PickCopyFacing(ring, target, toward);
    int facing = target;
    const int count = CountRingCopiesFacing(target, toward, facing);
    int result = count == 0 ? target : facing;
    if (count > 1) {
      ++deferred_;
      result = PickCopyFacing(ring, target, toward);
    }
    EAR_CLIP_CHECK(result == PickCopyFacing(ring, target, toward), "copy facing");
    return result;
  }

  // Does some ring copy of t face `toward` (t is a ring node)?
  bool RingHasCopyFacing(int ring, int t, Vec2 toward) const {
    if (!indexed_) return InWedge(PickCopyFacing(ring, t, toward), toward - P(t));
    int facing = t;
    const bool any = CountRingCopiesFacing(t, toward, facing) > 0;
    EAR_CLIP_CHECK(any == InWedge(PickCopyFacing(ring, t, toward), toward - P(t)), "facing copy");
    return any;
  }

  void Splice(int p, int m) {
    Node pCopy = nodes_[p], mCopy = nodes_[m];
    const int p2 = static_cast<int>(nodes_.size());
    const int m2 = p2 + 1;
    nodes_.push_back(pCopy);
    nodes_.push_back(mCopy);
    const int pn = nodes_[p].next, mp = nodes_[m].prev;
    if (indexed_) {
      // p's edge (to pn) now starts at p2; p and m2 start the two sides of
      // the bridge. mp's edge keeps its geometry (m2 copies m).
      seen_.resize(nodes_.size(), 0);
      bridgeGrid_.Replace(p, p2, P(p), P(pn));
      indexed_ = bridgeGrid_.Insert(p, P(p), P(m)) && bridgeGrid_.Insert(m2, P(p), P(m));
    }
    nodes_[p].next = m;
    nodes_[m].prev = p;
    nodes_[mp].next = m2;
    nodes_[m2].prev = mp;
    nodes_[m2].next = p2;
    nodes_[p2].prev = m2;
    nodes_[p2].next = pn;
    nodes_[pn].prev = p2;
    loopBridged_[nodes_[m].loop] = 1;
  }


  std::vector<std::array<int, 3>>& out_;
  const bool keepEarVerdicts_;
  std::vector<Node> nodes_;
  // Candidate blockers: the live grid for "any?", grid_ (with removed
  // nodes, in insertion order) for the counted searches.
  LivePointGrid liveGrid_;
  PointGrid grid_;
  bool countedGridBuilt_ = false;
  std::vector<Vec2> positions_;
  std::vector<char> firstInGrid_;  // inGrid_ when Run built the grids
  std::vector<int> gridInserts_;   // Clip's inserts before grid_ was built
  CandidateHeap heap_;
  KeySet edges_;  // undirected id pairs of the cycle's edges and the diagonals cut
  std::vector<int> pending_;  // from pendingFrom_ on
  size_t pendingFrom_ = 0;
  std::vector<char> inGrid_;
  std::vector<char> loopBridged_;  // per input loop: part of the ring yet?
  SegmentGrid bridgeGrid_;
  bool indexed_ = false;
  mutable std::vector<int> seen_;     // per node: stamp of the last query that saw it
  mutable int stamp_ = 0;
  mutable std::vector<int> scratch_;
  mutable int deferred_ = 0;
  mutable bool metCopy_ = false;  // Blockers met a vertex at a corner's position
  int gridEpoch_ = 0;             // vertices Clip added to the grid
  int keptVerdicts_ = 0;
  mutable double work_ = 0;
  int accounting_ = 0;  // 1 while rescanning or falling back
  double budget_ = 0;
  int active_ = 0;
};

}  // namespace

void EarClipWithHoles(const IndexedLoop& outer, const std::vector<IndexedLoop>& holes,
                      std::vector<std::array<int, 3>>& out, const EarClipOptions& options) {
  EarClipper clipper(out, options.keepEarVerdicts);
  size_t nodes = outer.points.size();
  for (const IndexedLoop& h : holes) nodes += h.points.size() + 2;
  clipper.Reserve(nodes);
  const int ring = clipper.AddLoop(outer);
  if (ring < 0) return;
  // Holes in order of decreasing rightmost x (Eberly), so that a bridge never
  // has to cross a hole not yet joined.
  std::vector<std::pair<double, int>> order;
  for (size_t h = 0; h < holes.size(); ++h) {
    double maxX = -std::numeric_limits<double>::infinity();
    for (const Vec2& p : holes[h].points) maxX = std::max(maxX, p.x);
    order.push_back({maxX, static_cast<int>(h)});
  }
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  std::vector<int> starts;
  for (const auto& entry : order) starts.push_back(clipper.AddLoop(holes[entry.second]));
  std::vector<int> pending;
  for (int h : starts) {
    if (h >= 0) pending.push_back(h);
  }
  clipper.SetPendingHoles(pending);
  // Few holes: walking the ring per hole is cheaper than building a grid.
#ifdef MOS_EAR_CLIP_CHECK
  const size_t minHolesForGrid = 1;
#else
  const size_t minHolesForGrid = std::max<size_t>(1, options.minHolesForGrid);
#endif
  if (pending.size() >= minHolesForGrid) clipper.BuildBridgeIndex();
  for (int hole : starts) {
    if (hole < 0) continue;
    clipper.MarkBridged(hole);
    clipper.BridgeHole(ring, hole);
  }
  if (options.stats) {
    options.stats->usedGrid = clipper.Indexed();
    options.stats->deferred = clipper.Deferred();
  }
  clipper.Run(ring);
  if (options.stats) options.stats->keptEarVerdicts = clipper.KeptVerdicts();
}

}  // namespace mos::kernel
