// The in-place weld's triangle order (cleanup_weld.cpp) for a mesh that is
// nearly in key order already: the second weld of a cleanup sees the first
// weld's sorted triangles with only the few a collapse or swap rewrote out
// of place (and the removed ones, which take no part).
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>

#include "kernel/small_sort.h"

namespace mos::kernel::cleanup_detail {

// Fed the kept triangles in array order with their keys (a, k1, k2) (the
// caller's first[t] = a and rest[t].k1, .k2, .tri = t, written before
// Add), it finds them in increasing key order where every key is distinct:
// the order WeldOneToOneInPlace's counting sort gives then, with nothing to
// cancel (cancelling needs two triangles with one key). It gives up (Active
// false, Finish false) when more than about an eighth of the triangles are
// out of place, and Finish says false when some key repeats: the caller
// sorts then.
//
// The triangles go onto a stack that stays strictly increasing; one not
// above the stack's top moves that top aside (one of the two is out of
// place) and goes aside too unless it is above the new top. Finish sorts
// the ones set aside, merges them with the stack and checks every step of
// the merged sequence strictly increasing, which proves it the sorted order
// of distinct keys.
template <typename Keyed>
class NearlySortedOrder {
 public:
  NearlySortedOrder(int numTri, bool enabled)
      : limit_(numTri / 8 + 4), active_(enabled && numTri > 0) {
    if (!active_) return;
    stack_.reset(new int[static_cast<size_t>(numTri)]);
    aside_.reset(new int[static_cast<size_t>(limit_) + 2]);
  }

  bool Active() const { return active_; }

  // Triangle t with key (a, k1, k2); first/rest must hold it already.
  void Add(int t, int a, int k1, int k2, const int* first, const Keyed* rest) {
    if (a > ta_ || (a == ta_ && (k1 > tk1_ || (k1 == tk1_ && k2 > tk2_)))) {
      stack_[ns_++] = t;
      ta_ = a, tk1_ = k1, tk2_ = k2;
      return;
    }
    aside_[nw_++] = stack_[--ns_];
    if (ns_ > 0) {
      const int u = stack_[ns_ - 1];
      ta_ = first[u], tk1_ = rest[u].k1, tk2_ = rest[u].k2;
    } else {
      ta_ = -1, tk1_ = -1, tk2_ = -1;
    }
    if (a > ta_ || (a == ta_ && (k1 > tk1_ || (k1 == tk1_ && k2 > tk2_)))) {
      stack_[ns_++] = t;
      ta_ = a, tk1_ = k1, tk2_ = k2;
    } else {
      aside_[nw_++] = t;
    }
    if (nw_ > limit_) active_ = false;
  }

  // The kept triangles in order into `order` (numKept entries, every one
  // given to Add); false when not found (order then in any state).
  bool Finish(const int* first, const Keyed* rest, int* order) {
    if (!active_) return false;
    auto less = [first, rest](int t, int u) {
      if (first[t] != first[u]) return first[t] < first[u];
      if (rest[t].k1 != rest[u].k1) return rest[t].k1 < rest[u].k1;
      return rest[t].k2 < rest[u].k2;
    };
    int* s = stack_.get();
    int* w = aside_.get();
    SortBucket(w, w + nw_, less, 32);
    // The stack is strictly increasing and the set-aside sorted: only a
    // step next to a set-aside triangle can fail to increase.
    // The stack's runs between them are copied whole (each found by a
    // binary search).
    int i = 0, n = 0;
    for (int j = 0; j < nw_; ++j) {
      const int x = w[j];
      int lo = i, hi = ns_;  // the first stack entry not below x
      while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (less(s[mid], x)) lo = mid + 1;
        else hi = mid;
      }
      std::copy(s + i, s + lo, order + n);
      n += lo - i;
      i = lo;
      if (n > 0 && !less(order[n - 1], x)) return false;
      if (i < ns_ && !less(x, s[i])) return false;
      order[n++] = x;
    }
    std::copy(s + i, s + ns_, order + n);
    return true;
  }

 private:
  int limit_;
  bool active_;
  std::unique_ptr<int[]> stack_, aside_;
  int ns_ = 0, nw_ = 0;
  int ta_ = -1, tk1_ = -1, tk2_ = -1;  // the stack's top key (-1: empty)
};

}  // namespace mos::kernel::cleanup_detail
