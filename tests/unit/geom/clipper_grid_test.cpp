// 2D results on OpenSCAD 2021.01's Clipper grid (2^-16 units). Every
// expectation was read off openscad 2021.01's SVG export of the same snippet
// wrapped in scale([65536,65536]), which turns grid points into integers
// (a transform of one child is done in doubles, off the grid).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "geom/clipper_grid.h"
#include "geom_test_util.h"
#include "kernel/mesh_properties.h"

namespace mos::geom {
namespace {

using Point = std::pair<double, double>;

// The vertices of a 2D result in grid units (x 65536), sorted.
std::vector<Point> GridVertices(const std::string& source) {
  RenderResult r = testing::Render(source);
  EXPECT_EQ(r.geometry.dim, Dim::k2) << source;
  std::vector<Point> out;
  for (const auto& c : r.geometry.polygon.contours)
    for (const kernel::Vec2& p : c) out.push_back({p.x * 65536, p.y * 65536});
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Point> Sorted(std::vector<Point> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// square([0.3, 0.7]) after the grid: 0.3 * 65536 = 19660.8, 0.7 * 65536 = 45875.2.
const std::vector<Point> kSnappedSquare = Sorted({{0, 0}, {19660, 0}, {19660, 45875}, {0, 45875}});
const std::vector<Point> kExactSquare =
    Sorted({{0, 0}, {0.3 * 65536, 0}, {0.3 * 65536, 0.7 * 65536}, {0, 0.7 * 65536}});

TEST(ClipperGrid, PolygonIsTruncatedTowardZero) {
  EXPECT_EQ(GridVertices("polygon([[0.3,0.1],[1.7,0.2],[1.1,1.3]]);"),
            Sorted({{19660, 6553}, {111411, 13107}, {72089, 85196}}));
  EXPECT_EQ(GridVertices("polygon([[-0.3,-0.1],[-1.7,-0.2],[-1.1,-1.3]]);"),
            Sorted({{-19660, -6553}, {-111411, -13107}, {-72089, -85196}}));
}

TEST(ClipperGrid, PrimitivesAndSingleChildrenStayExact) {
  EXPECT_EQ(GridVertices("square([0.3,0.7]);"), kExactSquare);
  for (const char* op : {"union()", "difference()", "intersection()", "minkowski()", "render()",
                         "color(\"red\")", "translate([0,0])"})
    EXPECT_EQ(GridVertices(std::string(op) + " square([0.3,0.7]);"), kExactSquare) << op;
  // '%' and '*' children and an untaken if() are no child nodes.
  EXPECT_EQ(GridVertices("union() { square([0.3,0.7]); %square(5); *square(5); if (false) square(); }"),
            kExactSquare);
}

TEST(ClipperGrid, TwoOrMoreChildrenGoThroughTheGrid) {
  const std::vector<Point> two =
      Sorted({{0, 0}, {19660, 0}, {19660, 45875}, {0, 45875},  // 2.31 * 65536 = 151388.16
              {131072, 0}, {151388, 0}, {151388, 20316}, {131072, 20316}});
  const std::string children = "{ square([0.3,0.7]); translate([2,0]) square(0.31); }";
  for (const char* op : {"union()", "render()", "color(\"red\")", "translate([0,0])", "group()"})
    EXPECT_EQ(GridVertices(std::string(op) + children), two) << op;
  EXPECT_EQ(GridVertices("square([0.3,0.7]); translate([2,0]) square(0.31);"), two);  // top level
  EXPECT_EQ(GridVertices("for (i = [0:1]) translate([2 * i, 0]) square(i ? 0.31 : [0.3,0.7]);"), two);
  EXPECT_EQ(GridVertices("difference() { square([0.3,0.7]); translate([5,5]) square(1); }"),
            kSnappedSquare);
  EXPECT_EQ(GridVertices("intersection() { square([0.3,0.7]); square([0.3,0.7]); }"), kSnappedSquare);
}

TEST(ClipperGrid, EmptyAndDroppedChildrenCount) {
  EXPECT_EQ(GridVertices("union() { square([0.3,0.7]); circle(0); }"), kSnappedSquare);
  EXPECT_EQ(GridVertices("union() { square([0.3,0.7]); group(); }"), kSnappedSquare);
  EXPECT_EQ(GridVertices("difference() { square([0.3,0.7]); circle(0); }"), kSnappedSquare);
  EXPECT_EQ(GridVertices("union() { square([0.3,0.7]); cube(); }"), kSnappedSquare);
}

TEST(ClipperGrid, CrossingsAreRoundedToNearest) {
  // The right edge of the square meets the hypotenuse at y = 2/3 (43690.67).
  EXPECT_EQ(GridVertices("union() { polygon([[0,0],[3,0],[0,1]]); square(1); }"),
            Sorted({{0, 0}, {196608, 0}, {65536, 43691}, {65536, 65536}, {0, 65536}}));
  EXPECT_EQ(GridVertices("union() { polygon([[0,0],[-3,0],[0,-1]]); translate([-1,-1]) square(1); }"),
            Sorted({{0, 0}, {-196608, 0}, {-65536, -43691}, {-65536, -65536}, {0, -65536}}));
}

TEST(ClipperGrid, MinkowskiSumsTruncatedOperands) {
  // x: 100.6 + 100.6 units truncate to 100 + 100 (not 201); y: 0.5 + 0.31.
  EXPECT_EQ(GridVertices("k = 1/65536; minkowski() { square([100.6*k, 0.5]);"
                         " translate([100.6*k, 0]) square(0.31); }"),
            Sorted({{100, 0}, {20516, 0}, {20516, 53084}, {100, 53084}}));
  RenderResult r = testing::Render("minkowski() { square(1); circle(0); }");
  EXPECT_TRUE(r.geometry.Empty());
}

TEST(ClipperGrid, HullIsNotSnapped) {
  EXPECT_EQ(GridVertices("hull() { square([0.3,0.7]); translate([2,0]) square(0.31); }"),
            Sorted({{0, 0}, {2.31 * 65536, 0}, {2.31 * 65536, 0.31 * 65536}, {0.3 * 65536, 0.7 * 65536},
                    {0, 0.7 * 65536}}));
}

TEST(ClipperGrid, ProjectionAndOffsetAreSnapped) {
  EXPECT_EQ(GridVertices("k = 1/65536; projection() cube([100.6*k, 100.6*k, 1]);"),
            Sorted({{0, 0}, {100, 0}, {100, 100}, {0, 100}}));
  EXPECT_EQ(GridVertices("k = 1/65536; offset(0) square([100.6*k, 100.6*k]);"),
            Sorted({{0, 0}, {100, 0}, {100, 100}, {0, 100}}));
}

TEST(ClipperGrid, ProjectionHasNoSliverVertices) {
  // The sphere's cut by the cylinder puts double-rounded vertices on the
  // hole's edges; 2021.01's shadow (2 contours, 40 vertices) has none.
  RenderResult r = testing::Render(
      "projection() { cube(10); difference() { sphere(10); cylinder(h=30, r=5, center=true); } }");
  ASSERT_EQ(r.geometry.dim, Dim::k2);
  ASSERT_EQ(r.geometry.polygon.contours.size(), 2u);
  size_t vertices = 0;
  for (const auto& c : r.geometry.polygon.contours) vertices += c.size();
  EXPECT_EQ(vertices, 40u);
}

TEST(ClipperGrid, ExtrusionsOfSnappedShapesAreSnapped) {
  // 2021.01's STL of linear_extrude(1) polygon(...) has the truncated corners.
  RenderResult r = testing::Render("linear_extrude(1) polygon([[0,0],[0.3,0],[0.3,0.7],[0,0.7]]);");
  ASSERT_EQ(r.geometry.dim, Dim::k3);
  for (const kernel::Vec3& v : r.geometry.mesh.vertPos) {
    EXPECT_TRUE(v.x == 0 || v.x == 19660 / 65536.0) << v.x;
    EXPECT_TRUE(v.y == 0 || v.y == 45875 / 65536.0) << v.y;
  }
  EXPECT_DOUBLE_EQ(kernel::SignedVolume(r.geometry.mesh), 19660 / 65536.0 * (45875 / 65536.0));
  // rotate_extrude: 2021.01 has z up to 45875 units and x up to 85196 units
  // (scaled STL): the polygon snaps, the translate after it does not.
  RenderResult turned = testing::Render(
      "rotate_extrude($fn=4) translate([1,0]) polygon([[0,0],[0.3,0],[0.3,0.7],[0,0.7]]);");
  ASSERT_EQ(turned.geometry.dim, Dim::k3);
  double top = 0, outer = 0;
  for (const kernel::Vec3& v : turned.geometry.mesh.vertPos) {
    top = std::max(top, v.z);
    outer = std::max(outer, v.x);
  }
  EXPECT_EQ(top, 45875 / 65536.0);
  EXPECT_EQ(outer, 1 + 19660 / 65536.0);
  RenderResult exact = testing::Render("linear_extrude(1) square([0.3,0.7]);");
  EXPECT_DOUBLE_EQ(kernel::SignedVolume(exact.geometry.mesh), 0.3 * 0.7);
}

TEST(ClipperGrid, ComputedPointsAreRoundedToNearest) {
  // A point an exact operation computed, 0.6 units past 0.5: 1 unit past it.
  kernel::Polygon2d p;
  p.contours.push_back({{0, 0}, {1, 0}, {0.5 + 0.6 / 65536, 2}});
  const kernel::Polygon2d r = ClipperResult(p, {});
  ASSERT_EQ(r.contours.size(), 1u);
  EXPECT_EQ(Sorted({{r.contours[0][0].x, r.contours[0][0].y},
                    {r.contours[0][1].x, r.contours[0][1].y},
                    {r.contours[0][2].x, r.contours[0][2].y}}),
            Sorted({{0, 0}, {1, 0}, {0.5 + 1 / 65536.0, 2}}));
}

}  // namespace
}  // namespace mos::geom

namespace mos::geom {
namespace {

// The x of each contour's leftmost vertex, in result order.
std::vector<double> ContourLefts(const std::string& source) {
  RenderResult r = testing::Render(source);
  std::vector<double> out;
  for (const auto& c : r.geometry.polygon.contours) {
    double left = c[0].x;
    for (const kernel::Vec2& p : c) left = std::min(left, p.x);
    out.push_back(left);
  }
  return out;
}

TEST(ClipperOrder, EqualTopsKeepClippersUnstableSortOrder) {
  // openscad 2021.01 writes 10 equal squares in input order, 20 as 10, 19..11, 0, 9..1.
  std::vector<double> ten;
  for (int i = 0; i < 10; ++i) ten.push_back(2 * i);
  EXPECT_EQ(ContourLefts("for (i = [0:9]) translate([2*i, 0]) square(1);"), ten);
  std::vector<double> twenty{20};
  for (int i = 19; i >= 11; --i) twenty.push_back(2 * i);
  twenty.push_back(0);
  for (int i = 9; i >= 1; --i) twenty.push_back(2 * i);
  EXPECT_EQ(ContourLefts("for (i = [0:19]) translate([2*i, 0]) square(1);"), twenty);
  // Different tops: the highest first (20 squares growing to the right).
  std::vector<double> growing;
  for (int i = 19; i >= 0; --i) growing.push_back(2 * i);
  EXPECT_EQ(ContourLefts("for (i = [0:19]) translate([2*i, 0]) square(1 + i/100);"), growing);
}

TEST(ClipperOrder, PiecesOfOneTopEdgeComeLeftToRight) {
  EXPECT_EQ(ContourLefts("difference() { square([10,2]);"
                         " translate([2,-1]) square([2,5]); translate([6,-1]) square([2,5]); }"),
            (std::vector<double>{0, 4, 8}));
}

TEST(ClipperOrder, OffsetPiecesByTopThenLeftToRight) {
  // r = -10.01 cuts a square with a hole into four corner pieces; 2021.01
  // writes the two upper ones first, left before right.
  RenderResult r = testing::Render(
      "offset(r = -10.01) difference() { square(50, center = true); square(10, center = true); }");
  const auto& cs = r.geometry.polygon.contours;
  ASSERT_EQ(cs.size(), 4u);
  auto top = [](const kernel::Contour& c) {
    double t = c[0].y;
    for (const kernel::Vec2& p : c) t = std::max(t, p.y);
    return t;
  };
  EXPECT_EQ(top(cs[0]), top(cs[1]));
  EXPECT_GT(top(cs[1]), top(cs[2]));
  EXPECT_LT(cs[0][0].x, 0);  // upper left
  EXPECT_GT(cs[1][0].x, 0);  // upper right
}

TEST(ClipperOrder, OuterContoursAreFollowedByTheirHoles) {
  // Two squares with holes side by side: outer, its hole, outer, its hole.
  EXPECT_EQ(ContourLefts("for (x = [0, 20]) translate([x, 0]) difference() { square(10);"
                         " translate([2,2]) square(3); }"),
            (std::vector<double>{0, 2, 20, 22}));
}

TEST(ClipperOrder, ContoursTouchingAtAVertexAreSeparate) {
  // A hole touching the outer boundary, and two holes touching each other.
  RenderResult r = testing::Render("difference() { square(10); polygon([[0,5],[3,3],[3,7]]); }");
  ASSERT_EQ(r.geometry.polygon.contours.size(), 2u);
  EXPECT_GT(kernel::SignedArea(r.geometry.polygon.contours[0]), 0);
  EXPECT_LT(kernel::SignedArea(r.geometry.polygon.contours[1]), 0);
  r = testing::Render("difference() { square(10); translate([1,1]) square(); translate([2,2]) square(); }");
  ASSERT_EQ(r.geometry.polygon.contours.size(), 3u);
  for (size_t i = 1; i < 3; ++i) {
    EXPECT_EQ(r.geometry.polygon.contours[i].size(), 4u);
    EXPECT_DOUBLE_EQ(kernel::SignedArea(r.geometry.polygon.contours[i]), -1);
  }
  // Extruded, the split holes still make the right solid.
  r = testing::Render("linear_extrude(1) difference() { square(10); polygon([[0,5],[3,3],[3,7]]);"
                      " translate([5,5]) square(); translate([6,6]) square(); }");
  ASSERT_EQ(r.geometry.dim, Dim::k3);
  EXPECT_NEAR(kernel::SignedVolume(r.geometry.mesh), 100 - 6 - 2, 1e-9);
}

}  // namespace
}  // namespace mos::geom

namespace mos::geom {
namespace {

size_t VertexCount(const std::string& source) {
  RenderResult r = testing::Render(source);
  size_t n = 0;
  for (const auto& c : r.geometry.polygon.contours) n += c.size();
  return n;
}

TEST(ClipperClean, NearlyCollinearVerticesWithinSqrt2UnitsGo) {
  // A bump of 1 grid unit on the top edge goes, 2 units stay (openscad 2021.01).
  const std::string bump = "k = 1/65536; polygon([[0,0],[10,0],[10,10],[5,10+BUMP*k],[0,10]]);";
  auto with = [&](const std::string& b) {
    std::string s = bump;
    s.replace(s.find("BUMP"), 4, b);
    return s;
  };
  EXPECT_EQ(VertexCount(with("1")), 4u);
  EXPECT_EQ(VertexCount(with("-1")), 4u);
  EXPECT_EQ(VertexCount(with("2")), 5u);
  // Off a diagonal: (1, -1) units is sqrt(2) away and goes; (2, -1) stays.
  EXPECT_EQ(VertexCount("k = 1/65536; polygon([[0,0],[5+k,5-k],[10,10],[0,10]]);"), 3u);
  EXPECT_EQ(VertexCount("k = 1/65536; polygon([[0,0],[5+2*k,5-k],[10,10],[0,10]]);"), 4u);
  // An apex a union makes 1 unit above the edge goes as well.
  EXPECT_EQ(VertexCount("k = 1/65536; union() { square(10); polygon([[5,10-5*k],[6,10+k],[7,10-5*k]]); }"),
            4u);
  // The minkowski sum of two aligned 64-gons: 64 vertices, as 2021.01 has.
  EXPECT_EQ(VertexCount("minkowski() { circle(2, $fn=64); circle(4, $fn=64); }"), 64u);
}

TEST(ClipperClean, ResultsHaveNoNegativeZero) {
  RenderResult r = testing::Render("minkowski() { circle(2, $fn=64); circle(4, $fn=64); }");
  for (const auto& c : r.geometry.polygon.contours)
    for (const kernel::Vec2& p : c) {
      EXPECT_FALSE(p.x == 0 && std::signbit(p.x));
      EXPECT_FALSE(p.y == 0 && std::signbit(p.y));
    }
}

}  // namespace
}  // namespace mos::geom

namespace mos::geom {
namespace {

std::vector<Point> FirstContour(const std::string& source) {
  RenderResult r = testing::Render(source);
  std::vector<Point> out;
  if (r.geometry.polygon.contours.empty()) return out;
  for (const kernel::Vec2& p : r.geometry.polygon.contours[0]) out.push_back({p.x, p.y});
  return out;
}

TEST(ClipperStart, ConvexContoursEndAtTheirLowestVertex) {
  // openscad 2021.01 writes this diamond as (7,5) (5,8) (3,5) (5,2).
  EXPECT_EQ(FirstContour("polygon([[5,8],[3,5],[5,2],[7,5]]);"),
            (std::vector<Point>{{7, 5}, {5, 8}, {3, 5}, {5, 2}}));
  // Equally low: the rightmost is last.
  EXPECT_EQ(FirstContour("polygon([[0,0],[4,0],[4,3],[0,3]]);"),
            (std::vector<Point>{{4, 3}, {0, 3}, {0, 0}, {4, 0}}));
}

TEST(ClipperStart, CleanedContoursStartWhereTheCleanupStopped) {
  // The vertex sqrt(2) units off the diagonal goes; 2021.01 then starts at (0,0).
  EXPECT_EQ(FirstContour("k = 1/65536; polygon([[0,0],[5+k,5-k],[10,10],[0,10]]);"),
            (std::vector<Point>{{0, 0}, {10, 10}, {0, 10}}));
}

}  // namespace
}  // namespace mos::geom
