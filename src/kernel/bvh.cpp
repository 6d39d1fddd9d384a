// Karras 2012 radix-tree BVH build (see bvh.h for the citation and steps).
#include "kernel/bvh.h"

#include <algorithm>
#include <array>
#include <memory>
#include <numeric>

#include "kernel/morton.h"
#include "kernel/small_sort.h"

namespace mos::kernel {

namespace {

int CountLeadingZeros64(uint64_t x) {
  return x == 0 ? 64 : __builtin_clzll(x);  // GCC, Clang and emscripten
}

// Item indices ordered by (code, index). Morton codes of box centres
// spread over their box, so their top bits split the items into buckets of
// about two each: a counting sort by the top log2(n / 2) bits (stable, from
// index order), then each bucket sorted by (code, index) in place
// (insertion for the usual few, a full sort for a crowded bucket: codes
// bunched in a small part of the box). The order is the one a comparison
// sort by (code, index) gives: unique, as every pair differs.
void SortByCode(const uint64_t* code, size_t n, std::vector<int>& order) {
  order.resize(n);
  auto less = [&](int a, int b) { return code[a] != code[b] ? code[a] < code[b] : a < b; };
  if (n < 64) {
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), less);
    return;
  }
  int bits = 4;
  while (bits < 16 && (size_t{2} << bits) < n) ++bits;  // about two a bucket
  const size_t buckets = size_t{1} << bits;
  const int shift = 63 - bits;  // codes have 63 bits
  std::vector<uint32_t> start(buckets + 1, 0);
  for (size_t i = 0; i < n; ++i) ++start[(code[i] >> shift) + 1];
  for (size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
  // start[b] is where bucket b begins; the scatter moves it to where it
  // ends (where bucket b + 1 begins).
  for (size_t i = 0; i < n; ++i) order[start[code[i] >> shift]++] = static_cast<int>(i);
  uint32_t begin = 0;
  for (size_t b = 0; b < buckets; ++b) {
    SortBucket(order.begin() + begin, order.begin() + start[b], less, 32);
    begin = start[b];
  }
}

}  // namespace

void Bvh::Build(const Box3* itemBoxes, size_t count) {
  const int n = static_cast<int>(count);
  nodes_.clear();
  leafBox_.clear();
  leafItem_.clear();
  rootBox_ = Box3{};
  depth_ = 0;
  if (n == 0) return;
  const Box3* items = itemBoxes;

  // 1. Morton codes of box centres within the box of all centres (the
  // coder: Morton63's arithmetic inline, spreading bits by table). The
  // centres are kept from the first pass; an empty box's code is 0.
  // Scratch arrays are not zero-filled: every entry is written before it
  // is read.
  struct Centre {
    double x, y, z;
  };
  Box3 centres;
  std::unique_ptr<Centre[]> centre(new Centre[static_cast<size_t>(n)]);
  std::unique_ptr<uint64_t[]> code(new uint64_t[static_cast<size_t>(n)]);
  for (int i = 0; i < n; ++i) {
    if (items[i].IsEmpty()) {
      code[i] = 1;  // marks it for the next pass
      continue;
    }
    code[i] = 0;
    const Vec3 c = items[i].Center();
    centre[i] = Centre{c.x, c.y, c.z};
    centres.Include(c);
  }
  const Morton63Coder coder(centres);
  for (int i = 0; i < n; ++i) code[i] = code[i] ? 0 : coder(Vec3{centre[i].x, centre[i].y, centre[i].z});
  SortByCode(code.get(), static_cast<size_t>(n), leafItem_);
  // The sorted leaves' boxes, the root box, and the prefix length of each
  // pair of adjacent sorted keys (delta(k, k + 1) of the paper, with the
  // leaf index appended to equal keys).
  leafBox_.reserve(static_cast<size_t>(n));
  std::unique_ptr<int[]> prefix(new int[static_cast<size_t>(n - 1 > 0 ? n - 1 : 1)]);
  uint64_t last = 0;
  for (int i = 0; i < n; ++i) {
    const int item = leafItem_[i];
    const uint64_t key = code[item];
    leafBox_.push_back(items[item]);
    if (i > 0)
      prefix[i - 1] = last != key ? CountLeadingZeros64(last ^ key)
                                  : 64 + CountLeadingZeros64(static_cast<uint64_t>(static_cast<uint32_t>((i - 1) ^ i)) << 32);
    last = key;
  }
  // The root box: Include of each sorted leaf's box from the empty box, in
  // a pass of its own over the stored leaves (the same comparisons in the
  // same order, Min and Max of vec.h, in six scalars: within the loop
  // above, a Box3 went through the stack on every leaf).
  {
    const Box3 empty;
    double loX = empty.min.x, loY = empty.min.y, loZ = empty.min.z;
    double hiX = empty.max.x, hiY = empty.max.y, hiZ = empty.max.z;
    for (const Box3& b : leafBox_) {
      loX = loX < b.min.x ? loX : b.min.x;
      loY = loY < b.min.y ? loY : b.min.y;
      loZ = loZ < b.min.z ? loZ : b.min.z;
      hiX = hiX > b.max.x ? hiX : b.max.x;
      hiY = hiY > b.max.y ? hiY : b.max.y;
      hiZ = hiZ > b.max.z ? hiZ : b.max.z;
    }
    rootBox_.min = Vec3{loX, loY, loZ};
    rootBox_.max = Vec3{hiX, hiY, hiZ};
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
  // the first (k + 1). Depth is the root's height. (The tests'
  // BuildReferenceTree, tests/unit/kernel/bvh_reference.h, is this build
  // with the same steps in more passes and arrays.)
  // Not filled (see NoInitVector): fit writes each node's left, right and
  // box, and the parent of each internal child; the root's parent is set
  // below.
  nodes_.resize(static_cast<size_t>(n - 1));
  Node* nodes = nodes_.data();
  nodes[0].parent = -1;
  const Box3* leaves = leafBox_.data();
  // Per split: whether its left / right child is internal, and (by name)
  // the height of the node.
  struct Split {
    int height;
    bool leftInternal;
    bool rightInternal;
  };
  // (Not zero-filled: a split's flags are set when the loop below reaches
  // it, before any later split marks its right child; heights are written
  // by fit before they are read.)
  std::unique_ptr<Split[]> split(new Split[static_cast<size_t>(n - 1)]);
  // Fits split k's node (children final) under `name`.
  auto fit = [&](int k, int name) {
    Node& node = nodes[name];
    const Box3* lb = &leaves[k];
    const Box3* rb = &leaves[k + 1];
    int h = 0;
    node.left = ~k;
    node.right = ~(k + 1);
    if (split[k].leftInternal) {
      node.left = k;
      nodes[k].parent = name;
      lb = &nodes[k].box;
      h = split[k].height;
    }
    if (split[k].rightInternal) {
      node.right = k + 1;
      nodes[k + 1].parent = name;
      rb = &nodes[k + 1].box;
      h = std::max(h, split[k + 1].height);
    }
    node.box = Union(*lb, *rb);
    split[name].height = h + 1;
  };
  // The prefix lengths on the stack strictly rise (equal ones with none
  // smaller between would be one node's tie), so it holds at most 97.
  std::array<int, kStackSize> stack;
  int top = 0;
  for (int k = 0; k < n - 1; ++k) {
    const int pk = prefix[k];
    bool popped = false;
    while (top > 0 && prefix[stack[top - 1]] > pk) {
      const int s = stack[--top];
      popped = true;
      // The right child of the split below it, unless that is popped too;
      // else k's left child.
      const bool rightChild = top > 0 && prefix[stack[top - 1]] > pk;
      fit(s, rightChild ? stack[top - 1] + 1 : k);
    }
    split[k].leftInternal = popped;
    split[k].rightInternal = false;
    if (top > 0) split[stack[top - 1]].rightInternal = true;
    stack[top++] = k;
  }
  while (top > 0) {
    const int s = stack[--top];
    fit(s, top == 0 ? 0 : stack[top - 1] + 1);
  }
  depth_ = split[0].height;
}

void Bvh::Build(const std::vector<Box3>& itemBoxes, const std::vector<int>& itemIds) {
  Build(itemBoxes);
  for (int& item : leafItem_) item = itemIds[static_cast<size_t>(item)];
}

std::vector<Box3> TriangleBoxes(const Mesh& mesh) {
  std::vector<Box3> boxes(mesh.triVerts.size());
  for (int t = 0; t < mesh.NumTri(); ++t)
    for (int v : mesh.triVerts[t]) boxes[t].Include(mesh.vertPos[v]);
  return boxes;
}

Bvh BuildTriangleBvh(const Mesh& mesh) { return Bvh(TriangleBoxes(mesh)); }

}  // namespace mos::kernel
