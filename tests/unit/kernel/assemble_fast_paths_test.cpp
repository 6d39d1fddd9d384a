// The output side's shortcuts for small faces give what the general code
// gives: LinkLoops's scan for faces of up to 64 edges against the sorted
// index (random edge lists: closed loops, shared vertices, open chains,
// repeated edges).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include "kernel/assemble.h"

namespace mos::kernel {
namespace {

std::vector<std::pair<int, int>> RandomFaceEdges(std::mt19937& rng) {
  std::vector<std::pair<int, int>> edges;
  const int numLoops = 1 + static_cast<int>(rng() % 3);
  int base = static_cast<int>(rng() % 5);
  for (int l = 0; l < numLoops; ++l) {
    const int n = 2 + static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) edges.emplace_back(base + i, base + (i + 1) % n);
    // Loops sharing a vertex (pinched faces) or a few vertices.
    base += n - static_cast<int>(rng() % 3);
  }
  switch (rng() % 4) {
    case 0:  // an open chain
      if (!edges.empty()) edges.erase(edges.begin() + static_cast<long>(rng() % edges.size()));
      break;
    case 1:  // a repeated edge
      if (!edges.empty()) edges.push_back(edges[rng() % edges.size()]);
      break;
    default:
      break;
  }
  std::shuffle(edges.begin(), edges.end(), rng);
  return edges;
}

TEST(AssembleFastPaths, LinkLoopsScanIsTheSortedIndex) {
  std::mt19937 rng(91127);
  int multi = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::vector<std::pair<int, int>> edges = RandomFaceEdges(rng);
    ASSERT_LE(edges.size(), 64u);
    const auto fast = LinkLoops(edges);
    const auto sorted = assemble_detail::LinkLoopsSorted(edges.data(), edges.size());
    ASSERT_EQ(fast, sorted) << "case " << i;
    multi += fast.size() > 1;
  }
  EXPECT_GT(multi, 1000);
  // Exactly 64 edges: the largest face the scan takes (one mask bit each).
  std::vector<std::pair<int, int>> ring;
  for (int i = 0; i < 64; ++i) ring.emplace_back(i, (i + 1) % 64);
  std::shuffle(ring.begin(), ring.end(), rng);
  EXPECT_EQ(LinkLoops(ring), assemble_detail::LinkLoopsSorted(ring.data(), ring.size()));
  ASSERT_EQ(LinkLoops(ring).size(), 1u);
  EXPECT_EQ(LinkLoops(ring)[0].size(), 64u);
}

// The chained path for faces of more than 64 edges against the sorted
// index: the same random structures, larger (many loops, shared vertices,
// open chains, repeated edges, vertex ids far apart), in every order, and
// into vectors holding earlier loops.
TEST(AssembleFastPaths, LinkManyLoopsIsTheSortedIndex) {
  std::mt19937 rng(20261128);
  std::vector<std::vector<int>> loops;
  int multi = 0;
  for (int i = 0; i < 3000; ++i) {
    std::vector<std::pair<int, int>> edges;
    const int parts = 1 + static_cast<int>(rng() % 12);
    for (int p = 0; p < parts; ++p) {
      std::vector<std::pair<int, int>> part = RandomFaceEdges(rng);
      const int offset = rng() % 2 ? static_cast<int>(rng() % 1000000) : 3 * p;  // shared ids or far apart
      for (auto& e : part) edges.emplace_back(e.first + offset, e.second + offset);
    }
    if (rng() % 4 == 0) {  // one long loop as well (a cut cap's)
      const int n = 65 + static_cast<int>(rng() % 600), base = static_cast<int>(rng() % 50);
      for (int k = 0; k < n; ++k) edges.emplace_back(base + k, base + (k + 1) % n);
    }
    std::shuffle(edges.begin(), edges.end(), rng);
    const auto want = assemble_detail::LinkLoopsSorted(edges.data(), edges.size());
    const size_t count = assemble_detail::LinkManyLoops(edges.data(), edges.size(), loops);
    ASSERT_EQ(count, want.size()) << "case " << i;
    for (size_t k = 0; k < count; ++k) ASSERT_EQ(loops[k], want[k]) << "case " << i << " loop " << k;
    if (edges.size() > 64) {
      EXPECT_EQ(LinkLoops(edges), want) << "case " << i;
    }
    multi += count > 1;
  }
  EXPECT_GT(multi, 1000);
}

// EdgeSet against a std::set of unordered pairs: reserved or grown one Add
// at a time, with the keys kept apart from the table ((0, 0), the empty
// slot's, and (-1, -1)) and negative ids.
TEST(AssembleFastPaths, EdgeSetIsASetOfPairs) {
  std::mt19937 rng(20261127);
  for (int round = 0; round < 40; ++round) {
    EdgeSet set;
    std::set<std::pair<int, int>> ref;
    const int range = 4 + round * 50;
    if (round % 2) set.Reserve(static_cast<size_t>(rng() % 5000));
    for (int i = 0; i < 6000; ++i) {
      int a = static_cast<int>(rng() % range) - 2, b = static_cast<int>(rng() % range) - 2;
      if (i % 97 == 0) a = b = (i % 2) ? 0 : -1;
      const std::pair<int, int> key{std::min(a, b), std::max(a, b)};
      ASSERT_EQ(set.Has(a, b), ref.count(key) == 1) << round << " " << i;
      if (rng() % 2) {
        set.Add(a, b);
        ref.insert(key);
      }
      if (i == 3000 && round % 4 == 0) set.Reserve(20000);  // growing a filled table
    }
  }
}

}  // namespace
}  // namespace mos::kernel
