// The cleanup's weld given a cleaner's removed triangles (dropped by the weld
// itself, not compacted first): the result must be what compacting first and
// then welding gives, in every path (one-to-one relabelling with a sort, a
// mesh already in order, nothing to weld).
#include <gtest/gtest.h>

#include <vector>

#include "kernel/cleanup.h"
#include "kernel/cleanup_weld.h"
#include "kernel/mesh_primitives.h"
#include "combined_mesh.h"

namespace mos::kernel {
namespace {

using cleanup_detail::DropRemovedTriangles;
using cleanup_detail::WeldCoincidentMarking;

Mesh Combine(const Mesh& a, const Mesh& b, const std::vector<Vec3>& extraFirst, const std::vector<int>& order) {
  return testing::CombinedMesh(a, b, extraFirst, order);
}

// A permutation of 0..n-1 far from the identity.
std::vector<int> Scrambled(int n) {
  std::vector<int> order;
  for (int s = 0; s < 7; ++s)
    for (int i = s; i < n; i += 7) order.push_back(i);
  return order;
}

struct WeldResult {
  bool welded;
  Mesh mesh;
  std::vector<char> known;
};

WeldResult CompactThenWeld(Mesh m, const std::vector<char>& removed, std::vector<char> known) {
  DropRemovedTriangles(m, removed, &known);
  const bool welded = WeldCoincidentMarking(m, nullptr, true, &known);
  return {welded, m, known};
}

WeldResult WeldDroppingRemoved(Mesh m, const std::vector<char>& removed, std::vector<char> known) {
  const bool welded = WeldCoincidentMarking(m, nullptr, true, &known, &removed);
  return {welded, m, known};
}

void ExpectSame(const WeldResult& want, const WeldResult& got) {
  EXPECT_EQ(want.welded, got.welded);
  EXPECT_EQ(want.mesh.triVerts, got.mesh.triVerts);
  EXPECT_EQ(want.mesh.triProp, got.mesh.triProp);
  EXPECT_EQ(want.mesh.halfedgeTwin, got.mesh.halfedgeTwin);
  ASSERT_EQ(want.mesh.vertPos.size(), got.mesh.vertPos.size());
  for (size_t i = 0; i < want.mesh.vertPos.size(); ++i) EXPECT_TRUE(want.mesh.vertPos[i] == got.mesh.vertPos[i]);
  EXPECT_EQ(want.known, got.known);
}

std::vector<char> SomeFlags(int n) {
  std::vector<char> known(n);
  for (int t = 0; t < n; ++t) known[t] = static_cast<char>(t % 4);
  return known;
}

TEST(CleanupWeldRemoved, DropRemovedTrianglesKeepsOrderAndRenumbersTwins) {
  const Mesh sphere = MakeUvSphere({0, 0, 0}, 1, 12);
  const Mesh box = MakeBox({3, 0, 0}, {4, 1, 1});
  const int n = sphere.NumTri() + box.NumTri();
  Mesh m = Combine(sphere, box, {}, Scrambled(n));
  std::vector<char> removed(n, 0);
  for (int t = 0; t < n; ++t) removed[t] = m.triProp[t] >= static_cast<uint32_t>(sphere.NumTri());
  std::vector<char> known = SomeFlags(n);
  Mesh expect;
  expect.vertPos = m.vertPos;
  std::vector<char> expectKnown;
  for (int t = 0; t < n; ++t) {
    if (removed[t]) continue;
    expect.triVerts.push_back(m.triVerts[t]);
    expect.triProp.push_back(m.triProp[t]);
    expectKnown.push_back(known[t]);
  }
  ASSERT_TRUE(BuildHalfedges(expect));
  DropRemovedTriangles(m, removed, &known);
  EXPECT_EQ(m.triVerts, expect.triVerts);
  EXPECT_EQ(m.triProp, expect.triProp);
  EXPECT_EQ(m.halfedgeTwin, expect.halfedgeTwin);
  EXPECT_EQ(known, expectKnown);
}

TEST(CleanupWeldRemoved, UsedVertexMovedOntoUnusedOneSortsLikeCompactingFirst) {
  const Mesh sphere = MakeUvSphere({0, 0, 0}, 1, 16);
  const Mesh box = MakeBox({3, 0, 0}, {4, 1, 1});
  const int n = sphere.NumTri() + box.NumTri();
  // Vertices 0 and 1: unused copies of a sphere vertex and a box corner, so
  // the weld moves used vertices onto them (one to one) and re-sorts.
  Mesh m = Combine(sphere, box, {sphere.vertPos[5], box.vertPos[2]}, Scrambled(n));
  // Drop the box, and a few sphere triangles' worth of nothing else: the
  // kept triangles' twins stay on kept ones.
  std::vector<char> removed(n, 0);
  for (int t = 0; t < n; ++t) removed[t] = m.triProp[t] >= static_cast<uint32_t>(sphere.NumTri());
  const std::vector<char> known = SomeFlags(n);
  const WeldResult want = CompactThenWeld(m, removed, known);
  EXPECT_TRUE(want.welded);
  ExpectSame(want, WeldDroppingRemoved(m, removed, known));
}

TEST(CleanupWeldRemoved, MeshAlreadyInOrderWithOnlyUnusedCopiesIsKeptAsItIs) {
  const Mesh sphere = MakeUvSphere({0, 0, 0}, 1, 10);
  const Mesh box = MakeBox({3, 0, 0}, {4, 1, 1});
  const int n = sphere.NumTri() + box.NumTri();
  // First weld: sorts the triangles (and moves the used copy of vertex 3).
  Mesh sorted = Combine(sphere, box, {sphere.vertPos[3]}, Scrambled(n));
  ASSERT_TRUE(WeldCoincidentMarking(sorted, nullptr, true));
  // Now only unused vertices coincide (the old copy): a second weld finds
  // the mesh in key order, with or without triangles to drop.
  for (bool dropBox : {false, true}) {
    std::vector<char> removed(sorted.NumTri(), 0);
    if (dropBox)
      for (int t = 0; t < sorted.NumTri(); ++t) {
        const Vec3 p = sorted.vertPos[sorted.triVerts[t][0]];
        removed[t] = p.x > 2;
      }
    const std::vector<char> known = SomeFlags(sorted.NumTri());
    const WeldResult want = CompactThenWeld(sorted, removed, known);
    EXPECT_TRUE(want.welded);
    ExpectSame(want, WeldDroppingRemoved(sorted, removed, known));
  }
}

TEST(CleanupWeldRemoved, NothingCoincidentOnlyCompacts) {
  const Mesh sphere = MakeUvSphere({0, 0, 0}, 1, 8);
  const Mesh box = MakeBox({3, 0, 0}, {4, 1, 1});
  const int n = sphere.NumTri() + box.NumTri();
  Mesh m = Combine(sphere, box, {}, Scrambled(n));
  std::vector<char> removed(n, 0);
  for (int t = 0; t < n; ++t) removed[t] = m.triProp[t] < static_cast<uint32_t>(sphere.NumTri());
  const std::vector<char> known = SomeFlags(n);
  const WeldResult want = CompactThenWeld(m, removed, known);
  EXPECT_FALSE(want.welded);
  EXPECT_EQ(want.mesh.NumTri(), box.NumTri());
  ExpectSame(want, WeldDroppingRemoved(m, removed, known));
}

}  // namespace
}  // namespace mos::kernel
