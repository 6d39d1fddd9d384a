#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "kernel/boolean_operand.h"
#include "kernel/edge_table.h"
#include "kernel/mesh.h"
#include "kernel/mesh_primitives.h"

namespace mos::kernel {
namespace {

TEST(EdgeTable, KeepsFirstAndOppositeHalfedgeAndMarksTheRest) {
  EdgeTable table(16);
  table.Add(3, 7, 0);   // edge {3, 7}, forward
  table.Add(7, 3, 4);   // its opposite
  table.Add(1, 2, 5);   // edge {1, 2}
  table.Add(1, 2, 6);   // the same way again: irregular
  table.Add(9, 8, 8);   // edge {8, 9}, alone
  table.Add(8, 9, 10);  // opposite
  table.Add(8, 9, 11);  // a third: irregular
  ASSERT_EQ(table.NumEdges(), 3);
  EXPECT_EQ(table.GetEdge(0).first, 0);
  EXPECT_EQ(table.GetEdge(0).second, 4);
  EXPECT_EQ(table.GetEdge(1).first, 5);
  EXPECT_EQ(table.GetEdge(1).second, EdgeTable::kIrregular);
  EXPECT_EQ(table.GetEdge(2).first, 8);
  EXPECT_EQ(table.GetEdge(2).second, EdgeTable::kIrregular);
  EXPECT_EQ(table.Find(7, 3), 0);
  EXPECT_EQ(table.Find(2, 1), 1);
  EXPECT_EQ(table.Find(8, 9), 2);
  EXPECT_EQ(table.Find(1, 3), -1);
}

TEST(EdgeTable, ManyDistinctEdgesStayFindable) {
  const int n = 5000;
  EdgeTable table(n);
  for (int i = 0; i < n; ++i) table.Add(i, i + 1 + (i % 7), i);
  ASSERT_EQ(table.NumEdges(), n);
  for (int i = 0; i < n; ++i) {
    EXPECT_EQ(table.Find(i + 1 + (i % 7), i), i);
    EXPECT_EQ(table.GetEdge(i).second, -1);
  }
}

// The table has about 1.25 slots per halfedge: every count of all-distinct
// edges (the fullest case, up to 0.8 of the slots) still adds and finds.
TEST(EdgeTable, AllDistinctEdgesAtEverySize) {
  for (int n = 0; n <= 1100; ++n) {
    EdgeTable table(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) table.Add(2 * i + 1, 2 * i, i);
    ASSERT_EQ(table.NumEdges(), n);
    for (int i = 0; i < n; ++i) ASSERT_EQ(table.Find(2 * i, 2 * i + 1), i);
    EXPECT_EQ(table.Find(0, 3), -1);
  }
}

TEST(PairHalfedges, ClosedMeshMatchesBuildHalfedges) {
  Mesh sphere = MakeUvSphere({0, 0, 0}, 2, 24);
  std::vector<int> twin;
  EXPECT_TRUE(PairHalfedges(sphere.triVerts, twin));
  ASSERT_TRUE(BuildHalfedges(sphere));
  EXPECT_EQ(twin, sphere.halfedgeTwin);
}

// Two forward and two backward halfedges on one edge: the k-th forward
// (by halfedge index) pairs with the k-th backward; not closed.
TEST(PairHalfedges, NonManifoldEdgePairsKthForwardWithKthBackward) {
  const std::vector<std::array<int, 3>> tri = {
      {0, 1, 2},  // halfedge 0: 0 -> 1 (forward)
      {1, 0, 3},  // halfedge 3: 1 -> 0 (backward)
      {0, 1, 4},  // halfedge 6: 0 -> 1 (forward)
      {1, 0, 5},  // halfedge 9: 1 -> 0 (backward)
  };
  std::vector<int> twin;
  EXPECT_FALSE(PairHalfedges(tri, twin));
  EXPECT_EQ(twin[0], 3);
  EXPECT_EQ(twin[3], 0);
  EXPECT_EQ(twin[6], 9);
  EXPECT_EQ(twin[9], 6);
  EXPECT_EQ(twin[1], -1);  // 1 -> 2: open
  // BuildHalfedges pairs only edges used exactly twice, opposite ways.
  Mesh m;
  m.vertPos.assign(6, Vec3{});
  m.triVerts = tri;
  EXPECT_FALSE(BuildHalfedges(m));
  EXPECT_EQ(m.halfedgeTwin[0], -1);
  EXPECT_EQ(m.halfedgeTwin[3], -1);
}

TEST(PairHalfedges, ThreeOnOneEdgeAndBadCornersStayUnpaired) {
  const std::vector<std::array<int, 3>> tri = {
      {0, 1, 2},   // halfedge 0: 0 -> 1
      {0, 1, 3},   // halfedge 3: 0 -> 1
      {1, 0, 4},   // halfedge 6: 1 -> 0
      {5, 5, 6},   // a degenerate edge 5 -> 5
      {-1, 7, 8},  // a negative index
  };
  std::vector<int> twin;
  EXPECT_FALSE(PairHalfedges(tri, twin));
  EXPECT_EQ(twin[0], 6);  // the first forward with the only backward
  EXPECT_EQ(twin[6], 0);
  EXPECT_EQ(twin[3], -1);
  EXPECT_EQ(twin[9], -1);   // 5 -> 5
  EXPECT_EQ(twin[12], -1);  // -1 -> 7
  EXPECT_EQ(twin[14], -1);  // 8 -> -1
}

}  // namespace
}  // namespace mos::kernel
