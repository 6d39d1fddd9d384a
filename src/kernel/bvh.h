// Linear bounding volume hierarchy over boxes (triangles of a mesh), after
// T. Karras, "Maximizing parallelism in the construction of BVHs, octrees,
// and k-d trees", High Performance Graphics 2012:
//   1. 63-bit Morton codes of the box centroids, sorted (ties by item index,
//      the paper's section 4 augmentation, so every key is distinct);
//   2. the binary radix tree over the sorted keys, with Karras's node names
//      (section 3, figure 4), and 3. its boxes fitted bottom-up. Karras finds
//      each node independently of the others (for a parallel build); run
//      serially, one pass with a stack builds the same tree: it is the
//      min-Cartesian tree of the prefix lengths of adjacent keys, and a
//      node is fitted as soon as its subtree is complete.
// Queries walk the tree with an explicit, bounded stack.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

#include "kernel/bbox.h"
#include "kernel/mesh.h"
#include "kernel/uninit_vector.h"

namespace mos::kernel {

class Bvh {
 public:
  // Child reference: >= 0 an internal node, < 0 the leaf ~ref (a position in
  // the sorted order).
  struct Node {
    Box3 box;
    int left = 0;
    int right = 0;
    int parent = -1;
  };

  Bvh() = default;
  explicit Bvh(const std::vector<Box3>& itemBoxes) { Build(itemBoxes); }

  // Items are numbered by their position in `itemBoxes`.
  void Build(const std::vector<Box3>& itemBoxes) { Build(itemBoxes.data(), itemBoxes.size()); }
  // The same over `count` boxes from `itemBoxes`.
  void Build(const Box3* itemBoxes, size_t count);
  // Items numbered itemIds[i] (a subset of a larger set, e.g. the triangles
  // of a window): the tree Build(itemBoxes) gives, its leaves renamed.
  void Build(const std::vector<Box3>& itemBoxes, const std::vector<int>& itemIds);

  int NumItems() const { return static_cast<int>(leafItem_.size()); }
  const Box3& RootBox() const { return rootBox_; }
  // Depth of the deepest leaf (root = 0); at most 96 by construction.
  int Depth() const { return depth_; }

  // Calls f(item) for every item whose box overlaps `query` (closed boxes:
  // touching counts). f may return void, or bool: false stops the query.
  template <class F>
  void ForEachOverlap(const Box3& query, F&& f) const {
    Traverse([&](const Box3& b) { return b.Overlaps(query); }, f);
  }

  // Those of them for which keep(box) also holds, where keep is also asked
  // of the nodes' boxes (so keep must hold for a node's box wherever it
  // holds for the box of an item under it): the same items in the same
  // order as ForEachOverlap gives, less those keep turns down.
  template <class Keep, class F>
  void ForEachOverlapKept(const Box3& query, Keep&& keep, F&& f) const {
    Traverse([&](const Box3& b) { return b.Overlaps(query) && keep(b); }, f);
  }

  // Items whose box contains p.
  template <class F>
  void ForEachContaining(Vec3 p, F&& f) const {
    Traverse([&](const Box3& b) { return b.Contains(p); }, f);
  }

  // Candidates for the ray from p along +Z: items whose box contains (p.x,
  // p.y) in XY and reaches up to p.z or above.
  template <class F>
  void ForEachAlongPlusZ(Vec3 p, F&& f) const {
    Traverse([&](const Box3& b) { return b.ContainsXY(p.x, p.y) && b.max.z >= p.z; }, f);
  }

  std::vector<int> Overlapping(const Box3& query) const {
    std::vector<int> out;
    ForEachOverlap(query, [&](int item) { out.push_back(item); });
    return out;
  }

  // Tree access for tests and for the pairwise query.
  const NoInitVector<Node>& Nodes() const { return nodes_; }
  const std::vector<Box3>& LeafBoxes() const { return leafBox_; }  // sorted order
  const std::vector<int>& LeafItems() const { return leafItem_; }   // sorted order

  static constexpr int kStackSize = 128;

 private:
  template <class Pred, class F>
  void Traverse(Pred&& pred, F& f) const;

  NoInitVector<Node> nodes_;     // n - 1 internal nodes, root at 0 (Build writes every member)
  std::vector<Box3> leafBox_;    // per sorted leaf
  std::vector<int> leafItem_;    // sorted leaf -> item index
  Box3 rootBox_;
  int depth_ = 0;
};

// Boxes of the mesh's triangles, in triangle order.
std::vector<Box3> TriangleBoxes(const Mesh& mesh);
// A BVH whose items are the mesh's triangles.
Bvh BuildTriangleBvh(const Mesh& mesh);

// Every pair (item of a, item of b) whose boxes overlap: a simultaneous walk
// of both trees with an explicit stack. f(itemA, itemB).
template <class F>
void ForEachOverlappingPair(const Bvh& a, const Bvh& b, F&& f);

// ---- implementation of the templates ----

namespace bvh_detail {
template <class F>
bool Emit(F& f, int item) {
  if constexpr (std::is_same_v<decltype(f(item)), bool>) {
    return f(item);
  } else {
    f(item);
    return true;
  }
}
}  // namespace bvh_detail

template <class Pred, class F>
void Bvh::Traverse(Pred&& pred, F& f) const {
  const int n = NumItems();
  if (n == 0) return;
  if (n == 1) {
    if (pred(leafBox_[0])) bvh_detail::Emit(f, leafItem_[0]);
    return;
  }
  if (!pred(nodes_[0].box)) return;
  // Depth first: a node's leaf children are reported at once, then its
  // right subtree is walked, then its left one (the left waits on the
  // stack; the next node is taken without pushing it).
  std::array<int, kStackSize> stack;
  int top = 0;
  int node = 0;
  for (;;) {
    const int l = nodes_[node].left, r = nodes_[node].right;
    bool goLeft = false, goRight = false;
    if (l < 0) {
      if (pred(leafBox_[~l]) && !bvh_detail::Emit(f, leafItem_[~l])) return;
    } else {
      goLeft = pred(nodes_[l].box);
    }
    if (r < 0) {
      if (pred(leafBox_[~r]) && !bvh_detail::Emit(f, leafItem_[~r])) return;
    } else {
      goRight = pred(nodes_[r].box);
    }
    if (goRight) {
      if (goLeft) stack[top++] = l;  // depth <= 96 < kStackSize (see Build)
      node = r;
    } else if (goLeft) {
      node = l;
    } else {
      if (top == 0) return;
      node = stack[--top];
    }
  }
}

template <class F>
void ForEachOverlappingPair(const Bvh& a, const Bvh& b, F&& f) {
  if (a.NumItems() == 0 || b.NumItems() == 0) return;
  // A reference is a node (>= 0) or a leaf (< 0); trees with one item have
  // no nodes, so their root is leaf 0.
  auto boxOf = [](const Bvh& t, int ref) -> const Box3& {
    return ref < 0 ? t.LeafBoxes()[~ref] : t.Nodes()[ref].box;
  };
  const int rootA = a.NumItems() == 1 ? ~0 : 0;
  const int rootB = b.NumItems() == 1 ? ~0 : 0;
  if (!boxOf(a, rootA).Overlaps(boxOf(b, rootB))) return;
  // Descending one side per step keeps the stack within depthA + depthB + 2.
  std::array<std::pair<int, int>, 2 * Bvh::kStackSize + 4> stack;
  int top = 0;
  stack[top++] = {rootA, rootB};
  while (top > 0) {
    const auto [ra, rb] = stack[--top];
    if (ra < 0 && rb < 0) {
      f(a.LeafItems()[~ra], b.LeafItems()[~rb]);
      continue;
    }
    // Split the internal one (the larger box when both are internal).
    bool splitA = rb < 0;
    if (ra >= 0 && rb >= 0) {
      const Vec3 sa = a.Nodes()[ra].box.Size(), sb = b.Nodes()[rb].box.Size();
      splitA = sa.x + sa.y + sa.z >= sb.x + sb.y + sb.z;
    }
    if (splitA) {
      const auto& node = a.Nodes()[ra];
      for (int child : {node.right, node.left})
        if (boxOf(a, child).Overlaps(boxOf(b, rb))) stack[top++] = {child, rb};
    } else {
      const auto& node = b.Nodes()[rb];
      for (int child : {node.right, node.left})
        if (boxOf(a, ra).Overlaps(boxOf(b, child))) stack[top++] = {ra, child};
    }
  }
}

}  // namespace mos::kernel
