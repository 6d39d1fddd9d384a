// Karras 2012 radix-tree BVH build (see bvh.h for the citation and steps).
#include "kernel/bvh.h"

#include <algorithm>
#include <array>
#include <numeric>

#include "kernel/morton.h"

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

// Item indices ordered by (code, index): an LSD radix sort by bytes, stable,
// from the identity order, so equal codes keep index order (what a
// comparison sort by (code, index) gives, at linear cost). Bytes on which
// all codes agree are skipped.
void SortByCode(const std::vector<uint64_t>& code, std::vector<int>& order) {
  const size_t n = code.size();
  order.resize(n);
  std::iota(order.begin(), order.end(), 0);
  if (n < 64) {
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return code[a] != code[b] ? code[a] < code[b] : a < b; });
    return;
  }
  std::vector<std::array<uint32_t, 256>> count(8);  // zeroed
  for (uint64_t k : code)
    for (int byte = 0; byte < 8; ++byte) ++count[byte][(k >> (8 * byte)) & 0xff];
  std::vector<uint64_t> keys(code), keysTmp(n);
  std::vector<int> orderTmp(n);
  for (int byte = 0; byte < 8; ++byte) {
    auto& c = count[byte];
    if (c[(keys[0] >> (8 * byte)) & 0xff] == n) continue;  // all codes share this byte
    uint32_t sum = 0;
    for (uint32_t& x : c) {
      const uint32_t here = x;
      x = sum;
      sum += here;
    }
    for (size_t i = 0; i < n; ++i) {
      const uint32_t slot = c[(keys[i] >> (8 * byte)) & 0xff]++;
      keysTmp[slot] = keys[i];
      orderTmp[slot] = order[i];
    }
    keys.swap(keysTmp);
    order.swap(orderTmp);
  }
}

}  // namespace

void Bvh::Build(const std::vector<Box3>& itemBoxes) {
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

  // 2. Internal node i of the radix tree (Karras figure 4); independent per i.
  nodes_.assign(n - 1, Node{});
  std::vector<int> leafParent(n, -1);
  const PrefixLength delta{keys, n};
  for (int i = 0; i < n - 1; ++i) {
    // Direction of the node's range: towards the neighbour sharing more.
    const int d = delta(i, i + 1) - delta(i, i - 1) >= 0 ? 1 : -1;
    const int deltaMin = delta(i, i - d);
    // Upper bound for the range length, then its exact other end by binary
    // search.
    int lMax = 2;
    while (delta(i, i + lMax * d) > deltaMin) lMax *= 2;
    int l = 0;
    for (int t = lMax / 2; t >= 1; t /= 2)
      if (delta(i, i + (l + t) * d) > deltaMin) l += t;
    const int j = i + l * d;
    // Split position: the last key sharing more than deltaNode with key i.
    const int deltaNode = delta(i, j);
    int s = 0;
    for (int t = (l + 1) / 2;; t = (t + 1) / 2) {
      if (delta(i, i + (s + t) * d) > deltaNode) s += t;
      if (t == 1) break;
    }
    const int gamma = i + s * d + std::min(d, 0);
    Node& node = nodes_[i];
    if (std::min(i, j) == gamma) {
      node.left = ~gamma;
      leafParent[gamma] = i;
    } else {
      node.left = gamma;
      nodes_[gamma].parent = i;
    }
    if (std::max(i, j) == gamma + 1) {
      node.right = ~(gamma + 1);
      leafParent[gamma + 1] = i;
    } else {
      node.right = gamma + 1;
      nodes_[gamma + 1].parent = i;
    }
  }

  // 3. Boxes bottom-up: each leaf climbs; the first visitor of a node stops,
  // the second fits the node from both children (then both are final).
  std::vector<uint8_t> visits(n - 1, 0);
  auto childBox = [&](int ref) -> const Box3& { return ref < 0 ? leafBox_[~ref] : nodes_[ref].box; };
  for (int leaf = 0; leaf < n; ++leaf) {
    int node = leafParent[leaf];
    while (node >= 0) {
      if (visits[node]++ == 0) break;
      nodes_[node].box = Union(childBox(nodes_[node].left), childBox(nodes_[node].right));
      node = nodes_[node].parent;
    }
  }
  // Depth of the deepest leaf (for the stack bound), from the root (node 0)
  // down: one visit per node (counting each leaf's parents walked the tree
  // once per leaf). A leaf whose parent is the root has depth 1.
  std::vector<std::pair<int, int>> stack{{0, 0}};  // internal node, its depth
  while (!stack.empty()) {
    const auto [node, depth] = stack.back();
    stack.pop_back();
    for (int child : {nodes_[node].left, nodes_[node].right}) {
      if (child < 0) depth_ = std::max(depth_, depth + 1);
      else stack.push_back({child, depth + 1});
    }
  }
}

std::vector<Box3> TriangleBoxes(const Mesh& mesh) {
  std::vector<Box3> boxes(mesh.triVerts.size());
  for (int t = 0; t < mesh.NumTri(); ++t)
    for (int v : mesh.triVerts[t]) boxes[t].Include(mesh.vertPos[v]);
  return boxes;
}

Bvh BuildTriangleBvh(const Mesh& mesh) { return Bvh(TriangleBoxes(mesh)); }

}  // namespace mos::kernel
