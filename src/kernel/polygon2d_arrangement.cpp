// Arrangement of polygon edges: a uniform 2D grid finds the pairs of edges
// whose boxes overlap (not a Bentley-Ottmann sweep: simpler, and as fast for
// the inputs OpenSCAD produces); vertices lying on edges, then crossings,
// split them. The split is repeated on the pieces (until nothing splits) as a
// rounded crossing point can create a new tiny crossing; crossing points
// within 1e-13 (relative) of an existing vertex snap to it. Edges are kept in
// one canonical orientation and coincident pieces merge exactly (same two
// endpoint ids, deltas summed), which makes every coincident-edge case
// consistent: both operands' windings travel on one edge, and every
// predicate is evaluated once for all edges lying there.
#include "kernel/polygon2d_arrangement.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "kernel/polygon2d_buckets.h"
#include "kernel/small_sort.h"
#include "kernel/uninit_vector.h"

namespace mos::kernel {
namespace {

using polygon2d_detail::AxisBuckets;
using polygon2d_detail::BoxGrid;
// Piece boxes (x0, y0, x1, y1), all written before use.
using BoxList = UninitVector<std::array<double, 4>>;

double Orient(Vec2 a, Vec2 b, Vec2 c) { return Cross(b - a, c - a); }
double Dot2(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
bool Less(Vec2 a, Vec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }
int Sign(double v) { return (v > 0) - (v < 0); }

// Open-addressing table from a pair of 64-bit keys to int values; a key may
// be inserted more than once (the snapping grid lists several points per
// cell). No allocation per entry: std::unordered_map's node per point was a
// large part of a small boolean's time.
class PairTable {
 public:
  template <typename F>
  void ForEach(uint64_t a, uint64_t b, F&& f) const {
    if (slots_.empty()) return;
    for (size_t s = Hash(a, b) & mask_;; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.value < 0) return;
      if (slot.a == a && slot.b == b && f(slot.value)) return;
    }
  }
  void Insert(uint64_t a, uint64_t b, int value) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    Place({a, b, value});
    ++size_;
  }
  // For a table with unique keys: the value of (a, b) if present, else -1
  // after inserting `value` for it; one probe where Find then Insert made
  // two. The table ends as Find-then-Insert leaves it (the free slot the
  // probe stops at is where Place puts the key, unless the table grows).
  int FindOrInsert(uint64_t a, uint64_t b, int value) {
    if (!slots_.empty()) {
      for (size_t s = Hash(a, b) & mask_;; s = (s + 1) & mask_) {
        Slot& slot = slots_[s];
        if (slot.value < 0) {
          if (2 * (size_ + 1) > slots_.size()) break;
          slot = {a, b, value};
          ++size_;
          return -1;
        }
        if (slot.a == a && slot.b == b) return slot.value;
      }
    }
    Insert(a, b, value);
    return -1;
  }
  // Sizes an empty table for `count` entries, so that it does not grow (and
  // rehash) on the way there. Only for tables whose keys are unique: with a
  // key inserted more than once the order in which ForEach meets its
  // entries may depend on the growth history (a rehash re-places them in
  // slot order, which a probe sequence wrapping past the end reverses).
  void ReserveUnique(size_t count) {
    if (size_ != 0) return;
    size_t slots = 64;
    while (2 * (count + 1) > slots) slots *= 2;
    slots_.assign(slots, Slot{0, 0, -1});
    mask_ = slots - 1;
  }

 private:
  struct Slot {
    uint64_t a, b;
    int value;  // -1: empty
  };
  static size_t Hash(uint64_t a, uint64_t b) {
    uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return static_cast<size_t>(h ^ (h >> 32));
  }
  void Place(const Slot& in) {
    size_t s = Hash(in.a, in.b) & mask_;
    while (slots_[s].value >= 0) s = (s + 1) & mask_;
    slots_[s] = in;
  }
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(std::max<size_t>(64, old.size() * 2), Slot{0, 0, -1});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.value >= 0) Place(s);
    }
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0, size_ = 0;
};

class Builder {
 public:
  int VertexId(Vec2 p) {
    if (p.x == 0) p.x = 0;  // -0 -> +0
    if (p.y == 0) p.y = 0;
    uint64_t kx, ky;
    std::memcpy(&kx, &p.x, 8);
    std::memcpy(&ky, &p.y, 8);
    const int id = static_cast<int>(points_.size());
    const int found = ids_.FindOrInsert(kx, ky, id);
    if (found >= 0) return found;
    points_.push_back(p);
    return id;
  }
  // Room for about `count` distinct points (ids_ has unique keys).
  void ReservePoints(size_t count) {
    ids_.ReserveUnique(count);
    points_.reserve(count);
  }
  std::vector<Vec2>& Points() { return points_; }
  std::vector<Vec2> TakePoints() { return std::move(points_); }
  const std::vector<Vec2>& Points() const { return points_; }

  // Computed (crossing) points closer than the snap distance to an earlier
  // point become that point: two crossings that differ only by rounding must
  // not leave a 1-ulp edge behind.
  void SetSnapDistance(double d) { snap_ = d; }
  double SnapDistance() const { return snap_; }
  int SnappedVertexId(Vec2 p) {
    if (snap_ > 0) {
      if (!indexing_) {
        indexing_ = true;
        IndexNewPoints();
      }
      const int64_t cx = static_cast<int64_t>(std::floor(p.x / snap_)), cy = static_cast<int64_t>(std::floor(p.y / snap_));
      int found = -1;
      auto search = [&]() {
        for (int64_t dx = -1; dx <= 1 && found < 0; ++dx) {
          for (int64_t dy = -1; dy <= 1 && found < 0; ++dy) {
            cells_.ForEach(static_cast<uint64_t>(cx + dx), static_cast<uint64_t>(cy + dy), [&](int v) {
              if (std::fabs(points_[v].x - p.x) <= snap_ && std::fabs(points_[v].y - p.y) <= snap_) found = v;
              return found >= 0;
            });
          }
        }
      };
      if (!filter_ || MayHavePointsNear(cx, cy)) {
        search();
      } else {
#ifdef MOS_CHECK_SNAP_FILTER
        // Check build: the cells the filter calls empty must be.
        search();
        if (found >= 0) {
          std::fprintf(stderr, "MOS_CHECK_SNAP_FILTER: a point in cells the filter calls empty\n");
          std::abort();
        }
#endif
      }
      if (found >= 0) {
        ++polygon2d_detail::ThreadSplitRoundStats().snapped;
        return found;
      }
    }
    return VertexId(p);
  }
  // Registers every point created so far in the snapping grid. The grid is
  // filled on the first snapped lookup (arrangements without crossings never
  // need it), in the same order as when it was filled up front.
  void IndexNewPoints() {
    if (!(snap_ > 0) || !indexing_) return;
    if (occupied_.empty()) {
      // About 16 bits per point indexed now (crossing points added later
      // only make the filter denser, never wrong).
      size_t bits = 1024;
      while (bits < 16 * points_.size()) bits *= 2;
      occupied_.assign(bits / 64, 0);
      occupiedMask_ = bits - 1;
    }
    for (; indexed_ < points_.size(); ++indexed_) {
      const Vec2 p = points_[indexed_];
      const int64_t cx = static_cast<int64_t>(std::floor(p.x / snap_)), cy = static_cast<int64_t>(std::floor(p.y / snap_));
      cells_.Insert(static_cast<uint64_t>(cx), static_cast<uint64_t>(cy), static_cast<int>(indexed_));
      const size_t bit = BlockBit(cx >> 2, cy >> 2);
      occupied_[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
  }

 private:
  std::vector<Vec2> points_;
  PairTable ids_;
  double snap_ = 0;
  size_t indexed_ = 0;
  bool indexing_ = false;
  PairTable cells_;  // snapping grid: (cell column, cell row) -> point
  // A filter in front of the snapping grid: one bit per hashed block of
  // 4 x 4 cells, set for every block holding an indexed point. A crossing
  // point whose 3 x 3 cells lie in blocks with no bit set has no earlier
  // point within the snap distance, and the nine probes of the grid are
  // skipped (on circle_grid_union nearly every one of its 15,444 crossings:
  // the snap distance is 1e-13 of the coordinates).
  std::vector<uint64_t> occupied_;
  size_t occupiedMask_ = 0;
  bool filter_ = polygon2d_detail::ThreadSplitRoundStats().snapFilter;
  size_t BlockBit(int64_t bx, int64_t by) const {
    const uint64_t h = static_cast<uint64_t>(bx) * 0x9E3779B97F4A7C15ull ^ static_cast<uint64_t>(by) * 0xC2B2AE3D27D4EB4Full;
    return static_cast<size_t>(h ^ (h >> 29)) & occupiedMask_;
  }
  bool MayHavePointsNear(int64_t cx, int64_t cy) const {
    // Cells cx - 1 .. cx + 1 lie in blocks (cx - 1) >> 2 .. (cx + 1) >> 2
    // (one or two; >> rounds down for negative values too). Cells at the
    // ends of the range (unreachable: coordinates over the snap distance
    // stay below 1e14) are simply searched.
    constexpr int64_t kEnd = int64_t{1} << 62;
    if (cx <= -kEnd || cx >= kEnd || cy <= -kEnd || cy >= kEnd) return true;
    for (int64_t bx = (cx - 1) >> 2; bx <= (cx + 1) >> 2; ++bx) {
      for (int64_t by = (cy - 1) >> 2; by <= (cy + 1) >> 2; ++by) {
        const size_t bit = BlockBit(bx, by);
        if ((occupied_[bit >> 6] >> (bit & 63)) & 1) return true;
      }
    }
    return false;
  }
};

// A piece of edge from points[a] to points[b] with points[a] < points[b]:
// identical pieces are merged (their deltas add up), so every predicate is
// evaluated once, in one canonical orientation, for all edges lying there.
// `fresh`: made or split in the last round. Two pieces that are not fresh
// were tested against each other in that round (nothing to split, the test
// depends only on their endpoints), so the next round skips the pair.
// `origin`: in the round after the replayed crossing round, the index
// (before that round) of the piece this one was cut from (or is), for
// DerivedPairPass; -1 elsewhere.
struct Piece {
  int a, b;
  std::array<int, 2> delta;
  bool fresh = true;
  int origin = -1;
};

bool PieceBefore(const Piece& p, const Piece& q) { return p.a < q.a || (p.a == q.a && p.b < q.b); }

// Sorted by (a, b) with identical pieces merged (deltas summed, fresh if
// any was) and pieces without any delta dropped. The merged values do not
// depend on the order of identical pieces, so any sort gives the same.
void MergeSortedPieces(std::vector<Piece>& pieces) {
  std::vector<Piece> merged;
  merged.reserve(pieces.size());
  for (const Piece& p : pieces) {
    if (!merged.empty() && merged.back().a == p.a && merged.back().b == p.b) {
      merged.back().delta[0] += p.delta[0];
      merged.back().delta[1] += p.delta[1];
      merged.back().fresh = merged.back().fresh || p.fresh;
    } else {
      merged.push_back(p);
    }
  }
  merged.erase(std::remove_if(merged.begin(), merged.end(),
                              [](const Piece& p) { return p.delta[0] == 0 && p.delta[1] == 0; }),
               merged.end());
  pieces.swap(merged);
}

// What std::merge of two runs sorted by (a, b) (on ties x's piece first)
// and then MergeSortedPieces give, in one pass: identical pieces merged
// into the first (deltas summed, fresh if any was), pieces without any
// delta dropped. (ApplySplits merged into a buffer and copied it into
// another: on circle_grid_union 63,048 pieces twice.)
void MergeSortedRuns(const std::vector<Piece>& x, const std::vector<Piece>& y, std::vector<Piece>& into) {
  into.clear();
  into.reserve(x.size() + y.size());
  auto emit = [&into](const Piece& p) {
    if (!into.empty()) {
      Piece& last = into.back();
      if (last.a == p.a && last.b == p.b) {
        last.delta[0] += p.delta[0];
        last.delta[1] += p.delta[1];
        last.fresh = last.fresh || p.fresh;
        return;
      }
      // `last` is complete: nothing identical to it follows.
      if (last.delta[0] == 0 && last.delta[1] == 0) into.pop_back();
    }
    into.push_back(p);
  };
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (PieceBefore(y[j], x[i])) {
      emit(y[j++]);
    } else {
      emit(x[i++]);
    }
  }
  for (; i < x.size(); ++i) emit(x[i]);
  for (; j < y.size(); ++j) emit(y[j]);
  if (!into.empty() && into.back().delta[0] == 0 && into.back().delta[1] == 0) into.pop_back();
}

// Sorts pieces by (a, b). Identical pieces may come in any order: the
// merge sums their deltas. Many pieces of few points (a round's pieces, the
// input edges) are sorted by a counting sort on a, each vertex's few pieces
// then by b; a handful among many points by std::sort.
void SortPieces(std::vector<Piece>& pieces, size_t pointCount) {
  const size_t n = pieces.size();
  if (n < 64 || 4 * n < pointCount) {
    std::sort(pieces.begin(), pieces.end(), PieceBefore);
    return;
  }
  // Offsets counted two places up and advanced while filling, so that
  // start[v] .. start[v + 1] is vertex v's run afterwards (no copy to fill from).
  std::vector<int> start(pointCount + 2, 0);
  for (const Piece& p : pieces) ++start[p.a + 2];
  for (size_t v = 2; v < pointCount + 2; ++v) start[v] += start[v - 1];
  std::vector<Piece> sorted(n);
  for (const Piece& p : pieces) sorted[start[p.a + 1]++] = p;
  for (size_t v = 0; v < pointCount; ++v) {
    SortBucket(sorted.begin() + start[v], sorted.begin() + start[v + 1],
               [](const Piece& p, const Piece& q) { return p.b < q.b; }, 16);
  }
  pieces.swap(sorted);
}

void MergePieces(std::vector<Piece>& pieces, size_t pointCount) {
  SortPieces(pieces, pointCount);
  MergeSortedPieces(pieces);
}

// Is p strictly inside segment (a, b), given that it is collinear?
bool StrictlyBetween(Vec2 a, Vec2 b, Vec2 p) { return Dot2(p - a, b - a) > 0 && Dot2(p - b, a - b) > 0; }

// Is the piece (p, q) strictly shorter than a piece of squared length
// length2? A split replaces a piece only by strictly shorter ones: for
// vertices on the segment that always holds, but vertices merely within the
// snap distance of it may lie beside it, and in a cluster of vertices
// smaller than the snap distance (a triangle 0.5 wide at y = 7.8e13, where
// the snap distance is 7.8) every vertex is "on" every other edge: each
// edge was routed through the opposite vertex, i.e. replaced by the other
// two, and the merged winding deltas went x -> -2x every round until they
// overflowed int (tests/fuzz/corpus_svg/winding_delta_overflow_32_rounds, at
// 32 rounds). When pieces only get shorter none can regenerate itself, and
// with finitely many points the splitting settles. No split is skipped on
// any input of the polygon2d fuzz corpora; in the kernel tests five are,
// each at a vertex 5e-16 from the piece's own endpoint.
bool ShorterThan(Vec2 p, Vec2 q, double length2) { return Dot2(q - p, q - p) < length2; }

// Crossing point of (a,b) and (c,d) (known to cross properly), interpolated
// from the nearer end of (c,d) and clamped to both boxes. The arguments are
// put in a canonical order first, so that coincident pieces of different
// edges get bit-identical crossing points and stay coincident.
Vec2 CrossingPoint(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
  if (Less(b, a)) std::swap(a, b);
  if (Less(d, c)) std::swap(c, d);
  if (Less(c, a) || (!Less(a, c) && Less(d, b))) {
    std::swap(a, c);
    std::swap(b, d);
  }
  const double oc = Orient(a, b, c), od = Orient(a, b, d);
  const double t = oc / (oc - od);
  Vec2 p = t <= 0.5 ? c + Vec2{(d.x - c.x) * t, (d.y - c.y) * t}
                    : d + Vec2{(c.x - d.x) * (1 - t), (c.y - d.y) * (1 - t)};
  const double x0 = std::max(std::min(a.x, b.x), std::min(c.x, d.x));
  const double x1 = std::min(std::max(a.x, b.x), std::max(c.x, d.x));
  const double y0 = std::max(std::min(a.y, b.y), std::min(c.y, d.y));
  const double y1 = std::min(std::max(a.y, b.y), std::max(c.y, d.y));
  p.x = std::min(std::max(p.x, x0), x1);
  p.y = std::min(std::max(p.y, y0), y1);
  return p;
}

// The piece from u to v with the given deltas (for direction u -> v), in
// canonical orientation.
Piece Canonical(const std::vector<Vec2>& pts, int u, int v, std::array<int, 2> delta) {
  if (Less(pts[u], pts[v])) return {u, v, delta, true, -1};
  return {v, u, {-delta[0], -delta[1]}, true, -1};
}

// Rough heap use of the arrangement under construction, for the budget.
int64_t ArrangementBytes(size_t points, size_t pieces, size_t splits) {
  return static_cast<int64_t>(points) * 64 + static_cast<int64_t>(pieces) * 80 + static_cast<int64_t>(splits) * 8;
}

// On the polygon2d and SVG fuzz corpora (2,830 inputs, ~9,000
// arrangements) no arrangement splits in more than 3 rounds; random loops
// of up to 32 vertices crammed below the snap distance settle within 18
// (tests/unit/kernel/polygon2d_sub_snap_cluster_test.cpp). Pieces only get
// shorter (ShorterThan), so the splitting settles; the bound is a guard.
constexpr int kMaxCrossingRounds = 32;

// The vertex round keeps its overlapping pairs for DerivedPairPass while
// there are at most this many per piece (circle_grid_union: 1.8).
constexpr size_t kMaxKeptPairsPerPiece = 16;

// What the vertex round saw, for replaying the first crossing round: its
// vertex splits and the pairs that cross properly, in BoxGrid's order (the
// vertex round does not cut crossings).
// With the swept search it also keeps every pair whose boxes overlap (all
// pieces of the vertex round are fresh, so the broad phase visits exactly
// those), for DerivedPairPass.
struct VertexRoundRecord {
  std::vector<std::pair<int, int>> splits;
  std::vector<std::pair<int, int>> crossings;
  std::vector<std::pair<int, int>> overlapping;
  bool keepsOverlapping = false;
};

// Checks the guard every 4096 visited pairs (or made crossings); false once
// it stopped.
bool CheckEvery4096(LimitGuard* guard, size_t pair, const Builder& builder, size_t pieces, size_t splitCount) {
  if (guard == nullptr || (pair & 4095) != 0) return true;
  const size_t points = builder.Points().size();
  return guard->Check(static_cast<int64_t>(points), ArrangementBytes(points, pieces, splitCount));
}

// Is a vertex whose orientation against piece (a, b) is o on the piece's
// line, within the snap distance (|orient| = length * distance)?
bool OnPiece(double o, Vec2 a, Vec2 b, double snap) {
  return o == 0 || std::fabs(o) <= snap * std::sqrt(Dot2(b - a, b - a));
}

// The exact test of pieces i < j whose boxes overlap: the vertices of one
// lying on the other go to `splits` as (piece, vertex); returns true when
// the two cross properly (the caller makes the crossing point). In two
// parts: pieces sharing an endpoint (most pairs: neighbours along a contour,
// the four pieces around a crossing; all 111,228 pairs of circle_grid_union's
// last round) take a few dot products, inlined into the broad phase's pair
// visit; the rest, the full test, is a call of its own, so that the visit
// of a sharing pair does not pay for the full test's registers and frame.
bool SharesEndpoint(const Piece& s, const Piece& t) { return s.a == t.a || s.a == t.b || s.b == t.a || s.b == t.b; }

// Pieces sharing an endpoint (identical pieces are merged, and both run
// from their lower end, so they share exactly one): the orientation of
// the shared vertex is 0 (or NaN if a coordinate difference overflows),
// so it is "on" the other piece, is no split (it is an endpoint of
// both), and no crossing is cut. Left: each piece's other endpoint
// against the other piece, with the same expressions as the full test
// (t's far end against s first, then s's far end against t).
[[gnu::always_inline]] inline void TestSharingPair(const std::vector<Vec2>& pts, const Piece& s, const Piece& t, int i,
                                                   int j, double snap, std::vector<std::pair<int, int>>& splits) {
  const bool tAShared = t.a == s.a || t.a == s.b;
  const int tFar = tAShared ? t.b : t.a;
  const bool sAShared = s.a == t.a || s.a == t.b;
  const int sFar = sAShared ? s.b : s.a;
  const Vec2 a = pts[s.a], b = pts[s.b], c = pts[t.a], d = pts[t.b];
  const Vec2 e = pts[tFar];
  if (StrictlyBetween(a, b, e) && OnPiece(Orient(a, b, e), a, b, snap)) splits.push_back({i, tFar});
  const Vec2 f = pts[sFar];
  if (StrictlyBetween(c, d, f) && OnPiece(Orient(c, d, f), c, d, snap)) splits.push_back({j, sFar});
}

// Pieces without a shared endpoint.
[[gnu::noinline]] bool TestSeparatePair(const std::vector<Vec2>& pts, const Piece& s, const Piece& t, int i, int j,
                                        double snap, std::vector<std::pair<int, int>>& splits) {
  const Vec2 a = pts[s.a], b = pts[s.b], c = pts[t.a], d = pts[t.b];
  const double o1 = Orient(a, b, c), o2 = Orient(a, b, d);
  const double o3 = Orient(c, d, a), o4 = Orient(c, d, b);
  // Vertices lying on the other piece, or within the snap distance of it
  // (|orient| = length * distance): overlapping edges whose rounded
  // endpoints are off each other's lines by far less than that must
  // still become identical pieces, or they form a sliver that no
  // predicate sees and the windings around it disagree.
  const double lenS = std::sqrt(Dot2(b - a, b - a)), lenT = std::sqrt(Dot2(d - c, d - c));
  auto onS = [&](double o) { return o == 0 || std::fabs(o) <= snap * lenS; };
  auto onT = [&](double o) { return o == 0 || std::fabs(o) <= snap * lenT; };
  const bool cOnS = onS(o1), dOnS = onS(o2), aOnT = onT(o3), bOnT = onT(o4);
  if (cOnS && t.a != s.a && t.a != s.b && StrictlyBetween(a, b, c)) splits.push_back({i, t.a});
  if (dOnS && t.b != s.a && t.b != s.b && StrictlyBetween(a, b, d)) splits.push_back({i, t.b});
  if (aOnT && s.a != t.a && s.a != t.b && StrictlyBetween(c, d, a)) splits.push_back({j, s.a});
  if (bOnT && s.b != t.a && s.b != t.b && StrictlyBetween(c, d, b)) splits.push_back({j, s.b});
  // A proper crossing only where no endpoint lies on the other piece.
  // When one does (within the snap distance), the two pieces touch there
  // and the vertex split above already makes them share it; if an
  // endpoint lies on the other's line beyond its end, the crossing lies
  // where the lines are closer still, so one of the other endpoints is on
  // and splits. Cutting a crossing as well, at a point the orientation
  // signs (~1e-16, pure rounding) put somewhere along a stretch where the
  // two nearly parallel lines are closer than rounding, moved the pieces
  // off each other's lines and made a new crossing every round, until the
  // round limit left crossing pieces in the arrangement and the windings
  // wrong (fuzz input kernel_regressions/polygon2d/nonzero_union_one_operand:
  // three copies of one edge, jittered by 1e-9, near (4, 7.5)).
  return !(cOnS || dOnS || aOnT || bOnT) && Sign(o1) * Sign(o2) < 0 && Sign(o3) * Sign(o4) < 0;
}

bool BoxesOverlap(const std::array<double, 4>& p, const std::array<double, 4>& q) {
  return !(p[0] > q[2] || q[0] > p[2] || p[1] > q[3] || q[1] > p[3]);
}

// What a broad phase found: vertex splits, crossing pairs, and whether the
// guard stopped it.
struct PairPass {
  std::vector<std::pair<int, int>> splits;
  std::vector<std::pair<int, int>> crossings;  // (i, j), i < j, in BoxGrid's order
  bool stopped = false;
};

#if defined(MOS_CHECK_SPLIT_SEARCH) || defined(MOS_CHECK_DERIVED_PAIRS)
// Check builds: a faster pair pass must find the exhaustive one's splits
// (in any order) and its crossings in the same order.
void AbortUnlessSamePass(const char* check, const PairPass& pass, PairPass full) {
  std::vector<std::pair<int, int>> mine = pass.splits;
  std::sort(mine.begin(), mine.end());
  std::sort(full.splits.begin(), full.splits.end());
  if (mine != full.splits || pass.crossings != full.crossings) {
    std::fprintf(stderr, "%s: pair pass differs (%zu/%zu splits, %zu/%zu crossings)\n", check, mine.size(),
                 full.splits.size(), pass.crossings.size(), full.crossings.size());
    std::abort();
  }
}
#endif

// The exhaustive broad phase: every pair whose boxes share a cell of a
// uniform grid (BoxGrid) is considered.
// One pair a broad phase visits, the same in both: many overlapping edges
// make the visits quadratic, so the guard (cancel, points and splits so
// far) is checked every few thousand pairs; a pair with a fresh piece (and,
// where the broad phase asks, overlapping boxes) is tested.
template <bool kCheckBoxes>
struct PairVisit {
  const Builder& builder;
  const std::vector<Piece>& pieces;
  const BoxList& boxes;
  LimitGuard* guard;
  PairPass& pass;
  const std::vector<Vec2>& pts = builder.Points();
  const double snap = builder.SnapDistance();
  size_t pairs = 0;
  std::vector<std::pair<int, int>>* overlapping = nullptr;  // every visited pair goes here (kCheckBoxes false)

  void operator()(int i, int j) {
    if (pass.stopped) return;
    if (!CheckEvery4096(guard, ++pairs, builder, pieces.size(), pass.splits.size())) {
      pass.stopped = true;
      return;
    }
    if (!kCheckBoxes && overlapping != nullptr) overlapping->push_back({i, j});
    const Piece& s = pieces[i];
    const Piece& t = pieces[j];
    if (!s.fresh && !t.fresh) return;
    if (kCheckBoxes && !BoxesOverlap(boxes[i], boxes[j])) return;
    if (SharesEndpoint(s, t)) {
      TestSharingPair(pts, s, t, i, j, snap, pass.splits);
    } else if (TestSeparatePair(pts, s, t, i, j, snap, pass.splits)) {
      pass.crossings.push_back({i, j});
    }
  }
};

PairPass PairPassBoxGrid(const Builder& builder, const std::vector<Piece>& pieces,
                         const BoxList& boxes, LimitGuard* guard) {
  PairPass pass;
  BoxGrid grid(boxes);
  PairVisit<true> visit{builder, pieces, boxes, guard, pass};
  grid.ForEachPair(visit);
  return pass;
}

// Puts crossing pairs (i, j), i < j, into the order in which BoxGrid's
// exhaustive walk meets them: by (OrderKey, i, j).
void SortIntoGridOrder(const polygon2d_detail::BoxGridLayout& layout, std::vector<std::pair<int, int>>& crossings) {
  if (crossings.size() < 2) return;
  std::vector<std::pair<size_t, std::pair<int, int>>> keyed(crossings.size());
  for (size_t k = 0; k < keyed.size(); ++k) {
    const auto& c = crossings[k];
    keyed[k] = {layout.OrderKey(c.first, c.second), c};
  }
  std::sort(keyed.begin(), keyed.end());
  for (size_t k = 0; k < keyed.size(); ++k) crossings[k] = keyed[k].second;
}

// The swept broad phase: the same grid, but only pairs whose boxes overlap
// are visited, crowded cells swept in x order (BoxGrid::ForEachOverlappingPair),
// so the same pairs are tested. Where a cell was swept the crossings are
// then sorted into the exhaustive path's order (the crossing points are made
// in it, and the snapping makes the vertex ids depend on it); elsewhere they
// come in it.
PairPass PairPassSwept(const Builder& builder, const std::vector<Piece>& pieces,
                       const BoxList& boxes, LimitGuard* guard,
                       std::vector<std::pair<int, int>>* overlapping = nullptr) {
  PairPass pass;
  BoxGrid grid(boxes);
  PairVisit<false> visit{builder, pieces, boxes, guard, pass};
  visit.overlapping = overlapping;
  const bool swept = grid.ForEachOverlappingPair(boxes, visit);
  if (swept) SortIntoGridOrder(grid.Layout(), pass.crossings);
  return pass;
}

// Makes the crossing point of each crossing pair (i, j), in order (the
// snapping makes the vertex ids depend on it), and adds it to `splits` as
// a split of both pieces. False if the guard stopped it.
bool AddCrossings(Builder& builder, const std::vector<Piece>& pieces,
                  const std::vector<std::pair<int, int>>& crossings, LimitGuard* guard,
                  std::vector<std::pair<int, int>>& splits) {
  const std::vector<Vec2>& pts = builder.Points();
  size_t splitCount = 0;
  for (size_t k = 0; k < crossings.size(); ++k) {
    if (!CheckEvery4096(guard, k + 1, builder, pieces.size(), splitCount)) return false;
    const auto [i, j] = crossings[k];
    const Piece& s = pieces[i];
    const Piece& t = pieces[j];
    const int id = builder.SnappedVertexId(CrossingPoint(pts[s.a], pts[s.b], pts[t.a], pts[t.b]));
    builder.IndexNewPoints();
    splits.push_back({i, id});
    splits.push_back({j, id});
    splitCount += 2;
  }
  return true;
}

// Each piece's bounding box, by piece.
BoxList PieceBoxes(const std::vector<Vec2>& pts, const std::vector<Piece>& pieces) {
  BoxList boxes(pieces.size());
  for (size_t i = 0; i < pieces.size(); ++i) {
    const Vec2 a = pts[pieces[i].a], b = pts[pieces[i].b];
    boxes[i] = {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
  }
  return boxes;
}

// The pair pass of a round: the split points of every piece, as (piece,
// vertex) in `splits`; in a crossing round the crossing points are made (in
// BoxGrid's order). With `record` (a vertex round, crossings false) the
// pairs that cross properly are kept, and the split list. Returns false if
// the guard stopped it.
bool FindSplits(Builder& builder, const std::vector<Piece>& pieces, bool crossings, LimitGuard* guard,
                std::vector<std::pair<int, int>>& splits, VertexRoundRecord* record, SplitPairSearch search) {
  const BoxList boxes = PieceBoxes(builder.Points(), pieces);
  const bool swept = search == SplitPairSearch::kSwept;
  std::vector<std::pair<int, int>>* overlapping = nullptr;
  if (record != nullptr && swept) {
    overlapping = &record->overlapping;
    overlapping->reserve(2 * pieces.size());
  }
  PairPass pass = swept ? PairPassSwept(builder, pieces, boxes, guard, overlapping)
                        : PairPassBoxGrid(builder, pieces, boxes, guard);
  if (overlapping != nullptr) {
    // Kept only while it stays small (many long overlapping edges make the
    // pairs quadratic); without it the next rounds take the grid.
    record->keepsOverlapping = overlapping->size() <= kMaxKeptPairsPerPiece * pieces.size() + 1024;
    if (!record->keepsOverlapping) std::vector<std::pair<int, int>>().swap(*overlapping);
  }
#ifdef MOS_CHECK_SPLIT_SEARCH
  if (swept && !pass.stopped) {
    // Check build: the exhaustive path must find the same splits and the
    // same crossings in the same order.
    AbortUnlessSamePass("MOS_CHECK_SPLIT_SEARCH", pass, PairPassBoxGrid(builder, pieces, boxes, nullptr));
  }
#endif
  if (pass.stopped) return false;
  splits.swap(pass.splits);
  if (!crossings) {
    if (record != nullptr) {
      record->splits = splits;
      record->crossings = std::move(pass.crossings);
    }
    return true;
  }
  return AddCrossings(builder, pieces, pass.crossings, guard, splits);
}

// Sorts (piece, vertex) splits: by a counting sort on the piece when there
// are many, then each piece's few vertices (equal pairs are equal, so any
// sort gives the same list).
void SortSplits(std::vector<std::pair<int, int>>& splits, size_t pieceCount) {
  const size_t n = splits.size();
  if (n < 64 || 4 * n < pieceCount) {
    std::sort(splits.begin(), splits.end());
    return;
  }
  std::vector<int> start(pieceCount + 1, 0);
  for (const auto& sp : splits) ++start[sp.first + 1];
  for (size_t i = 0; i < pieceCount; ++i) start[i + 1] += start[i];
  std::vector<std::pair<int, int>> sorted(n);
  {
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (const auto& sp : splits) sorted[fill[sp.first]++] = sp;
  }
  for (size_t i = 0; i < pieceCount; ++i) {
    SortBucket(sorted.begin() + start[i], sorted.begin() + start[i + 1],
               [](const std::pair<int, int>& p, const std::pair<int, int>& q) { return p.second < q.second; }, 16);
  }
  splits.swap(sorted);
}

// The apply pass: routes every piece through its split vertices; returns
// true if any piece was split. Pieces come in sorted and merged and leave
// so: the unsplit ones keep their order, so only the new ones are sorted.
// With `track`, every piece that leaves gets the index of the piece it was
// cut from (or is) as its origin (a merged piece: one of them).
bool ApplySplits(const std::vector<Vec2>& pts, std::vector<Piece>& pieces, std::vector<std::pair<int, int>>& splits,
                 bool track = false) {
  if (splits.empty()) {
    // What the pass below leaves when nothing splits: the same pieces (still
    // sorted and merged), none fresh.
    for (Piece& p : pieces) p.fresh = false;
    return false;
  }
  const int n = static_cast<int>(pieces.size());
  bool any = false;
  std::vector<Piece> out, made;
  out.reserve(pieces.size());
  made.reserve(2 * splits.size());  // a piece split at k vertices makes at most k + 1
  SortSplits(splits, pieces.size());
  std::vector<int> ids;
  size_t next = 0;
  for (int i = 0; i < n; ++i) {
    Piece s = pieces[i];
    ids.clear();
    for (; next < splits.size() && splits[next].first == i; ++next) {
      const int v = splits[next].second;
      if (v != s.a && v != s.b) ids.push_back(v);
    }
    if (track) s.origin = i;
    if (ids.empty()) {
      s.fresh = false;
      out.push_back(s);
      continue;
    }
    const Vec2 a = pts[s.a], dir = pts[s.b] - a;
    if (ids.size() > 1) {  // (one split vertex, the usual case: nothing to order)
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());  // sorted by id: duplicates are adjacent
      std::sort(ids.begin(), ids.end(), [&](int u, int v) { return Dot2(pts[u] - a, dir) < Dot2(pts[v] - a, dir); });
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }
    // The piece is routed through its split vertices in order, skipping any
    // that would make a piece at least as long as it (see ShorterThan).
    const double length2 = Dot2(dir, dir);
    const size_t before = made.size();
    int prev = s.a;
    for (int v : ids) {
      if (v == prev || !ShorterThan(pts[prev], pts[v], length2) || !ShorterThan(pts[v], pts[s.b], length2)) continue;
      made.push_back(Canonical(pts, prev, v, s.delta));
      made.back().origin = s.origin;
      prev = v;
    }
    if (made.size() == before) {
      s.fresh = false;
      out.push_back(s);
      continue;
    }
    any = true;
    made.push_back(Canonical(pts, prev, s.b, s.delta));
    made.back().origin = s.origin;
  }
  SortPieces(made, pts.size());
  MergeSortedRuns(out, made, pieces);
#ifdef MOS_CHECK_PIECE_MERGE
  {
    // Check build: the two-step merge MergeSortedRuns replaces.
    std::vector<Piece> full(out.size() + made.size());
    std::merge(out.begin(), out.end(), made.begin(), made.end(), full.begin(), PieceBefore);
    MergeSortedPieces(full);
    const bool same = full.size() == pieces.size() &&
                      std::equal(full.begin(), full.end(), pieces.begin(), [](const Piece& p, const Piece& q) {
                        return p.a == q.a && p.b == q.b && p.delta == q.delta && p.fresh == q.fresh &&
                               p.origin == q.origin;
                      });
    if (!same) {
      std::fprintf(stderr, "MOS_CHECK_PIECE_MERGE: merged pieces differ (%zu/%zu)\n", pieces.size(), full.size());
      std::abort();
    }
  }
#endif
  return any;
}

// One round: finds split points of every piece and splits them; returns
// true if any piece was split (false also when the guard stopped it).
bool SplitRound(Builder& builder, std::vector<Piece>& pieces, bool crossings, LimitGuard* guard,
                SplitPairSearch search, VertexRoundRecord* record = nullptr) {
  std::vector<std::pair<int, int>> splits;  // (piece, vertex on it)
  if (!FindSplits(builder, pieces, crossings, guard, splits, record, search)) return false;
  return ApplySplits(builder.Points(), pieces, splits);
}

// The first crossing round after a vertex round that split nothing: the
// pieces and their boxes are the same, so the round would test the same
// pairs, find the same vertex splits and cross exactly the pairs recorded.
// Only the crossing points are made, in the recorded order (the snapping
// makes the vertex ids depend on it).
//
// With `derive` (the next round may use DerivedPairPass), `contained` tells
// whether every split vertex lies in the box of the piece it splits (a
// crossing point is clamped into both pieces' boxes, but one snapped to an
// earlier point, or a vertex split within the snap distance of a piece, may
// lie just outside); then every piece that leaves lies in the box of its
// origin, as DerivedPairPass needs, and gets its origin.
bool ReplayCrossingRound(Builder& builder, std::vector<Piece>& pieces, const VertexRoundRecord& record,
                         LimitGuard* guard, bool derive, bool* contained) {
  std::vector<std::pair<int, int>> splits = record.splits;
  if (!AddCrossings(builder, pieces, record.crossings, guard, splits)) return false;
  const std::vector<Vec2>& pts = builder.Points();
  *contained = derive;
  for (size_t k = 0; k < splits.size() && *contained; ++k) {
    const Piece& s = pieces[splits[k].first];
    const Vec2 a = pts[s.a], b = pts[s.b], v = pts[splits[k].second];
    *contained = std::min(a.x, b.x) <= v.x && v.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= v.y &&
                 v.y <= std::max(a.y, b.y);
  }
  return ApplySplits(pts, pieces, splits, *contained);
}

// One candidate pair of DerivedPairPass, tested as PairVisit tests it.
[[gnu::always_inline]] inline void TestCandidate(const std::vector<Vec2>& pts, const std::vector<Piece>& pieces,
                                                 const BoxList& boxes, int p, int q, double snap, PairPass& pass) {
  const int i = std::min(p, q), j = std::max(p, q);
  const Piece& s = pieces[i];
  const Piece& t = pieces[j];
  if (!s.fresh && !t.fresh) return;
  if (!BoxesOverlap(boxes[i], boxes[j])) return;
  if (SharesEndpoint(s, t)) {
    TestSharingPair(pts, s, t, i, j, snap, pass.splits);
  } else if (TestSeparatePair(pts, s, t, i, j, snap, pass.splits)) {
    pass.crossings.push_back({i, j});
  }
}

// Where pieces of the vertex round are cut into many pieces that overlap
// many others' (module_recursion: 961,474 candidates for 21,220 pieces),
// the grid finds the pairs with less work (~250 instructions per piece,
// ~35 per candidate): the derived pass is taken for at most
// SplitRoundStats::maxCandidatesPerPiece (8) candidates per piece.

// Whether the round after the replayed one may take DerivedPairPass: the
// vertex round kept its overlapping pairs, and the candidates stay few. A
// piece split at k vertices leaves at most k + 1 pieces, so the count
// from the recorded splits and crossings bounds the real one.
bool WorthDeriving(const VertexRoundRecord& record, size_t pieceCount) {
  if (!record.keepsOverlapping) return false;
  std::vector<int> kids(pieceCount, 1);
  for (const auto& sp : record.splits) ++kids[sp.first];
  for (const auto& [i, j] : record.crossings) {
    ++kids[i];
    ++kids[j];
  }
  size_t pieces = 0, candidates = 0;
  for (int k : kids) {
    pieces += static_cast<size_t>(k);
    candidates += static_cast<size_t>(k) * static_cast<size_t>(k - 1) / 2;
  }
  const size_t limit = polygon2d_detail::ThreadSplitRoundStats().maxCandidatesPerPiece * pieces + 1024;
  for (const auto& [i, j] : record.overlapping) {
    candidates += static_cast<size_t>(kids[i]) * static_cast<size_t>(kids[j]);
    if (candidates > limit) return false;
  }
  return candidates <= limit;
}

// The pair pass of the round after a replayed crossing round whose split
// vertices were contained (above), without a grid: every piece's box lies
// in its origin's box, so two pieces whose boxes overlap either come from
// one piece or from two whose boxes overlapped in the vertex round, and
// the vertex round kept every such pair (its pieces were all fresh, so its
// broad phase visited exactly the overlapping pairs). Those candidates are
// visited, each once, and tested where the boxes overlap and a piece is
// fresh: the same pairs as the grid's, in another order, so the splits are
// the same (ApplySplits sorts them) and the crossings, if any, are put
// into BoxGrid's order (OrderKey, i, j) as PairPassSwept does. On
// circle_grid_union this round finds nothing, and the grid of its 63,048
// pieces cost more than its 111,228 tests.
PairPass DerivedPairPass(const Builder& builder, const std::vector<Piece>& pieces, const BoxList& boxes,
                         const std::vector<std::pair<int, int>>& overlapping, size_t originCount,
                         LimitGuard* guard) {
  PairPass pass;
  // Pieces by origin, flat: start[o] .. start[o + 1] in byOrigin (counted
  // two places up and advanced while filling).
  const size_t n = pieces.size();
  std::vector<int> start(originCount + 2, 0);
  for (const Piece& p : pieces) ++start[static_cast<size_t>(p.origin) + 2];
  for (size_t o = 2; o < originCount + 2; ++o) start[o] += start[o - 1];
  UninitVector<int> byOrigin(n);
  for (size_t i = 0; i < n; ++i) byOrigin[start[static_cast<size_t>(pieces[i].origin) + 1]++] = static_cast<int>(i);
  // Each candidate with a fresh piece and overlapping boxes is tested as
  // the grid's visit tests it, inline (most share an endpoint: a few dot
  // products); the guard is checked every 4096 origins and origin pairs.
  const std::vector<Vec2>& pts = builder.Points();
  const double snap = builder.SnapDistance();
  size_t step = 0;
  for (size_t o = 0; o < originCount; ++o) {
    if (!CheckEvery4096(guard, ++step, builder, n, pass.splits.size())) {
      pass.stopped = true;
      return pass;
    }
    for (int x = start[o]; x < start[o + 1]; ++x) {
      for (int y = x + 1; y < start[o + 1]; ++y) TestCandidate(pts, pieces, boxes, byOrigin[x], byOrigin[y], snap, pass);
    }
  }
  for (const auto& [po, qo] : overlapping) {
    if (!CheckEvery4096(guard, ++step, builder, n, pass.splits.size())) {
      pass.stopped = true;
      return pass;
    }
    for (int x = start[po]; x < start[po + 1]; ++x) {
      for (int y = start[qo]; y < start[qo + 1]; ++y) TestCandidate(pts, pieces, boxes, byOrigin[x], byOrigin[y], snap, pass);
    }
  }
  if (pass.crossings.size() > 1) SortIntoGridOrder(polygon2d_detail::BoxGridLayout(boxes), pass.crossings);
  return pass;
}

// The round after a replayed crossing round whose split vertices were
// contained: DerivedPairPass finds the pairs, the rest is SplitRound's.
bool DerivedCrossingRound(Builder& builder, std::vector<Piece>& pieces, const VertexRoundRecord& record,
                          size_t originCount, LimitGuard* guard) {
  const BoxList boxes = PieceBoxes(builder.Points(), pieces);
  PairPass pass = DerivedPairPass(builder, pieces, boxes, record.overlapping, originCount, guard);
#ifdef MOS_CHECK_DERIVED_PAIRS
  if (!pass.stopped) {
    // Check build: the grid must find the same splits and the same
    // crossings in the same order.
    AbortUnlessSamePass("MOS_CHECK_DERIVED_PAIRS", pass, PairPassSwept(builder, pieces, boxes, nullptr));
  }
#endif
  if (pass.stopped) return false;
  std::vector<std::pair<int, int>> splits;
  splits.swap(pass.splits);
  if (!AddCrossings(builder, pieces, pass.crossings, guard, splits)) return false;
  return ApplySplits(builder.Points(), pieces, splits);
}

}  // namespace

namespace polygon2d_detail {

SplitRoundStats& ThreadSplitRoundStats() {
  thread_local SplitRoundStats counts;
  return counts;
}

}  // namespace polygon2d_detail

Arrangement2d BuildArrangement(const std::vector<Segment2d>& segments, LimitGuard* guard, SplitPairSearch search) {
  if (guard != nullptr && !guard->Check(static_cast<int64_t>(segments.size()),
                                        ArrangementBytes(segments.size(), segments.size(), 0))) {
    return {};
  }
  Builder builder;
  // A contour of k edges has k vertices, and crossings add some.
  builder.ReservePoints(segments.size() + segments.size() / 2);
  std::vector<Piece> pieces;
  pieces.reserve(segments.size());
  // A contour's edges come in order, each starting where the last ended:
  // the same bits have the same id, so the start is not looked up again.
  Vec2 lastEnd{0, 0};
  int lastEndId = -1;
  for (const Segment2d& s : segments) {
    if (!std::isfinite(s.a.x) || !std::isfinite(s.a.y) || !std::isfinite(s.b.x) || !std::isfinite(s.b.y)) continue;
    const int a = lastEndId >= 0 && std::memcmp(&s.a, &lastEnd, sizeof(Vec2)) == 0 ? lastEndId : builder.VertexId(s.a);
    const int b = builder.VertexId(s.b);
    lastEnd = s.b;
    lastEndId = b;
    if (a == b) continue;
    std::array<int, 2> delta{0, 0};
    delta[s.operand != 0 ? 1 : 0] = 1;
    pieces.push_back(Canonical(builder.Points(), a, b, delta));
  }
  MergePieces(pieces, builder.Points().size());
  double scale = 0;
  for (const Vec2& p : builder.Points()) scale = std::max({scale, std::fabs(p.x), std::fabs(p.y)});
  builder.SetSnapDistance(scale * 1e-13);
  builder.IndexNewPoints();
  // Vertices on edges (T-junctions, collinear overlaps) first, so that
  // overlapping edges become identical pieces before any crossing is cut.
  auto more = [&]() {
    return guard == nullptr ||
           guard->Check(static_cast<int64_t>(builder.Points().size()),
                        ArrangementBytes(builder.Points().size(), pieces.size(), 0));
  };
  // The first vertex round records its crossing pairs: when it splits
  // nothing (the usual case) the first crossing round is replayed from them
  // instead of testing every pair again.
  VertexRoundRecord record;
  bool replay = false;
  for (int round = 0; round < 2 && more(); ++round) {
    const bool split = SplitRound(builder, pieces, false, guard, search, round == 0 ? &record : nullptr);
    replay = round == 0 && !split && (guard == nullptr || !guard->Stopped());
    if (!split) break;
  }
  // The crossing test is new to every pair.
  for (Piece& p : pieces) p.fresh = true;
  // Until nothing splits: a round only tests pairs with a fresh piece, so
  // a round that finds nothing costs one pass over the pieces. The bound
  // only guards against a cascade that never settles (none known: random
  // jittered sets need at most 3 rounds); an arrangement left with
  // crossing pieces has wrong windings.
  // After a replayed round whose split vertices stayed in their pieces'
  // boxes, the next round's pairs come from the vertex round's.
  bool contained = false;
  const size_t originCount = pieces.size();
  for (int round = 0; round < kMaxCrossingRounds && more(); ++round) {
    bool split;
    if (round == 0 && replay) {
      split = ReplayCrossingRound(builder, pieces, record, guard, WorthDeriving(record, pieces.size()), &contained);
      ++polygon2d_detail::ThreadSplitRoundStats().replayed;
    } else if (round == 1 && replay && contained) {
      split = DerivedCrossingRound(builder, pieces, record, originCount, guard);
      polygon2d_detail::SplitRoundStats& counts = polygon2d_detail::ThreadSplitRoundStats();
      ++counts.derived;
      counts.derivedSplitting += split ? 1 : 0;
    } else {
      split = SplitRound(builder, pieces, true, guard, search);
    }
    if (!split) break;
  }
  if (guard != nullptr && !more()) return {};
  Arrangement2d result;
  result.points = builder.TakePoints();
  result.edges.resize(pieces.size());
  for (size_t k = 0; k < pieces.size(); ++k) {
    ArrangementEdge& e = result.edges[k];
    e.lo = pieces[k].a;
    e.hi = pieces[k].b;
    e.delta = pieces[k].delta;
  }
  return result;
}

namespace {

// Edge ids 0 .. n-1: the candidates of a ray cast without buckets.
struct AllIds {
  struct Iter {
    int i;
    int operator*() const { return i; }
    Iter& operator++() {
      ++i;
      return *this;
    }
    bool operator!=(const Iter& o) const { return i != o.i; }
  };
  int n;
  Iter begin() const { return {0}; }
  Iter end() const { return {n}; }
};

// Winding numbers right of edge i by a ray cast from its midpoint, across
// the edge's long axis: downward where the edge is at most 45 degrees from
// horizontal, leftward where it is steeper. A downward ray from a nearly
// vertical edge (a.x and b.x an ulp apart) is meaningless: the half-open
// rule samples the column [m.x, next double), and when the rounded midpoint
// m.x is b.x that column lies beside the edge, on its left, not below it
// (fuzz input kernel_regressions/polygon2d/union_area_sign_flipped: the
// longest edge of a component was such an edge, and as the component's seed
// it flipped every winding of the result by one).
// `below(x)` / `beside(y)` give candidate edges: every edge whose x range
// (y range) holds x (y), and maybe others (the exact filter is applied here,
// so any superset gives the same sums).
template <typename Below, typename Beside>
std::array<int, 2> RayCastRightWinding(const Arrangement2d& arr, int i, Below&& below, Beside&& beside,
                                       const UninitVector<double>& xlo, const UninitVector<double>& xhi,
                                       const UninitVector<double>& ylo, const UninitVector<double>& yhi) {
  const std::vector<Vec2>& pts = arr.points;
  const ArrangementEdge& e = arr.edges[i];
  const Vec2 a = pts[e.lo], b = pts[e.hi];
  const Vec2 m{(a.x + b.x) / 2, (a.y + b.y) / 2};
  std::array<int, 2> w{0, 0};
  if (a.x < b.x && b.x - a.x >= std::fabs(b.y - a.y)) {
    // Downward ray: the winding just below (= right of) e.
    for (int f : below(m.x)) {
      if (f == i || !(xlo[f] <= m.x && m.x < xhi[f])) continue;
      const ArrangementEdge& g = arr.edges[f];
      if (Orient(pts[g.lo], pts[g.hi], m) > 0) {
        w[0] += g.delta[0];
        w[1] += g.delta[1];
      }
    }
    return w;
  }
  // Steep or vertical: a leftward ray gives the winding just left of e in
  // x, which is e's left side when e goes up and its right side when it
  // goes down (lo is left of hi, so a steep edge may go either way).
  for (int f : beside(m.y)) {
    if (f == i || !(ylo[f] <= m.y && m.y < yhi[f])) continue;
    const ArrangementEdge& g = arr.edges[f];
    const Vec2 ga = pts[g.lo], gb = pts[g.hi];
    const double o = Orient(ga, gb, m);
    // Crossing g from its left to its right changes the winding by -delta.
    const bool up = gb.y > ga.y;
    if (!(up ? o < 0 : o > 0)) continue;
    const int sign = up ? -1 : 1;
    w[0] += sign * g.delta[0];
    w[1] += sign * g.delta[1];
  }
  if (b.y < a.y) return w;
  return {w[0] - e.delta[0], w[1] - e.delta[1]};
}

// Angular order of directions (from the +x axis, counter-clockwise), ties
// (exactly collinear edges) by edge index.
bool CounterClockwiseBefore(const std::pair<Vec2, int>& p, const std::pair<Vec2, int>& q) {
  auto half = [](Vec2 d) { return d.y < 0 || (d.y == 0 && d.x < 0) ? 1 : 0; };
  const int hp = half(p.first), hq = half(q.first);
  if (hp != hq) return hp < hq;
  const double c = Cross(p.first, q.first);
  if (c != 0) return c > 0;
  return p.second < q.second;
}

// Sorts the edges around a vertex counter-clockwise. Most vertices have 2
// or 4 edges: an inline insertion sort, making the comparisons libstdc++'s
// std::sort makes for up to 16 elements (its final insertion sort: an
// element before the first goes to the front, others move down while
// before their neighbour), so that even where rounding makes the order
// intransitive (edges a few ulps from collinear) the result is std::sort's.
void SortAround(std::pair<Vec2, int>* first, std::pair<Vec2, int>* last) {
  if (last - first > 16) {
    std::sort(first, last, CounterClockwiseBefore);
    return;
  }
  if (first == last) return;
  for (std::pair<Vec2, int>* i = first + 1; i != last; ++i) {
    const std::pair<Vec2, int> x = *i;
    std::pair<Vec2, int>* j = i;
    if (CounterClockwiseBefore(x, *first)) {
      for (; j != first; --j) *j = *(j - 1);
    } else {
      for (; CounterClockwiseBefore(x, *(j - 1)); --j) *j = *(j - 1);
    }
    *j = x;
  }
}

// Ray casts from this many seeds scan every edge; more seeds (many separate
// components: text, a grid of disjoint shapes) first sort the edges into
// buckets, which costs about as much as a few scans.
constexpr int kScannedCasts = 8;

}  // namespace

// Windings are cast for one edge per connected component (its longest, the
// least sensitive to rounding; ties: the lowest index) and propagated around
// every vertex in angular order: across edge e, seen from its lo end
// counter-clockwise, the winding grows by delta(e); from its hi end it drops
// by delta(e). The result is consistent by construction (every vertex has as
// many result edges in as out), even where tiny edges make a ray cast
// meaningless.
//
// (Until session 9 every edge that was not tiny got its own ray cast first,
// kept only if the casts agreed around every vertex, with the propagation
// above as the fallback. Windings that agree around every vertex of a
// connected component are fixed by any one of them, and the seed's cast was
// the same in both, so both gave the same windings whenever the casts were
// kept: the casts were pure cost, 87 M of module_recursion's 218 M
// instructions in its 2D union. tests/unit/kernel/polygon2d_windings_test.cpp
// checks the equality against that algorithm.)
void ComputeWindings(Arrangement2d& arr, LimitGuard* guard) {
  const std::vector<Vec2>& pts = arr.points;
  const int n = static_cast<int>(arr.edges.size());
  UninitVector<double> xlo(n), xhi(n), ylo(n), yhi(n), length(n);  // all written below
  // (direction, edge) around every vertex, flat: aroundStart[v] ..
  // aroundStart[v + 1] in around. Counted two places up and advanced while
  // filling (aroundStart[v + 1] goes from where v's list begins to where it
  // ends), so no copy of the offsets is filled from.
  const size_t np = pts.size();
  std::vector<int> aroundStart(np + 2, 0);
  for (const ArrangementEdge& e : arr.edges) {
    ++aroundStart[e.lo + 2];
    ++aroundStart[e.hi + 2];
  }
  for (size_t v = 2; v < np + 2; ++v) aroundStart[v] += aroundStart[v - 1];
  std::vector<std::pair<Vec2, int>> around(aroundStart[np + 1]);
  int* fill = aroundStart.data() + 1;
  for (int i = 0; i < n; ++i) {
    const ArrangementEdge& e = arr.edges[i];
    const Vec2 a = pts[e.lo], b = pts[e.hi];
    xlo[i] = a.x;
    xhi[i] = b.x;
    ylo[i] = std::min(a.y, b.y);
    yhi[i] = std::max(a.y, b.y);
    length[i] = Dot2(b - a, b - a);
    around[fill[e.lo]++] = {b - a, i};
    around[fill[e.hi]++] = {a - b, i};
  }
  // Counter-clockwise order by the same cross product the split predicates
  // use, not by atan2: near-collinear edges (a sliver ~1e-9 wide) whose
  // rounded angles tie or swap would give an order that contradicts the
  // geometry, and the propagated windings would disagree across the sliver.
  // A vertex with two edges needs no order: the propagation below walks from
  // its known edge to the other one either way.
  for (size_t v = 0; v < pts.size(); ++v) {
    if (aroundStart[v + 1] - aroundStart[v] > 2) {
      SortAround(around.data() + aroundStart[v], around.data() + aroundStart[v + 1]);
    }
  }
  // The seed of every connected component (edges sharing vertices).
  std::vector<int> seeds;
  {
    std::vector<char> seen(n, 0);
    std::vector<int> stack;
    stack.reserve(static_cast<size_t>(n) + 2);  // one vertex per edge at most, plus the seed's two
    for (int i = 0; i < n; ++i) {
      if (seen[i]) continue;
      seen[i] = 1;
      int best = i;
      stack.assign({arr.edges[i].lo, arr.edges[i].hi});
      while (!stack.empty()) {
        const int v = stack.back();
        stack.pop_back();
        for (int k = aroundStart[v]; k < aroundStart[v + 1]; ++k) {
          const int e = around[k].second;
          if (seen[e]) continue;
          seen[e] = 1;
          if (length[e] > length[best] || (length[e] == length[best] && e < best)) best = e;
          const ArrangementEdge& ed = arr.edges[e];
          stack.push_back(ed.lo == v ? ed.hi : ed.lo);
        }
      }
      seeds.push_back(best);
    }
  }
  std::vector<char> known(n, 0);
  std::vector<int> queue;
  queue.reserve(static_cast<size_t>(n) + 2);  // one vertex per edge made known at most, plus the seed's two
  auto propagate = [&]() {
    while (!queue.empty()) {
      const int v = queue.back();
      queue.pop_back();
      const std::pair<Vec2, int>* list = around.data() + aroundStart[v];
      const int deg = aroundStart[v + 1] - aroundStart[v];
      int k = 0;
      while (k < deg && !known[list[k].second]) ++k;
      if (k == deg) continue;
      // Winding of the wedge counter-clockwise after edge e, seen from v.
      auto after = [&](int e) {
        const ArrangementEdge& ed = arr.edges[e];
        std::array<int, 2> w = ed.rightWinding;
        if (ed.lo == v) {
          w[0] += ed.delta[0];
          w[1] += ed.delta[1];
        }
        return w;
      };
      std::array<int, 2> wedge = after(list[k].second);
      for (int j = 1; j < deg; ++j) {
        const int e = list[(k + j) % deg].second;
        ArrangementEdge& ed = arr.edges[e];
        if (!known[e]) {
          ed.rightWinding = wedge;
          if (ed.hi == v) {
            ed.rightWinding[0] -= ed.delta[0];
            ed.rightWinding[1] -= ed.delta[1];
          }
          known[e] = 1;
          queue.push_back(ed.lo == v ? ed.hi : ed.lo);
        }
        wedge = after(e);
      }
    }
  };
  std::unique_ptr<AxisBuckets> byX, byY;
  int casts = 0;
  for (int seed : seeds) {
    if (guard != nullptr && !guard->Check()) return;
    std::array<int, 2> w;
    if (casts++ < kScannedCasts) {
      auto all = [n](double) { return AllIds{n}; };
      w = RayCastRightWinding(arr, seed, all, all, xlo, xhi, ylo, yhi);
    } else {
      if (!byX) {
        std::vector<int> sloped, all(n);
        for (int i = 0; i < n; ++i) {
          all[i] = i;
          if (xlo[i] < xhi[i]) sloped.push_back(i);
        }
        byX = std::make_unique<AxisBuckets>(xlo, xhi, sloped);
        byY = std::make_unique<AxisBuckets>(ylo, yhi, all);
      }
      auto below = [&](double x) { return byX->Bucket(byX->Index(x)); };
      auto beside = [&](double y) { return byY->Bucket(byY->Index(y)); };
      w = RayCastRightWinding(arr, seed, below, beside, xlo, xhi, ylo, yhi);
    }
    arr.edges[seed].rightWinding = w;
    known[seed] = 1;
    queue.assign({arr.edges[seed].lo, arr.edges[seed].hi});
    propagate();
  }
}

}  // namespace mos::kernel
