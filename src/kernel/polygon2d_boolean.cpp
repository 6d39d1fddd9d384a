// Booleans of polygon sets with winding-number fill: build the arrangement,
// keep the edges that separate "inside the result" from "outside", and link
// them into contours with the result on their left (so outer contours come
// out counter-clockwise and holes clockwise).
#include <algorithm>
#include <cmath>

#include "kernel/polygon2d.h"
#include "kernel/polygon2d_arrangement.h"
#include "kernel/polygon2d_limited.h"

namespace mos::kernel {
namespace {


bool Filled(int winding, FillRule rule) {
  switch (rule) {
    case FillRule::kEvenOdd: return (winding & 1) != 0;
    case FillRule::kNonZero: return winding != 0;
    case FillRule::kPositive: return winding > 0;
    case FillRule::kNegative: return winding < 0;
  }
  return false;
}

bool Combine(bool a, bool b, BoolOp2d op) {
  switch (op) {
    case BoolOp2d::kUnion: return a || b;
    case BoolOp2d::kIntersection: return a && b;
    case BoolOp2d::kDifference: return a && !b;
    case BoolOp2d::kXor: return a != b;
  }
  return false;
}

size_t SegmentCount(const Polygon2d& p) {
  size_t n = 0;
  for (const Contour& c : p.contours) n += c.size() >= 2 ? c.size() : 0;
  return n;
}

void AddSegments(const Polygon2d& p, int operand, std::vector<Segment2d>& out) {
  for (const Contour& c : p.contours) {
    const size_t n = c.size();
    if (n < 2) continue;
    for (size_t i = 0; i < n; ++i) out.push_back({c[i], c[(i + 1) % n], operand});
  }
}

// Drops vertices where the contour goes straight on or doubles back, unless
// another contour touches the vertex (removing it there would let the
// straightened edge cross the other contour by a rounding error).
std::vector<int> RemoveCollinear(std::vector<int> c, const std::vector<Vec2>& pts, const std::vector<char>& shared) {
  bool changed = true;
  for (int guard = 0; changed && c.size() >= 3 && guard < 64; ++guard) {
    changed = false;
    std::vector<int> kept;
    const size_t n = c.size();
    for (size_t i = 0; i < n; ++i) {
      const int a = kept.empty() ? c[(i + n - 1) % n] : kept.back(), b = c[i], d = c[(i + 1) % n];
      if (!shared[b] && Cross(pts[b] - pts[a], pts[d] - pts[b]) == 0) {
        changed = true;
        continue;
      }
      kept.push_back(b);
    }
    c.swap(kept);
  }
  return c;
}

// Links the kept directed edges into closed contours. At a vertex with
// several outgoing edges, the incoming edge continues with the first
// outgoing edge clockwise from its reverse: the tightest turn, which keeps
// regions that only touch at a vertex in separate contours.
Polygon2d LinkContours(const std::vector<Vec2>& pts, const std::vector<std::pair<int, int>>& edges) {
  const int n = static_cast<int>(edges.size());
  // Outgoing edges of vertex v: outgoing[outStart[v] .. outStart[v + 1]).
  std::vector<int> outStart(pts.size() + 1, 0), outgoing(n);
  for (int i = 0; i < n; ++i) ++outStart[edges[i].first + 1];
  for (size_t v = 0; v < pts.size(); ++v) outStart[v + 1] += outStart[v];
  {
    std::vector<int> fill(outStart.begin(), outStart.end() - 1);
    for (int i = 0; i < n; ++i) outgoing[fill[edges[i].first]++] = i;
  }
  std::vector<int> next(n, -1);
  for (int i = 0; i < n; ++i) {
    const int v = edges[i].second;
    const Vec2 back = pts[edges[i].first] - pts[v];
    // Clockwise angle from `back` to d in (0, 2 pi], compared by cross
    // products (atan2's rounding can swap edges ~1e-9 apart): group 0 is
    // (0, pi), 1 is pi, 2 is (pi, 2 pi), 3 is 2 pi (straight back).
    auto group = [&](Vec2 d) {
      const double c = Cross(back, d);
      if (c < 0) return 0;
      if (c > 0) return 2;
      return Dot(back, d) < 0 ? 1 : 3;
    };
    Vec2 best{0, 0};
    int bestGroup = 4;
    for (int k = outStart[v]; k < outStart[v + 1]; ++k) {
      const int o = outgoing[k];
      const Vec2 d = pts[edges[o].second] - pts[v];
      const int g = group(d);
      if (g < bestGroup || (g == bestGroup && (g == 0 || g == 2) && Cross(best, d) > 0)) {
        bestGroup = g;
        best = d;
        next[i] = o;
      }
    }
  }
  Polygon2d result;
  std::vector<char> used(n, 0), shared(pts.size(), 0);
  for (size_t v = 0; v < pts.size(); ++v) shared[v] = outStart[v + 1] - outStart[v] > 1;
  for (int start = 0; start < n; ++start) {
    if (used[start]) continue;
    std::vector<int> ids;
    for (int e = start; e >= 0 && !used[e]; e = next[e]) {
      used[e] = 1;
      ids.push_back(edges[e].first);
    }
    ids = RemoveCollinear(std::move(ids), pts, shared);
    Contour c;
    for (int v : ids) c.push_back(pts[v]);
    if (c.size() >= 3 && SignedArea(c) != 0) result.contours.push_back(std::move(c));
  }
  return result;
}

}  // namespace

double SignedArea(const Contour& c) {
  double s = 0;
  const size_t n = c.size();
  for (size_t i = 0; i < n; ++i) s += Cross(c[i], c[(i + 1) % n]);
  return s / 2;
}

double SignedArea(const Polygon2d& p) {
  double s = 0;
  for (const Contour& c : p.contours) s += SignedArea(c);
  return s;
}

namespace polygon2d_detail {

namespace {

// The boolean of the operands whose edges are `segments`.
Polygon2d BooleanOfSegments(const std::vector<Segment2d>& segments, BoolOp2d op, FillRule fillA, FillRule fillB,
                            LimitGuard* guard) {
  Arrangement2d arr = BuildArrangement(segments, guard);
  if (guard != nullptr && guard->Stopped()) return {};
  ComputeWindings(arr, guard);
  if (guard != nullptr && guard->Stopped()) return {};
  std::vector<std::pair<int, int>> kept;
  for (const ArrangementEdge& e : arr.edges) {
    const auto& r = e.rightWinding;
    const bool right = Combine(Filled(r[0], fillA), Filled(r[1], fillB), op);
    const bool left = Combine(Filled(r[0] + e.delta[0], fillA), Filled(r[1] + e.delta[1], fillB), op);
    if (left == right) continue;
    kept.push_back(left ? std::make_pair(e.lo, e.hi) : std::make_pair(e.hi, e.lo));
  }
  return LinkContours(arr.points, kept);
}

}  // namespace

Polygon2d Boolean2dGuarded(const Polygon2d& a, const Polygon2d& b, BoolOp2d op, FillRule fillA, FillRule fillB,
                           LimitGuard* guard) {
  std::vector<Segment2d> segments;
  segments.reserve(SegmentCount(a) + SegmentCount(b));
  AddSegments(a, 0, segments);
  AddSegments(b, 1, segments);
  return BooleanOfSegments(segments, op, fillA, fillB, guard);
}

Polygon2d UnionAll2dGuarded(const std::vector<Polygon2d>& parts, LimitGuard* guard) {
  // Nonzero over the concatenation is the union only if no part has
  // negative winding somewhere: canonical parts (outer CCW) never do. The
  // parts' edges go straight into one list (as operand 0, in order), with no
  // copy of their contours into one polygon first.
  size_t count = 0;
  for (const Polygon2d& p : parts) count += SegmentCount(p);
  std::vector<Segment2d> segments;
  segments.reserve(count);
  for (const Polygon2d& p : parts) AddSegments(p, 0, segments);
  return BooleanOfSegments(segments, BoolOp2d::kUnion, FillRule::kPositive, FillRule::kNonZero, guard);
}

PolygonOpResult Finish(Polygon2d polygon, const LimitGuard& guard) {
  PolygonOpResult r;
  if (guard.Stopped()) {
    r.status = guard.Reason() == StopReason::Cancelled ? HullStatus::kCancelled : HullStatus::kTooLarge;
    r.diagnostic = guard.Diagnostic();
    return r;
  }
  r.polygon = std::move(polygon);
  return r;
}

}  // namespace polygon2d_detail

Polygon2d Boolean2d(const Polygon2d& a, const Polygon2d& b, BoolOp2d op, FillRule fillA, FillRule fillB) {
  return polygon2d_detail::Boolean2dGuarded(a, b, op, fillA, fillB, nullptr);
}

PolygonOpResult Boolean2d(const Polygon2d& a, const Polygon2d& b, BoolOp2d op, FillRule fillA, FillRule fillB,
                          const KernelLimits& limits) {
  LimitGuard guard(limits, "2D boolean");
  Polygon2d out = polygon2d_detail::Boolean2dGuarded(a, b, op, fillA, fillB, &guard);
  return polygon2d_detail::Finish(std::move(out), guard);
}

PolygonOpResult Simplify2d(const Polygon2d& input, FillRule fill, const KernelLimits& limits) {
  LimitGuard guard(limits, "2D simplify");
  Polygon2d out =
      polygon2d_detail::Boolean2dGuarded(input, Polygon2d{}, BoolOp2d::kUnion, fill, FillRule::kNonZero, &guard);
  return polygon2d_detail::Finish(std::move(out), guard);
}

PolygonOpResult UnionAll2d(const std::vector<Polygon2d>& parts, const KernelLimits& limits) {
  LimitGuard guard(limits, "2D union");
  Polygon2d out = polygon2d_detail::UnionAll2dGuarded(parts, &guard);
  return polygon2d_detail::Finish(std::move(out), guard);
}

Polygon2d Simplify2d(const Polygon2d& input, FillRule fill) {
  return Boolean2d(input, Polygon2d{}, BoolOp2d::kUnion, fill, FillRule::kNonZero);
}

Polygon2d Union2d(const Polygon2d& a, const Polygon2d& b) { return Boolean2d(a, b, BoolOp2d::kUnion); }
Polygon2d Intersection2d(const Polygon2d& a, const Polygon2d& b) { return Boolean2d(a, b, BoolOp2d::kIntersection); }
Polygon2d Difference2d(const Polygon2d& a, const Polygon2d& b) { return Boolean2d(a, b, BoolOp2d::kDifference); }
Polygon2d Xor2d(const Polygon2d& a, const Polygon2d& b) { return Boolean2d(a, b, BoolOp2d::kXor); }

Polygon2d UnionAll2d(const std::vector<Polygon2d>& parts) {
  return polygon2d_detail::UnionAll2dGuarded(parts, nullptr);
}

}  // namespace mos::kernel
