// The halfedges of each undirected edge (lo, hi), found in one pass without
// sorting: an open-addressing table of indices into a dense list of edges,
// each holding its first halfedge and its opposite one. For pairing
// halfedges with their twins (BuildHalfedges, PairHalfedges).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace mos::kernel {

class EdgeTable {
 public:
  struct Edge {
    uint64_t key;  // lo << 32 | hi, and kForward when `first` runs lo -> hi
    int first;     // the first halfedge added
    // The second, when it runs opposite to the first; kIrregular when the
    // second runs the same way or there are three or more; -1 while alone.
    int second;
  };
  static constexpr uint64_t kForward = uint64_t{1} << 63;
  static constexpr int kIrregular = -2;

  // Room for `numHalfedges` adds, in about 1.25 slots per halfedge: a
  // closed mesh (an edge per two halfedges) fills at most 0.4 of the table,
  // all-distinct edges at most 0.8 (linear probing stays short). Two slots
  // per halfedge cost more to fill than the shorter probes saved.
  explicit EdgeTable(size_t numHalfedges) {
    size_t cap = 16;
    int bits = 4;
    while (cap < numHalfedges + numHalfedges / 4 + 1) {
      cap *= 2;
      ++bits;
    }
    mask_ = cap - 1;
    shift_ = 64 - bits;
    index_.assign(cap, -1);
    edges_.reset(new Edge[numHalfedges > 0 ? numHalfedges : 1]);  // at most one edge per add
  }

  // Adds halfedge `he`, running from vertex a to vertex b (both >= 0,
  // a != b).
  void Add(int a, int b, int he) {
    const bool forward = a < b;
    const uint64_t lo = static_cast<uint32_t>(forward ? a : b), hi = static_cast<uint32_t>(forward ? b : a);
    const uint64_t key = lo << 32 | hi;
    for (size_t i = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);; i = (i + 1) & mask_) {
      const int at = index_[i];
      if (at < 0) {
        index_[i] = numEdges_;
        edges_[static_cast<size_t>(numEdges_++)] = Edge{forward ? key | kForward : key, he, -1};
        return;
      }
      Edge& e = edges_[static_cast<size_t>(at)];
      if ((e.key & ~kForward) == key) {
        const bool opposite = ((e.key & kForward) != 0) != forward;
        e.second = e.second == -1 && opposite ? he : kIrregular;
        return;
      }
    }
  }

  // Index of the edge between a and b (in the order first added), -1 when
  // none was added.
  int Find(int a, int b) const {
    const uint64_t lo = static_cast<uint32_t>(a < b ? a : b), hi = static_cast<uint32_t>(a < b ? b : a);
    const uint64_t key = lo << 32 | hi;
    for (size_t i = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);; i = (i + 1) & mask_) {
      const int at = index_[i];
      if (at < 0 || (edges_[static_cast<size_t>(at)].key & ~kForward) == key) return at;
    }
  }

  // The edges added, in the order first added.
  int NumEdges() const { return numEdges_; }
  const Edge& GetEdge(int i) const { return edges_[static_cast<size_t>(i)]; }

 private:
  std::vector<int> index_;  // -1: empty
  std::unique_ptr<Edge[]> edges_;
  int numEdges_ = 0;
  size_t mask_ = 0;
  int shift_ = 60;
};

}  // namespace mos::kernel
