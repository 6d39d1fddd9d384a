// RoundingKeepsTopology tests a pair of nearby edges once, in the first grid
// cell both cover. The reference below is the version that tested the pair
// in every cell both cover (main b3b2a10): both must give the same answer,
// on unions it accepts and on ones it refuses (a contour moved next to
// another, or onto it).
#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "geom/rounding_check.h"
#include "kernel/grid_snap.h"
#include "kernel/polygon2d.h"
#include "rotated_square.h"

namespace mos::geom {
namespace {

using kernel::Contour;
using kernel::Polygon2d;
using kernel::Vec2;
using testing::Square;

namespace reference {

struct Pt {
  int64_t x, y;
};

int64_t Cross(Pt o, Pt a, Pt b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

struct Edge {
  Pt a, b;
  int contour, index;  // edge index = index of its first vertex
};

double ContourAreaSign(const kernel::Contour& c) {
  double s = 0;
  for (size_t i = 0, n = c.size(); i < n; ++i) {
    const Vec2& p = c[i];
    const Vec2& q = c[(i + 1) % n];
    s += (p.x - c[0].x) * (q.y - c[0].y) - (q.x - c[0].x) * (p.y - c[0].y);
  }
  return s / 2;
}

// Squared distance from p to segment ab (doubles: a threshold test only).
double Dist2(Pt p, Pt a, Pt b) {
  const double dx = static_cast<double>(b.x - a.x), dy = static_cast<double>(b.y - a.y);
  const double px = static_cast<double>(p.x - a.x), py = static_cast<double>(p.y - a.y);
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? (px * dx + py * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = px - t * dx, ey = py - t * dy;
  return ex * ex + ey * ey;
}

bool Adjacent(const Edge& e, const Edge& f, const std::vector<int>& sizes) {
  if (e.contour != f.contour) return false;
  const int n = sizes[e.contour];
  return (e.index + 1) % n == f.index || (f.index + 1) % n == e.index || e.index == f.index;
}

// Whether the boxes of e and f, grown by 2 units, overlap.
bool NearBoxes(const Edge& e, const Edge& f) {
  return std::min(e.a.x, e.b.x) - 2 <= std::max(f.a.x, f.b.x) &&
         std::min(f.a.x, f.b.x) - 2 <= std::max(e.a.x, e.b.x) &&
         std::min(e.a.y, e.b.y) - 2 <= std::max(f.a.y, f.b.y) &&
         std::min(f.a.y, f.b.y) - 2 <= std::max(e.a.y, e.b.y);
}

// Crossing, touching, or any endpoint within 1.5 units of the other edge.
bool TooClose(const Edge& e, const Edge& f) {
  constexpr double kMin2 = 1.5 * 1.5;
  if (Dist2(e.a, f.a, f.b) <= kMin2 || Dist2(e.b, f.a, f.b) <= kMin2 ||
      Dist2(f.a, e.a, e.b) <= kMin2 || Dist2(f.b, e.a, e.b) <= kMin2)
    return true;
  const int64_t d1 = Cross(f.a, f.b, e.a), d2 = Cross(f.a, f.b, e.b);
  const int64_t d3 = Cross(e.a, e.b, f.a), d4 = Cross(e.a, e.b, f.b);
  return ((d1 > 0) != (d2 > 0) || d1 == 0 || d2 == 0) && ((d3 > 0) != (d4 > 0) || d3 == 0 || d4 == 0);
}

bool EveryCellReference(const kernel::Polygon2d& original, const kernel::Polygon2d& rounded) {
  constexpr double kLimit = 1073741824.0;  // 2^30 grid units: products fit in int64
  if (original.contours.size() != rounded.contours.size()) return false;
  std::vector<Edge> edges;
  std::vector<int> sizes;
  std::vector<std::pair<int64_t, int64_t>> points;
  int64_t minX = INT64_MAX, minY = INT64_MAX, maxX = INT64_MIN, maxY = INT64_MIN;
  for (size_t ci = 0; ci < rounded.contours.size(); ++ci) {
    const kernel::Contour& c = rounded.contours[ci];
    const int n = static_cast<int>(c.size());
    if (n < 3 || c.size() != original.contours[ci].size()) return false;
    const double before = ContourAreaSign(original.contours[ci]), after = ContourAreaSign(c);
    if (before == 0 || after == 0 || (before > 0) != (after > 0)) return false;
    std::vector<Pt> pts(c.size());
    for (int i = 0; i < n; ++i) {
      const double x = c[i].x * kernel::kClipperGridScale, y = c[i].y * kernel::kClipperGridScale;
      if (!(std::fabs(x) < kLimit && std::fabs(y) < kLimit)) return false;
      pts[i] = {static_cast<int64_t>(x), static_cast<int64_t>(y)};
      if (static_cast<double>(pts[i].x) != x || static_cast<double>(pts[i].y) != y) return false;
      points.emplace_back(pts[i].x, pts[i].y);
      minX = std::min(minX, pts[i].x), maxX = std::max(maxX, pts[i].x);
      minY = std::min(minY, pts[i].y), maxY = std::max(maxY, pts[i].y);
    }
    for (int i = 0; i < n; ++i) {
      if (Cross(pts[(i + n - 1) % n], pts[i], pts[(i + 1) % n]) == 0) return false;
      edges.push_back({pts[i], pts[(i + 1) % n], static_cast<int>(ci), i});
    }
    sizes.push_back(n);
  }
  if (edges.empty()) return false;
  std::sort(points.begin(), points.end());
  if (std::adjacent_find(points.begin(), points.end()) != points.end()) return false;

  // Uniform grid of about one cell per edge; each edge goes into the cells
  // its box (grown by 2 units) covers; pairs sharing a cell are tested.
  const int64_t spanX = maxX - minX + 5, spanY = maxY - minY + 5;
  const int side = std::max(1, static_cast<int>(2 * std::sqrt(static_cast<double>(edges.size()))));
  const int64_t cellW = spanX / side + 1, cellH = spanY / side + 1;
  std::vector<std::pair<int, int>> entries;  // (cell, edge)
  const size_t budget = edges.size() * 16 + 64;
  for (size_t k = 0; k < edges.size(); ++k) {
    const Edge& e = edges[k];
    const int x0 = static_cast<int>((std::min(e.a.x, e.b.x) - 2 - minX + 2) / cellW);
    const int x1 = static_cast<int>((std::max(e.a.x, e.b.x) + 2 - minX + 2) / cellW);
    const int y0 = static_cast<int>((std::min(e.a.y, e.b.y) - 2 - minY + 2) / cellH);
    const int y1 = static_cast<int>((std::max(e.a.y, e.b.y) + 2 - minY + 2) / cellH);
    for (int gx = std::max(0, x0); gx <= std::min(side, x1); ++gx)
      for (int gy = std::max(0, y0); gy <= std::min(side, y1); ++gy) {
        entries.emplace_back(gy * (side + 1) + gx, static_cast<int>(k));
        if (entries.size() > budget) return false;
      }
  }
  // Counting sort by cell.
  std::vector<int> start(static_cast<size_t>(side + 1) * (side + 1) + 1, 0);
  for (const auto& en : entries) ++start[en.first + 1];
  for (size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
  std::vector<int> byCell(entries.size());
  {
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (const auto& en : entries) byCell[fill[en.first]++] = en.second;
  }
  size_t pairBudget = edges.size() * 64 + 256;
  for (size_t c = 0; c + 1 < start.size(); ++c) {
    for (int p = start[c]; p < start[c + 1]; ++p)
      for (int q = p + 1; q < start[c + 1]; ++q) {
        if (pairBudget-- == 0) return false;
        const Edge& e = edges[byCell[p]];
        const Edge& f = edges[byCell[q]];
        if (!NearBoxes(e, f) || Adjacent(e, f, sizes)) continue;
        if (TooClose(e, f)) return false;
      }
  }
  return true;
}

}  // namespace reference

TEST(RoundingKeepsTopologyPairs, SameAnswerAsTestingEveryCell) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> pos(-10, 10), size(0.2, 4), angle(0, 6.3), unit(0, 1);
  constexpr double kUnit = 1.0 / kernel::kClipperGridScale;
  int accepted = 0, refused = 0;
  for (int round = 0; round < 400; ++round) {
    std::vector<Polygon2d> parts;
    const int n = 2 + round % 9;
    for (int i = 0; i < n; ++i)
      parts.push_back(kernel::TruncateToClipperGrid(Square(pos(rng), pos(rng), size(rng), angle(rng))));
    Polygon2d u = kernel::UnionAll2d(parts);
    if (round % 3 == 1 && !u.contours.empty()) {
      // A small triangle a few grid units beside a vertex of the outline:
      // refused when it comes within 1.5 units of an edge.
      const Vec2 p = u.contours[0][0];
      const double d = (1 + std::floor(unit(rng) * 4)) * kUnit;
      u.contours.push_back({{p.x + d, p.y + d}, {p.x + 0.5, p.y + d}, {p.x + d, p.y + 0.5}});
    }
    const Polygon2d rounded = kernel::RoundToClipperGrid(u);
    const bool mine = RoundingKeepsTopology(u, rounded);
    ASSERT_EQ(mine, reference::EveryCellReference(u, rounded)) << round;
    (mine ? accepted : refused) += 1;
  }
  EXPECT_GT(accepted, 50);
  EXPECT_GT(refused, 50);
}

}  // namespace
}  // namespace mos::geom
