#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "kernel/triangulate.h"
#include "triangulate_check.h"

namespace mos::kernel {
namespace {

using testing::CheckTriangulation;
using testing::LoopArea;

std::vector<Vec2> Circle(Vec2 c, double r, int n, bool ccw = true) {
  std::vector<Vec2> pts;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * M_PI * i / n * (ccw ? 1 : -1);
    pts.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
  }
  return pts;
}

// Valid input: the triangulation must cover exactly the polygon, with no
// inverted triangle (sum of |areas| equals the area).
void ExpectValid(const std::vector<std::vector<Vec2>>& loops, double expectedArea, size_t expectedTris = 0) {
  const auto tris = TriangulatePolygon(loops);
  const auto r = CheckTriangulation(loops, tris);
  ASSERT_TRUE(r.ok) << r.error;
  const double tol = 1e-9 * std::max(1.0, std::fabs(expectedArea));
  EXPECT_NEAR(r.signedArea, expectedArea, tol);
  EXPECT_NEAR(r.absoluteArea, expectedArea, tol);
  if (expectedTris) {
    EXPECT_EQ(tris.size(), expectedTris);
  }
}

TEST(TriangulatePolygon, Square) {
  ExpectValid({{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}, 1, 2);
}

TEST(TriangulatePolygon, ClockwiseInputGivesCcwTriangles) {
  ExpectValid({{{0, 0}, {0, 1}, {1, 1}, {1, 0}}}, 1, 2);
}

TEST(TriangulatePolygon, SquareWithHoleAnyOrientation) {
  std::vector<Vec2> outer{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
  std::vector<Vec2> hole{{3, 3}, {7, 3}, {7, 7}, {3, 7}};  // CCW on purpose
  ExpectValid({hole, outer}, 100 - 16, 8);
}

TEST(TriangulatePolygon, CollinearPointsOnEdges) {
  ExpectValid({{{0, 0}, {1, 0}, {2, 0}, {3, 0}, {3, 1}, {3, 2}, {2, 2}, {1, 2}, {0, 2}, {0, 1}}}, 6, 8);
}

TEST(TriangulatePolygon, DuplicatePointsUseEveryEdge) {
  ExpectValid({{{0, 0}, {1, 0}, {1, 0}, {1, 1}, {1, 1}, {0, 1}, {0, 0}}}, 1);
}

TEST(TriangulatePolygon, ZeroAreaSpike) {
  // A needle going out of the square and back along itself.
  ExpectValid({{{0, 0}, {1, 0}, {1, 0.5}, {3, 0.5}, {1, 0.5}, {1, 1}, {0, 1}}}, 1);
}

TEST(TriangulatePolygon, InwardSlit) {
  ExpectValid({{{0, 0}, {2, 0}, {2, 2}, {1, 2}, {1, 1}, {1, 2}, {0, 2}}}, 4);
}

TEST(TriangulatePolygon, CombIsNotConvex) {
  std::vector<Vec2> comb;
  const int teeth = 20;
  comb.push_back({0, 0});
  comb.push_back({2.0 * teeth, 0});
  for (int i = teeth - 1; i >= 0; --i) {
    comb.push_back({2.0 * i + 2, 5});
    comb.push_back({2.0 * i + 1, 5});
    comb.push_back({2.0 * i + 1, 1});
    comb.push_back({2.0 * i, 1});
  }
  comb.pop_back();
  comb.push_back({0, 5});
  ExpectValid({comb}, LoopArea(comb));
}

TEST(TriangulatePolygon, IslandsAndIslandInHole) {
  auto outer = Circle({0, 0}, 10, 40);
  auto hole = Circle({0, 0}, 6, 30, false);
  auto island = Circle({0, 0}, 3, 20);
  auto separate = Circle({30, 0}, 2, 12);
  const double area = LoopArea(outer) + LoopArea(hole) + LoopArea(island) + LoopArea(separate);
  ExpectValid({separate, island, hole, outer}, area);
}

TEST(TriangulatePolygon, PlateWithManyHoles) {
  std::vector<std::vector<Vec2>> loops{{{0, 0}, {100, 0}, {100, 100}, {0, 100}}};
  double area = 10000;
  for (int i = 0; i < 10; ++i) {
    for (int j = 0; j < 10; ++j) {
      loops.push_back(Circle({5 + 10.0 * i, 5 + 10.0 * j}, 3, 32, (i + j) % 2 == 0));
      area -= std::fabs(LoopArea(loops.back()));
    }
  }
  ExpectValid(loops, area);
}

TEST(TriangulatePolygon, HolesSharingTheBridgeColumn) {
  // Holes aligned on one horizontal line: bridges meet at shared vertices.
  std::vector<std::vector<Vec2>> loops{{{0, 0}, {20, 0}, {20, 4}, {0, 4}}};
  double area = 80;
  for (int i = 0; i < 5; ++i) {
    loops.push_back({{1.0 + 4 * i, 1}, {1.0 + 4 * i, 3}, {3.0 + 4 * i, 3}, {3.0 + 4 * i, 1}});
    area -= 4;
  }
  ExpectValid(loops, area);
}

TEST(TriangulatePolygon, HoleTouchingOuterAtAVertex) {
  std::vector<Vec2> outer{{0, 0}, {4, 0}, {4, 4}, {0, 4}};
  std::vector<Vec2> hole{{4, 2}, {2, 1}, {2, 3}};  // touches the right edge at (4,2)
  ExpectValid({outer, hole}, 16 - 2);
}

TEST(TriangulatePolygon, RandomStarShapedPolygons) {
  std::mt19937 rng(12345);
  std::uniform_real_distribution<double> radius(0.2, 1.0);
  for (int iter = 0; iter < 300; ++iter) {
    const int n = 3 + iter % 60;
    std::vector<Vec2> pts;
    for (int i = 0; i < n; ++i) {
      const double a = 2 * M_PI * i / n;
      const double r = radius(rng);
      pts.push_back({r * std::cos(a), r * std::sin(a)});
    }
    ExpectValid({pts}, LoopArea(pts), n - 2);
  }
}

TEST(TriangulatePolygon, SelfIntersectingInputStillUsesEveryEdge) {
  const std::vector<std::vector<Vec2>> bowTie{{{0, 0}, {10, 10}, {10, 0}, {0, 10}}};
  const auto tris = TriangulatePolygon(bowTie);
  const auto r = CheckTriangulation(bowTie, tris);
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_EQ(tris.size(), 2u);
  EXPECT_NEAR(r.signedArea, LoopArea(bowTie[0]), 1e-12);
}

TEST(TriangulatePolygon, NearlyDegenerateSliver) {
  std::vector<Vec2> pts;
  for (int i = 0; i <= 50; ++i) pts.push_back({i * 1.0, 1e-13 * std::sin(i)});
  pts.push_back({25, 1e-9});
  const auto tris = TriangulatePolygon({pts});
  const auto r = CheckTriangulation({pts}, tris);
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_EQ(tris.size(), pts.size() - 2);
}

TEST(TriangulatePolygon, NonFiniteAndTinyInputDoesNotCrash) {
  const double inf = INFINITY;
  const auto tris = TriangulatePolygon({{{0, 0}, {inf, 0}, {1, NAN}, {0, 1}}, {{1, 1}}, {}});
  const auto r = CheckTriangulation({{{0, 0}, {inf, 0}, {1, NAN}, {0, 1}}, {{1, 1}}, {}}, tris);
  EXPECT_TRUE(r.ok) << r.error;
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

TEST(TriangulatePolygon, LargeConvexPolygon) {
  // Clipping sharpest first makes a fan of long triangles here; the blocker
  // search must stay cheap (convex vertices never block).
  std::vector<Vec2> circle;
  for (int k = 0; k < 20000; ++k) {
    const double a = 2 * M_PI * k / 20000;
    circle.push_back({std::cos(a), std::sin(a)});
  }
  const auto tris = TriangulatePolygon({circle});
  const auto r = testing::CheckTriangulation({circle}, tris);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(tris.size(), circle.size() - 2);
  EXPECT_NEAR(r.absoluteArea, testing::LoopArea(circle), 1e-9);
}

TEST(TriangulatePolygon, LargeJunkInputStillClosesEveryEdge) {
  std::mt19937 rng(99);
  std::vector<Vec2> junk;
  for (int i = 0; i < 3000; ++i) junk.push_back({static_cast<double>(rng() % 16), static_cast<double>(rng() % 16)});
  const auto tris = TriangulatePolygon({junk});
  const auto r = testing::CheckTriangulation({junk}, tris);
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_NEAR(r.signedArea, std::fabs(testing::LoopArea(junk)), 1e-6);
}

}  // namespace
}  // namespace mos::kernel
