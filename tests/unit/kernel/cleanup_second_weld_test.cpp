// What the cleanup's skipped second weld relies on (Cleanup in cleanup.cpp:
// when nothing changed the mesh after a first weld done in place, the second
// weld is not run): a weld that moved each used vertex onto its
// representative leaves the triangles in key order, so welding again with
// the same representatives changes nothing (triangles, twins, properties,
// active marks), and says that the used vertices are their representatives.
#include <gtest/gtest.h>

#include <vector>

#include "kernel/cleanup.h"
#include "kernel/cleanup_weld.h"
#include "kernel/mesh_primitives.h"
#include "combined_mesh.h"

namespace mos::kernel {
namespace {

using cleanup_detail::CoincidentReps;
using cleanup_detail::WeldByReps;

// `a` and `b` in one mesh with unused copies of some of their vertices
// placed first, the triangles in a scrambled order, props = old index.
Mesh Scrambled(const Mesh& a, const Mesh& b, const std::vector<Vec3>& extraFirst) {
  const int n = a.NumTri() + b.NumTri();
  std::vector<int> order;
  for (int s = 0; s < 5; ++s)
    for (int i = n - 1 - s; i >= 0; i -= 5) order.push_back(i);
  return testing::CombinedMesh(a, b, extraFirst, order);
}

void ExpectSecondWeldKeepsIt(Mesh m) {
  std::vector<int> rep;
  const bool any = CoincidentReps(m, rep);
  ASSERT_TRUE(any);
  std::vector<char> active(m.vertPos.size(), 0);
  std::vector<char> known(m.triVerts.size(), 3);
  bool usedAreReps = false;
  ASSERT_TRUE(WeldByReps(m, rep, any, &active, true, &known, nullptr, false, &usedAreReps));
  // The first weld moved used vertices onto the unused copies in place.
  ASSERT_TRUE(usedAreReps);
  const Mesh first = m;
  const std::vector<char> firstActive = active, firstKnown = known;
  bool usedAfter = false;
  EXPECT_TRUE(WeldByReps(m, rep, any, &active, true, &known, nullptr, true, &usedAfter));
  EXPECT_TRUE(usedAfter);
  EXPECT_EQ(m.triVerts, first.triVerts);
  EXPECT_EQ(m.triProp, first.triProp);
  EXPECT_EQ(m.halfedgeTwin, first.halfedgeTwin);
  EXPECT_EQ(m.vertPos.size(), first.vertPos.size());
  EXPECT_EQ(active, firstActive);
  EXPECT_EQ(known, firstKnown);
  // The same without the claim (the weld then finds it out itself).
  bool usedFound = false;
  EXPECT_TRUE(WeldByReps(m, rep, any, &active, true, &known, nullptr, false, &usedFound));
  EXPECT_TRUE(usedFound);
  EXPECT_EQ(m.triVerts, first.triVerts);
  EXPECT_EQ(m.halfedgeTwin, first.halfedgeTwin);
}

TEST(CleanupSecondWeld, InPlaceWeldLeavesKeyOrder) {
  const Mesh sphere = MakeUvSphere({0, 0, 0}, 1, 16);
  const Mesh box = MakeBox({3, 0, 0}, {4, 1, 1});
  ExpectSecondWeldKeepsIt(Scrambled(sphere, box, {sphere.vertPos[5], box.vertPos[2], sphere.vertPos[40]}));
}

TEST(CleanupSecondWeld, InPlaceWeldLeavesKeyOrderWithManyMoves) {
  const Mesh a = MakeCylinder({0, 0, 0}, 2, 1, 3, 40);
  const Mesh b = MakeUvSphere({5, 0, 0}, 1, 12);
  std::vector<Vec3> copies;
  for (int v = 0; v < a.NumVert(); v += 3) copies.push_back(a.vertPos[v]);
  for (int v = 1; v < b.NumVert(); v += 4) copies.push_back(b.vertPos[v]);
  ExpectSecondWeldKeepsIt(Scrambled(a, b, copies));
}

}  // namespace
}  // namespace mos::kernel
