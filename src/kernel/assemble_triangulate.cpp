// Triangulation of one boolean output face: holes bridged into their outer
// loop, then ear clipping (after D. Eberly, "Triangulation by ear
// clipping"), with a fallback ear so it always finishes and uses every loop
// edge exactly once. Private to the boolean; the general polygon
// triangulator is kernel/triangulate.h.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

#include "kernel/assemble.h"
#include "kernel/bridge_blockers.h"
#include "kernel/bridge_nearest.h"
#include "kernel/output_face_predicates.h"

namespace mos::kernel {

void EdgeSet::Reserve(size_t n) {
  size_t size = 64;
  while (size < 2 * n) size *= 2;
  if (size <= slots_.size()) return;
  std::vector<uint64_t> old;
  old.swap(slots_);
  slots_.assign(size, kEmpty);
  for (uint64_t k : old)
    if (k != kEmpty) slots_[Slot(k)] = k;
}

void EdgeSet::Grow() {
  // Four times as large while the table is small (a boolean adds a few
  // thousand edges one by one: the rehashes of doubling were half of
  // Add), then doubling, so a large table stays at most 4x its keys.
  std::vector<uint64_t> old;
  old.swap(slots_);
  const size_t grown = old.size() < (size_t{1} << 20) ? 4 * old.size() : 2 * old.size();
  slots_.assign(std::max<size_t>(1024, grown), kEmpty);
  for (uint64_t k : old)
    if (k != kEmpty) slots_[Slot(k)] = k;
}

namespace {

using output_face::MayBeOnSegment;
using output_face::Orient;
using output_face::OrientTolerance;

double SignedArea(const std::vector<Vec2>& pts, const std::vector<int>& loop) {
  double area = 0;
  for (size_t i = 0; i < loop.size(); ++i) {
    const Vec2 a = pts[loop[i]];
    const Vec2 b = pts[loop[(i + 1) % loop.size()]];
    area += Cross(a, b);
  }
  return area / 2;
}

// Rounding bound of SignedArea for a loop: each cross product of
// coordinates up to m carries an error of a few ulps of m times the edge.
double AreaTolerance(const std::vector<Vec2>& pts, const std::vector<int>& loop) {
  double m = 0, perimeter = 0;
  for (size_t i = 0; i < loop.size(); ++i) {
    const Vec2 a = pts[loop[i]], b = pts[loop[(i + 1) % loop.size()]];
    m = std::max({m, std::fabs(a.x), std::fabs(a.y)});
    perimeter += std::hypot(b.x - a.x, b.y - a.y);
  }
  return 8 * std::numeric_limits<double>::epsilon() * m * perimeter;
}

// Whether the ray from p towards +x crosses the edge from a to b (one step
// of the crossing-number test).
bool RayCrosses(Vec2 a, Vec2 b, Vec2 p) {
  if ((a.y > p.y) == (b.y > p.y)) return false;
  const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
  return p.x < x;
}

// p lies on the edge ab, up to the rounding of Orient (or is its start).
bool OnEdge(Vec2 a, Vec2 b, Vec2 p) {
  if (p == a) return true;
  if (a == b || !MayBeOnSegment(a, b, p)) return false;
  return std::fabs(Orient(a, b, p)) <= OrientTolerance(a, b, p) && Dot(p - a, b - a) >= 0 &&
         Dot(p - b, a - b) >= 0;
}

// The edges of one loop bucketed by their y range, so that the crossing-
// number test and the boundary test above visit only the edges that can answer for p: those
// spanning p.y, and those whose box (widened as in MayBeOnSegment) holds p.
// Edges too short for MayBeOnSegment's box are visited for every point.
// Hole assignment asks this for every point of every hole; scanning the
// whole outer loop each time was quadratic (a plate with 200 holes).
class LoopEdgeIndex {
 public:
  LoopEdgeIndex(const std::vector<Vec2>& pts, const std::vector<int>& loop) {
    double m = 0;
    lo_ = INFINITY;
    double hi = -INFINITY;
    for (int v : loop) {
      m = std::max({m, std::fabs(pts[v].x), std::fabs(pts[v].y)});
      lo_ = std::min(lo_, pts[v].y);
      hi = std::max(hi, pts[v].y);
    }
    const size_t n = loop.size();
    // About four edges per bucket: a bucket holds the edges crossing its
    // height, so fewer would not shorten the lists much more.
    buckets_.resize(std::max<size_t>(1, std::min<size_t>(4096, n / 4)));
    scale_ = hi > lo_ ? static_cast<double>(buckets_.size()) / (hi - lo_) : 0;
    // Points queried are the face's own, so m bounds them too.
    const double widen = 1e-13 * (1 + m);
    from_.resize(n);
    to_.resize(n);
    for (size_t k = 0; k < n; ++k) {
      const Vec2 a = pts[loop[k]], b = pts[loop[(k + 1) % n]];
      from_[k] = a;
      to_[k] = b;
      if (std::fabs(b.x - a.x) + std::fabs(b.y - a.y) <= 1e-9 * (1 + m)) {
        always_.push_back(static_cast<int>(k));
        continue;
      }
      const size_t b0 = Bucket(std::min(a.y, b.y) - widen), b1 = Bucket(std::max(a.y, b.y) + widen);
      for (size_t i = b0; i <= b1; ++i) buckets_[i].push_back(static_cast<int>(k));
    }
  }

  // 0 if p is on the loop's boundary (OnEdge of some edge), else +1 inside
  // and -1 outside (crossing number): the same answers as the tests over
  // every edge of the loop, in one pass over p's bucket.
  int Vote(Vec2 p) const {
    bool inside = false;  // each edge is in one bucket list of p's or in always_, never both
    for (const std::vector<int>* list : {&buckets_[Bucket(p.y)], &always_})
      for (int k : *list) {
        const Vec2 a = from_[k], b = to_[k];
        if (OnEdge(a, b, p)) return 0;
        if (RayCrosses(b, a, p)) inside = !inside;
      }
    return inside ? 1 : -1;
  }

 private:
  size_t Bucket(double y) const {
    const double t = (y - lo_) * scale_;  // inf or NaN where the loop is only a denormal tall
    if (!(t > 0)) return 0;
    if (t >= static_cast<double>(buckets_.size())) return buckets_.size() - 1;  // no cast out of range
    return static_cast<size_t>(t);
  }
  std::vector<Vec2> from_, to_;  // edge k of the loop
  double lo_ = 0, scale_ = 0;
  std::vector<std::vector<int>> buckets_;
  std::vector<int> always_;
};

// The box of a loop's points.
struct LoopBox {
  double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
};

LoopBox BoxOf(const std::vector<Vec2>& pts, const std::vector<int>& loop) {
  LoopBox b;
  for (int v : loop) {
    const Vec2 p = pts[static_cast<size_t>(v)];
    b.x0 = std::min(b.x0, p.x);
    b.x1 = std::max(b.x1, p.x);
    b.y0 = std::min(b.y0, p.y);
    b.y1 = std::max(b.y1, p.y);
  }
  return b;
}

// Whether hole h's box lies clearly beside outer o's box, so that no point
// of h (nor the midpoint of an edge of h: it lies in h's box) gets the
// vote +1 from o's LoopEdgeIndex, and h cannot be assigned to o: a point
// above or below o's y range (p.y >= every y, or p.y < every y) is crossed
// by no edge; a point right of o (by far more than the few ulps by which a
// computed crossing x can pass its edge's x range) by none either; a point
// left of o by every edge spanning p.y, an even number around a closed
// loop. Such a point is outside (-1) or on the boundary (0). (A text's
// recess floor: every letter is a hole, every letter's counter an outer
// loop, and each hole was voted on by every counter.) False for boxes not
// finite: nothing is decided then.
bool BoxesApart(const LoopBox& h, const LoopBox& o) {
  const double m = std::max({std::fabs(h.x0), std::fabs(h.x1), std::fabs(h.y0), std::fabs(h.y1), std::fabs(o.x0),
                             std::fabs(o.x1), std::fabs(o.y0), std::fabs(o.y1)});
  if (!std::isfinite(m)) return false;
  const double w = 1e-9 * (1 + m);
  return h.x0 > o.x1 + w || h.x1 < o.x0 - w || h.y0 > o.y1 + w || h.y1 < o.y0 - w;
}

// The vote of outer loop `outer` on hole `hole` as TriangulateOutputFace
// counts it, to the end: > 0 means the hole lies in the loop.
[[maybe_unused]] int HoleVotes(const std::vector<Vec2>& pts, const std::vector<int>& hole,
                               const std::vector<int>& outer) {
  const LoopEdgeIndex index(pts, outer);
  int votes = 0;
  for (size_t k = 0; k < hole.size(); ++k) {
    const Vec2 a = pts[hole[k]], b = pts[hole[(k + 1) % hole.size()]];
    votes += index.Vote(a) + index.Vote((a + b) * 0.5);
  }
  return votes;
}

// Whether a finite |o| certainly exceeds OrientTolerance(a, b, c), decided
// without its hypot calls (they were most of the ear clipper's time on a
// face with 200 holes): |dx| + |dy| bounds hypot(dx, dy) from above, and
// the margin (1 + 1e-12) is far above the few roundings that separate the
// two computed values (both products normal numbers: below 2^-960 the
// relative rounding argument would not hold, and nothing is decided).
// False means "compute the tolerance".
bool ClearlyBeyondTolerance(double absO, Vec2 a, Vec2 b, Vec2 c) {
  const double m = std::max({std::fabs(a.x), std::fabs(a.y), std::fabs(b.x), std::fabs(b.y), std::fabs(c.x),
                             std::fabs(c.y)});
  const double bound = 8 * std::numeric_limits<double>::epsilon() * m *
                       ((std::fabs(b.x - a.x) + std::fabs(b.y - a.y)) + (std::fabs(c.x - a.x) + std::fabs(c.y - a.y)));
  return bound >= 0x1p-960 && absO > bound * (1 + 1e-12);  // false when the bound is inf or NaN
}

// p is left of or on the line ab, "on" up to rounding. A finite
// Orient >= 0 needs no tolerance (it is finite and >= 0 then), and one
// clearly below minus the tolerance's bound none either: the same answers
// as Orient >= -OrientTolerance.
bool OnOrLeft(Vec2 a, Vec2 b, Vec2 p) {
  const double o = Orient(a, b, p);
  if (std::isfinite(o)) {
    if (o >= 0) return true;
    if (ClearlyBeyondTolerance(-o, a, b, p)) return false;
  }
  return o >= -OrientTolerance(a, b, p);
}

// Bounds, for one edge ab and every point p of a box, of the bound that
// ClearlyBeyondTolerance(|o|, a, b, p) computes: `upper` from above (each
// operand at least as large, the same operations in the same order, and
// rounding is monotone), and whether it is certainly at least 2^-960.
struct EdgeCut {
  double upper = INFINITY;
  bool lowerNormal = false;
};

// OnOrLeft out of line: the rare answer OnOrLeftCut cannot give itself.
[[gnu::noinline]] bool OnOrLeftSlow(Vec2 a, Vec2 b, Vec2 p) { return OnOrLeft(a, b, p); }

// OnOrLeft(a, b, p) for p in the box `cut` was made for, deciding the
// points clearly right of ab by the edge's bound instead of p's own (the
// ear clipper asks this for every vertex near every ear): where
// -o > upper (1 + 1e-12), ClearlyBeyondTolerance is true too.
inline bool OnOrLeftCut(Vec2 a, Vec2 b, Vec2 p, const EdgeCut& cut) {
  const double o = Orient(a, b, p);
  if (std::isfinite(o)) {
    if (o >= 0) return true;
    if (cut.lowerNormal && -o > cut.upper * (1 + 1e-12)) return false;
  }
  return OnOrLeftSlow(a, b, p);
}

// Direction v->m leaves vertex v (prev a, next b) into the polygon's inside.
bool InCone(Vec2 a, Vec2 v, Vec2 b, Vec2 m) {
  if (Orient(a, v, b) >= 0) return Orient(a, v, m) >= 0 && Orient(v, b, m) >= 0;
  return Orient(a, v, m) >= 0 || Orient(v, b, m) >= 0;
}

// Splices `hole` into `poly` with a bridge from the hole's rightmost vertex.
// `blockers` holds the edges of poly, of this hole and of the holes still
// to come (the same edges with every hole bridged, plus the bridges).
// `nearestIndex` (optional) holds poly's vertices: it finds the nearest
// candidate instead of the scan over poly (the same one, see
// bridge_nearest.h), and gets the hole's vertices once it is spliced in.
void BridgeHole(const std::vector<Vec2>& pts, const std::vector<int>& ids, EdgeSet& edges,
                std::vector<int>& poly, const std::vector<int>& hole,
                BridgeBlockers& blockers, BridgeNearest* nearestIndex) {
  size_t mi = 0;
  for (size_t i = 1; i < hole.size(); ++i) {
    const Vec2 a = pts[hole[i]], b = pts[hole[mi]];
    if (a.x > b.x || (a.x == b.x && a.y > b.y)) mi = i;
  }
  const Vec2 m = pts[hole[mi]];
  // Prefer vertices to the right (Eberly's ray), then by distance.
  auto key = [&](size_t i) {
    const Vec2 d = pts[poly[i]] - m;
    return (d.x >= 0 ? 0.0 : 1e300) + Dot(d, d);
  };
  size_t nearest = 0;  // the smallest (key, index)
  double nearestKey = 0;
  bool nanKey = false;
  // The index's vertices of the smallest key, and then the first place in
  // poly holding one of them: the scan's answer (every key is finite there).
  thread_local std::vector<int> ties;
  bool indexed = nearestIndex && nearestIndex->Nearest(m, nearestKey, ties);
  if (indexed) {
    nearest = poly.size();
    if (ties.size() == 1) {
      nearest = static_cast<size_t>(std::find(poly.begin(), poly.end(), ties[0]) - poly.begin());
    } else {
      for (size_t i = 0; i < poly.size() && nearest == poly.size(); ++i)
        if (std::find(ties.begin(), ties.end(), poly[i]) != ties.end()) nearest = i;
    }
    indexed = nearest < poly.size();  // always (the index holds poly's vertices only)
  }
  if (indexed) {
#ifdef MOS_CHECK_OUTPUT_FACE
    size_t scanNearest = 0;
    double scanKey = 0;
    for (size_t i = 0; i < poly.size(); ++i) {
      const double k = key(i);
      if (std::isnan(k)) std::abort();
      if (i == 0 || k < scanKey) {
        scanNearest = i;
        scanKey = k;
      }
    }
    if (scanNearest != nearest || scanKey != nearestKey) std::abort();
#endif
  } else {
    nearest = 0;
    for (size_t i = 0; i < poly.size(); ++i) {
      const double k = key(i);
      if (std::isnan(k)) {
        nanKey = true;
      } else if (i == 0 || k < nearestKey) {
        nearest = i;
        nearestKey = k;
      }
    }
  }
  auto visible = [&](size_t i) {
    const Vec2 v = pts[poly[i]];
    const Vec2 a = pts[poly[(i + poly.size() - 1) % poly.size()]];
    const Vec2 b = pts[poly[(i + 1) % poly.size()]];
    if (!InCone(a, v, b, m)) return false;
    if (ids[poly[i]] == ids[hole[mi]] || edges.Has(ids[poly[i]], ids[hole[mi]])) return false;
    // A bridge may not cross a loop edge nor pass through a loop vertex
    // (holes touching other loops at corners, as perturbed booleans leave).
    return !blockers.Blocked(m, v);
  };
  // Nearest first. The nearest candidate usually works: it is found by one
  // scan, and only when it does not are the candidates ordered by a heap
  // (the pairs are distinct, so both orders agree; a NaN key orders
  // nothing, and then the heap decides from the start as it always did).
  size_t best = 0;
  if (!nanKey && !poly.empty() && visible(nearest)) {
    best = nearest;
  } else {
    std::vector<std::pair<double, size_t>> cand;
    cand.reserve(poly.size());
    for (size_t i = 0; i < poly.size(); ++i) cand.emplace_back(key(i), i);
    std::make_heap(cand.begin(), cand.end(), std::greater<>());
    bool haveFallback = false;
    while (!cand.empty()) {
      std::pop_heap(cand.begin(), cand.end(), std::greater<>());
      const size_t i = cand.back().second;
      cand.pop_back();
      if (!haveFallback) {  // nearest vertex, if none is visible
        best = i;
        haveFallback = true;
      }
      if (visible(i)) {
        best = i;
        break;
      }
    }
  }
  edges.Add(ids[poly[best]], ids[hole[mi]]);
  blockers.AddEdge(poly[best], hole[mi]);  // the bridge, both ways, is part of poly now
  blockers.AddEdge(hole[mi], poly[best]);
  // poly[0..best], the hole from m round to m, poly[best..]: one insertion.
  std::vector<int> loop;
  loop.reserve(hole.size() + 2);
  for (size_t k = 0; k <= hole.size(); ++k) loop.push_back(hole[(mi + k) % hole.size()]);
  loop.push_back(poly[best]);
  poly.insert(poly.begin() + static_cast<std::ptrdiff_t>(best) + 1, loop.begin(), loop.end());
  if (nearestIndex) nearestIndex->AddLoop(hole);
}

// Whether every corner of the polygon (any three of its vertices) has
// OrientTolerance at most the returned value: 16 eps max|coordinate| (w +
// h) of the polygon's box (w, h its computed width and height) bounds
// 8 eps m (hypot(b - a) + hypot(c - a)), as every coordinate difference
// is at most w or h (rounding is monotone) and hypot(dx, dy) <= dx + dy,
// with the margin (1 + 1e-12) far above the few roundings between the two
// (at least 2^-960: no denormal's absolute error counts). Infinity where
// that does not hold (a box not finite or too small): then nothing is
// decided by it.
double FlatBound(Vec2 lo, Vec2 hi, double mBox) {
  const double bound = 16 * std::numeric_limits<double>::epsilon() * mBox * ((hi.x - lo.x) + (hi.y - lo.y)) * (1 + 1e-12);
  return std::isfinite(bound) && bound >= 0x1p-960 ? bound : INFINITY;
}

// Corner abc, with t = |Orient(a, b, c)|, is straight up to the rounding
// of Orient. An exactly straight corner (a cut point on an input edge, the
// usual case here): its coordinates are finite (a non-finite one makes the
// Orient non-finite), so the tolerance is >= 0.
inline bool FlatUpToRounding(double t, Vec2 a, Vec2 b, Vec2 c) {
  if (t == 0) return true;
  if (std::isfinite(t) && ClearlyBeyondTolerance(t, a, b, c)) return false;
  return t <= OrientTolerance(a, b, c);
}

// Every vertex lies in the box lo..hi (mBox its largest |coordinate|):
// bounds of ClearlyBeyondTolerance's bound for any of them, for the ear
// edge uv (see EdgeCut).
inline EdgeCut EdgeCutFor(Vec2 lo, Vec2 hi, double mBox, Vec2 u, Vec2 v) {
  const double l = std::fabs(v.x - u.x) + std::fabs(v.y - u.y);
  const double mUv = std::max({std::fabs(u.x), std::fabs(u.y), std::fabs(v.x), std::fabs(v.y)});
  const double reach = std::max(std::fabs(lo.x - u.x), std::fabs(hi.x - u.x)) +
                       std::max(std::fabs(lo.y - u.y), std::fabs(hi.y - u.y));
  constexpr double k8eps = 8 * std::numeric_limits<double>::epsilon();
  EdgeCut cut;
  cut.upper = k8eps * std::max(mBox, mUv) * (l + reach);
  cut.lowerNormal = k8eps * mUv * l >= 0x1p-960;
  return cut;
}

// The box of a polygon's corners and what the ear tests take from it: the
// g x g blocker cells, FlatBound, the ear edges' EdgeCuts.
struct EarBox {
  Vec2 lo{INFINITY, INFINITY}, hi{-INFINITY, -INFINITY};
  int g = 1;
  double sx = 0, sy = 0, mBox = 0, flatBound = INFINITY;

  EarBox(const Vec2* at, int n) {
    for (int i = 0; i < n; ++i) {
      lo = {std::min(lo.x, at[i].x), std::min(lo.y, at[i].y)};
      hi = {std::max(hi.x, at[i].x), std::max(hi.y, at[i].y)};
    }
    g = std::max(1, std::min(1024, static_cast<int>(std::sqrt(static_cast<double>(n)))));
    sx = hi.x > lo.x ? g / (hi.x - lo.x) : 0;
    sy = hi.y > lo.y ? g / (hi.y - lo.y) : 0;
    mBox = std::max({std::fabs(lo.x), std::fabs(lo.y), std::fabs(hi.x), std::fabs(hi.y)});
    flatBound = FlatBound(lo, hi, mBox);
  }
  // Clamped before the cast: the scale is infinite for a polygon only a
  // denormal wide, and a double out of int's range must not be cast.
  int Cell(double t) const { return !(t > 0) ? 0 : t >= g ? g - 1 : static_cast<int>(t); }
  int CellX(double x) const { return Cell((x - lo.x) * sx); }
  int CellY(double y) const { return Cell((y - lo.y) * sy); }
};

// One ear's three EdgeCuts, made when first needed.
struct EarCuts {
  EdgeCut cut[3];
  bool made = false;
  void Make(const EarBox& box, Vec2 a, Vec2 b, Vec2 c) {
    if (made) return;
    cut[0] = EdgeCutFor(box.lo, box.hi, box.mBox, a, b);
    cut[1] = EdgeCutFor(box.lo, box.hi, box.mBox, b, c);
    cut[2] = EdgeCutFor(box.lo, box.hi, box.mBox, c, a);
    made = true;
  }
};

// The corners of the polygon being clipped, by corner: position, vertex
// id, neighbours in the ring, whether still in it, and the zero-area queue
// (room for 3n: n, then two per cut). EarClipSmall's are arrays on the
// stack (EarArrays), EarClipGeneral's pointers into its scratch vectors
// (EarPointers); CutEars reads either through references to the members,
// so an array is addressed directly.
template <int kMax>
struct EarArrays {
  Vec2 at[kMax];
  double turnOf[kMax];
  int idOf[kMax], prev[kMax], next[kMax], zeroWork[3 * kMax];
  unsigned char alive[kMax];
};
struct EarPointers {
  Vec2* at;
  double* turnOf;
  int* idOf;
  int* prev;
  int* next;
  int* zeroWork;
  unsigned char* alive;
};

// The box of the points a blocker grid cell has held since it was last
// empty (grown as they come, never shrunk: it holds every living one).
struct CellPointBox {
  double x0, x1, y0, y1;
};

// Blockers of EarClipGeneral: a uniform grid of lists, so that an ear test
// only looks near the ear. Lists are pruned lazily (a clipped corner is
// dropped when met) and may hold a corner twice (harmless: the test is an
// OR). A large polygon's ear tests skip the cells that certainly lie right
// of an ear edge; only the cells holding points are visited.
class GridBlockers {
 public:
  using PointBox = CellPointBox;
  GridBlockers(std::vector<std::vector<int>>& grid, std::vector<PointBox>& boxes, std::vector<uint64_t>& occupied)
      : grid_(grid), boxes_(boxes), occupied_(occupied) {}
  static bool Accepts(Vec2) { return true; }
  static bool None() { return false; }  // (Any finds out)

  void Start(int n, const Vec2*, const EarBox& box) {
    const int g = box.g;
    if (grid_.size() < static_cast<size_t>(g) * g) grid_.resize(static_cast<size_t>(g) * g);
    for (size_t c = 0; c < static_cast<size_t>(g) * g; ++c) grid_[c].clear();
    boxes_.resize(static_cast<size_t>(g) * g);
    words_ = (g + 63) / 64;
    occupied_.assign(static_cast<size_t>(g) * words_, 0);
    // Cells an ear test may skip whole: every point of the (widened) cell is
    // certainly right of an ear edge for OnOrLeftCut. The largest exact
    // Cross(v - u, p - u) over the cell is at the corner the signs of v - u
    // pick, within its computed value plus 4 eps (|p1| + |p2|); any point's
    // computed Orient is within 4 eps (|dx| max|p.y - u.y| + |dy| max|p.x -
    // u.x|) of its exact value (orient2d's bound is 3 eps/2 of the same sums);
    // the cell is out when that stays below twice the edge's bound. Points
    // lie in their cell's box up to the rounding of the cell index, far below
    // the widening; a polygon too thin for that, or not finite, skips none
    // (nor does a small one: its ears span few cells). The argument holds
    // for any box holding the points: the box of the cell's points (they lie
    // in it exactly), widened the same, is tested instead of the cell's.
    const Vec2 lo = box.lo, hi = box.hi;
    const double mBox = box.mBox;
    cw_ = (hi.x - lo.x) / g;
    ch_ = (hi.y - lo.y) / g;
    cellsCertifiable_ = n >= 256 && std::isfinite(box.sx) && std::isfinite(box.sy) && std::isfinite(cw_) &&
                        std::isfinite(ch_) && cw_ > 1e-9 * (1 + mBox) && ch_ > 1e-9 * (1 + mBox);
    ex_ = 16 * kEps * (mBox + (hi.x - lo.x)) + 1e-9 * cw_;
    ey_ = 16 * kEps * (mBox + (hi.y - lo.y)) + 1e-9 * ch_;
    // For tests, the earlier ways: no cell skipped, or the cells' own boxes
    // (the very values the cell test computed from them).
    const assemble_detail::EarClipCellTest mode = assemble_detail::earClipCellTest;
    if (mode == assemble_detail::EarClipCellTest::kNone) cellsCertifiable_ = false;
    cellBoxes_ = mode == assemble_detail::EarClipCellTest::kCellBox;
  }

  void Add(int i, Vec2 p, const EarBox& box) {
    const int cx = box.CellX(p.x), cy = box.CellY(p.y);
    const size_t cell = static_cast<size_t>(cy) * box.g + cx;
    std::vector<int>& list = grid_[cell];
    PointBox& b = boxes_[cell];
    if (list.empty()) occupied_[static_cast<size_t>(cy) * words_ + cx / 64] |= uint64_t{1} << (cx % 64);
    if (cellBoxes_) {
      const Vec2 lo = box.lo;
      b = {lo.x + cx * cw_, lo.x + (cx + 1) * cw_, lo.y + cy * ch_, lo.y + (cy + 1) * ch_};
    } else if (list.empty()) {
      b = {p.x, p.x, p.y, p.y};
    } else {
      b.x0 = std::min(b.x0, p.x);
      b.x1 = std::max(b.x1, p.x);
      b.y0 = std::min(b.y0, p.y);
      b.y1 = std::max(b.y1, p.y);
    }
    list.push_back(i);
  }

  // Whether blocks(j) holds for a living blocker j in cells x0..x1 by
  // y0..y1 (those it can hold for: the ear abc's cells).
  template <class Blocks>
  bool Any(const EarBox& box, const unsigned char* alive, Vec2 a, Vec2 b, Vec2 c, int x0, int x1, int y0, int y1,
           EarCuts& cuts, Blocks&& blocks) {
    CellEdge cellEdges[3];
    bool cellEdgesMade = false;
    int firstEdge = 0;
    // Only cells holding points are visited: a bit per cell, set while its
    // list is not empty. x0..x1 lie in words w0..w1 of each row.
    const int w0 = x0 / 64, w1 = x1 / 64;
    const uint64_t firstMask = ~uint64_t{0} << (x0 % 64);
    const uint64_t lastMask = ~uint64_t{0} >> (63 - x1 % 64);
    for (int cy = y0; cy <= y1; ++cy) {
      for (int w = w0; w <= w1; ++w) {
        uint64_t bits = occupied_[static_cast<size_t>(cy) * words_ + w];
        if (w == w0) bits &= firstMask;
        if (w == w1) bits &= lastMask;
        for (; bits != 0; bits &= bits - 1) {
          const int cx = 64 * w + __builtin_ctzll(bits);
          std::vector<int>& list = grid_[static_cast<size_t>(cy) * box.g + cx];
          if (cellsCertifiable_) {
            cuts.Make(box, a, b, c);
            if (!cellEdgesMade) {
              const Vec2 corner[3] = {a, b, c};
              CellEdgesFor(corner, cuts.cut, cellEdges);
              cellEdgesMade = true;
            }
            // The box of the cell's points (they lie in it exactly), widened
            // as the cell's was: what certifies it certifies them.
            const PointBox& pb = boxes_[static_cast<size_t>(cy) * box.g + cx];
            if (CellOutside(pb.x0 - ex_, pb.x1 + ex_, pb.y0 - ey_, pb.y1 + ey_, cellEdges, firstEdge)) {
#ifdef MOS_CHECK_OUTPUT_FACE
              for (int j : list)
                if (alive[j] && blocks(j)) std::abort();
#endif
              continue;
            }
          }
          for (size_t k = 0; k < list.size();) {
            const int j = list[k];
            if (!alive[j]) {  // clipped, for good: dropped (any order gives the same answer)
              list[k] = list.back();
              list.pop_back();
              continue;
            }
            ++k;
            if (blocks(j)) return true;
          }
          if (list.empty()) occupied_[static_cast<size_t>(cy) * words_ + w] &= ~(uint64_t{1} << (cx % 64));
        }
      }
    }
    return false;
  }

 private:
  static constexpr double kEps = std::numeric_limits<double>::epsilon();

  // Per ear edge, the parts of the cell test that do not depend on the
  // cell (the same expressions, so the same values).
  struct CellEdge {
    Vec2 u;
    double dx, dy, absDx, absDy, limit;
    bool use;
  };
  static void CellEdgesFor(const Vec2 (&corner)[3], const EdgeCut (&cuts)[3], CellEdge (&ce)[3]) {
    for (int e = 0; e < 3; ++e) {
      const Vec2 u = corner[e], v = corner[e == 2 ? 0 : e + 1];
      const double dx = v.x - u.x, dy = v.y - u.y;
      ce[e] = {u, dx, dy, std::fabs(dx), std::fabs(dy), -2 * cuts[e].upper * (1 + 1e-12), cuts[e].lowerNormal};
    }
  }
  // `first`: the edge to try first (the one that certified the last cell;
  // the answer is an OR over the edges).
  static bool CellOutside(double x0, double x1, double y0, double y1, const CellEdge (&ce)[3], int& first) {
    for (int k = 0; k < 3; ++k) {
      const int e = first + k < 3 ? first + k : first + k - 3;
      const CellEdge& c = ce[e];
      if (!c.use) continue;
      const Vec2 u = c.u;
      const double dx = c.dx, dy = c.dy;
      const double x = dy > 0 ? x0 : x1, y = dx > 0 ? y1 : y0;  // the largest value's corner
      const double p1 = dx * (y - u.y), p2 = dy * (x - u.x);
      const double ux = std::max(std::fabs(x0 - u.x), std::fabs(x1 - u.x));
      const double uy = std::max(std::fabs(y0 - u.y), std::fabs(y1 - u.y));
      const double high = (p1 - p2) + 4 * kEps * (std::fabs(p1) + std::fabs(p2)) +
                          4 * kEps * (c.absDx * uy + c.absDy * ux);
      if (high < c.limit) {  // false for NaN
        first = e;
        return true;
      }
    }
    return false;
  }

  std::vector<std::vector<int>>& grid_;  // cells in use are cleared, not freed
  std::vector<PointBox>& boxes_;
  std::vector<uint64_t>& occupied_;  // per row words_ words: bit cx set while cell cx's list is not empty
  int words_ = 1;
  bool cellBoxes_ = false;  // boxes_ hold the cells' boxes (tests)
  double cw_ = 0, ch_ = 0, ex_ = 0, ey_ = 0;
  bool cellsCertifiable_ = false;
};

// Blockers of EarClipSmall: the grid's lists become a flag per corner (a
// corner is in the grid once its turn was <= 0 when looked at, as there)
// and its cell; an ear test scans the flagged corners (quadratic, cheaper
// than the grid's upkeep up to about 64 corners). The flagged corners are
// also listed, so a test visits only them (a convex face's ears visit
// none); a clipped one is dropped from the list when met (it never lives
// again, and its flag keeps Add from listing it twice). The answer is an
// OR over the living flagged corners in the ear's cells, so the order of
// the visit does not change it.
// Corners not finite or too large for every turn to be finite are not
// taken (the general code clips them); with finite turns the fallback ear
// always exists.
template <int kMax>
class FlagBlockers {
 public:
  static bool Accepts(Vec2 p) { return std::fabs(p.x) < 1e150 && std::fabs(p.y) < 1e150; }  // false for NaN

  void Start(int n, const Vec2*, const EarBox&) {
    numListed_ = 0;
    for (int i = 0; i < n; ++i) inGrid_[i] = false;
  }

  // (A corner's cell, from its position and the fixed box, is the same
  // whenever it is found: found when the corner is flagged.)
  void Add(int i, Vec2 p, const EarBox& box) {
    if (inGrid_[i]) return;
    inGrid_[i] = true;
    cx_[i] = box.CellX(p.x);
    cy_[i] = box.CellY(p.y);
    listed_[numListed_++] = i;
  }

  // No corner was ever flagged: Any is false for every ear.
  bool None() const { return numListed_ == 0; }

  template <class Blocks>
  bool Any(const EarBox&, const unsigned char* alive, Vec2, Vec2, Vec2, int x0, int x1, int y0, int y1, EarCuts&,
           Blocks&& blocks) {
    for (int k = 0; k < numListed_;) {
      const int j = listed_[k];
      if (!alive[j]) {
        listed_[k] = listed_[--numListed_];
        continue;
      }
      ++k;
      if (cx_[j] < x0 || cx_[j] > x1 || cy_[j] < y0 || cy_[j] > y1) continue;
      if (blocks(j)) return true;
    }
    return false;
  }

 private:
  int numListed_ = 0;
  bool inGrid_[kMax];
  int listed_[kMax];
  int cx_[kMax], cy_[kMax];
};

// The ear clipping of EarClip over the ring r (storage for n =
// poly.size() corners: passed in, so that a caller's bound on it is seen
// here), with the blockers kept by Blockers. False (nothing done) where
// Blockers does not take a corner.
template <class Ring, class Blockers>
bool CutEars(const std::vector<Vec2>& pts, const std::vector<int>& ids, EdgeSet& edges,
             const std::vector<int>& poly, int n, std::vector<std::array<int, 3>>& tris, Ring& r,
             Blockers& blockers) {
  // The positions and ids by corner: the same values as pts[poly[i]] and
  // ids[poly[i]], with no reloads of the vectors' storage after each store.
  auto& at = r.at;
  auto& idOf = r.idOf;
  auto& prev = r.prev;
  auto& next = r.next;
  auto& alive = r.alive;
  auto& zeroWork = r.zeroWork;
  // Each living corner's turn, Orient(prev, corner, next): kept, and found
  // again for the two neighbours of each cut ear (the only corners whose
  // prev or next changes), instead of each test computing it anew.
  auto& turnOf = r.turnOf;
  const int* const polyV = poly.data();
  for (int i = 0; i < n; ++i) {
    at[i] = pts[static_cast<size_t>(polyV[i])];
    if (!Blockers::Accepts(at[i])) return false;
    idOf[i] = ids[static_cast<size_t>(polyV[i])];
    prev[i] = i == 0 ? n - 1 : i - 1;
    next[i] = i == n - 1 ? 0 : i + 1;
    alive[i] = 1;
  }
  auto turnNow = [&](int i) { return Orient(at[prev[i]], at[i], at[next[i]]); };
  for (int i = 0; i < n; ++i) turnOf[i] = turnNow(i);
  auto turn = [&](int i) {
#ifdef MOS_CHECK_OUTPUT_FACE
    const double fresh = turnNow(i);
    if (std::memcmp(&turnOf[i], &fresh, sizeof fresh) != 0) std::abort();
#endif
    return turnOf[i];
  };
  // The diagonal an ear at i would add may not join vertices already
  // joined (that would give an edge more than two triangles).
  auto diagonalFree = [&](int i) {
    const int a = idOf[prev[i]], c = idOf[next[i]];
    return a != c && !edges.Has(a, c);
  };
  // Only non-convex corners can lie inside an ear (Eberly); a corner
  // becomes a blocker when it turns non-convex.
  const EarBox box(at, n);
  blockers.Start(n, at, box);
  int numWork = 0;
  for (int i = 0; i < n; ++i) {
    if (turn(i) <= 0) blockers.Add(i, at[i], box);
    zeroWork[numWork++] = i;
  }
  // A corner whose turn is zero up to the rounding of Orient: the spike
  // or straight corner a perturbed weakly simple loop has where one of its
  // vertices lies on another of its edges but rounding moved it off by an
  // ulp. Exact zeros alone would let such a spike block the real ear.
  // Most corners turn by far more than any corner's tolerance (FlatBound):
  // not flat, whatever FlatUpToRounding would add (t > 0 there, and above
  // the tolerance it would compare with last).
  auto nearlyFlat = [&](int i) {
    const double t = std::fabs(turn(i));
    if (t > box.flatBound) {
#ifdef MOS_CHECK_OUTPUT_FACE
      if (FlatUpToRounding(t, at[prev[i]], at[i], at[next[i]])) std::abort();
#endif
      return false;
    }
    return FlatUpToRounding(t, at[prev[i]], at[i], at[next[i]]);
  };
  auto isEar = [&](int i) {
    const Vec2 a = at[prev[i]], b = at[i], c = at[next[i]];
    if (turn(i) <= 0) return false;  // Orient(a, b, c)
    if (!diagonalFree(i)) return false;
    // No blocker at all (a convex face, the usual cut face): Any below
    // would find none.
    if (blockers.None()) return true;
    const int x0 = box.CellX(std::min({a.x, b.x, c.x})), x1 = box.CellX(std::max({a.x, b.x, c.x}));
    const int y0 = box.CellY(std::min({a.y, b.y, c.y})), y1 = box.CellY(std::max({a.y, b.y, c.y}));
    EarCuts cuts;
    return !blockers.Any(box, alive, a, b, c, x0, x1, y0, y1, cuts, [&](int j) {
      if (j == i || j == prev[i] || j == next[i]) return false;
      const Vec2 p = at[j];
      if (p == a || p == b || p == c) return false;
      cuts.Make(box, a, b, c);
      // Closed test: symbolic perturbation leaves weakly simple loops
      // whose reflex vertex lies exactly on another edge (two edges
      // crossing exactly, up to rounding); the loop goes into the ear
      // from there.
      return OnOrLeftCut(a, b, p, cuts.cut[0]) && OnOrLeftCut(b, c, p, cuts.cut[1]) &&
             OnOrLeftCut(c, a, p, cuts.cut[2]) && turn(j) <= 0;
    });
  };
  int remaining = n;
  int cur = 0;
  while (remaining > 3) {
    int ear = -1;
    // Zero-area corners first: they come from the zero-width strips that
    // symbolic perturbation leaves (e.g. a face touching another face), and
    // cutting them as slivers keeps such a strip from being covered twice.
    while (ear < 0 && numWork > 0) {
      const int i = zeroWork[--numWork];
      if (alive[i] && nearlyFlat(i) && diagonalFree(i)) ear = i;
    }
    int i = cur;
    for (int k = 0; ear < 0 && k < remaining; ++k, i = next[i])
      if (isEar(i)) ear = i;
    if (ear < 0) {  // slightly invalid polygon: cut the least reflex corner
      double bestTurn = -INFINITY;
      for (int pass = 0; pass < 2 && ear < 0; ++pass) {
        i = cur;
        for (int k = 0; k < remaining; ++k, i = next[i]) {
          if (pass == 0 && !diagonalFree(i)) continue;
          const double t = turn(i);
          if (t > bestTurn) {
            bestTurn = t;
            ear = i;
          }
        }
      }
    }
    edges.Add(idOf[prev[ear]], idOf[next[ear]]);
    tris.push_back({polyV[prev[ear]], polyV[ear], polyV[next[ear]]});
    const int a = prev[ear], c = next[ear];
    next[a] = c;
    prev[c] = a;
    alive[ear] = 0;
    --remaining;
    turnOf[a] = turnNow(a);
    turnOf[c] = turnNow(c);
    for (int nb : {a, c}) {
      zeroWork[numWork++] = nb;
      if (turn(nb) <= 0) blockers.Add(nb, at[nb], box);  // may repeat: harmless
    }
    cur = a;
  }
  tris.push_back({polyV[prev[cur]], polyV[cur], polyV[next[cur]]});
  return true;
}

struct EarClipScratch {
  std::vector<double> turn;
  std::vector<int> prev, next, zeroWork, id;
  std::vector<unsigned char> alive;
  std::vector<Vec2> at;
  std::vector<std::vector<int>> grid;  // cells in use are cleared, not freed
  std::vector<CellPointBox> gridBoxes;
  std::vector<uint64_t> gridOccupied;
};

void EarClipGeneral(const std::vector<Vec2>& pts, const std::vector<int>& ids, EdgeSet& edges,
                    const std::vector<int>& poly, std::vector<std::array<int, 3>>& tris) {
  const int n = static_cast<int>(poly.size());
  if (n < 3) return;
  if (n == 3) {  // what the steps below come to: no ear to cut, the last triangle from corner 0
    tris.push_back({poly[2], poly[0], poly[1]});
    return;
  }
  // Work arrays: kept per thread between calls for the small polygons (a
  // boolean triangulates thousands of faces, and their allocations were a
  // third of this); a large polygon's are its own, so nothing large stays.
  thread_local EarClipScratch pooled;
  std::unique_ptr<EarClipScratch> own;
  if (n > 1024) own = std::make_unique<EarClipScratch>();
  EarClipScratch& scratch = own ? *own : pooled;
  scratch.turn.resize(n);
  scratch.prev.resize(n);
  scratch.next.resize(n);
  scratch.alive.resize(n);
  scratch.at.resize(n);
  scratch.id.resize(n);
  scratch.zeroWork.resize(3 * static_cast<size_t>(n));
  EarPointers ring{scratch.at.data(),   scratch.turn.data(),     scratch.id.data(),    scratch.prev.data(),
                   scratch.next.data(), scratch.zeroWork.data(), scratch.alive.data()};
  GridBlockers blockers(scratch.grid, scratch.gridBoxes, scratch.gridOccupied);
  CutEars(pts, ids, edges, poly, n, tris, ring, blockers);
}

// EarClipGeneral's steps for a quadrilateral (the most common cut face),
// without its work arrays: the first ear is the first flat corner in the
// order 3, 2, 1, 0 (the zero-area queue), else the first ear test passing
// in the order 0, 1, 2, 3, where the only vertex that can block corner i
// is the opposite one, and only when it is in the blocker grid (its turn
// <= 0: no corner changes before the first cut) and in the cells the ear's
// box covers (the same 2 x 2 grid); the rest is one triangle. False (and
// nothing done) where the general code would take its fallback ear.
bool EarClipQuad(const std::vector<Vec2>& pts, const std::vector<int>& ids, EdgeSet& edges,
                 const std::vector<int>& poly, std::vector<std::array<int, 3>>& tris) {
  Vec2 at[4];
  int idOf[4];
  for (int i = 0; i < 4; ++i) {
    at[i] = pts[static_cast<size_t>(poly[static_cast<size_t>(i)])];
    idOf[i] = ids[static_cast<size_t>(poly[static_cast<size_t>(i)])];
  }
  auto prevOf = [](int i) { return (i + 3) & 3; };
  auto nextOf = [](int i) { return (i + 1) & 3; };
  double turn[4];
  for (int i = 0; i < 4; ++i) turn[i] = Orient(at[prevOf(i)], at[i], at[nextOf(i)]);
  auto diagonalFree = [&](int i) {
    const int a = idOf[prevOf(i)], c = idOf[nextOf(i)];
    return a != c && !edges.Has(a, c);
  };
  Vec2 lo{INFINITY, INFINITY}, hi{-INFINITY, -INFINITY};
  for (int i = 0; i < 4; ++i) {
    lo = {std::min(lo.x, at[i].x), std::min(lo.y, at[i].y)};
    hi = {std::max(hi.x, at[i].x), std::max(hi.y, at[i].y)};
  }
  const double mBox = std::max({std::fabs(lo.x), std::fabs(lo.y), std::fabs(hi.x), std::fabs(hi.y)});
  const double flatBound = FlatBound(lo, hi, mBox);
  auto nearlyFlat = [&](int i) {
    const double t = std::fabs(turn[i]);
    if (t > flatBound) return false;
    return FlatUpToRounding(t, at[prevOf(i)], at[i], at[nextOf(i)]);
  };
  int ear = -1;
  for (int i = 3; ear < 0 && i >= 0; --i)
    if (nearlyFlat(i) && diagonalFree(i)) ear = i;
  if (ear < 0) {
    constexpr int g = 2;  // EarClipGeneral's grid for 4 vertices
    const double sx = hi.x > lo.x ? g / (hi.x - lo.x) : 0, sy = hi.y > lo.y ? g / (hi.y - lo.y) : 0;
    auto cell = [](double t) { return !(t > 0) ? 0 : t >= g ? g - 1 : static_cast<int>(t); };
    auto cellX = [&](double x) { return cell((x - lo.x) * sx); };
    auto cellY = [&](double y) { return cell((y - lo.y) * sy); };
    auto cutFor = [&](Vec2 u, Vec2 v) { return EdgeCutFor(lo, hi, mBox, u, v); };
    auto isEar = [&](int i) {
      const Vec2 a = at[prevOf(i)], b = at[i], c = at[nextOf(i)];
      if (Orient(a, b, c) <= 0) return false;
      if (!diagonalFree(i)) return false;
      const int j = (i + 2) & 3;
      if (!(turn[j] <= 0)) return true;  // not in the blocker grid
      const Vec2 p = at[j];
      const int cx = cellX(p.x), cy = cellY(p.y);
      if (cx < cellX(std::min({a.x, b.x, c.x})) || cx > cellX(std::max({a.x, b.x, c.x})) ||
          cy < cellY(std::min({a.y, b.y, c.y})) || cy > cellY(std::max({a.y, b.y, c.y})))
        return true;
      if (p == a || p == b || p == c) return true;
      return !(OnOrLeftCut(a, b, p, cutFor(a, b)) && OnOrLeftCut(b, c, p, cutFor(b, c)) &&
               OnOrLeftCut(c, a, p, cutFor(c, a)));
    };
    for (int i = 0; ear < 0 && i < 4; ++i)
      if (isEar(i)) ear = i;
    if (ear < 0) return false;
  }
  const int a = prevOf(ear), c = nextOf(ear), d = (ear + 2) & 3;
  edges.Add(idOf[a], idOf[c]);
  tris.push_back({poly[static_cast<size_t>(a)], poly[static_cast<size_t>(ear)], poly[static_cast<size_t>(c)]});
  tris.push_back({poly[static_cast<size_t>(d)], poly[static_cast<size_t>(a)], poly[static_cast<size_t>(c)]});
  return true;
}

// EarClipGeneral for 5 to 64 corners (too few for it to certify cells),
// step for step, in arrays on the stack, with FlagBlockers for the grid.
// (Instantiated for up to 8 corners, the usual cut faces, and up to 64:
// arrays sized for 64 made the small ones dearer.)
template <int kMaxSmall>
bool EarClipSmall(const std::vector<Vec2>& pts, const std::vector<int>& ids, EdgeSet& edges,
                  const std::vector<int>& poly, std::vector<std::array<int, 3>>& tris) {
  const int n = static_cast<int>(poly.size());
  if (n < 4 || n > kMaxSmall) return false;
  EarArrays<kMaxSmall> ring;
  FlagBlockers<kMaxSmall> blockers;
  return CutEars(pts, ids, edges, poly, n, tris, ring, blockers);
}

void EarClip(const std::vector<Vec2>& pts, const std::vector<int>& ids, EdgeSet& edges,
             const std::vector<int>& poly, std::vector<std::array<int, 3>>& tris) {
  if (poly.size() >= 4 && poly.size() <= 64) {
#ifdef MOS_CHECK_OUTPUT_FACE
    EdgeSet general = edges;
    std::vector<std::array<int, 3>> want;
    EarClipGeneral(pts, ids, general, poly, want);
    const size_t before = tris.size();
#endif
    if (poly.size() == 4   ? EarClipQuad(pts, ids, edges, poly, tris)
        : poly.size() <= 8 ? EarClipSmall<8>(pts, ids, edges, poly, tris)
                           : EarClipSmall<64>(pts, ids, edges, poly, tris)) {
#ifdef MOS_CHECK_OUTPUT_FACE
      if (tris.size() - before != want.size() || !std::equal(want.begin(), want.end(), tris.begin() + before))
        std::abort();
#endif
      return;
    }
  }
  EarClipGeneral(pts, ids, edges, poly, tris);
}

// From this many holes in one outer loop, BridgeHole's first candidate
// comes from a BridgeNearest index (below, the scan over the polygon is
// cheaper than building the grid).
constexpr size_t kIndexedHoles = 8;

struct FaceScratch {
  std::vector<Vec2> pts;
  std::vector<std::vector<int>> idx;  // per loop, indices into pts
  std::vector<double> area;
  std::vector<int> outers, holes;
  std::vector<LoopBox> box;
};

}  // namespace

void TriangulateOutputFace(const std::vector<std::vector<Vec2>>& loops, size_t numLoops, const std::vector<int>& ids,
                           EdgeSet& edges, std::vector<std::array<int, 3>>& tris) {
  // Work arrays kept per thread for the usual small faces (a boolean
  // triangulates thousands; their allocations were a quarter of this), a
  // large face's its own, as in EarClip.
  size_t numPoints = 0;
  for (size_t i = 0; i < numLoops; ++i) numPoints += loops[i].size();
  thread_local FaceScratch pooled;
  std::unique_ptr<FaceScratch> own;
  if (numPoints > 4096) own = std::make_unique<FaceScratch>();
  FaceScratch& scratch = own ? *own : pooled;
  std::vector<Vec2>& pts = scratch.pts;
  std::vector<std::vector<int>>& idx = scratch.idx;
  pts.clear();
  if (idx.size() < numLoops) idx.resize(numLoops);  // entries past numLoops are left over
  for (size_t i = 0; i < numLoops; ++i) {
    std::vector<int>& l = idx[i];
    l.clear();
    for (const Vec2& p : loops[i]) {
      l.push_back(static_cast<int>(pts.size()));
      pts.push_back(p);
    }
  }
  tris.clear();
  tris.reserve(numPoints + 2 * numLoops);  // n - 2 per loop, two more per bridge
  std::vector<int>& outers = scratch.outers;
  std::vector<int>& holes = scratch.holes;
  outers.clear();
  holes.clear();
  std::vector<double>& area = scratch.area;
  area.assign(numLoops, 0.0);
  for (size_t i = 0; i < numLoops; ++i) {
    area[i] = SignedArea(pts, idx[i]);
    (area[i] >= 0 ? outers : holes).push_back(static_cast<int>(i));
  }
  // A loop triangulated on its own, keeping its edges' directions (a
  // clockwise loop is clipped reversed and its triangles flipped back).
  auto alone = [&](const std::vector<int>& l) {
    std::vector<int> rev(l.rbegin(), l.rend());
    std::vector<std::array<int, 3>> t;
    EarClip(pts, ids, edges, rev, t);
    for (auto& tri : t) tris.push_back({tri[0], tri[2], tri[1]});
  };
  if (outers.empty()) {  // no outer boundary: keep the loops as they are
    for (size_t i = 0; i < numLoops; ++i) alone(idx[i]);
    return;
  }
  if (holes.empty()) {  // most faces: what the steps below do without holes
    for (int o : outers) EarClip(pts, ids, edges, idx[o], tris);
    return;
  }
  // Each hole goes to the smallest outer loop containing its points. A hole
  // of zero area up to rounding (the zero-width strip symbolic perturbation
  // leaves along an edge lying in the other operand's face) or one inside
  // no outer loop is triangulated alone: bridging it into an outer loop it
  // does not lie in would cover area outside the face's polygon.
  std::vector<std::vector<int>> holesOf(numLoops);
  std::vector<std::unique_ptr<LoopEdgeIndex>> edgeIndex(numLoops);
  std::vector<LoopBox>& box = scratch.box;
  box.resize(numLoops);
  for (size_t i = 0; i < numLoops; ++i) box[i] = BoxOf(pts, idx[i]);
  for (int h : holes) {
    if (std::fabs(area[h]) <= AreaTolerance(pts, idx[h])) {
      alone(idx[h]);
      continue;
    }
    int best = -1;
    for (int o : outers) {
      if (assemble_detail::holeBoxSkip && BoxesApart(box[h], box[o])) {
#ifdef MOS_CHECK_OUTPUT_FACE
        if (HoleVotes(pts, idx[h], idx[o]) > 0) std::abort();
#endif
        continue;  // no point of h votes "inside o" (see BoxesApart)
      }
      if (!edgeIndex[o]) edgeIndex[o] = std::make_unique<LoopEdgeIndex>(pts, idx[o]);
      // Points of the hole on the outer loop's boundary (a hole touching it
      // along an edge, as perturbed coplanar faces leave) do not vote; the
      // hole's edge midpoints vote too, so such a hole still finds its loop.
      // Only the sign of the final count matters: counting stops once the
      // points left cannot change it.
      int votes = 0;
      const std::vector<int>& hl = idx[h];
      int left = 2 * static_cast<int>(hl.size());
      for (size_t k = 0; k < hl.size() && votes <= left && votes + left > 0; ++k) {
        const Vec2 a = pts[hl[k]], b = pts[hl[(k + 1) % hl.size()]];
        votes += edgeIndex[o]->Vote(a) + edgeIndex[o]->Vote((a + b) * 0.5);
        left -= 2;
      }
      if (votes > 0 && (best < 0 || area[o] < area[best])) best = o;
    }
    if (best < 0) {
      alone(idx[h]);
      continue;
    }
    holesOf[best].push_back(h);
  }
  for (int o : outers) {
    std::vector<int> poly = idx[o];
    std::vector<int>& hs = holesOf[o];
    auto maxX = [&](int h) {
      double m = -INFINITY;
      for (int v : idx[h]) m = std::max(m, pts[v].x);
      return m;
    };
    std::sort(hs.begin(), hs.end(), [&](int a, int b) { return maxX(a) > maxX(b); });
    if (!hs.empty()) {
      BridgeBlockers blockers(pts);
      blockers.AddLoop(poly);
      for (int h : hs) blockers.AddLoop(idx[h]);
      blockers.Index();
      // Many holes: the first candidate of each bridge from a grid of the
      // vertices merged so far, not a scan of the growing polygon.
      BridgeNearest nearestIndex(pts);
      bool indexed = false;
      if (hs.size() >= kIndexedHoles) {
        std::vector<const std::vector<int>*> all{&poly};
        for (int h : hs) all.push_back(&idx[h]);
        indexed = nearestIndex.Build(all);
        if (indexed) nearestIndex.AddLoop(poly);
      }
      for (int h : hs) BridgeHole(pts, ids, edges, poly, idx[h], blockers, indexed ? &nearestIndex : nullptr);
    }
    EarClip(pts, ids, edges, poly, tris);
  }
  return;
}

std::vector<std::array<int, 3>> TriangulateOutputFace(const std::vector<std::vector<Vec2>>& loops,
                                                      const std::vector<int>& ids, EdgeSet& edges) {
  std::vector<std::array<int, 3>> tris;
  TriangulateOutputFace(loops, loops.size(), ids, edges, tris);
  return tris;
}

}  // namespace mos::kernel
