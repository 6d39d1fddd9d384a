// Karras 2012 radix-tree BVH build (see bvh.h for the citation and steps).
#include "kernel/bvh.h"

#include <algorithm>
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
  leafItem_.resize(n);
  std::iota(leafItem_.begin(), leafItem_.end(), 0);
  std::sort(leafItem_.begin(), leafItem_.end(), [&](int a, int b) {
    return code[a] != code[b] ? code[a] < code[b] : a < b;
  });
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
    int depth = 1;
    while (node >= 0) {
      if (visits[node]++ == 0) break;
      nodes_[node].box = Union(childBox(nodes_[node].left), childBox(nodes_[node].right));
      node = nodes_[node].parent;
    }
    // Depth of this leaf (for the stack bound): count parents.
    for (int p = leafParent[leaf]; p > 0; p = nodes_[p].parent) ++depth;
    depth_ = std::max(depth_, depth);
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
