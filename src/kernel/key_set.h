// A set of 64-bit keys in one array: linear probing, deletion by backward
// shift (no tombstones), doubling when half full. What the ear clipper
// keeps its edge id pairs in: std::unordered_set allocated a node per edge
// (a text cap's 1,500 edges were a fifth of the clipper's time). Holds any
// key, ~0 included (kept aside: it marks empty slots). With
// -DMOS_CHECK_KEY_SET a std::unordered_set shadows every operation and a
// different answer aborts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#ifdef MOS_CHECK_KEY_SET
#include <cstdlib>
#include <unordered_set>
#define MOS_KEY_SET_SAME(a, b) \
  do {                         \
    if ((a) != (b)) std::abort(); \
  } while (0)
#endif

namespace mos::kernel {

class KeySet {
 public:
  // Room for about n keys before the first doubling.
  void Reserve(size_t n) {
    size_t size = 16;
    while (size < 2 * n) size *= 2;
    if (size > slots_.size()) Rehash(size);
  }
  bool Contains(uint64_t k) const {
    const bool got = ContainsImpl(k);
#ifdef MOS_CHECK_KEY_SET
    MOS_KEY_SET_SAME(got, shadow_.count(k) != 0);
#endif
    return got;
  }
  // False if k was in the set already.
  bool Insert(uint64_t k) {
    const bool got = InsertImpl(k);
#ifdef MOS_CHECK_KEY_SET
    MOS_KEY_SET_SAME(got, shadow_.insert(k).second);
    MOS_KEY_SET_SAME(Size(), shadow_.size());
#endif
    return got;
  }
  // False if k was not in the set.
  bool Erase(uint64_t k) {
    const bool got = EraseImpl(k);
#ifdef MOS_CHECK_KEY_SET
    MOS_KEY_SET_SAME(got, shadow_.erase(k) != 0);
    MOS_KEY_SET_SAME(Size(), shadow_.size());
#endif
    return got;
  }
  size_t Size() const { return count_ + (hasEmptyKey_ ? 1 : 0); }

 private:
  bool ContainsImpl(uint64_t k) const {
    if (k == kEmpty) return hasEmptyKey_;
    if (slots_.empty()) return false;
    return slots_[Slot(k)] == k;
  }
  bool InsertImpl(uint64_t k) {
    if (k == kEmpty) {
      const bool fresh = !hasEmptyKey_;
      hasEmptyKey_ = true;
      return fresh;
    }
    if (2 * (count_ + 1) > slots_.size()) Rehash(slots_.empty() ? 16 : 2 * slots_.size());
    const size_t s = Slot(k);
    if (slots_[s] == k) return false;
    slots_[s] = k;
    ++count_;
    return true;
  }
  bool EraseImpl(uint64_t k) {
    if (k == kEmpty) {
      const bool had = hasEmptyKey_;
      hasEmptyKey_ = false;
      return had;
    }
    if (slots_.empty()) return false;
    size_t hole = Slot(k);
    if (slots_[hole] != k) return false;
    // Later keys of the run move back into the hole unless their home slot
    // lies cyclically in (hole, j]: every key stays reachable from its home.
    const size_t mask = slots_.size() - 1;
    for (size_t j = (hole + 1) & mask; slots_[j] != kEmpty; j = (j + 1) & mask) {
      const size_t home = Home(slots_[j]);
      const bool stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (stays) continue;
      slots_[hole] = slots_[j];
      hole = j;
    }
    slots_[hole] = kEmpty;
    --count_;
    return true;
  }
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  size_t Home(uint64_t k) const { return static_cast<size_t>((k * 0x9E3779B97F4A7C15ull) >> shift_); }  // top bits
  // The slot holding k, or the empty slot ending its run.
  size_t Slot(uint64_t k) const {
    const size_t mask = slots_.size() - 1;
    size_t s = Home(k);
    while (slots_[s] != k && slots_[s] != kEmpty) s = (s + 1) & mask;
    return s;
  }
  void Rehash(size_t size) {
    std::vector<uint64_t> old;
    old.swap(slots_);
    slots_.assign(size, kEmpty);
    shift_ = 64;
    for (size_t s = size; s > 1; s /= 2) --shift_;
    for (uint64_t k : old)
      if (k != kEmpty) slots_[Slot(k)] = k;
  }
  std::vector<uint64_t> slots_;  // size a power of two, at most half full
  size_t count_ = 0;             // keys in slots_
  int shift_ = 64;
  bool hasEmptyKey_ = false;
#ifdef MOS_CHECK_KEY_SET
  std::unordered_set<uint64_t> shadow_;
#endif
};

}  // namespace mos::kernel
