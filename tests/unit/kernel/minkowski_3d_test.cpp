#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <random>

#include "kernel/hull2d.h"
#include "kernel/mesh_properties.h"
#include "kernel/minkowski3d.h"
#include "hull_test_support.h"
#include "minkowski_test_shapes.h"

namespace mos::kernel {
namespace {

using testing::InsideConvex;
using testing::IsClosedOrientedManifold;
using testing::Volume;
using testing::VoxelMesh;
using testing::Voxel;

double ProjectedArea(const std::vector<Vec3>& p, int axis) {
  std::vector<Vec2> flat;
  for (const Vec3& v : p) flat.push_back({v[(axis + 1) % 3], v[(axis + 2) % 3]});
  const auto h = ConvexHull2d(flat);
  return SignedArea(h);
}

TEST(Minkowski3d, CubePlusCubeIsOneBox) {
  const Mesh cube = VoxelMesh({{0, 0, 0}});
  ASSERT_TRUE(IsClosedOrientedManifold(cube));
  ASSERT_TRUE(IsConvexSolid(cube));
  const auto r = Minkowski3dDecompose(cube, VoxelMesh({{0, 0, 0}}, 2));
  ASSERT_EQ(r.status, HullStatus::kOk);
  ASSERT_EQ(r.convexPieces.size(), 1u);
  EXPECT_TRUE(r.translatedCopies.empty());
  EXPECT_TRUE(IsClosedOrientedManifold(r.convexPieces[0]));
  EXPECT_NEAR(Volume(r.convexPieces[0]), 27, 1e-12);
  EXPECT_EQ(r.convexPieces[0].NumVert(), 8);
}

TEST(Minkowski3d, CubePlusSphereMatchesMixedVolumes) {
  // V(S + [0,a]^3) = V(S) + a (A_x + A_y + A_z) + a^2 (w_x + w_y + w_z) + a^3,
  // A_i the area of S's shadow along axis i, w_i its width along axis i.
  const double a = 3;
  const Mesh sphere = testing::ConvexMesh(testing::SpherePoints(1.5, 12, 24, {0.2, -0.1, 0.3}));
  ASSERT_TRUE(IsConvexSolid(sphere));
  const auto r = Minkowski3dDecompose(VoxelMesh({{0, 0, 0}}, a), sphere);
  ASSERT_EQ(r.status, HullStatus::kOk);
  ASSERT_EQ(r.convexPieces.size(), 1u);
  const Mesh& sum = r.convexPieces[0];
  EXPECT_TRUE(IsClosedOrientedManifold(sum));
  double areas = 0, widths = 0;
  for (int k = 0; k < 3; ++k) {
    areas += ProjectedArea(sphere.vertPos, k);
    double lo = 1e9, hi = -1e9;
    for (const Vec3& v : sphere.vertPos) {
      lo = std::min(lo, v[k]);
      hi = std::max(hi, v[k]);
    }
    widths += hi - lo;
  }
  const double expected = Volume(sphere) + a * areas + a * a * widths + a * a * a;
  EXPECT_NEAR(Volume(sum), expected, 1e-10 * expected);
}

// Samples a grid of points (offset so none lies on a face) and compares
// membership in the union of pieces with the exact answer.
template <class Exact>
void ExpectSameMembership(const Minkowski3dPieces& r, double lo, double hi, Exact exact) {
  for (const Mesh& piece : r.convexPieces) ASSERT_TRUE(IsClosedOrientedManifold(piece));
  for (const Mesh& copy : r.translatedCopies) ASSERT_TRUE(IsClosedOrientedManifold(copy));
  int inside = 0, checked = 0;
  const double step = 0.23;
  for (double x = lo + 0.0123; x < hi; x += step) {
    for (double y = lo + 0.0371; y < hi; y += step) {
      for (double z = lo + 0.0517; z < hi; z += step) {
        const Vec3 p{x, y, z};
        bool ours = false;
        for (const Mesh& piece : r.convexPieces) ours = ours || InsideConvex(piece, p);
        ours = ours || [&] {
          for (const Mesh& copy : r.translatedCopies) {
            // Ray parity along +x against the copy's triangles.
            int crossings = 0;
            for (const auto& t : copy.triVerts) {
              const Vec3 a = copy.vertPos[t[0]], b = copy.vertPos[t[1]], c = copy.vertPos[t[2]];
              const double d1 = Cross(Vec2{b.y - a.y, b.z - a.z}, Vec2{p.y - a.y, p.z - a.z});
              const double d2 = Cross(Vec2{c.y - b.y, c.z - b.z}, Vec2{p.y - b.y, p.z - b.z});
              const double d3 = Cross(Vec2{a.y - c.y, a.z - c.z}, Vec2{p.y - c.y, p.z - c.z});
              if (!((d1 > 0 && d2 > 0 && d3 > 0) || (d1 < 0 && d2 < 0 && d3 < 0))) continue;
              const Vec3 n = Cross(b - a, c - a);
              const double xHit = a.x - (n.y * (p.y - a.y) + n.z * (p.z - a.z)) / n.x;
              if (xHit > p.x) ++crossings;
            }
            if (crossings % 2) return true;
          }
          return false;
        }();
        EXPECT_EQ(ours, exact(p)) << p.x << " " << p.y << " " << p.z;
        inside += exact(p);
        ++checked;
      }
    }
  }
  EXPECT_GT(inside, checked / 50);
  EXPECT_LT(inside, checked);
}

bool InVoxelSum(const std::set<Voxel>& a, const std::set<Voxel>& b, double bSize, Vec3 p) {
  // a: unit voxels, b: voxels of size bSize; x in a + b iff x lies in some
  // box [va + vb*bSize, va + vb*bSize + 1 + bSize].
  for (const Voxel& va : a) {
    for (const Voxel& vb : b) {
      bool in = true;
      for (int k = 0; k < 3; ++k) {
        const double lo = va[k] + vb[k] * bSize;
        if (p[k] <= lo || p[k] >= lo + 1 + bSize) in = false;
      }
      if (in) return true;
    }
  }
  return false;
}

TEST(Minkowski3d, RingOfBoxesPlusSmallCubeKeepsTheHole) {
  // A 3x3 ring (hole in the middle, not star-shaped from its centroid).
  std::set<Voxel> ring;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      if (i != 1 || j != 1) ring.insert({i, j, 0});
  const Mesh ringMesh = VoxelMesh(ring);
  ASSERT_TRUE(IsClosedOrientedManifold(ringMesh));
  EXPECT_FALSE(IsConvexSolid(ringMesh));
  const std::set<Voxel> small{{0, 0, 0}};
  const auto r = Minkowski3dDecompose(ringMesh, VoxelMesh(small, 0.5));
  ASSERT_EQ(r.status, HullStatus::kOk);
  // Coplanar squares of the ring merge into convex patches.
  EXPECT_LT(r.convexPieces.size(), ringMesh.triVerts.size());
  EXPECT_EQ(r.translatedCopies.size(), 1u);
  ExpectSameMembership(r, -0.5, 4, [&](Vec3 p) { return InVoxelSum(ring, small, 0.5, p); });
}

TEST(Minkowski3d, NonConvexPlusNonConvex) {
  const std::set<Voxel> ell{{0, 0, 0}, {1, 0, 0}, {2, 0, 0}, {0, 1, 0}, {0, 2, 0}};
  const std::set<Voxel> step{{0, 0, 0}, {0, 0, 1}, {1, 0, 0}};
  const auto r = Minkowski3dDecompose(VoxelMesh(ell), VoxelMesh(step, 0.5));
  ASSERT_EQ(r.status, HullStatus::kOk);
  EXPECT_EQ(r.translatedCopies.size(), 2u);
  ExpectSameMembership(r, -0.5, 4.5, [&](Vec3 p) { return InVoxelSum(ell, step, 0.5, p); });
}

// The sum's shape does not depend on the operands' property numbers (the
// render numbers them by position in the tree; a cached or threaded
// subtree numbers them differently): property 0, the hulls' own, once
// changed which coplanar faces the union's cleanup merged.
TEST(Minkowski3d, SumIgnoresTheOperandsProperties) {
  const std::set<Voxel> ell{{0, 0, 0}, {1, 0, 0}, {2, 0, 0}, {0, 1, 0}, {0, 2, 0}};
  const std::set<Voxel> step{{0, 0, 0}, {0, 0, 1}, {1, 0, 0}};
  Mesh a = VoxelMesh(ell), b = VoxelMesh(step, 0.5);
  std::vector<MeshOpResult> sums;
  for (uint32_t base : {0u, 7u}) {
    for (size_t t = 0; t < a.triProp.size(); ++t) a.triProp[t] = base + (t % 3 == 0 ? 1 : 0);
    for (size_t t = 0; t < b.triProp.size(); ++t) b.triProp[t] = base + 2;
    sums.push_back(Minkowski3d(a, b));
    ASSERT_EQ(sums.back().status, HullStatus::kOk);
  }
  ASSERT_EQ(sums[0].mesh.vertPos.size(), sums[1].mesh.vertPos.size());
  for (size_t v = 0; v < sums[0].mesh.vertPos.size(); ++v) {
    EXPECT_EQ(sums[0].mesh.vertPos[v].x, sums[1].mesh.vertPos[v].x);
    EXPECT_EQ(sums[0].mesh.vertPos[v].y, sums[1].mesh.vertPos[v].y);
    EXPECT_EQ(sums[0].mesh.vertPos[v].z, sums[1].mesh.vertPos[v].z);
  }
  EXPECT_EQ(sums[0].mesh.triVerts, sums[1].mesh.triVerts);
}

TEST(Minkowski3d, TwoComponentsPlusConvex) {
  const std::set<Voxel> two{{0, 0, 0}, {3, 0, 0}};
  const std::set<Voxel> unit{{0, 0, 0}};
  const auto r = Minkowski3dDecompose(VoxelMesh(two), VoxelMesh(unit, 0.5));
  ASSERT_EQ(r.status, HullStatus::kOk);
  ExpectSameMembership(r, -0.5, 5, [&](Vec3 p) { return InVoxelSum(two, unit, 0.5, p); });
}

TEST(Minkowski3d, CancelAndBudget) {
  std::set<Voxel> ring;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      if (i != 1 || j != 1) ring.insert({i, j, 0});
  std::atomic<bool> cancel{true};
  KernelLimits budget;
  budget.cancel = &cancel;
  const auto c = Minkowski3dDecompose(VoxelMesh(ring), VoxelMesh(ring), budget);
  EXPECT_EQ(c.status, HullStatus::kCancelled);
  EXPECT_TRUE(c.convexPieces.empty());
  KernelLimits small;
  small.maxVertices = 100;
  EXPECT_EQ(Minkowski3dDecompose(VoxelMesh(ring), VoxelMesh(ring), small).status,
            HullStatus::kTooLarge);
  EXPECT_EQ(Minkowski3dDecompose(Mesh{}, VoxelMesh(ring)).convexPieces.size(), 0u);
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

using testing::InsideConvex;
using testing::IsClosedOrientedManifold;
using testing::Volume;
using testing::VoxelMesh;
using testing::Voxel;

// Exact volume of a union of axis-aligned boxes by coordinate compression.
double BoxUnionVolume(const std::vector<std::array<double, 6>>& boxes) {
  std::vector<double> c[3];
  for (const auto& b : boxes) {
    for (int k = 0; k < 3; ++k) {
      c[k].push_back(b[k]);
      c[k].push_back(b[k + 3]);
    }
  }
  for (auto& v : c) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  double vol = 0;
  for (size_t i = 0; i + 1 < c[0].size(); ++i)
    for (size_t j = 0; j + 1 < c[1].size(); ++j)
      for (size_t k = 0; k + 1 < c[2].size(); ++k) {
        const Vec3 m{(c[0][i] + c[0][i + 1]) / 2, (c[1][j] + c[1][j + 1]) / 2,
                     (c[2][k] + c[2][k + 1]) / 2};
        for (const auto& b : boxes) {
          if (m.x > b[0] && m.x < b[3] && m.y > b[1] && m.y < b[4] && m.z > b[2] && m.z < b[5]) {
            vol += (c[0][i + 1] - c[0][i]) * (c[1][j + 1] - c[1][j]) * (c[2][k + 1] - c[2][k]);
            break;
          }
        }
      }
  return vol;
}

std::vector<std::array<double, 6>> SumBoxes(const std::set<Voxel>& a, const std::set<Voxel>& b,
                                            double bSize) {
  std::vector<std::array<double, 6>> boxes;
  for (const Voxel& va : a) {
    for (const Voxel& vb : b) {
      std::array<double, 6> box{};
      for (int k = 0; k < 3; ++k) {
        box[k] = va[k] + vb[k] * bSize;
        box[k + 3] = box[k] + 1 + bSize;
      }
      boxes.push_back(box);
    }
  }
  return boxes;
}

TEST(Minkowski3dUnion, RingPlusCubeIsClosedWithExactVolumeAndGenus) {
  std::set<Voxel> ring;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      if (i != 1 || j != 1) ring.insert({i, j, 0});
  const std::set<Voxel> small{{0, 0, 0}};
  const auto r = Minkowski3d(VoxelMesh(ring), VoxelMesh(small, 0.5));
  ASSERT_EQ(r.status, HullStatus::kOk);
  EXPECT_TRUE(IsClosedOrientedManifold(r.mesh)) << DescribeManifoldProblem(r.mesh);
  EXPECT_NEAR(Volume(r.mesh), BoxUnionVolume(SumBoxes(ring, small, 0.5)), 1e-9);
  EXPECT_EQ(Genus(r.mesh), 1);
}

TEST(Minkowski3dUnion, NonConvexPlusNonConvexVolume) {
  const std::set<Voxel> ell{{0, 0, 0}, {1, 0, 0}, {2, 0, 0}, {0, 1, 0}, {0, 2, 0}};
  const std::set<Voxel> step{{0, 0, 0}, {0, 0, 1}, {1, 0, 0}};
  const auto r = Minkowski3d(VoxelMesh(ell), VoxelMesh(step, 0.5));
  ASSERT_EQ(r.status, HullStatus::kOk);
  EXPECT_TRUE(IsClosedOrientedManifold(r.mesh)) << DescribeManifoldProblem(r.mesh);
  EXPECT_NEAR(Volume(r.mesh), BoxUnionVolume(SumBoxes(ell, step, 0.5)), 1e-9);
}

TEST(Minkowski3dUnion, LShapePlusSphereMatchesUnionOfConvexSums) {
  // L of boxes + sphere = union over boxes of hull(box + sphere); membership
  // of sample points in our mesh (ray parity) against that union.
  const std::set<Voxel> ell{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
  const auto spherePts = testing::SpherePoints(0.4, 6, 12);
  const auto r = Minkowski3d(VoxelMesh(ell), testing::ConvexMesh(spherePts));
  ASSERT_EQ(r.status, HullStatus::kOk);
  ASSERT_TRUE(IsClosedOrientedManifold(r.mesh)) << DescribeManifoldProblem(r.mesh);
  std::vector<Mesh> exactParts;
  for (const Voxel& v : ell) {
    std::vector<Vec3> sums;
    for (int c = 0; c < 8; ++c) {
      const Vec3 corner{double(v[0] + (c & 1)), double(v[1] + ((c >> 1) & 1)), double(v[2] + ((c >> 2) & 1))};
      for (const Vec3& s : spherePts) sums.push_back(corner + s);
    }
    exactParts.push_back(testing::ConvexMesh(sums));
  }
  int checked = 0;
  for (double x = -0.5; x < 2.5; x += 0.137) {
    for (double y = -0.5; y < 2.5; y += 0.141) {
      for (double z = -0.5; z < 1.5; z += 0.173) {
        const Vec3 p{x + 0.0011, y + 0.0023, z + 0.0037};
        bool exact = false;
        for (const Mesh& part : exactParts) exact = exact || InsideConvex(part, p);
        ASSERT_EQ(testing::InsideByRayParity(r.mesh, p), exact) << p.x << " " << p.y << " " << p.z;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 1000);
}

TEST(Minkowski3dUnion, ConvexPlusConvexIsTheHull) {
  const auto r = Minkowski3d(VoxelMesh({{0, 0, 0}}), VoxelMesh({{0, 0, 0}}, 2));
  ASSERT_EQ(r.status, HullStatus::kOk);
  EXPECT_NEAR(Volume(r.mesh), 27, 1e-12);
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

TEST(Minkowski3dUnion, RandomVoxelShapesPlusBoxes) {
  std::mt19937 rng(31);
  std::uniform_int_distribution<int> coord(0, 2);
  int tested = 0;
  for (int trial = 0; trial < 1000 && tested < 25; ++trial) {
    std::set<testing::Voxel> a, b;
    for (int i = 0; i < 5; ++i) a.insert({coord(rng), coord(rng), coord(rng)});
    for (int i = 0; i < 2; ++i) b.insert({coord(rng) % 2, coord(rng) % 2, 0});
    const Mesh ma = testing::VoxelMesh(a);
    const Mesh mb = testing::VoxelMesh(b, 0.5);
    if (!IsClosedManifold(ma) || !IsClosedManifold(mb)) continue;  // edge-touching voxels
    ++tested;
    const auto r = Minkowski3d(ma, mb);
    ASSERT_EQ(r.status, HullStatus::kOk);
    ASSERT_TRUE(testing::IsClosedOrientedManifold(r.mesh)) << DescribeManifoldProblem(r.mesh);
    EXPECT_NEAR(testing::Volume(r.mesh), BoxUnionVolume(SumBoxes(a, b, 0.5)), 1e-9) << trial;
  }
  EXPECT_EQ(tested, 25);
}

}  // namespace
}  // namespace mos::kernel
