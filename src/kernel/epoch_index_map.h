// Values by small integer key with O(1) clear (SharedKernel12's maps).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>
#include <vector>

namespace mos::kernel {

// Values by small integer key with O(1) clear: a value slot per key,
// valid while its stamp is the current epoch (Clear starts a new epoch,
// so nothing is cleared key by key). The slots are raw storage, written
// before they are read (T is trivially copyable), so sizing the map
// touches only the stamps. Pointers stay valid until the key is set
// again (hashed: or the next Clear).
// kHashed: keys in [0, numKeys) of which at most maxKeys distinct ones are
// set in all (maxKeys much below numKeys: HashedFits): a key's slot is
// found by linear probing in a table of at least twice maxKeys slots, where
// a slot of an older epoch counts as empty (every slot of the current epoch
// was set after the last Clear, at the first slot of its probe sequence
// that was not current then, so a probe meets a key's slot before any
// empty one). Without it a slot per key (no probing on the way).
template <class T, bool kHashed = false>
class EpochIndexMap {
 public:
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
  // The hashed table's slots for maxKeys keys (of numKeys possible).
  static size_t TableSize(size_t numKeys, size_t maxKeys) {
    const size_t keys = maxKeys < numKeys ? maxKeys : numKeys;
    size_t cap = 16;
    while (cap < 2 * keys) cap *= 2;
    return cap;
  }
  // Whether the hashed form pays: a table well below a slot per key.
  static bool HashedFits(size_t numKeys, size_t maxKeys) {
    return maxKeys < numKeys && numKeys > 4096 && 4 * TableSize(numKeys, maxKeys) < numKeys;
  }
  void Reset(size_t numKeys, size_t maxKeys = SIZE_MAX) {
    size_t slots = numKeys;
    if constexpr (kHashed) {
      slots = TableSize(numKeys, maxKeys);
      int bits = 0;
      while ((size_t{1} << bits) < slots) ++bits;
      keys_.reset(new int[slots]);  // read only where the stamp is current
      mask_ = slots - 1;
      shift_ = 64 - bits;
    }
    stamp_.assign(slots, 0);
    epoch_ = 1;
    vals_.reset(new unsigned char[(slots > 0 ? slots : 1) * sizeof(T)]);
  }
  void Clear() { ++epoch_; }
  const T* Find(int key) const {
    const size_t s = SlotOf(key);
    return stamp_[s] == epoch_ ? Slot(s) : nullptr;
  }
  const T& Insert(int key, const T& val) { return *new (Emplace(key)) T(val); }
  // The key's slot, marked set, for the caller to fill before any Find.
  T* Emplace(int key) {
    const size_t s = SlotOf(key);
    stamp_[s] = epoch_;
    if constexpr (kHashed) keys_[s] = key;
    return Slot(s);
  }

 private:
  // The key's slot: its own (dense), or in the table where it is or
  // would go.
  size_t SlotOf(int key) const {
    if constexpr (!kHashed) {
      return static_cast<size_t>(key);
    } else {
      size_t s = static_cast<size_t>((static_cast<uint64_t>(static_cast<uint32_t>(key)) * 0x9E3779B97F4A7C15ull) >>
                                     shift_);
      while (stamp_[s] == epoch_ && keys_[s] != key) s = (s + 1) & mask_;
      return s;
    }
  }
  T* Slot(size_t s) const { return reinterpret_cast<T*>(vals_.get()) + s; }
  std::vector<unsigned> stamp_;
  unsigned epoch_ = 1;
  std::unique_ptr<unsigned char[]> vals_;
  std::unique_ptr<int[]> keys_;  // kHashed: the key in each current slot
  size_t mask_ = 0;
  int shift_ = 0;
};

}  // namespace mos::kernel
