#include "kernel/far_triangles.h"

#include <array>

namespace mos::kernel {

namespace {

// Blocks of at most this many leaves are not split further before their
// leaves are asked one by one.
constexpr int kBlock = 8;
// Leaves asked before the marking (see MarkFarItems).
constexpr int kSample = 16;

// A subtree of the tree: its node (>= 0) or leaf (~position), the sorted
// leaves it holds (a Karras tree's node holds a contiguous range), and
// the box of a leaf of the other tree that meets its parent's box (null:
// none known).
struct Subtree {
  int ref, first, last;
  const Box3* witness;
};

// The box of a leaf of `tree` that overlaps `box`, or null when none does
// (the walk of Bvh::ForEachOverlap, stopped at the first).
const Box3* FirstOverlap(const Bvh& tree, const Box3& box) {
  const int n = tree.NumItems();
  const auto& nodes = tree.Nodes();
  const Box3* leaves = tree.LeafBoxes().data();
  if (n == 0) return nullptr;
  if (n == 1) return leaves[0].Overlaps(box) ? &leaves[0] : nullptr;
  if (!nodes[0].box.Overlaps(box)) return nullptr;
  std::array<int, Bvh::kStackSize> stack;
  int top = 0;
  int node = 0;
  for (;;) {
    const int l = nodes[static_cast<size_t>(node)].left, r = nodes[static_cast<size_t>(node)].right;
    bool goLeft = false, goRight = false;
    if (l < 0) {
      if (leaves[~l].Overlaps(box)) return &leaves[~l];
    } else {
      goLeft = nodes[static_cast<size_t>(l)].box.Overlaps(box);
    }
    if (r < 0) {
      if (leaves[~r].Overlaps(box)) return &leaves[~r];
    } else {
      goRight = nodes[static_cast<size_t>(r)].box.Overlaps(box);
    }
    if (goRight) {
      if (goLeft) stack[static_cast<size_t>(top++)] = l;
      node = r;
    } else if (goLeft) {
      node = l;
    } else {
      if (top == 0) return nullptr;
      node = stack[static_cast<size_t>(--top)];
    }
  }
}

// The box of a leaf of `tree` meeting `box`: `witness` when it does (a
// neighbour's, found before: no walk), else FirstOverlap.
const Box3* Witness(const Bvh& tree, const Box3& box, const Box3* witness) {
  return witness && witness->Overlaps(box) ? witness : FirstOverlap(tree, box);
}

}  // namespace

bool MarkFarItems(const Bvh& own, const Bvh& other, std::vector<char>& far) {
  const int n = own.NumItems();
  if (n == 0) return true;
  const auto& nodes = own.Nodes();
  const std::vector<Box3>& leafBox = own.LeafBoxes();
  const std::vector<int>& leafItem = own.LeafItems();
  auto markFar = [&](int first, int last) {
    for (int i = first; i <= last; ++i) far[static_cast<size_t>(leafItem[static_cast<size_t>(i)])] = 1;
  };
  // A sample of kSample leaves spread over the sorted order first: where
  // over a third of those asked (less a few) meet the other tree, the
  // meshes meet nearly everywhere and the marking would not pay.
  {
    int walked = 0, met = 0;
    for (int k = 0; k < kSample; ++k) {
      if (3 * met > walked + 8) return false;
      ++walked;
      if (FirstOverlap(other, leafBox[static_cast<size_t>(static_cast<long>(k) * n / kSample)])) ++met;
    }
  }
  thread_local std::vector<Subtree> nearBlocks;
  nearBlocks.clear();
  // Depth first; a node's children are pushed, so the stack holds at most
  // one entry per level plus one (depth <= 96 < kStackSize).
  std::array<Subtree, Bvh::kStackSize> stack;
  int top = 0;
  stack[top++] = {n == 1 ? ~0 : 0, 0, n - 1, nullptr};
  while (top > 0) {
    const Subtree s = stack[--top];
    const Box3& box = s.ref < 0 ? leafBox[static_cast<size_t>(~s.ref)] : nodes[static_cast<size_t>(s.ref)].box;
    const Box3* witness = Witness(other, box, s.witness);
    if (!witness) {
      markFar(s.first, s.last);
      continue;
    }
    if (s.ref < 0) continue;  // a near leaf
    if (s.last - s.first < kBlock) {
      nearBlocks.push_back({s.ref, s.first, s.last, witness});
      continue;
    }
    // The left child holds the sorted leaves up to the split, which names
    // it (its last leaf) when it is a node, and is it when it is a leaf.
    const Bvh::Node& node = nodes[static_cast<size_t>(s.ref)];
    const int split = node.left >= 0 ? node.left : ~node.left;
    stack[top++] = {node.right, split + 1, s.last, witness};
    stack[top++] = {node.left, s.first, split, witness};
  }
  // The near blocks' leaves one by one (each tried first against the last
  // leaf of the other tree found near: neighbours in the sorted order lie
  // close), while under half of those asked need a walk and meet the
  // other tree, less a few: past that the walks cost more than the edge
  // queries they save.
  int walked = 0, met = 0;
  for (const Subtree& b : nearBlocks) {
    const Box3* witness = b.witness;
    for (int i = b.first; i <= b.last; ++i) {
      const Box3& box = leafBox[static_cast<size_t>(i)];
      if (witness && witness->Overlaps(box)) continue;
      if (2 * met > walked + 8) return true;
      ++walked;
      const Box3* found = FirstOverlap(other, box);
      if (found) {
        ++met;
        witness = found;
      } else {
        far[static_cast<size_t>(leafItem[static_cast<size_t>(i)])] = 1;
      }
    }
  }
  return true;
}

}  // namespace mos::kernel
