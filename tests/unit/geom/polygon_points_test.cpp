// polygon()'s point checks at geometry time, with the messages and results
// openscad 2021.01 gives for the same snippets (testdata/misc/errors-warnings).
#include <gtest/gtest.h>

#include "geom_test_util.h"

namespace mos::geom {
namespace {

bool HasError(const RenderResult& r, const std::string& text) {
  for (const auto& e : r.errors)
    if (e.text == text) return true;
  return false;
}

TEST(PolygonPoints, APointThatIsNotAVec2DropsThePolygonWithAnError) {
  RenderResult r = testing::Render("polygon([[0,0],[100,0],[130,50],[30]]);");
  EXPECT_TRUE(HasError(r, "Unable to convert points[3] = [30] to a vec2 of numbers"));
  EXPECT_TRUE(r.geometry.Empty());
}

TEST(PolygonPoints, ThreeCoordinatesInfinityAndStringsAreRejectedToo) {
  for (const char* bad : {"[0, 1, 5]", "[0, inf]", "[0, \"a\"]"}) {
    RenderResult r = testing::Render(std::string("polygon([[0,0],[10,0],[10,10],") +
                                     (std::string(bad) == "[0, inf]" ? "[0,1/0]" : bad) + "]);");
    EXPECT_TRUE(HasError(r, std::string("Unable to convert points[3] = ") + bad +
                                " to a vec2 of numbers"))
        << bad;
  }
}

// Every point is checked, used by a path or not.
TEST(PolygonPoints, AnUnusedBadPointStillDropsThePolygon) {
  RenderResult r = testing::Render("polygon([[0,0],[10,0],[10,10],[5]], [[0,1,2]]);");
  EXPECT_TRUE(HasError(r, "Unable to convert points[3] = [5] to a vec2 of numbers"));
  EXPECT_TRUE(r.geometry.Empty());
}

// The dropped polygon is still a 2D object: listed first, it makes the top
// level 2D, so the cube is ignored and the circle kept (2021.01: area of the
// circle only).
TEST(PolygonPoints, TheDroppedPolygonStillDecidesTheDimension) {
  RenderResult r = testing::Render("polygon([[0,0],[1,0],[3]]); cube(1); circle(1, $fn=4);");
  ASSERT_EQ(r.geometry.dim, Dim::k2);
  EXPECT_EQ(r.geometry.polygon.contours.size(), 1u);
}

TEST(PolygonPoints, AnIndexOutsideThePointsIsSkippedWithAWarning) {
  RenderResult r = testing::Render("polygon([[0,0],[10,0],[10,10]], [[0,1,2,5]]);");
  ASSERT_EQ(r.geometry.dim, Dim::k2);
  bool warned = false;
  for (const auto& w : r.warnings)
    warned |= w.text == "Point index 5 is out of bounds (from paths[0][3])";
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace mos::geom

namespace mos::geom {
namespace {

// Empty primitives and empty boolean results are still 2D or 3D objects in
// 2021.01 (openscad: `cube(0); circle(1);` ignores the circle and is empty).
TEST(EmptyObjects, AnEmptyPrimitiveDecidesTheTopLevelDimension) {
  RenderResult r3 = testing::Render("cube(0); circle(1);");
  EXPECT_TRUE(r3.geometry.Empty());
  EXPECT_EQ(r3.geometry.emptyDim, Dim::k3);
  RenderResult r2 = testing::Render("circle(0); cube();");
  EXPECT_TRUE(r2.geometry.Empty());
  EXPECT_EQ(r2.geometry.emptyDim, Dim::k2);
  RenderResult d = testing::Render("difference(){cube(); cube();} circle(1);");
  EXPECT_TRUE(d.geometry.Empty());
}

// An empty group is no object at all: the circle after it decides.
TEST(EmptyObjects, AnEmptyForLoopIsNoObject) {
  RenderResult r = testing::Render("for(i=[]) cube(); circle(1);");
  EXPECT_EQ(r.geometry.dim, Dim::k2);
}

}  // namespace
}  // namespace mos::geom
