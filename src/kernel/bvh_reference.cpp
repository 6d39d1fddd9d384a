// The plain serial build of the Karras radix tree (see bvh.h), kept as the
// reference the fast build in bvh.cpp is tested against bit for bit
// (tests/unit/kernel/bvh_build_test.cpp): every node, leaf box, leaf item,
// the root box and the depth must be equal.
#include <algorithm>
#include <numeric>

#include "kernel/bvh.h"
#include "kernel/morton.h"
#include "kernel/small_sort.h"

namespace mos::kernel {

namespace {

int CountLeadingZeros64(uint64_t x) {
  return x == 0 ? 64 : __builtin_clzll(x);  // GCC, Clang and emscripten
}

// δ(i, j) of the paper: length of the common prefix of keys i and j, with the
// leaf index appended to equal keys; -1 when j is outside [0, n).
struct PrefixLength {
  const std::vector<uint64_t>& keys;
  int n;
  int operator()(int i, int j) const {
    if (j < 0 || j >= n) return -1;
    if (keys[i] != keys[j]) return CountLeadingZeros64(keys[i] ^ keys[j]);
    return 64 + CountLeadingZeros64(static_cast<uint64_t>(static_cast<uint32_t>(i ^ j)) << 32);
  }
};

// Item indices ordered by (code, index). Morton codes of box centres
// spread over their box, so their top bits split the items into buckets of
// about one each: a counting sort by the top log2(n) bits (stable, from
// index order), then each bucket sorted by (code, index) in place
// (insertion for the usual few, a full sort for a crowded bucket: codes
// bunched in a small part of the box). The order is the one a comparison
// sort by (code, index) gives: unique, as every pair differs.
void SortByCode(const std::vector<uint64_t>& code, std::vector<int>& order) {
  const size_t n = code.size();
  order.resize(n);
  auto less = [&](int a, int b) { return code[a] != code[b] ? code[a] < code[b] : a < b; };
  if (n < 64) {
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), less);
    return;
  }
  int bits = 4;
  while (bits < 16 && (size_t{1} << bits) < n) ++bits;
  const size_t buckets = size_t{1} << bits;
  const int shift = 63 - bits;  // codes have 63 bits
  std::vector<uint32_t> start(buckets + 1, 0);
  for (uint64_t k : code) ++start[(k >> shift) + 1];
  for (size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (size_t i = 0; i < n; ++i) order[fill[code[i] >> shift]++] = static_cast<int>(i);
  for (size_t b = 0; b < buckets; ++b) {
    SortBucket(order.begin() + start[b], order.begin() + start[b + 1], less, 32);
  }
}

}  // namespace

void Bvh::BuildReference(const std::vector<Box3>& itemBoxes) {
  const int n = static_cast<int>(itemBoxes.size());
  nodes_.clear();
  leafBox_.clear();
  leafItem_.clear();
  rootBox_ = Box3{};
  depth_ = 0;
  if (n == 0) return;

  // 1. Morton codes of box centres within the box of all centres.
  Box3 centres;
  for (const Box3& b : itemBoxes)
    if (!b.IsEmpty()) centres.Include(b.Center());
  std::vector<uint64_t> code(n);
  for (int i = 0; i < n; ++i)
    code[i] = itemBoxes[i].IsEmpty() ? 0 : Morton63(itemBoxes[i].Center(), centres);
  SortByCode(code, leafItem_);
  std::vector<uint64_t> keys(n);
  leafBox_.resize(n);
  for (int i = 0; i < n; ++i) {
    keys[i] = code[leafItem_[i]];
    leafBox_[i] = itemBoxes[leafItem_[i]];
    rootBox_.Include(leafBox_[i]);
  }
  if (n == 1) return;

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
  nodes_.assign(n - 1, Node{});
  const PrefixLength delta{keys, n};
  std::vector<int> prefix(n - 1);
  for (int k = 0; k < n - 1; ++k) prefix[k] = delta(k, k + 1);
  std::vector<char> leftInternal(n - 1, 0), rightInternal(n - 1, 0);
  std::vector<int> height(n - 1, 0);  // by name
  std::vector<int> stack;
  // Fits split k's node (children final) under `name`.
  auto fit = [&](int k, int name) {
    Node& node = nodes_[name];
    const Box3* lb = &leafBox_[k];
    const Box3* rb = &leafBox_[k + 1];
    int h = 0;
    node.left = ~k;
    node.right = ~(k + 1);
    if (leftInternal[k]) {
      node.left = k;
      nodes_[k].parent = name;
      lb = &nodes_[k].box;
      h = height[k];
    }
    if (rightInternal[k]) {
      node.right = k + 1;
      nodes_[k + 1].parent = name;
      rb = &nodes_[k + 1].box;
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
  depth_ = height[0];
}

}  // namespace mos::kernel
