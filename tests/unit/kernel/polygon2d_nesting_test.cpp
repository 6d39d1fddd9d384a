// ContourParents against its definition tested on every pair (the loop
// ClipperOrder ran before session 9), on nested sets whose long outlines
// take the y-indexed point test: rings of circles, holes touching their
// outline at a vertex or lying on its edges, equal areas, islands in holes.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <vector>

#include "kernel/polygon2d_nesting.h"

namespace mos::kernel {
namespace {

std::vector<long> ParentsByEveryPair(const std::vector<Contour>& cs) {
  const size_t n = cs.size();
  std::vector<double> area(n);
  std::vector<std::array<double, 4>> box(n);
  for (size_t i = 0; i < n; ++i) {
    area[i] = std::fabs(SignedArea(cs[i]));
    box[i] = {cs[i][0].x, cs[i][0].y, cs[i][0].x, cs[i][0].y};
    for (const Vec2& p : cs[i])
      box[i] = {std::min(box[i][0], p.x), std::min(box[i][1], p.y), std::max(box[i][2], p.x),
                std::max(box[i][3], p.y)};
  }
  std::vector<long> parent(n, -1);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) {
      if (i == j || area[j] < area[i]) continue;
      if (!(box[j][0] <= box[i][0] && box[j][1] <= box[i][1] && box[j][2] >= box[i][2] && box[j][3] >= box[i][3]))
        continue;
      if (parent[i] >= 0 && area[j] >= area[static_cast<size_t>(parent[i])]) continue;
      if (ContourContains(cs[j], cs[i])) parent[i] = static_cast<long>(j);
    }
  return parent;
}

Contour Circle(Vec2 c, double r, int n, bool clockwise, double phase) {
  Contour out;
  for (int i = 0; i < n; ++i) {
    const double a = phase + (clockwise ? -1 : 1) * 2 * M_PI * i / n;
    out.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
  }
  return out;
}

Contour Square(Vec2 lo, double s, bool clockwise) {
  Contour c{{lo.x, lo.y}, {lo.x + s, lo.y}, {lo.x + s, lo.y + s}, {lo.x, lo.y + s}};
  if (clockwise) std::reverse(c.begin(), c.end());
  return c;
}

TEST(Polygon2dNesting, ParentsEqualEveryPairTest) {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> unit(0, 1);
  int withParent = 0, indexedOuters = 0, gridded = 0;
  for (int it = 0; it < 40; ++it) {
    std::vector<Contour> cs;
    const int outers = 1 + static_cast<int>(rng() % 4);
    for (int o = 0; o < outers; ++o) {
      const Vec2 c{30.0 * o, 0};
      const int n = 20 + static_cast<int>(rng() % 200);
      const Contour outline = Circle(c, 10, n, false, unit(rng));
      cs.push_back(outline);
      if (n >= 48) ++indexedOuters;
      // Holes: small squares and circles inside, some with a corner on a
      // vertex of the outline, islands inside the larger holes, and two
      // holes of equal area.
      const int holes = static_cast<int>(rng() % 30);
      for (int h = 0; h < holes; ++h) {
        const double r = 7 * std::sqrt(unit(rng)), a = 2 * M_PI * unit(rng);
        const Vec2 p{c.x + r * std::cos(a), c.y + r * std::sin(a)};
        if (h % 5 == 0) {
          cs.push_back(Circle(p, 1.2, 60, true, unit(rng)));
          cs.push_back(Square({p.x - 0.4, p.y - 0.4}, 0.8, false));  // an island
        } else {
          cs.push_back(Square(p, 0.5, true));
        }
      }
      cs.push_back(Square({c.x - 3, c.y - 3}, 0.25, true));
      cs.push_back(Square({c.x + 3, c.y + 3}, 0.25, true));  // equal areas
      // A hole touching the outline at its vertex 0 (its first vertex).
      const Vec2 t = outline[0];
      cs.push_back(Contour{t, {t.x - 2, t.y - 0.5}, {t.x - 2, t.y + 0.5}});
    }
    // Separate outlines of equal area, one inside none of the others.
    cs.push_back(Square({-50, -50}, 5, false));
    cs.push_back(Square({-60, -50}, 5, false));
    const std::vector<long> fast = ContourParents(cs), slow = ParentsByEveryPair(cs);
    ASSERT_EQ(fast, slow) << "iteration " << it;
    if (cs.size() >= 64) ++gridded;  // candidates from the grid of boxes
    for (long p : fast) withParent += p >= 0 ? 1 : 0;
  }
  EXPECT_GT(withParent, 300);
  EXPECT_GT(indexedOuters, 20);
  EXPECT_GT(gridded, 10);
}

TEST(Polygon2dNesting, HoleOnTheOutlineCountsByItsFirstVertexOffIt) {
  // A hole whose first vertices lie on the outer boundary (a long outline,
  // so the indexed test decides): the first vertex off it decides.
  Contour outer = Circle({0, 0}, 10, 64, false, 0);
  const Vec2 a = outer[0], b = outer[1];
  Contour hole{a, b, {(a.x + b.x) / 2 - 1, (a.y + b.y) / 2}};  // inward of edge 0-1
  std::reverse(hole.begin(), hole.end());
  std::vector<Contour> cs{outer, hole, Square({20, 20}, 1, false)};
  const std::vector<long> parents = ContourParents(cs);
  EXPECT_EQ(parents, ParentsByEveryPair(cs));
  EXPECT_EQ(parents[1], 0);
  EXPECT_EQ(parents[2], -1);
  EXPECT_EQ(ClassifyPoint(outer, a), -1);
  EXPECT_EQ(ClassifyPoint(outer, {0, 0}), 1);
  EXPECT_EQ(ClassifyPoint(outer, {11, 0.5}), 0);
}

TEST(Polygon2dNesting, NonFiniteCoordinatesFallBackToEveryPair) {
  std::vector<Contour> cs{Square({0, 0}, 10, false), Square({1, 1}, 1, true),
                          Contour{{NAN, 0}, {1, 0}, {1, 1}}, Square({2, 2}, 1, true)};
  EXPECT_EQ(ContourParents(cs), ParentsByEveryPair(cs));
}

}  // namespace
}  // namespace mos::kernel
