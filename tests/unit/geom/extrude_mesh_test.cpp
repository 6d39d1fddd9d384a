// The extruders' direct mesh builder against the generic soup repair it
// replaces: for holes, several outlines, twist, scale vectors, zero scale,
// points on the rotate_extrude axis and partial angles the direct mesh is
// closed, manifold and bit for bit the repaired soup (same vertex order and
// positions, same triangles in the same order, same twins).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "geom/extrude.h"
#include "geom/extrude_mesh.h"
#include "kernel/mesh.h"
#include "kernel/mesh_properties.h"

namespace mos::geom {
namespace {

using kernel::Contour;
using kernel::Polygon2d;
using kernel::Vec2;

constexpr double kPi = 3.14159265358979323846;

Contour Circle(double cx, double cy, double r, int n, bool clockwise = false) {
  Contour c;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * kPi * i / n;
    c.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
  }
  if (clockwise) std::reverse(c.begin(), c.end());
  return c;
}

Contour Rect(double x0, double y0, double x1, double y1, bool clockwise = false) {
  Contour c{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
  if (clockwise) std::reverse(c.begin(), c.end());
  return c;
}

Polygon2d Star() {  // the twisted_extrude bench shape: a 10-point star with a round hole
  Contour outer;
  for (int i = 0; i < 20; ++i) {
    const double r = i % 2 ? 4 : 10, a = i * 18 * kPi / 180;
    outer.push_back({r * std::cos(a), r * std::sin(a)});
  }
  return {{outer, Circle(0, 0, 2, 32, true)}};
}

Polygon2d Shape(const std::string& name) {
  if (name == "square") return {{Rect(-5, -5, 5, 5)}};
  if (name == "corner_at_origin") return {{Rect(0, 0, 10, 10)}};
  if (name == "holes") return {{Rect(0, 0, 20, 10), Rect(2, 2, 8, 8, true), Circle(14, 5, 3, 12, true)}};
  if (name == "two_outlines") return {{Circle(-6, 0, 3, 16), Rect(4, -2, 9, 2)}};
  if (name == "l_shape") return {{{{0, 0}, {10, 0}, {10, 3}, {3, 3}, {3, 10}, {0, 10}}}};
  if (name == "star") return Star();
  if (name == "triangle") return {{{{0, 0}, {5, 0}, {2, 4}}}};
  ADD_FAILURE() << "no shape " << name;
  return {};
}

std::vector<uint64_t> Bits(const std::vector<kernel::Vec3>& points) {
  std::vector<uint64_t> out;
  for (const kernel::Vec3& p : points)
    for (double d : {p.x, p.y, p.z}) {
      uint64_t u;
      std::memcpy(&u, &d, sizeof u);
      out.push_back(u);
    }
  return out;
}

// The direct mesh exists, is closed and manifold, and equals the repair's.
void ExpectDirectEqualsRepaired(const ExtrusionLayout& layout, const std::string& what) {
  SCOPED_TRACE(what);
  ASSERT_FALSE(layout.triangles.empty());
  kernel::Mesh direct;
  ASSERT_TRUE(DirectExtrusionMesh(layout, 7, direct));
  const kernel::Mesh repaired = RepairedExtrusionMesh(layout, 7);
  EXPECT_TRUE(kernel::IsClosedManifold(direct)) << kernel::DescribeManifoldProblem(direct);
  EXPECT_GT(kernel::SignedVolume(direct), 0);
  EXPECT_EQ(Bits(direct.vertPos), Bits(repaired.vertPos));
  EXPECT_EQ(direct.triVerts, repaired.triVerts);
  EXPECT_EQ(direct.halfedgeTwin, repaired.halfedgeTwin);
  EXPECT_EQ(direct.triProp, repaired.triProp);
  EXPECT_EQ(direct.triProp, std::vector<uint32_t>(direct.triVerts.size(), 7u));
}

struct LinearCase {
  const char* shape;
  double height, twist;
  int slices;  // 0: the default count
  double sx, sy;
  bool center;
};

eval::LinearExtrudeParams LinearParams(const LinearCase& c) {
  eval::LinearExtrudeParams p;
  p.height = c.height;
  p.twist = c.twist;
  p.hasTwist = c.twist != 0;
  p.slices = c.slices;
  p.hasSlices = c.slices > 0;
  p.scale = {c.sx, c.sy};
  p.center = c.center;
  return p;
}

const LinearCase kLinear[] = {
    {"square", 10, 0, 0, 1, 1, false},
    {"square", 10, 0, 0, 1, 1, true},
    {"holes", 5, 0, 0, 1, 1, false},
    {"two_outlines", 5, 0, 0, 1, 1, false},
    {"l_shape", 5, 0, 3, 1, 1, false},
    {"square", 10, 90, 0, 1, 1, false},
    {"square", 10, -120, 7, 1, 1, false},
    {"corner_at_origin", 10, 90, 0, 1, 1, false},   // diagonal ties on the axis
    {"corner_at_origin", 10, -360, 20, 1, 1, true},
    {"holes", 8, 200, 0, 1, 1, false},
    {"two_outlines", 8, 45, 5, 1, 1, true},
    {"star", 40, 360, 200, 0.5, 0.5, false},         // bench/geometry/twisted_extrude
    {"holes", 6, 0, 0, 2, 0.5, false},               // scale vector
    {"l_shape", 6, 60, 4, 0.3, 1.7, false},
    {"square", 10, 0, 0, 0, 0, false},               // top collapses to a point
    {"l_shape", 10, 0, 0, 0, 0, false},
    {"square", 10, 90, 6, 0, 0, false},              // twisted down to a point
    {"star", 10, 180, 12, 0, 0, false},              // the outline's and the hole's apex: split
    {"two_outlines", 10, 0, 0, 0, 0, false},         // two apexes at one point: split
    {"square", 10, 0, 0, 1, 0, false},               // top a segment: longer diagonals
    {"square", 10, 45, 3, 0, 1, false},
};

class ExtrudeMeshLinear : public ::testing::TestWithParam<LinearCase> {};

TEST_P(ExtrudeMeshLinear, DirectEqualsRepaired) {
  const LinearCase& c = GetParam();
  const Polygon2d polygon = Shape(c.shape);
  const ExtrusionLayout layout = LinearExtrudeLayout(polygon, LinearParams(c));
  const std::string what = std::string(c.shape) + " twist " + std::to_string(c.twist) + " scale " +
                           std::to_string(c.sx) + "," + std::to_string(c.sy);
  ExpectDirectEqualsRepaired(layout, what);
  const kernel::Mesh mesh = LinearExtrude(polygon, LinearParams(c), 7);
  const kernel::Mesh repaired = RepairedExtrusionMesh(layout, 7);
  EXPECT_EQ(Bits(mesh.vertPos), Bits(repaired.vertPos)) << what;
  EXPECT_EQ(mesh.triVerts, repaired.triVerts) << what;
}

INSTANTIATE_TEST_SUITE_P(Shapes, ExtrudeMeshLinear, ::testing::ValuesIn(kLinear));

TEST(ExtrudeMeshLinear, TopSegmentThroughAVertexIsLeftToTheRepair) {
  // issue2259.scad: a triangle scaled to [1, 0]: its top is the segment
  // (0,0)-(5,0) with the third vertex (2,0) inside it, a T-junction only
  // the repair closes. LinearExtrude still gives the repaired mesh.
  const Polygon2d polygon = Shape("triangle");
  const auto p = LinearParams({"triangle", 10, 0, 0, 1, 0, false});
  const ExtrusionLayout layout = LinearExtrudeLayout(polygon, p);
  kernel::Mesh direct;
  EXPECT_FALSE(DirectExtrusionMesh(layout, 0, direct));
  const kernel::Mesh mesh = LinearExtrude(polygon, p, 0);
  const kernel::Mesh repaired = RepairedExtrusionMesh(layout, 0);
  EXPECT_EQ(Bits(mesh.vertPos), Bits(repaired.vertPos));
  EXPECT_EQ(mesh.triVerts, repaired.triVerts);
  EXPECT_TRUE(kernel::IsClosedManifold(mesh)) << kernel::DescribeManifoldProblem(mesh);
}

TEST(ExtrudeMeshLinear, ZeroScaleTopIsOneApex) {
  const Polygon2d polygon = Shape("l_shape");
  const ExtrusionLayout layout = LinearExtrudeLayout(polygon, LinearParams({"l_shape", 10, 0, 0, 0, 0, false}));
  kernel::Mesh direct;
  ASSERT_TRUE(DirectExtrusionMesh(layout, 0, direct));
  // 6 base vertices and one apex; the base cap (4 triangles) and 6 sides.
  EXPECT_EQ(direct.NumVert(), 7);
  EXPECT_EQ(direct.NumTri(), 4 + 6);
  EXPECT_NEAR(kernel::SignedVolume(direct), (100 - 49) * 10 / 3.0, 1e-9);
}

struct RotateCase {
  const char* shape;
  double dx;  // the shape moved along x
  double angle;
  double fn;
};

const RotateCase kRotate[] = {
    {"square", 10, 360, 16},
    {"square", 10, 90, 16},
    {"square", 10, 270, 7},
    {"square", 10, -90, 16},
    {"square", 10, 400, 9},   // more than a turn: a full turn
    {"square", -10, 360, 12}, // left of the axis
    {"square", -10, 120, 12},
    {"triangle", 0, 360, 10},  // a vertex on the axis: cone tips
    {"triangle", 0, 180, 10},
    {"square", 5, 360, 10},    // an edge on the axis
    {"square", 5, 45, 10},
    {"two_outlines", 12, 360, 20},
    {"l_shape", 0, 360, 8},
    {"l_shape", -10, -200, 8},
    {"holes", 3, 180, 12},     // holes with end caps: one shell
    {"holes", 3, 360, 12},     // full turn with holes: two cavities
    {"holes", -23, -360, 12},  // left of the axis, clockwise
};

class ExtrudeMeshRotate : public ::testing::TestWithParam<RotateCase> {};

TEST_P(ExtrudeMeshRotate, DirectEqualsRepaired) {
  const RotateCase& c = GetParam();
  Polygon2d polygon = Shape(c.shape);
  for (auto& contour : polygon.contours)
    for (Vec2& v : contour) v.x += c.dx;
  eval::RotateExtrudeParams p;
  p.angle = c.angle;
  p.fragments.fn = c.fn;
  std::string error;
  const ExtrusionLayout layout = RotateExtrudeLayout(polygon, p, error);
  ASSERT_TRUE(error.empty()) << error;
  const std::string what = std::string(c.shape) + " dx " + std::to_string(c.dx) + " angle " +
                           std::to_string(c.angle);
  ExpectDirectEqualsRepaired(layout, what);
  const kernel::Mesh mesh = RotateExtrude(polygon, p, 7, error);
  const kernel::Mesh repaired = RepairedExtrusionMesh(layout, 7);
  EXPECT_EQ(Bits(mesh.vertPos), Bits(repaired.vertPos)) << what;
  EXPECT_EQ(mesh.triVerts, repaired.triVerts) << what;
  EXPECT_TRUE(kernel::IsClosedManifold(mesh)) << what << kernel::DescribeManifoldProblem(mesh);
}

INSTANTIATE_TEST_SUITE_P(Shapes, ExtrudeMeshRotate, ::testing::ValuesIn(kRotate));

TEST(ExtrudeMeshRotate, CornerOnTheAxisIsTwoTips) {
  // triangle (0,0) (5,0) (2,4) around the axis: (0,0) is on it, the tip of
  // a disc (edge to (5,0)) and of a cone (edge to (2,4)); the two fans meet
  // only there, so the point is two vertices (as the repair splits it).
  eval::RotateExtrudeParams p;
  p.fragments.fn = 10;
  std::string error;
  const ExtrusionLayout layout = RotateExtrudeLayout(Shape("triangle"), p, error);
  kernel::Mesh direct;
  ASSERT_TRUE(DirectExtrusionMesh(layout, 0, direct));
  EXPECT_EQ(direct.NumVert(), 2 + 2 * 10);
  EXPECT_EQ(direct.NumTri(), 10 + 2 * 10 + 10);
  EXPECT_TRUE(kernel::IsClosedManifold(direct));
  int tips = 0;
  for (const kernel::Vec3& v : direct.vertPos) tips += v.x == 0 && v.y == 0 && v.z == 0;
  EXPECT_EQ(tips, 2);
}

TEST(ExtrudeMesh, RejectsWhatOnlyTheRepairHandles) {
  kernel::Mesh out;
  // An open strip (a lone quad).
  ExtrusionLayout open{{{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}}, {{0, 1, 2}, {0, 2, 3}}};
  EXPECT_FALSE(DirectExtrusionMesh(open, 0, out));
  // A two-triangle shell: the repair cancels it.
  ExtrusionLayout pillow{{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}}, {{0, 1, 2}, {0, 2, 1}}};
  EXPECT_FALSE(DirectExtrusionMesh(pillow, 0, out));
  // A tetrahedron inside out: the repair reverses it.
  ExtrusionLayout inverted{{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
                           {{0, 1, 2}, {0, 3, 1}, {1, 3, 2}, {0, 2, 3}}};
  EXPECT_FALSE(DirectExtrusionMesh(inverted, 0, out));
  // Non-finite points.
  ExtrusionLayout nan{{{0, 0, 0}, {1, 0, 0}, {0, NAN, 0}, {0, 0, 1}},
                      {{0, 2, 1}, {0, 1, 3}, {1, 2, 3}, {0, 3, 2}}};
  EXPECT_FALSE(DirectExtrusionMesh(nan, 0, out));
  EXPECT_TRUE(out.triVerts.empty());
  // The same tetrahedron outward is taken as it is.
  ExtrusionLayout tet{{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
                      {{0, 2, 1}, {0, 1, 3}, {1, 2, 3}, {0, 3, 2}}};
  ExpectDirectEqualsRepaired(tet, "tetrahedron");
  // Every fallback still ends in the repaired mesh.
  for (const ExtrusionLayout* l : {&open, &pillow, &inverted, &nan}) {
    const kernel::Mesh a = ExtrusionMesh(*l, 0), b = RepairedExtrusionMesh(*l, 0);
    EXPECT_EQ(a.triVerts, b.triVerts);
    EXPECT_EQ(Bits(a.vertPos), Bits(b.vertPos));
  }
}

// angle=200 with $fn=3 around a square 10 off the axis: one segment of 200
// degrees, whose chords sweep the profile inside out (the direct build has
// its twins, then its orientation test fails; the repair turns it round).
struct WideRotateCase {
  Polygon2d polygon;
  eval::RotateExtrudeParams params;
};
WideRotateCase SegmentWiderThanAHalfTurn() {
  WideRotateCase c{Shape("square"), {}};
  for (Vec2& v : c.polygon.contours[0]) v.x += 10;
  c.params.angle = 200;
  c.params.fragments.fn = 3;
  return c;
}

TEST(ExtrudeMeshRotate, SegmentWiderThanAHalfTurnIsLeftToTheRepair) {
  const WideRotateCase wide = SegmentWiderThanAHalfTurn();
  const Polygon2d& polygon = wide.polygon;
  const eval::RotateExtrudeParams& p = wide.params;
  std::string error;
  const ExtrusionLayout layout = RotateExtrudeLayout(polygon, p, error);
  kernel::Mesh direct;
  EXPECT_FALSE(DirectExtrusionMesh(layout, 0, direct));
  const kernel::Mesh mesh = RotateExtrude(polygon, p, 0, error);
  const kernel::Mesh repaired = RepairedExtrusionMesh(layout, 0);
  EXPECT_EQ(mesh.triVerts, repaired.triVerts);
  EXPECT_EQ(Bits(mesh.vertPos), Bits(repaired.vertPos));
  EXPECT_GT(kernel::SignedVolume(mesh), 0);
}

}  // namespace
}  // namespace mos::geom

namespace mos::geom {
namespace {

// Seeded random outlines (star-shaped, so simple) with holes and random
// extrusion parameters: wherever the direct builder takes a layout, its mesh
// is the repaired soup's, bit for bit.
TEST(ExtrudeMesh, RandomLayoutsEqualTheRepair) {
  uint64_t state = 0x9e3779b97f4a7c15ull;
  auto next = [&state]() {  // splitmix64
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  };
  auto uniform = [&next](double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(next() >> 11) / 9007199254740992.0;
  };
  int direct = 0, segmentTops = 0, fellBack = 0;
  for (int round = 0; round < 300; ++round) {
    Polygon2d polygon;
    const int outlines = 1 + static_cast<int>(next() % 2);
    for (int o = 0; o < outlines; ++o) {
      const double cx = o * 30, cy = uniform(-2, 2);
      const int n = 3 + static_cast<int>(next() % 12);
      Contour outer;
      for (int i = 0; i < n; ++i) {
        const double a = 2 * kPi * i / n, r = uniform(6, 10);
        outer.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
      }
      polygon.contours.push_back(outer);
      if (next() % 2) polygon.contours.push_back(Circle(cx, cy, uniform(1, 4), 3 + next() % 9, true));
    }
    const bool rotate = next() % 3 == 0;
    bool segmentTop = false;
    ExtrusionLayout layout;
    if (rotate) {
      for (auto& c : polygon.contours)
        for (Vec2& v : c) v.x += 12;
      eval::RotateExtrudeParams p;
      const double angles[] = {360, 90, -90, 200, -360, 30};
      p.angle = angles[next() % 6];
      // At least 6 fragments: a single segment wider than 180 degrees
      // (angle=200, $fn=3) sweeps the profile inside out, which only the
      // repair's orientation pass turns right.
      p.fragments.fn = static_cast<double>(6 + next() % 20);
      std::string error;
      layout = RotateExtrudeLayout(polygon, p, error);
      ASSERT_TRUE(error.empty());
    } else {
      const double scales[] = {1, 0.5, 0, 2, 1.5};
      LinearCase c{"", uniform(1, 20), next() % 2 ? uniform(-400, 400) : 0.0,
                   static_cast<int>(next() % 12), scales[next() % 5], scales[next() % 5],
                   next() % 2 == 0};
      layout = LinearExtrudeLayout(polygon, LinearParams(c));
      segmentTop = (c.sx == 0) != (c.sy == 0);
    }
    segmentTops += segmentTop;
    kernel::Mesh mesh;
    if (!DirectExtrusionMesh(layout, 3, mesh)) {
      // Simple outlines need none of the repair's extra steps, except a
      // top scaled to a segment through vertices (T-junctions).
      EXPECT_TRUE(segmentTop) << "round " << round;
      ++fellBack;
      continue;
    }
    ++direct;
    const kernel::Mesh repaired = RepairedExtrusionMesh(layout, 3);
    ASSERT_EQ(Bits(mesh.vertPos), Bits(repaired.vertPos)) << "round " << round;
    ASSERT_EQ(mesh.triVerts, repaired.triVerts) << "round " << round;
    ASSERT_EQ(mesh.halfedgeTwin, repaired.halfedgeTwin) << "round " << round;
    ASSERT_TRUE(kernel::IsClosedManifold(mesh)) << "round " << round;
  }
  EXPECT_EQ(direct + fellBack, 300);
  EXPECT_LE(fellBack, segmentTops);
  EXPECT_GE(direct, 200);
}

}  // namespace
}  // namespace mos::geom

namespace mos::geom {
namespace {

// ExtrusionMesh taking the layout (its twins moved into the mesh) gives what
// the copying one gives: same triangles, positions, properties and twins,
// also when the direct build falls back to the repair after taking them.
TEST(ExtrudeMeshMove, MovedLayoutGivesTheCopiedOnesMesh) {
  std::vector<ExtrusionLayout> layouts;
  for (const char* name : {"square", "holes", "two_outlines", "star", "l_shape"}) {
    eval::LinearExtrudeParams p;
    p.height = 10;
    p.twist = 90;
    p.hasSlices = true;
    p.slices = 5;
    layouts.push_back(LinearExtrudeLayout(Shape(name), p));
    eval::RotateExtrudeParams r;
    r.angle = 270;
    r.fragments.fn = 12;
    Polygon2d shifted = Shape(name);
    for (Contour& c : shifted.contours)
      for (Vec2& v : c) v.x += 20;
    std::string error;
    layouts.push_back(RotateExtrudeLayout(shifted, r, error));
  }
  // A 200-degree segment: twins known, then the orientation test fails.
  const WideRotateCase wide = SegmentWiderThanAHalfTurn();
  std::string error;
  layouts.push_back(RotateExtrudeLayout(wide.polygon, wide.params, error));
  int withTwins = 0;
  for (const ExtrusionLayout& layout : layouts) {
    ASSERT_FALSE(layout.triangles.empty());
    withTwins += layout.twins.empty() ? 0 : 1;
    const kernel::Mesh copied = ExtrusionMesh(layout, 4);
    ExtrusionLayout taken = layout;
    const kernel::Mesh moved = ExtrusionMesh(std::move(taken), 4);
    EXPECT_EQ(moved.triVerts, copied.triVerts);
    EXPECT_EQ(Bits(moved.vertPos), Bits(copied.vertPos));
    EXPECT_EQ(moved.triProp, copied.triProp);
    EXPECT_EQ(moved.halfedgeTwin, copied.halfedgeTwin);
  }
  EXPECT_GE(withTwins, 8);
}

}  // namespace
}  // namespace mos::geom
