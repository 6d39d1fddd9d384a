// The plain serial build of the Karras radix tree (see kernel/bvh.h), the
// reference the fast build Bvh::Build is tested against bit for bit
// (bvh_build_test.cpp): every node, leaf box, leaf item, the root box and
// the depth must be equal. Test only: written apart from bvh.cpp, in more
// passes and arrays, so the two do not share their mistakes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "kernel/bvh.h"
#include "kernel/morton.h"

namespace mos::kernel::testing {

// What Bvh's accessors show of a tree.
struct ReferenceTree {
  std::vector<Bvh::Node> nodes;  // n - 1 internal nodes, root at 0
  std::vector<Box3> leafBox;     // per sorted leaf
  std::vector<int> leafItem;     // sorted leaf -> item index
  Box3 rootBox;
  int depth = 0;
};

inline int ReferenceClz64(uint64_t x) {
  return x == 0 ? 64 : __builtin_clzll(x);  // GCC, Clang and emscripten
}

// δ(i, j) of the paper: length of the common prefix of keys i and j, with the
// leaf index appended to equal keys; -1 when j is outside [0, n).
struct ReferencePrefixLength {
  const std::vector<uint64_t>& keys;
  int n;
  int operator()(int i, int j) const {
    if (j < 0 || j >= n) return -1;
    if (keys[i] != keys[j]) return ReferenceClz64(keys[i] ^ keys[j]);
    return 64 + ReferenceClz64(static_cast<uint64_t>(static_cast<uint32_t>(i ^ j)) << 32);
  }
};

// Item indices ordered by (code, index), by a plain comparison sort (the
// fast build's bucket sort must give this order: it is unique, as every
// pair differs).
inline void ReferenceSortByCode(const std::vector<uint64_t>& code, std::vector<int>& order) {
  order.resize(code.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return code[a] != code[b] ? code[a] < code[b] : a < b; });
}

// Bvh::Build's tree, built the plain way.
inline ReferenceTree BuildReferenceTree(const std::vector<Box3>& itemBoxes) {
  const int n = static_cast<int>(itemBoxes.size());
  ReferenceTree tree;
  std::vector<Bvh::Node>& nodes = tree.nodes;
  std::vector<Box3>& leafBox = tree.leafBox;
  std::vector<int>& leafItem = tree.leafItem;
  if (n == 0) return tree;

  // 1. Morton codes of box centres within the box of all centres.
  Box3 centres;
  for (const Box3& b : itemBoxes)
    if (!b.IsEmpty()) centres.Include(b.Center());
  std::vector<uint64_t> code(n);
  for (int i = 0; i < n; ++i)
    code[i] = itemBoxes[i].IsEmpty() ? 0 : Morton63(itemBoxes[i].Center(), centres);
  ReferenceSortByCode(code, leafItem);
  std::vector<uint64_t> keys(n);
  leafBox.resize(n);
  for (int i = 0; i < n; ++i) {
    keys[i] = code[leafItem[i]];
    leafBox[i] = itemBoxes[leafItem[i]];
    tree.rootBox.Include(leafBox[i]);
  }
  if (n == 1) return tree;

  // 2. + 3. The radix tree over the sorted keys with its boxes, in one
  // serial pass. The internal node splitting between leaves k and k + 1 is
  // where the keys of its range share the shortest prefix, so the tree is
  // the min-Cartesian tree of the adjacent prefix lengths delta(k, k + 1)
  // (no two of which tie within one node's range: the keys are distinct),
  // built with a stack holding the right spine. A split popped from the
  // stack has its subtree complete: its node is named and fitted then.
  // Names as Karras's figure 4 gives them, so the tree is his node for
  // node: the root is node 0, an internal left child is named by the last
  // leaf of its range (the parent's split k), an internal right child by
  // the first (k + 1). Depth is the root's height.
  nodes.assign(n - 1, Bvh::Node{});
  const ReferencePrefixLength delta{keys, n};
  std::vector<int> prefix(n - 1);
  for (int k = 0; k < n - 1; ++k) prefix[k] = delta(k, k + 1);
  std::vector<char> leftInternal(n - 1, 0), rightInternal(n - 1, 0);
  std::vector<int> height(n - 1, 0);  // by name
  std::vector<int> stack;
  // Fits split k's node (children final) under `name`.
  auto fit = [&](int k, int name) {
    Bvh::Node& node = nodes[name];
    const Box3* lb = &leafBox[k];
    const Box3* rb = &leafBox[k + 1];
    int h = 0;
    node.left = ~k;
    node.right = ~(k + 1);
    if (leftInternal[k]) {
      node.left = k;
      nodes[k].parent = name;
      lb = &nodes[k].box;
      h = height[k];
    }
    if (rightInternal[k]) {
      node.right = k + 1;
      nodes[k + 1].parent = name;
      rb = &nodes[k + 1].box;
      h = std::max(h, height[k + 1]);
    }
    node.box = Union(*lb, *rb);
    height[name] = h + 1;
  };
  for (int k = 0; k < n - 1; ++k) {
    bool popped = false;
    while (!stack.empty() && prefix[stack.back()] > prefix[k]) {
      const int top = stack.back();
      stack.pop_back();
      popped = true;
      // The right child of the split below it, unless that is popped too;
      // else k's left child.
      const bool rightChild = !stack.empty() && prefix[stack.back()] > prefix[k];
      fit(top, rightChild ? stack.back() + 1 : k);
    }
    leftInternal[k] = popped;
    if (!stack.empty()) rightInternal[stack.back()] = 1;
    stack.push_back(k);
  }
  while (!stack.empty()) {
    const int top = stack.back();
    stack.pop_back();
    fit(top, stack.empty() ? 0 : stack.back() + 1);
  }
  tree.depth = height[0];
  return tree;
}

}  // namespace mos::kernel::testing
