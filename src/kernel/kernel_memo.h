// Memo of the boolean's sub-kernels (predicates.h). Kernel12 of an edge and
// a triangle evaluates Kernel02 for both edge ends and Kernel11 for the
// three triangle edges; a vertex is an end of ~6 edges and a Q edge borders
// two triangles (and the reverse pass meets every edge pair again), so most
// of those evaluations repeat one already made: 60-70 % of the boolean's
// kernel time on the OpenSCAD examples (bench/PROFILE.md). The kernels are
// pure functions of their arguments, so a repeat returns the stored result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mos::kernel {

// Open addressing (linear probing, power-of-two capacity, at most half
// full) from a 64-bit key (never ~0) to a small value.
template <typename Value>
class KernelMemo {
 public:
  // The stored value, or null.
  const Value* Find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = Hash(key) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s.value;
      if (s.key == kEmpty) return nullptr;
    }
  }
  void Insert(uint64_t key, const Value& value) {
    if (2 * (count_ + 1) > slots_.size()) Grow();
    for (size_t i = Hash(key) & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == kEmpty) {
        s.key = key;
        s.value = value;
        ++count_;
        return;
      }
      if (s.key == key) return;
    }
  }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  struct Slot {
    uint64_t key = kEmpty;
    Value value{};
  };
  static size_t Hash(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return static_cast<size_t>(k);
  }
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
    mask_ = slots_.size() - 1;
    count_ = 0;
    for (const Slot& s : old)
      if (s.key != kEmpty) Insert(s.key, s.value);
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t count_ = 0;
};

}  // namespace mos::kernel
