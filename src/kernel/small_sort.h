// Sorting the many small buckets of a counting sort: insertion sort for the
// usual few elements (no call, no recursion), std::sort for a crowded one.
// With a strict order (ties broken) both give the same result.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>

namespace mos::kernel {

template <class It, class Less>
void SortBucket(It first, It last, Less less, std::ptrdiff_t fullSortAbove) {
  if (last - first > fullSortAbove) {
    std::sort(first, last, less);
    return;
  }
  for (It i = first + (first != last ? 1 : 0); i < last; ++i) {
    auto x = std::move(*i);
    It j = i;
    for (; j != first && less(x, *(j - 1)); --j) *j = std::move(*(j - 1));
    *j = std::move(x);
  }
}

}  // namespace mos::kernel
