#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "kernel/grid_snap.h"
#include "kernel/offset2d.h"
#include "polygon2d_check.h"

namespace mos::kernel {
namespace {

Polygon2d Square(double s) { return Polygon2d{{{{0, 0}, {s, 0}, {s, s}, {0, s}}}}; }
Polygon2d Needle() { return Polygon2d{{{{0, 0}, {10, 0}, {3, 1}}}}; }

OffsetOptions Opts(double delta, OffsetJoin join, int fragments = 0) {
  OffsetOptions o;
  o.delta = delta;
  o.join = join;
  o.fragments = fragments;
  return o;
}

// Every expected vertex (from openscad 2021.01's SVG export, 6 digits) must
// be a vertex of the result, and the counts must agree.
void ExpectVertices(const Polygon2d& p, const std::vector<Vec2>& expected) {
  size_t count = 0;
  for (const Contour& c : p.contours) count += c.size();
  EXPECT_EQ(count, expected.size());
  for (const Vec2& e : expected) {
    bool found = false;
    for (const Contour& c : p.contours) {
      // 6 significant digits in the SVG.
      const double tol = 6e-6 * std::max({1.0, std::fabs(e.x), std::fabs(e.y)}) + 1e-6;
      for (const Vec2& v : c) found = found || (std::fabs(v.x - e.x) < tol && std::fabs(v.y - e.y) < tol);
    }
    EXPECT_TRUE(found) << "missing vertex " << e.x << "," << e.y;
  }
}

TEST(Offset2d, FragmentRule) {
  EXPECT_EQ(OffsetArcFragments(1e-7, 0, 2, 12), 3);
  EXPECT_EQ(OffsetArcFragments(1, 8, 2, 12), 8);
  EXPECT_EQ(OffsetArcFragments(1, 2, 2, 12), 3);
  EXPECT_EQ(OffsetArcFragments(1.3, 0, 2, 12), 5);
  EXPECT_EQ(OffsetArcFragments(10, 0, 2, 12), 30);
  EXPECT_EQ(OffsetArcFragments(10, 0, 1, 12), 30);
  EXPECT_EQ(OffsetArcFragments(3, 0, 1, 12), 19);
}

TEST(Offset2d, RoundSquareMatchesOpenScad) {
  // offset(r=1, $fn=8) square([10,10]);
  const auto r = Offset2d(Square(10), Opts(1, OffsetJoin::kRound, 8));
  ExpectVertices(r, {{10.7071, -0.707108}, {11, 0}, {11, 10}, {10.7071, 10.7071}, {10, 11}, {0, 11},
                     {-0.707108, 10.7071}, {-1, 10}, {-1, 0}, {-0.707108, -0.707108}, {0, -1}, {10, -1}});
}

TEST(Offset2d, RoundTriangleMatchesOpenScad) {
  // offset(r=0.7, $fn=5) polygon([[0,0],[4,0],[4,3]]);
  const auto r = Offset2d(Polygon2d{{{{0, 0}, {4, 0}, {4, 3}}}}, Opts(0.7, OffsetJoin::kRound, 5));
  ExpectVertices(r, {{4.7, 0}, {4.7, 3}, {4.21631, 3.66574}, {3.58, 3.56}, {-0.419998, 0.559998},
                     {-0.662384, -0.226395}, {0, -0.699997}, {4, -0.699997}});
  // offset(r=1.3) of the needle with $fa=12, $fs=2: 5 fragments.
  const auto n = Offset2d(Needle(), Opts(1.3, OffsetJoin::kRound, OffsetArcFragments(1.3, 0, 2, 12)));
  ExpectVertices(n, {{11.2364, -0.401718}, {10.1839, 1.28694}, {3.18385, 2.28694}, {2.5889, 2.23329},
                     {-0.411102, 1.23329}, {-1.29996, -0.00987244}, {0, -1.3}, {10, -1.3}});
}

TEST(Offset2d, MiterAndChamferMatchOpenScad) {
  // offset(delta=1) and offset(delta=1, chamfer=true) of a needle.
  ExpectVertices(Offset2d(Needle(), Opts(1, OffsetJoin::kMiter)), {{2.90773, 2.02333}, {-6.16228, -1}, {24.0711, -1}});
  ExpectVertices(Offset2d(Needle(), Opts(1, OffsetJoin::kChamfer)),
                 {{11.0635, 0.858215}, {3.02615, 2.00641}, {2.79424, 1.9855}, {-1.12337, 0.679642}, {-0.8508, -1},
                  {10.9315, -1}});
}

TEST(Offset2d, NegativeRoundMatchesOpenScad) {
  // offset(r=-1, $fn=12) difference(){square(10); translate([5,0]) square([1,6]);}
  const Polygon2d notch{{{{0, 0}, {5, 0}, {5, 6}, {6, 6}, {6, 0}, {10, 0}, {10, 10}, {0, 10}}}};
  const auto r = Offset2d(notch, Opts(-1, OffsetJoin::kRound, 12));
  ExpectVertices(r, {{9, 9}, {1, 9}, {1, 1}, {4, 1}, {4, 6}, {4.13397, 6.5}, {4.5, 6.86603}, {5, 7}, {6, 7},
                     {6.5, 6.86603}, {6.86603, 6.5}, {7, 6}, {7, 1}, {9, 1}});
  EXPECT_EQ(testing::FindCrossing(r), "");
}

TEST(Offset2d, AreasOfSimpleCases) {
  // Miter offset of a square is a square.
  EXPECT_NEAR(SignedArea(Offset2d(Square(10), Opts(2, OffsetJoin::kMiter))), 196, 1e-9);
  EXPECT_NEAR(SignedArea(Offset2d(Square(10), Opts(-2, OffsetJoin::kMiter))), 36, 1e-9);
  // Chamfer cuts each corner by a right triangle with legs d*tan(22.5deg)*... :
  // area = (s+2d)^2 - 4 * (d*tan(pi/8))^2 ... for d = 1: legs 1-tan(pi/8).
  const double leg = 1 - std::tan(M_PI / 8);
  EXPECT_NEAR(SignedArea(Offset2d(Square(10), Opts(1, OffsetJoin::kChamfer))), 144 - 2 * leg * leg, 1e-4);
  // Shrinking to nothing.
  EXPECT_TRUE(Offset2d(Square(2), Opts(-1.5, OffsetJoin::kRound, 16)).contours.empty());
  // A hole closes under a large enough positive offset.
  const Polygon2d frame{{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{4, 4}, {4, 6}, {6, 6}, {6, 4}}}};
  EXPECT_EQ(Offset2d(frame, Opts(0.5, OffsetJoin::kMiter)).contours.size(), 2u);
  EXPECT_EQ(Offset2d(frame, Opts(1.5, OffsetJoin::kMiter)).contours.size(), 1u);
  EXPECT_NEAR(SignedArea(Offset2d(frame, Opts(1.5, OffsetJoin::kMiter))), 169, 1e-9);
}

TEST(Offset2d, RoundOffsetApproachesTheExactArea) {
  // Minkowski sum of a square with a disc: s^2 + 4 s r + pi r^2.
  const auto r = Offset2d(Square(10), Opts(2, OffsetJoin::kRound, 400));
  EXPECT_NEAR(SignedArea(r), 100 + 80 + M_PI * 4, 1e-3);
}

TEST(Offset2d, GridSnapping) {
  EXPECT_EQ(TruncateToClipperGrid(1.78 / 65536), 1 / 65536.0);
  EXPECT_EQ(TruncateToClipperGrid(-1.78 / 65536), -1 / 65536.0);
  EXPECT_EQ(RoundToClipperGrid(1.5 / 65536), 2 / 65536.0);
  EXPECT_EQ(RoundToClipperGrid(-1.5 / 65536), -2 / 65536.0);
  const Polygon2d tiny{{{{0, 0}, {1e-6, 0}, {1, 0}, {1, 1}}, {{0, 0}, {1e-7, 0}, {0, 1e-7}}}};
  const auto snapped = TruncateToClipperGrid(tiny);
  ASSERT_EQ(snapped.contours.size(), 1u);
  EXPECT_EQ(snapped.contours[0].size(), 3u);
}

}  // namespace
}  // namespace mos::kernel
