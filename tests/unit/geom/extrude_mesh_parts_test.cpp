// The parts DirectExtrusionMesh uses in place of general passes, against
// those passes: PositionClasses (a hash) against the sort it replaced, and
// PairTwinsByVertex against kernel::BuildHalfedges, on random inputs with
// repeated positions, signed zeros, and broken meshes (open, doubled,
// flipped, degenerate, out of range).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "geom/extrusion_twins.h"
#include "geom/position_classes.h"
#include "kernel/mesh.h"
#include "kernel/mesh_primitives.h"

namespace mos::geom {
namespace {

using kernel::Vec3;

TEST(PositionClasses, SamePartitionDetectsDifferences) {
  EXPECT_TRUE(SamePartition({0, 1, 0, 2}, {5, 3, 5, 0}));
  EXPECT_FALSE(SamePartition({0, 1, 0, 2}, {0, 1, 1, 2}));
  EXPECT_FALSE(SamePartition({0, 0, 1}, {0, 1, 2}));
  EXPECT_FALSE(SamePartition({0, 1, 2}, {0, 0, 1}));
  EXPECT_FALSE(SamePartition({0, 1}, {0, 1, 2}));
}

TEST(PositionClasses, SignedZerosAreOneClass) {
  const std::vector<Vec3> points = {{0, 0, 0}, {-0.0, 0, -0.0}, {0, -0.0, 0}, {1, 0, 0}, {1, -0.0, 0}};
  int numClasses = 0;
  const std::vector<int> classOf = PositionClasses(points, numClasses);
  EXPECT_EQ(numClasses, 2);
  EXPECT_EQ(classOf, (std::vector<int>{0, 0, 0, 1, 1}));
  EXPECT_TRUE(SamePartition(classOf, PositionClassesBySort(points)));
}

TEST(PositionClasses, DistinctPointsAreTheirOwnClass) {
  std::vector<Vec3> points;
  for (int i = 0; i < 500; ++i) points.push_back({std::cos(i * 0.1), std::sin(i * 0.1), i * 0.5});
  int numClasses = 0;
  const std::vector<int> classOf = PositionClasses(points, numClasses);
  EXPECT_EQ(numClasses, 500);
  for (int i = 0; i < 500; ++i) EXPECT_EQ(classOf[i], i);
}

TEST(PositionClasses, RandomPointSetsMatchTheSort) {
  std::mt19937_64 rng(1234);
  const double values[] = {0.0, -0.0, 1.0, -1.0, 0.5, 1e-300, -1e-300, 4.9e-324, 1e300, 3.0, 2.5};
  for (int round = 0; round < 400; ++round) {
    const int n = static_cast<int>(rng() % 300);
    const int palette = 1 + static_cast<int>(rng() % 11);
    std::vector<Vec3> points;
    for (int i = 0; i < n; ++i) {
      auto pick = [&] {
        if (rng() % 4 == 0) return std::ldexp(static_cast<double>(rng() % 1000) - 500, -(int)(rng() % 10));
        return values[rng() % palette];
      };
      points.push_back({pick(), pick(), pick()});
      if (i > 0 && rng() % 5 == 0) points.back() = points[rng() % i];  // an exact repeat
    }
    int numClasses = 0;
    const std::vector<int> classOf = PositionClasses(points, numClasses);
    const std::vector<int> bySort = PositionClassesBySort(points);
    ASSERT_TRUE(SamePartition(classOf, bySort)) << "round " << round;
    const int sortClasses = bySort.empty() ? 0 : *std::max_element(bySort.begin(), bySort.end()) + 1;
    EXPECT_EQ(numClasses, sortClasses);
  }
}

// PairTwinsByVertex gives BuildHalfedges' answer and, when true, its twins.
void ExpectSameTwins(const kernel::Mesh& mesh, const char* what) {
  SCOPED_TRACE(what);
  kernel::Mesh a = mesh, b = mesh;
  const bool want = kernel::BuildHalfedges(a);
  const bool got = PairTwinsByVertex(b);
  ASSERT_EQ(got, want);
  if (want) {
    EXPECT_EQ(b.halfedgeTwin, a.halfedgeTwin);
    EXPECT_EQ(b.triProp, a.triProp);
  }
  // Skipping the corner check where the corners are valid: the same answer.
  bool valid = true;
  for (const auto& t : mesh.triVerts)
    for (int i = 0; i < 3; ++i)
      valid = valid && t[i] >= 0 && t[i] < mesh.NumVert() && t[i] != t[(i + 1) % 3];
  if (valid) {
    kernel::Mesh c = mesh;
    ASSERT_EQ(PairTwinsByVertex(c, /*cornersValid=*/true), want);
    if (want) {
      EXPECT_EQ(c.halfedgeTwin, a.halfedgeTwin);
    }
  }
}

// A closed grid torus: n x m quads, each split into two triangles.
kernel::Mesh Torus(int n, int m, std::mt19937_64& rng) {
  kernel::Mesh mesh;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) mesh.vertPos.push_back({double(i), double(j), 0});
  auto id = [&](int i, int j) { return (i % n) * m + (j % m); };
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) {
      const int a = id(i, j), b = id(i + 1, j), c = id(i + 1, j + 1), d = id(i, j + 1);
      if (rng() % 2) {
        mesh.triVerts.push_back({a, b, c});
        mesh.triVerts.push_back({a, c, d});
      } else {
        mesh.triVerts.push_back({a, b, d});
        mesh.triVerts.push_back({b, c, d});
      }
    }
  // Vertices renumbered at random and triangles shuffled and rotated, as
  // any order of a layout could be.
  std::vector<int> perm(mesh.vertPos.size());
  for (size_t i = 0; i < perm.size(); ++i) perm[i] = static_cast<int>(i);
  std::shuffle(perm.begin(), perm.end(), rng);
  for (auto& t : mesh.triVerts) {
    for (int& v : t) v = perm[v];
    std::rotate(t.begin(), t.begin() + rng() % 3, t.end());
  }
  std::shuffle(mesh.triVerts.begin(), mesh.triVerts.end(), rng);
  return mesh;
}

TEST(PairTwinsByVertex, ClosedMeshesMatchBuildHalfedges) {
  std::mt19937_64 rng(99);
  ExpectSameTwins(kernel::MakeBox({0, 0, 0}, {1, 2, 3}), "box");
  ExpectSameTwins(kernel::MakeUvSphere({0, 0, 0}, 2, 12), "sphere");
  ExpectSameTwins(kernel::Mesh{}, "empty");
  for (int round = 0; round < 50; ++round) {
    const kernel::Mesh mesh = Torus(3 + static_cast<int>(rng() % 8), 3 + static_cast<int>(rng() % 8), rng);
    ExpectSameTwins(mesh, "torus");
  }
}

TEST(PairTwinsByVertex, BrokenMeshesMatchBuildHalfedges) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 300; ++round) {
    kernel::Mesh mesh = Torus(3 + static_cast<int>(rng() % 5), 3 + static_cast<int>(rng() % 5), rng);
    const int nt = mesh.NumTri();
    const int t = static_cast<int>(rng() % nt);
    switch (round % 7) {
      case 0: mesh.triVerts.erase(mesh.triVerts.begin() + t); break;           // open
      case 1: mesh.triVerts.push_back(mesh.triVerts[t]); break;                 // doubled
      case 2: std::swap(mesh.triVerts[t][0], mesh.triVerts[t][1]); break;       // flipped
      case 3: mesh.triVerts[t][2] = mesh.triVerts[t][0]; break;                 // degenerate
      case 4: mesh.triVerts[t][1] = mesh.NumVert() + 3; break;                  // out of range
      case 5: mesh.triVerts[t][1] = -1; break;                                  // negative
      case 6: {                                                                 // doubled, reversed
        auto r = mesh.triVerts[t];
        std::swap(r[0], r[1]);
        mesh.triVerts.push_back(r);
        mesh.triVerts.push_back(r);
        std::swap(r[0], r[1]);
        mesh.triVerts.push_back(r);
        break;
      }
    }
    ExpectSameTwins(mesh, "broken");
  }
  // Two triangles on the same three vertices, opposite ways: closed.
  kernel::Mesh pair;
  pair.vertPos = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
  pair.triVerts = {{0, 1, 2}, {0, 2, 1}};
  ExpectSameTwins(pair, "two-triangle shell");
}

}  // namespace
}  // namespace mos::geom
