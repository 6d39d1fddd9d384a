// Content keys of node subtrees for the geometry cache: the node kind, every
// parameter with the exact bits of each number (the .csg text rounds to six
// digits and would hand back stale geometry), the $fn/$fa/$fs the node uses,
// and its children's digests. Background ('%') children are left out, as
// the render leaves them out; source positions are not part of a key.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "eval/node.h"

namespace mos::geom {

// 128-bit digest of a key's bytes.
struct NodeDigest {
  uint64_t hi = 0, lo = 0;
  bool operator==(const NodeDigest& o) const { return hi == o.hi && lo == o.lo; }
  bool operator!=(const NodeDigest& o) const { return !(*this == o); }
};

struct NodeDigestHash {
  size_t operator()(const NodeDigest& d) const { return static_cast<size_t>(d.lo ^ (d.hi >> 1)); }
};

// Two independent 64-bit multiply-xorshift lanes over the bytes.
NodeDigest DigestOf(const std::string& bytes);

// A node's own key bytes: kind, parameters, then each render child's digest.
struct NodeKey {
  std::string bytes;
  NodeDigest digest;
  int height = 0;  // levels below the node (0 for a leaf)
};

// A growable byte buffer for a node's own key fields (node_key.cpp).
struct KeyBuffer {
  std::unique_ptr<char[]> data;
  size_t size = 0, capacity = 0;
  void Ensure(size_t more) {
    if (size + more > capacity) Grow(size + more);
  }
  void Grow(size_t need);
};

// Keys of the nodes of one tree, computed on first use and memoised (the
// node pointers must outlive this object). Recursion is bounded by
// `maxDepth`: a subtree deeper than that has no key (Find returns null).
class NodeKeys {
 public:
  explicit NodeKeys(int maxDepth) : maxDepth_(maxDepth) {}
  // The key of `node`, or null when the subtree is too deep to key.
  const NodeKey* Find(const eval::Node& node) { return Compute(node, 0); }

 private:
  const NodeKey* Compute(const eval::Node& node, int depth);
  std::unordered_map<const eval::Node*, NodeKey> keys_;
  std::unordered_map<const eval::Node*, bool> unkeyable_;
  KeyBuffer scratch_;  // a node's own key fields, before its children's digests
  int maxDepth_;
};

}  // namespace mos::geom
