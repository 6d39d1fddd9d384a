// std::acos remembered by its argument's bits, for the angle weights of the
// vertex pseudo-normals (boolean_operand.cpp): a mesh's corner cosines
// repeat few values (a cube's right angles, a cylinder's or sphere's bands
// of equal quads, the same solid prepared for several booleans: 8,172
// calls but 711 distinct arguments in CSG.scad, 42,564 and 4,251 in
// logo.scad), and acos is a pure function of its argument, so a remembered
// value is the very value std::acos returns.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace mos::kernel {

class AcosMemo {
  struct Entry {
    uint64_t key;  // the argument's bits + 1; 0 while empty (all ones is a NaN's bits, never kept)
    double value;
  };

 public:
  // Makes the table at the first use (a process that prepares nothing
  // does not fill it); call before operator().
  void Ready() {
    if (!table_) table_.reset(new Entry[kSize]());
  }

  // std::acos(c), bit for bit. A slot per hash of the bits keeps the last
  // argument seen there.
  double operator()(double c) { return Look(table_.get(), c); }

  // operator() over the table pointer alone, for a loop that keeps it in a
  // register (the memo itself is thread_local: its address is found
  // again after every store the compiler cannot see past). Ready first.
  class Ref {
   public:
    explicit Ref(AcosMemo& memo) : table_(memo.table_.get()) {}
    double operator()(double c) const { return Look(table_, c); }

   private:
    Entry* table_;
  };

 private:
  [[gnu::noinline]] static double Miss(Entry& e, double c, uint64_t bits) {
    const double v = std::acos(c);
    if (bits + 1 != 0) e = Entry{bits + 1, v};
    return v;
  }
  static double Look(Entry* table, double c) {
    uint64_t bits;
    std::memcpy(&bits, &c, sizeof bits);
    Entry& e = table[static_cast<size_t>((bits * 0x9E3779B97F4A7C15ull) >> (64 - kBits))];
    if (e.key == bits + 1) {
#ifdef MOS_CHECK_ACOS_MEMO
      const double fresh = std::acos(c);
      if (std::memcmp(&fresh, &e.value, sizeof fresh) != 0) std::abort();
#endif
      return e.value;
    }
    return Miss(e, c, bits);
  }
  static constexpr int kBits = 11;
  static constexpr size_t kSize = size_t{1} << kBits;
  std::unique_ptr<Entry[]> table_;
};

}  // namespace mos::kernel
