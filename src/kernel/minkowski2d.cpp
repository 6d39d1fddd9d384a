// 2D Minkowski sums by convex pieces, with the boundary decomposition of
// minkowski3d.cpp in one dimension less (no triangulation needed):
//   A + B = (dA + dB) u U_C (c_C + B) u U_D (A + d_D),
// C, D the boundary loops of A and B, c_C, d_D one vertex of each; dA + dB
// is the union of hull(e + f) over edge pairs (parallelograms). When B is
// convex, dA + B = U_e hull(e + B) and only A + b0 remains as a copy. Both
// convex: hull of the sums of hull vertices (Andrew's monotone chain).
#include "kernel/minkowski2d.h"

#include <cmath>

#include "kernel/hull2d.h"

namespace mos::kernel {
namespace {

double AbsArea(const std::vector<Vec2>& loop) {
  double a = 0;
  for (size_t i = 0; i < loop.size(); ++i) a += Cross(loop[i], loop[(i + 1) % loop.size()]);
  return std::fabs(a) / 2;
}

std::vector<std::vector<Vec2>> Translated(const std::vector<std::vector<Vec2>>& loops, Vec2 d) {
  auto out = loops;
  for (auto& loop : out) {
    for (Vec2& p : loop) p = p + d;
  }
  return out;
}

HullStatus StatusOf(const LimitGuard& guard) {
  return guard.Reason() == StopReason::Cancelled ? HullStatus::kCancelled
                                                 : HullStatus::kTooLarge;
}

}  // namespace

bool IsConvexPolygonSet(const std::vector<std::vector<Vec2>>& loops) {
  if (loops.size() != 1 || loops[0].size() < 3) return false;
  const double hullArea = AbsArea(ConvexHull2d(loops[0]));
  return hullArea > 0 && std::fabs(hullArea - AbsArea(loops[0])) <= 1e-9 * hullArea;
}

Minkowski2dPieces Minkowski2dDecompose(const std::vector<std::vector<Vec2>>& a,
                                       const std::vector<std::vector<Vec2>>& b,
                                       const KernelLimits& limits) {
  Minkowski2dPieces out;
  LimitGuard guard(limits, "minkowski");
  int64_t outputVertices = 0;
  auto nonEmpty = [](const std::vector<std::vector<Vec2>>& s) {
    for (const auto& loop : s) {
      if (loop.size() >= 3) return true;
    }
    return false;
  };
  if (!nonEmpty(a) || !nonEmpty(b)) return out;
  auto addHull = [&](const std::vector<Vec2>& p, const std::vector<Vec2>& q) {
    if (!guard.Check(outputVertices + static_cast<int64_t>(p.size() * q.size()))) return false;
    std::vector<Vec2> sums;
    sums.reserve(p.size() * q.size());
    for (const Vec2& x : p) {
      for (const Vec2& y : q) sums.push_back(x + y);
    }
    std::vector<Vec2> hull = ConvexHull2d(std::move(sums));
    if (!hull.empty()) {
      outputVertices += static_cast<int64_t>(hull.size());
      out.convexPieces.push_back(std::move(hull));
    }
    return true;
  };
  auto fail = [&]() {
    out = Minkowski2dPieces{};
    out.status = StatusOf(guard);
    out.diagnostic = guard.Diagnostic();
    return out;
  };
  const bool convexA = IsConvexPolygonSet(a);
  const bool convexB = IsConvexPolygonSet(b);
  if (convexA && convexB) {
    if (!addHull(ConvexHull2d(a[0]), ConvexHull2d(b[0]))) return fail();
    return out;
  }
  const auto& first = convexA ? b : a;
  const auto& second = convexA ? a : b;
  auto forEachEdge = [](const std::vector<std::vector<Vec2>>& s, auto&& visit) {
    for (const auto& loop : s) {
      if (loop.size() < 3) continue;
      for (size_t i = 0; i < loop.size(); ++i) {
        const Vec2 p = loop[i], q = loop[(i + 1) % loop.size()];
        if (p.x == q.x && p.y == q.y) continue;
        if (!visit(std::vector<Vec2>{p, q})) return false;
      }
    }
    return true;
  };
  if (convexA || convexB) {
    const std::vector<Vec2> convex = ConvexHull2d(second[0]);
    if (!forEachEdge(first, [&](const std::vector<Vec2>& e) { return addHull(e, convex); })) {
      return fail();
    }
    out.translatedCopies.push_back(Translated(first, convex[0]));
    return out;
  }
  const bool ok = forEachEdge(first, [&](const std::vector<Vec2>& e) {
    return forEachEdge(second, [&](const std::vector<Vec2>& f) { return addHull(e, f); });
  });
  if (!ok) return fail();
  for (const auto& loop : first) {
    if (loop.size() >= 3) out.translatedCopies.push_back(Translated(second, loop[0]));
  }
  for (const auto& loop : second) {
    if (loop.size() >= 3) out.translatedCopies.push_back(Translated(first, loop[0]));
  }
  return out;
}

PolygonOpResult Minkowski2d(const Polygon2d& a, const Polygon2d& b, const KernelLimits& limits) {
  PolygonOpResult out;
  Minkowski2dPieces pieces = Minkowski2dDecompose(a.contours, b.contours, limits);
  out.status = pieces.status;
  out.diagnostic = pieces.diagnostic;
  if (pieces.status != HullStatus::kOk) return out;
  std::vector<Polygon2d> parts;
  parts.reserve(pieces.convexPieces.size() + pieces.translatedCopies.size());
  for (auto& piece : pieces.convexPieces) parts.push_back(Polygon2d{{std::move(piece)}});
  for (auto& copy : pieces.translatedCopies) parts.push_back(Polygon2d{std::move(copy)});
  if (parts.size() == 1 && pieces.translatedCopies.empty()) {
    out.polygon = std::move(parts[0]);  // one convex CCW piece is canonical
  } else if (!parts.empty()) {
    // Pairwise unions in a balanced tree. (UnionAll2d's single sweep over
    // all parts returned overlapping contours for an L-shape plus a
    // 12-gon when this was written; the pairwise union is exact there.)
    while (parts.size() > 1) {
      LimitGuard guard(limits, "minkowski");
      if (!guard.Check()) {
        out.status = StatusOf(guard);
        out.diagnostic = guard.Diagnostic();
        out.polygon = Polygon2d{};
        return out;
      }
      std::vector<Polygon2d> next;
      next.reserve((parts.size() + 1) / 2);
      for (size_t i = 0; i + 1 < parts.size(); i += 2) next.push_back(Union2d(parts[i], parts[i + 1]));
      if (parts.size() % 2) next.push_back(std::move(parts.back()));
      parts.swap(next);
    }
    out.polygon = std::move(parts[0]);
  }
  return out;
}

}  // namespace mos::kernel
