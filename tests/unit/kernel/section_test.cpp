#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <random>

#include "kernel/hull2d.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_transform.h"
#include "kernel/minkowski3d.h"
#include "kernel/section.h"
#include "hull_test_support.h"
#include "minkowski_test_shapes.h"

namespace mos::kernel {
namespace {

using testing::VoxelMesh;
using testing::Voxel;
using testing::WindingNumber;

double TotalArea(const PlanarLoops& r) {
  double a = 0;
  for (const auto& loop : r.loops) a += SignedArea(loop);
  return a;
}

// Compares the positive-winding region with `exact` on a grid of points
// that avoids the integer and half-integer lines.
template <class Exact>
void ExpectRegion(const PlanarLoops& r, double lo, double hi, Exact exact) {
  int inside = 0;
  for (double x = lo + 0.013; x < hi; x += 0.1) {
    for (double y = lo + 0.029; y < hi; y += 0.1) {
      const bool ours = WindingNumber(r.loops, {x, y}) > 0;
      ASSERT_EQ(ours, exact(Vec2{x, y})) << x << " " << y;
      inside += ours;
    }
  }
  EXPECT_GT(inside, 0);
}

TEST(Section, CubeThroughPlaneIsOneCcwSquare) {
  const auto r = SectionAtZ0(MakeBox({-1, -2, -1}, {1, 2, 3}));
  ASSERT_EQ(r.status, HullStatus::kOk);
  ASSERT_EQ(r.loops.size(), 1u);
  EXPECT_FALSE(r.overlapping);
  EXPECT_EQ(r.loops[0].size(), 4u);
  EXPECT_NEAR(SignedArea(r.loops[0]), 8, 1e-12);
}

TEST(Section, FaceInThePlaneBelongsToTheSectionLike2021) {
  // projection(cut=true) cube(1) and translate([0,0,-1]) cube(1) both give
  // the unit square in OpenSCAD 2021.01.
  const Mesh onTop = MakeBox({0, 0, 0}, {1, 1, 1});
  const Mesh below = MakeBox({0, 0, -1}, {1, 1, 0});
  for (const Mesh* m : {&onTop, &below}) {
    const auto r = SectionAtZ0(*m);
    ASSERT_EQ(r.loops.size(), 1u);
    EXPECT_NEAR(TotalArea(r), 1, 1e-15);
  }
  EXPECT_TRUE(SectionAtZ0Side(onTop, +1).loops.empty());
  EXPECT_EQ(SectionAtZ0Side(onTop, -1).loops.size(), 1u);
  EXPECT_TRUE(SectionAtZ0Side(below, -1).loops.empty());
  EXPECT_TRUE(SectionAtZ0(MakeBox({0, 0, 1}, {1, 1, 2})).loops.empty());
}

TEST(Section, RingOfBoxesHasCcwOuterAndCwHole) {
  std::set<Voxel> ring;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      if (i != 1 || j != 1) ring.insert({i, j, -1}), ring.insert({i, j, 0});
  const auto r = SectionAtZ0(VoxelMesh(ring));
  ASSERT_EQ(r.status, HullStatus::kOk);
  // Grid vertices at z = 0: both sides agree, one answer.
  EXPECT_FALSE(r.overlapping);
  ASSERT_EQ(r.loops.size(), 2u);
  double outer = SignedArea(r.loops[0]), hole = SignedArea(r.loops[1]);
  if (outer < hole) std::swap(outer, hole);
  EXPECT_NEAR(outer, 9, 1e-12);
  EXPECT_NEAR(hole, -1, 1e-12);
  ExpectRegion(r, -1, 4, [](Vec2 p) {
    return p.x > 0 && p.x < 3 && p.y > 0 && p.y < 3 && !(p.x > 1 && p.x < 2 && p.y > 1 && p.y < 2);
  });
}

TEST(Section, TouchingCubesOnBothSidesGiveTheUnion) {
  Mesh m = MakeBox({0, 0, -1}, {1, 1, 0});
  AppendMesh(m, MakeBox({0.5, 0.5, 0}, {1.5, 1.5, 1}));
  const auto r = SectionAtZ0(m);
  EXPECT_TRUE(r.overlapping);
  EXPECT_EQ(r.loops.size(), 2u);
  ExpectRegion(r, -1, 2, [](Vec2 p) {
    const bool a = p.x > 0 && p.x < 1 && p.y > 0 && p.y < 1;
    const bool b = p.x > 0.5 && p.x < 1.5 && p.y > 0.5 && p.y < 1.5;
    return a || b;
  });
}

TEST(Section, OctahedronWithEquatorOnThePlane) {
  Mesh octa = testing::ConvexMesh({{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}});
  const auto r = SectionAtZ0(octa);
  ASSERT_EQ(r.loops.size(), 1u);
  EXPECT_FALSE(r.overlapping);
  EXPECT_NEAR(SignedArea(r.loops[0]), 2, 1e-15);
}

TEST(Section, RotatedBoxesMatchHullOfEdgeCrossings) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(-1, 1);
  for (int trial = 0; trial < 100; ++trial) {
    Mesh box = MakeBox({-1, -0.5, -0.7}, {1.2, 0.5, 0.6});
    const Affine3 rot = Affine3::Rotation(Normalized(Vec3{u(rng), u(rng), u(rng)}), 180 * u(rng));
    ASSERT_TRUE(TransformMesh(box, Affine3::Translation({0, 0, 0.3 * u(rng)}) * rot));
    const auto r = SectionAtZ0(box);
    std::vector<Vec2> crossings;
    for (const auto& t : box.triVerts) {
      for (int i = 0; i < 3; ++i) {
        const Vec3 a = box.vertPos[t[i]], b = box.vertPos[t[(i + 1) % 3]];
        if ((a.z < 0) != (b.z < 0)) {
          const double s = a.z / (a.z - b.z);
          crossings.push_back({a.x + (b.x - a.x) * s, a.y + (b.y - a.y) * s});
        }
      }
    }
    const double expected = SignedArea(ConvexHull2d(crossings));
    ASSERT_EQ(r.loops.size(), 1u);
    EXPECT_NEAR(SignedArea(r.loops[0]), expected, 1e-12);
    EXPECT_GT(expected, 0);
  }
}

TEST(Section, SphereSectionIsCcwAndClosed) {
  const Mesh s = MakeUvSphere({0.1, 0.2, 0.05}, 2, 48);
  const auto r = SectionAtZ0(s);
  ASSERT_EQ(r.loops.size(), 1u);
  const double area = SignedArea(r.loops[0]);
  EXPECT_GT(area, 0.95 * M_PI * (4 - 0.0025));
  EXPECT_LT(area, M_PI * 4);
}

TEST(Section, OpenMeshDoesNotCrash) {
  Mesh m = MakeBox({-1, -1, -1}, {1, 1, 1});
  m.triVerts.pop_back();
  m.triProp.pop_back();
  m.halfedgeTwin.clear();
  const auto r = SectionAtZ0(m);
  EXPECT_EQ(r.status, HullStatus::kOk);
  const auto s = ShadowOnZ0(m);
  EXPECT_EQ(s.status, HullStatus::kOk);
}

TEST(Section, Cancelled) {
  std::atomic<bool> cancel{true};
  KernelLimits limits;
  limits.cancel = &cancel;
  EXPECT_EQ(SectionAtZ0(MakeBox({-1, -1, -1}, {1, 1, 1}), limits).status, HullStatus::kCancelled);
  EXPECT_EQ(ShadowOnZ0(MakeBox({-1, -1, -1}, {1, 1, 1}), limits).status, HullStatus::kCancelled);
}

TEST(Shadow, CubeShadowIsItsFootprint) {
  const auto r = ShadowOnZ0(MakeBox({0, 0, 3}, {1, 2, 4}));
  ASSERT_EQ(r.status, HullStatus::kOk);
  ASSERT_EQ(r.loops.size(), 1u);
  EXPECT_NEAR(SignedArea(r.loops[0]), 2, 1e-15);
}

TEST(Shadow, OverhangCountsTwoLayersButOneRegion) {
  // A hook: the top bar overhangs the foot with a gap between them.
  const std::set<Voxel> hook{{0, 0, 0}, {1, 0, 0}, {1, 0, 1}, {1, 0, 2}, {0, 0, 2}, {-1, 0, 2}};
  const Mesh m = VoxelMesh(hook);
  const auto r = ShadowOnZ0(m);
  ASSERT_EQ(r.status, HullStatus::kOk);
  EXPECT_TRUE(r.overlapping);
  EXPECT_EQ(WindingNumber(r.loops, {0.5, 0.5}), 2);
  EXPECT_EQ(WindingNumber(r.loops, {-0.5, 0.5}), 1);
  ExpectRegion(r, -2, 3, [](Vec2 p) { return p.x > -1 && p.x < 2 && p.y > 0 && p.y < 1; });
}

TEST(Shadow, RingAndSphere) {
  std::set<Voxel> ring;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      if (i != 1 || j != 1) ring.insert({i, j, 0});
  ExpectRegion(ShadowOnZ0(VoxelMesh(ring)), -1, 4, [](Vec2 p) {
    return p.x > 0 && p.x < 3 && p.y > 0 && p.y < 3 && !(p.x > 1 && p.x < 2 && p.y > 1 && p.y < 2);
  });
  const auto s = ShadowOnZ0(MakeUvSphere({0, 0, 5}, 1, 32));
  ASSERT_EQ(s.loops.size(), 1u);
  EXPECT_GT(SignedArea(s.loops[0]), 0.97 * M_PI);
  EXPECT_LE(SignedArea(s.loops[0]), M_PI);
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

TEST(ProjectPolygon, CutOfTouchingCubesIsTheirUnion) {
  Mesh m = MakeBox({0, 0, -1}, {1, 1, 0});
  AppendMesh(m, MakeBox({0.5, 0.5, 0}, {1.5, 1.5, 1}));
  const auto r = ProjectCut(m);
  ASSERT_EQ(r.status, HullStatus::kOk);
  ASSERT_EQ(r.polygon.contours.size(), 1u);
  EXPECT_NEAR(SignedArea(r.polygon), 1.75, 1e-12);
}

TEST(ProjectPolygon, ShadowOfHookIsOneRectangle) {
  const std::set<testing::Voxel> hook{{0, 0, 0}, {1, 0, 0}, {1, 0, 1}, {1, 0, 2}, {0, 0, 2}, {-1, 0, 2}};
  const auto r = ProjectShadow(testing::VoxelMesh(hook));
  ASSERT_EQ(r.status, HullStatus::kOk);
  ASSERT_EQ(r.polygon.contours.size(), 1u);
  EXPECT_NEAR(SignedArea(r.polygon), 3, 1e-12);
}

TEST(ProjectPolygon, ShadowOfTiltedRingHasHole) {
  std::set<testing::Voxel> ring;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      if (i != 1 || j != 1) ring.insert({i, j, 0});
  Mesh m = testing::VoxelMesh(ring);
  ASSERT_TRUE(TransformMesh(m, Affine3::Rotation({1, 0, 0}, 20)));
  const auto r = ProjectShadow(m);
  ASSERT_EQ(r.polygon.contours.size(), 2u);
  // Outer: 3 x (3 cos20 + sin20); hole: 1 x (cos20 - sin20) (rotated about x).
  const double c = std::cos(M_PI / 9), s = std::sin(M_PI / 9);
  EXPECT_NEAR(SignedArea(r.polygon), 3 * (3 * c + s) - (c - s), 1e-12);
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

TEST(Section, CorruptInputNeverCrashes) {
  Mesh m = MakeBox({-1, -1, -1}, {1, 1, 1});
  m.triVerts[3] = {0, 99, -5};     // out-of-range indices
  m.halfedgeTwin[0] = 1000000;     // garbage twin
  const auto r = SectionAtZ0(m);
  EXPECT_EQ(r.status, HullStatus::kOk);
  const auto s = ShadowOnZ0(m);
  EXPECT_EQ(s.status, HullStatus::kOk);
  const auto k = Minkowski3dDecompose(m, MakeBox({0, 0, 0}, {1, 1, 1}));
  EXPECT_EQ(k.status, HullStatus::kOk);
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

TEST(Section, RandomConvexMeshesWithVerticesOnThePlane) {
  // A convex solid cut at z = 0 is the hull of its edge crossings and of its
  // vertices lying exactly on the plane; shift so that one vertex (or a
  // whole face) lies exactly there.
  std::mt19937 rng(77);
  std::uniform_real_distribution<double> u(-1, 1);
  for (int trial = 0; trial < 300; ++trial) {
    Mesh m = trial % 2 ? MakeUvSphere({0, 0, 0}, 1 + u(rng) * 0.5, 8 + trial % 9)
                       : MakeBox({-1, -0.7, -0.4}, {1, 0.7, 0.4});
    if (trial % 3) {
      ASSERT_TRUE(TransformMesh(m, Affine3::Rotation(Normalized({u(rng), u(rng), u(rng)}), 180 * u(rng))));
    }
    const double shift = m.vertPos[static_cast<size_t>(trial * 7) % m.vertPos.size()].z;
    for (Vec3& p : m.vertPos) p.z -= shift;  // that vertex now has z == 0 exactly
    std::vector<Vec2> pts;
    for (const auto& t : m.triVerts) {
      for (int i = 0; i < 3; ++i) {
        const Vec3 a = m.vertPos[t[i]], b = m.vertPos[t[(i + 1) % 3]];
        if (a.z == 0) pts.push_back({a.x, a.y});
        if ((a.z < 0 && b.z > 0) || (a.z > 0 && b.z < 0)) {
          const double s = a.z / (a.z - b.z);
          pts.push_back({a.x + (b.x - a.x) * s, a.y + (b.y - a.y) * s});
        }
      }
    }
    const auto hull = ConvexHull2d(pts);
    const auto r = ProjectCut(m);
    ASSERT_EQ(r.status, HullStatus::kOk);
    if (hull.empty()) {
      EXPECT_NEAR(SignedArea(r.polygon), 0, 1e-12) << trial;
      continue;
    }
    ASSERT_EQ(r.polygon.contours.size(), 1u) << trial;
    EXPECT_NEAR(SignedArea(r.polygon), SignedArea(hull), 1e-9) << trial;
  }
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

// The shadow as a balanced tree of pairwise unions of the projected
// up-facing triangles: an independent route to the same set.
Polygon2d ShadowByTriangleUnion(const Mesh& m) {
  std::vector<Polygon2d> parts;
  for (const auto& t : m.triVerts) {
    const Vec2 a{m.vertPos[t[0]].x, m.vertPos[t[0]].y};
    const Vec2 b{m.vertPos[t[1]].x, m.vertPos[t[1]].y};
    const Vec2 c{m.vertPos[t[2]].x, m.vertPos[t[2]].y};
    if (Cross(b - a, c - a) > 0) parts.push_back(Polygon2d{{{a, b, c}}});
  }
  while (parts.size() > 1) {
    std::vector<Polygon2d> next;
    for (size_t i = 0; i + 1 < parts.size(); i += 2) next.push_back(Union2d(parts[i], parts[i + 1]));
    if (parts.size() % 2) next.push_back(parts.back());
    parts.swap(next);
  }
  return parts.empty() ? Polygon2d{} : parts[0];
}

TEST(Shadow, RandomRotatedVoxelShapesMatchTriangleUnion) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(-1, 1);
  std::uniform_int_distribution<int> coord(0, 2);
  int tested = 0;
  for (int trial = 0; trial < 400 && tested < 20; ++trial) {
    std::set<Voxel> cells;
    for (int i = 0; i < 6; ++i) cells.insert({coord(rng), coord(rng), coord(rng)});
    Mesh m = VoxelMesh(cells);
    if (!IsClosedManifold(m)) continue;
    ++tested;
    ASSERT_TRUE(TransformMesh(m, Affine3::Rotation(Normalized({u(rng), u(rng), u(rng)}), 180 * u(rng))));
    const auto r = ProjectShadow(m);
    ASSERT_EQ(r.status, HullStatus::kOk);
    const Polygon2d expected = ShadowByTriangleUnion(m);
    EXPECT_NEAR(SignedArea(r.polygon), SignedArea(expected), 1e-9) << trial;
    for (double x = -4; x < 4; x += 0.37) {
      for (double y = -4; y < 4; y += 0.41) {
        const int w = WindingNumber(r.polygon.contours, {x + 0.001, y + 0.002});
        ASSERT_TRUE(w == 0 || w == 1) << trial;  // canonical: no overlaps
      }
    }
  }
  EXPECT_EQ(tested, 20);
}

}  // namespace
}  // namespace mos::kernel
