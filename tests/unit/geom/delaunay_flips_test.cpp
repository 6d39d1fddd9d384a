// Lawson flips on extrusion caps: the same region covered by valid
// triangles, locally Delaunay afterwards, boundary kept.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <utility>
#include <vector>

#include "geom/delaunay_flips.h"
#include "kernel/triangulate.h"

namespace mos::geom {
namespace {

using kernel::Vec2;

double Area(const std::vector<Vec2>& p, const std::array<int, 3>& t) {
  return 0.5 * kernel::Cross(p[t[1]] - p[t[0]], p[t[2]] - p[t[0]]);
}

TEST(DelaunayFlips, FanOfAConvexPolygonBecomesDelaunay) {
  // A long thin fan over an ellipse-like convex polygon.
  const int n = 40;
  std::vector<Vec2> p;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * M_PI * i / n;
    p.push_back({10 * std::cos(a), std::sin(a)});
  }
  std::vector<std::array<int, 3>> tris;
  for (int i = 1; i + 1 < n; ++i) tris.push_back({0, i, i + 1});
  double before = 0;
  for (const auto& t : tris) before += Area(p, t);
  const int flips = FlipToDelaunay(p, tris, 10000);
  EXPECT_GT(flips, 0);
  ASSERT_EQ(tris.size(), static_cast<size_t>(n - 2));
  double after = 0;
  for (const auto& t : tris) {
    EXPECT_GT(Area(p, t), 0);  // valid, counter-clockwise
    after += Area(p, t);
  }
  EXPECT_NEAR(after, before, 1e-9 * before);
  // Every boundary edge is still used once, every interior edge twice in
  // opposite directions; no vertex lies inside a neighbour's circumcircle.
  std::map<std::pair<int, int>, int> uses;
  for (const auto& t : tris)
    for (int i = 0; i < 3; ++i) ++uses[{t[i], t[(i + 1) % 3]}];
  for (int i = 0; i < n; ++i) EXPECT_EQ((uses[{i, (i + 1) % n}]), 1) << i;
  for (const auto& [e, k] : uses) {
    EXPECT_EQ(k, 1);
    const bool boundary = (e.second == (e.first + 1) % n);
    if (!boundary) {
      EXPECT_EQ(uses.count({e.second, e.first}), 1u);
    }
  }
  // Vertex 0 was in all 38 triangles; now in a few.
  int atZero = 0;
  for (const auto& t : tris) atZero += (t[0] == 0 || t[1] == 0 || t[2] == 0);
  EXPECT_LE(atZero, 4);
}

TEST(DelaunayFlips, PolygonWithHoleKeepsItsArea) {
  std::vector<std::vector<Vec2>> contours = {
      {{0, 0}, {20, 0}, {20, 2}, {0, 2}},
      {{1, 0.5}, {1, 1.5}, {19, 1.5}, {19, 0.5}},  // hole, clockwise
  };
  std::vector<Vec2> all;
  for (const auto& c : contours) all.insert(all.end(), c.begin(), c.end());
  std::vector<std::array<int, 3>> tris = kernel::TriangulatePolygon(contours);
  FlipToDelaunay(all, tris, 1000);
  double area = 0;
  for (const auto& t : tris) {
    EXPECT_GT(Area(all, t), 0);
    area += Area(all, t);
  }
  EXPECT_NEAR(area, 40 - 18, 1e-12);
}

TEST(DelaunayFlips, ImproperInputIsLeftAlone) {
  std::vector<Vec2> p = {{0, 0}, {1, 0}, {0, 1}};
  std::vector<std::array<int, 3>> tris = {{0, 1, 2}, {0, 1, 2}};  // an edge used twice
  EXPECT_EQ(FlipToDelaunay(p, tris, 10), 0);
  std::vector<std::array<int, 3>> bad = {{0, 1, 7}};
  EXPECT_EQ(FlipToDelaunay(p, bad, 10), 0);
}

// The owner table in one array (linear probing, backward-shift deletion)
// against the std::unordered_map it replaced: the same flips and the same
// triangles, on caps of random star polygons with star holes (many flips,
// erasures in long probe runs), with flip limits cutting the loop short,
// snapped points (collinear and cocircular ties) and the improper inputs.
TEST(DelaunayFlips, ProbeTableIsTheMapReference) {
  std::mt19937_64 rng(1128);
  std::uniform_real_distribution<double> u(0, 1);
  int totalFlips = 0;
  for (int i = 0; i < 600; ++i) {
    std::vector<std::vector<Vec2>> contours;
    const int n = 3 + static_cast<int>(rng() % 200);
    const double snap = u(rng) < 0.3 ? 0.25 : 0;
    auto star = [&](double cx, double rMin, double rMax, int m, bool clockwise) {
      std::vector<Vec2> c;
      for (int k = 0; k < m; ++k) {
        const double a = (clockwise ? -1 : 1) * 2 * M_PI * k / m;
        const double r = rMin + (rMax - rMin) * u(rng);
        Vec2 p{cx + r * 10 * std::cos(a), r * std::sin(a)};
        if (snap > 0) p = {std::round(p.x / snap) * snap, std::round(p.y / snap) * snap};
        c.push_back(p);
      }
      return c;
    };
    contours.push_back(star(0, 4, 6, n, false));
    if (u(rng) < 0.5) contours.push_back(star(0, 1, 2, 3 + static_cast<int>(rng() % 40), true));
    std::vector<Vec2> all;
    for (const auto& c : contours) all.insert(all.end(), c.begin(), c.end());
    const std::vector<std::array<int, 3>> start = kernel::TriangulatePolygon(contours);
    const int limit = u(rng) < 0.2 ? static_cast<int>(rng() % 20) : 1 << 20;
    std::vector<std::array<int, 3>> got = start, want = start;
    const int flips = FlipToDelaunay(all, got, limit);
    ASSERT_EQ(flips, delaunay_detail::FlipToDelaunayReference(all, want, limit)) << "case " << i;
    ASSERT_EQ(got, want) << "case " << i;
    totalFlips += flips;
  }
  EXPECT_GT(totalFlips, 10000);
  std::vector<Vec2> p = {{0, 0}, {1, 0}, {0, 1}};
  for (const std::vector<std::array<int, 3>>& bad :
       {std::vector<std::array<int, 3>>{{0, 1, 2}, {0, 1, 2}}, std::vector<std::array<int, 3>>{{0, 1, 7}},
        std::vector<std::array<int, 3>>{{0, -1, 2}}}) {
    std::vector<std::array<int, 3>> got = bad, want = bad;
    EXPECT_EQ(FlipToDelaunay(p, got, 10), delaunay_detail::FlipToDelaunayReference(p, want, 10));
    EXPECT_EQ(got, want);
  }
}

}  // namespace
}  // namespace mos::geom
