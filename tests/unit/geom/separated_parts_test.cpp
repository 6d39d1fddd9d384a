// Unions of parts that a face plane keeps apart are concatenated (no
// boolean); parts that touch, overlap or nest are not.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include <cmath>

#include "geom/separated_parts.h"
#include "geom/tessellation.h"
#include "geom_test_util.h"
#include "kernel/mesh_properties.h"
#include "kernel/mesh_transform.h"

namespace mos::geom {
namespace {

kernel::Mesh Cube(double size, kernel::Vec3 at, double degreesAboutZ = 0) {
  kernel::Mesh m = CubeMesh(size, size, size, true, 0);
  const double a = degreesAboutZ * 3.14159265358979323846 / 180;
  for (kernel::Vec3& p : m.vertPos) {
    const kernel::Vec3 q = {std::cos(a) * p.x - std::sin(a) * p.y,
                            std::sin(a) * p.x + std::cos(a) * p.y, p.z};
    p = q + at;
  }
  return m;
}

TEST(SeparatedParts, RotatedCubesWithOverlappingBoxesAreApart) {
  // Boxes overlap (45 degrees: half width 0.707), the cubes do not.
  const kernel::Mesh a = Cube(1, {0, 0, 0}, 45), b = Cube(1, {1.3, 0.2, 0}, 45);
  ASSERT_TRUE(kernel::BoundingBox(a).Overlaps(kernel::BoundingBox(b)));
  EXPECT_TRUE(PartsSeparated({&a, &b}));
}

TEST(SeparatedParts, OverlappingTouchingAndNestedPartsAreNot) {
  const kernel::Mesh a = Cube(1, {0, 0, 0});
  const kernel::Mesh overlapping = Cube(1, {0.5, 0.5, 0});
  const kernel::Mesh touching = Cube(1, {1, 0, 0});
  const kernel::Mesh inside = Cube(0.25, {0, 0, 0});
  const kernel::Mesh rotatedTouching = Cube(1, {1.2071067811865475, 0, 0}, 45);
  EXPECT_FALSE(PartsSeparated({&a, &overlapping}));
  EXPECT_FALSE(PartsSeparated({&a, &touching}));
  EXPECT_FALSE(PartsSeparated({&a, &inside}));
  EXPECT_FALSE(PartsSeparated({&inside, &a}));
  EXPECT_FALSE(PartsSeparated({&a, &rotatedTouching}));
}

TEST(SeparatedParts, PartsOfOneMeshAreNotComparedWithEachOther) {
  // A ring of parts in one mesh and a part in its middle: every pair of
  // different meshes is apart (the ring's own parts may be anything).
  kernel::Mesh ring;
  for (int i = 0; i < 12; ++i) {
    const double a = i * 30 * 3.14159265358979323846 / 180;
    kernel::AppendMesh(ring, Cube(1, {5 * std::cos(a), 5 * std::sin(a), 0}, i * 30));
  }
  const kernel::Mesh middle = Cube(2, {0, 0, 0}, 10);
  EXPECT_TRUE(PartsSeparated({&ring, &middle}));
  const kernel::Mesh onRing = Cube(1, {5, 0.5, 0});
  EXPECT_FALSE(PartsSeparated({&ring, &onRing}));
}

TEST(SeparatedParts, NonFiniteVerticesAreNotDecided) {
  kernel::Mesh a = Cube(1, {0, 0, 0}, 45);
  const kernel::Mesh b = Cube(1, {1.3, 0.2, 0}, 45);
  a.vertPos[0].x = NAN;
  EXPECT_FALSE(PartsSeparated({&a, &b}));
}

TEST(SeparatedParts, RingsOfCubesRenderAsTheirConcatenation) {
  // assert.scad's shape: rings of rotated cubes around each other.
  RenderResult r = testing::Render(
      "module ring(r, n, s) for (a=[0:n-1]) rotate(a*360/n) translate([r,0,0]) cube(s, center=true);"
      "ring(10, 3, 4); ring(25, 9, 6); ring(40, 20, 8);");
  EXPECT_EQ(r.geometry.mesh.NumTri(), 32 * 12);  // no boolean re-triangulation
  EXPECT_EQ(kernel::ComponentCount(r.geometry.mesh), 32);
  // (vertices on 2021.01's grid: the volume moves by ~1e-5)
  EXPECT_NEAR(kernel::SignedVolume(r.geometry.mesh), 3 * 64 + 9 * 216 + 20 * 512, 1e-3);
  EXPECT_TRUE(kernel::IsClosedManifold(r.geometry.mesh));
}

// The part numbering (union-find, roots found in one pass) against a
// breadth-first search over the triangles sharing a vertex, on random
// triangle sets of many small components: same parts, numbered by their
// first triangle, unused vertices -1.
TEST(SeparatedParts, PartNumberingMatchesASearch) {
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    const int numVert = 1 + static_cast<int>(rng() % 60);
    kernel::Mesh mesh;
    mesh.vertPos.assign(static_cast<size_t>(numVert), kernel::Vec3{});
    const int numTri = static_cast<int>(rng() % 40);
    for (int t = 0; t < numTri; ++t)
      mesh.triVerts.push_back({static_cast<int>(rng() % numVert), static_cast<int>(rng() % numVert),
                               static_cast<int>(rng() % numVert)});
    std::vector<int> triPart, vertPart;
    const int count = detail::NumberParts(mesh, triPart, vertPart);
    // Reference: triangles joined through shared vertices, by search.
    std::vector<std::vector<int>> trisOfVert(static_cast<size_t>(numVert));
    for (int t = 0; t < numTri; ++t)
      for (int v : mesh.triVerts[static_cast<size_t>(t)]) trisOfVert[static_cast<size_t>(v)].push_back(t);
    std::vector<int> wantTri(static_cast<size_t>(numTri), -1), wantVert(static_cast<size_t>(numVert), -1);
    int wantCount = 0;
    for (int t0 = 0; t0 < numTri; ++t0) {
      if (wantTri[static_cast<size_t>(t0)] >= 0) continue;
      const int part = wantCount++;
      std::vector<int> queue = {t0};
      wantTri[static_cast<size_t>(t0)] = part;
      for (size_t q = 0; q < queue.size(); ++q)
        for (int v : mesh.triVerts[static_cast<size_t>(queue[q])]) {
          wantVert[static_cast<size_t>(v)] = part;
          for (int t : trisOfVert[static_cast<size_t>(v)])
            if (wantTri[static_cast<size_t>(t)] < 0) {
              wantTri[static_cast<size_t>(t)] = part;
              queue.push_back(t);
            }
        }
    }
    ASSERT_EQ(count, wantCount) << round;
    ASSERT_EQ(triPart, wantTri) << round;
    ASSERT_EQ(vertPart, wantVert) << round;
  }
}

}  // namespace
}  // namespace mos::geom
