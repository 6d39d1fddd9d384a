#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>

#include "kernel/bvh.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_properties.h"
#include "kernel/mesh_sort.h"
#include "kernel/morton.h"

namespace mos::kernel {
namespace {

Mesh RandomSoup(std::mt19937& rng, int numTri, double spread, double size) {
  std::uniform_real_distribution<double> pos(-spread, spread), off(-size, size);
  Mesh m;
  for (int t = 0; t < numTri; ++t) {
    const Vec3 c{pos(rng), pos(rng), pos(rng)};
    for (int i = 0; i < 3; ++i) m.vertPos.push_back(c + Vec3{off(rng), off(rng), off(rng)});
    m.triVerts.push_back({3 * t, 3 * t + 1, 3 * t + 2});
  }
  m.triProp.assign(numTri, 0);
  return m;
}

Box3 RandomBox(std::mt19937& rng, double spread, double size) {
  std::uniform_real_distribution<double> pos(-spread, spread), ext(0, size);
  const Vec3 a{pos(rng), pos(rng), pos(rng)};
  return Box3::FromPoints(a, a + Vec3{ext(rng), ext(rng), ext(rng)});
}

TEST(Morton, InterleavesBitsMostSignificantX) {
  for (uint64_t v : {0ull, 1ull, 5ull, 0x1fffffull, 0x155555ull, 123456ull}) {
    uint64_t naive = 0;
    for (int b = 0; b < 21; ++b) naive |= ((v >> b) & 1) << (3 * b);
    EXPECT_EQ(SpreadBits21(v), naive);
    uint32_t naive10 = 0;
    for (int b = 0; b < 10; ++b) naive10 |= static_cast<uint32_t>((v >> b) & 1) << (3 * b);
    EXPECT_EQ(SpreadBits10(static_cast<uint32_t>(v)), naive10);
  }
  const Box3 unit = Box3::FromPoints({0, 0, 0}, {1, 1, 1});
  EXPECT_EQ(Morton63({0, 0, 0}, unit), 0u);
  EXPECT_EQ(Morton63({1, 1, 1}, unit), (uint64_t{1} << 63) - 1);
  EXPECT_EQ(Morton30({1, 1, 1}, unit), (uint32_t{1} << 30) - 1);
  // The x half decides the top bit.
  EXPECT_GT(Morton63({0.75, 0, 0}, unit), Morton63({0.25, 1, 1}, unit));
  // Outside and NaN clamp instead of overflowing.
  EXPECT_EQ(Morton63({-5, -5, -5}, unit), 0u);
  EXPECT_EQ(Morton63({std::nan(""), 0, 0}, unit), 0u);
}

TEST(Bvh, BoxQueryMatchesBruteForceOnRandomSoups) {
  std::mt19937 rng(1234);
  for (int round = 0; round < 20; ++round) {
    const int numTri = 1 + static_cast<int>(rng() % 2000);
    Mesh m = RandomSoup(rng, numTri, 10, round % 2 ? 0.5 : 3);
    const std::vector<Box3> boxes = TriangleBoxes(m);
    const Bvh bvh(boxes);
    ASSERT_EQ(bvh.NumItems(), numTri);
    EXPECT_LE(bvh.Depth(), 97);
    for (int q = 0; q < 50; ++q) {
      const Box3 query = RandomBox(rng, 11, q % 5 == 0 ? 8 : 2);
      std::vector<int> got = bvh.Overlapping(query);
      std::sort(got.begin(), got.end());
      std::vector<int> want;
      for (int t = 0; t < numTri; ++t)
        if (boxes[t].Overlaps(query)) want.push_back(t);
      ASSERT_EQ(got, want) << "round " << round << " query " << q;
    }
  }
}

TEST(Bvh, InternalBoxesContainTheirChildren) {
  std::mt19937 rng(7);
  Mesh m = RandomSoup(rng, 500, 5, 1);
  const Bvh bvh = BuildTriangleBvh(m);
  const auto& nodes = bvh.Nodes();
  ASSERT_EQ(nodes.size(), 499u);
  std::vector<int> leafSeen(500, 0);
  for (size_t i = 0; i < nodes.size(); ++i) {
    for (int child : {nodes[i].left, nodes[i].right}) {
      const Box3& cb = child < 0 ? bvh.LeafBoxes()[~child] : nodes[child].box;
      EXPECT_TRUE(nodes[i].box.Contains(cb.min) && nodes[i].box.Contains(cb.max));
      if (child < 0) ++leafSeen[~child];
      else EXPECT_EQ(nodes[child].parent, static_cast<int>(i));
    }
  }
  for (int c : leafSeen) EXPECT_EQ(c, 1);  // every leaf has exactly one parent
  EXPECT_EQ(nodes[0].parent, -1);
}

// The radix tree with Karras's names (figure 4): node 0 covers every
// leaf, a node is named by one end of its leaf range, an internal left
// child by the last leaf of its range and an internal right child by the
// first; and the split between the children is where the keys share the
// shortest prefix, so a node's split splits its Morton codes' range at
// their highest differing bit (checked on the sorted codes of the centres).
TEST(Bvh, RadixTreeHasKarrasNamesAndSplits) {
  std::mt19937 rng(11);
  for (int round = 0; round < 40; ++round) {
    const int n = 2 + static_cast<int>(rng() % 700);
    Mesh m = RandomSoup(rng, n, round % 4 == 0 ? 0.0 : 5.0, 1);  // spread 0: equal codes
    const auto boxes = TriangleBoxes(m);
    const Bvh bvh(boxes);
    const auto& nodes = bvh.Nodes();
    ASSERT_EQ(static_cast<int>(nodes.size()), n - 1);
    Box3 centres;
    for (const Box3& b : boxes) centres.Include(b.Center());
    std::vector<uint64_t> code(n);
    for (int i = 0; i < n; ++i) code[i] = Morton63(boxes[bvh.LeafItems()[i]].Center(), centres);
    ASSERT_TRUE(std::is_sorted(code.begin(), code.end()));
    // Leaf ranges, bottom-up from the children's names.
    std::vector<int> lo(n - 1, -1), hi(n - 1, -1);
    std::vector<std::array<int, 3>> todo{{0, 0, n - 1}};  // node, its range
    int maxDepth = 0;
    std::vector<int> depth(n - 1, 0);
    while (!todo.empty()) {
      const auto [node, a, b] = todo.back();
      todo.pop_back();
      lo[node] = a;
      hi[node] = b;
      ASSERT_TRUE(node == a || node == b) << "node " << node << " range " << a << ".." << b;
      const int l = nodes[node].left, r = nodes[node].right;
      const int split = l < 0 ? ~l : l;  // the left child ends at the split
      ASSERT_EQ(r < 0 ? ~r : r, split + 1);
      ASSERT_TRUE(split >= a && split < b);
      // The split: keys a..split and split+1..b differ first where a and b do.
      const uint64_t x = code[a] ^ code[b];
      if (x != 0) {
        const uint64_t top = uint64_t{1} << (63 - __builtin_clzll(x));
        EXPECT_EQ(code[split] & top, 0u);
        EXPECT_NE(code[split + 1] & top, 0u);
      }
      if (l >= 0) {
        depth[l] = depth[node] + 1;
        todo.push_back({l, a, split});
      } else {
        ASSERT_EQ(a, split);
        maxDepth = std::max(maxDepth, depth[node] + 1);
      }
      if (r >= 0) {
        depth[r] = depth[node] + 1;
        todo.push_back({r, split + 1, b});
      } else {
        ASSERT_EQ(b, split + 1);
        maxDepth = std::max(maxDepth, depth[node] + 1);
      }
    }
    for (int i = 0; i < n - 1; ++i) EXPECT_GE(lo[i], 0) << "node " << i << " unreachable";
    EXPECT_EQ(bvh.Depth(), maxDepth);
  }
}

TEST(Bvh, PointAndPlusZRayCandidatesMatchBruteForce) {
  std::mt19937 rng(99);
  Mesh sphere = MakeUvSphere({0, 0, 0}, 5, 48);
  const auto boxes = TriangleBoxes(sphere);
  const Bvh bvh(boxes);
  std::uniform_real_distribution<double> pos(-6, 6);
  for (int q = 0; q < 300; ++q) {
    const Vec3 p{pos(rng), pos(rng), pos(rng)};
    std::vector<int> got, want;
    bvh.ForEachAlongPlusZ(p, [&](int t) { got.push_back(t); });
    for (int t = 0; t < sphere.NumTri(); ++t)
      if (boxes[t].ContainsXY(p.x, p.y) && boxes[t].max.z >= p.z) want.push_back(t);
    std::sort(got.begin(), got.end());
    ASSERT_EQ(got, want);
    got.clear();
    want.clear();
    bvh.ForEachContaining(p, [&](int t) { got.push_back(t); });
    for (int t = 0; t < sphere.NumTri(); ++t)
      if (boxes[t].Contains(p)) want.push_back(t);
    std::sort(got.begin(), got.end());
    ASSERT_EQ(got, want);
  }
}

TEST(Bvh, CallbackReturningFalseStopsEarly) {
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  const Bvh bvh = BuildTriangleBvh(box);
  int calls = 0;
  bvh.ForEachOverlap(BoundingBox(box), [&](int) { return ++calls < 3; });
  EXPECT_EQ(calls, 3);
}

TEST(Bvh, DuplicateCentroidsStayShallow) {
  // 5000 identical triangles: equal Morton codes, split by index (Karras
  // section 4), so the tree is balanced and the stack bound holds.
  Mesh m;
  m.vertPos = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
  for (int i = 0; i < 5000; ++i) m.triVerts.push_back({0, 1, 2});
  const Bvh bvh = BuildTriangleBvh(m);
  EXPECT_LE(bvh.Depth(), 15);
  EXPECT_EQ(bvh.Overlapping(Box3::FromPoints({0.1, 0.1, 0}, {0.2, 0.2, 0})).size(), 5000u);
}

TEST(Bvh, EmptyAndSingleItem) {
  const Bvh empty(std::vector<Box3>{});
  EXPECT_TRUE(empty.Overlapping(Box3::FromPoints({0, 0, 0}, {1, 1, 1})).empty());
  const Bvh one(std::vector<Box3>{Box3::FromPoints({0, 0, 0}, {1, 1, 1})});
  EXPECT_EQ(one.Overlapping(Box3::FromPoints({1, 1, 1}, {2, 2, 2})).size(), 1u);
  EXPECT_TRUE(one.Overlapping(Box3::FromPoints({1.5, 1, 1}, {2, 2, 2})).empty());
}

TEST(Bvh, PairQueryMatchesBruteForce) {
  std::mt19937 rng(42);
  for (int round = 0; round < 6; ++round) {
    Mesh a = RandomSoup(rng, 1 + static_cast<int>(rng() % 400), 5, 1);
    Mesh b = RandomSoup(rng, 1 + static_cast<int>(rng() % 400), 5, 1);
    const auto boxesA = TriangleBoxes(a), boxesB = TriangleBoxes(b);
    const Bvh ta(boxesA), tb(boxesB);
    std::vector<std::pair<int, int>> got, want;
    ForEachOverlappingPair(ta, tb, [&](int i, int j) { got.emplace_back(i, j); });
    for (int i = 0; i < a.NumTri(); ++i)
      for (int j = 0; j < b.NumTri(); ++j)
        if (boxesA[i].Overlaps(boxesB[j])) want.emplace_back(i, j);
    std::sort(got.begin(), got.end());
    ASSERT_EQ(got, want);
  }
}

TEST(MeshSort, MortonOrderKeepsMeshAndProperties) {
  Mesh m = MakeUvSphere({0, 0, 0}, 2, 24, 3);
  AppendMesh(m, MakeBox({5, 5, 5}, {6, 7, 8}, 4));
  const double volume = SignedVolume(m);
  const auto hist = PropertyHistogram(m);
  const Mesh before = m;
  const std::vector<int> order = SortFacesByMorton(m);
  EXPECT_TRUE(IsClosedManifold(m)) << DescribeManifoldProblem(m);
  EXPECT_NEAR(SignedVolume(m), volume, 1e-12);
  EXPECT_EQ(PropertyHistogram(m), hist);
  for (int k = 0; k < m.NumTri(); ++k) {
    EXPECT_EQ(m.triVerts[k], before.triVerts[order[k]]);
    EXPECT_EQ(m.triProp[k], before.triProp[order[k]]);
  }
  Mesh rebuilt = m;
  ASSERT_TRUE(BuildHalfedges(rebuilt));
  EXPECT_EQ(rebuilt.halfedgeTwin, m.halfedgeTwin);
  // Centroid codes are non-decreasing.
  Box3 cbox;
  for (const auto& t : m.triVerts)
    cbox.Include((m.vertPos[t[0]] + m.vertPos[t[1]] + m.vertPos[t[2]]) * (1.0 / 3));
  uint64_t last = 0;
  for (const auto& t : m.triVerts) {
    const uint64_t c = Morton63((m.vertPos[t[0]] + m.vertPos[t[1]] + m.vertPos[t[2]]) * (1.0 / 3), cbox);
    EXPECT_GE(c, last);
    last = c;
  }
}

TEST(MeshSort, MortonVertexOrderKeepsMesh) {
  Mesh m = MakeUvSphere({0, 0, 0}, 2, 20, 6);
  const double volume = SignedVolume(m);
  const Mesh before = m;
  const std::vector<int> order = SortVerticesByMorton(m);
  EXPECT_TRUE(IsClosedManifold(m)) << DescribeManifoldProblem(m);
  EXPECT_NEAR(SignedVolume(m), volume, 1e-12);
  EXPECT_EQ(m.halfedgeTwin, before.halfedgeTwin);
  EXPECT_EQ(m.triProp, before.triProp);
  for (int t = 0; t < m.NumTri(); ++t)
    for (int i = 0; i < 3; ++i)
      EXPECT_EQ(m.vertPos[m.triVerts[t][i]], before.vertPos[before.triVerts[t][i]]);
  const Box3 box = BoundingBox(m);
  for (int k = 1; k < m.NumVert(); ++k)
    EXPECT_LE(Morton63(m.vertPos[k - 1], box), Morton63(m.vertPos[k], box));
  EXPECT_EQ(m.vertPos[0], before.vertPos[order[0]]);
}

}  // namespace
}  // namespace mos::kernel
