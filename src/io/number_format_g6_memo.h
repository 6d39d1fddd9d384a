#pragma once
// FormatG6Rounded with a small direct-mapped memo of the last numbers seen,
// keyed by their exact bits: a mesh's vertices share many coordinates (the
// z of every vertex of an extrusion's layer, a tessellated ring's height,
// the faces of boxes), and a hit is a hash, a compare and a 16-byte copy
// instead of ~150 instructions of formatting. Same bits, same text and
// same read-back value: the output is the same as FormatG6Rounded's.
#include <cstdint>
#include <cstring>

#include "io/number_format_g6.h"

namespace mos::io {

namespace g6_memo_detail {
constexpr int kLogSlots = 8;
constexpr unsigned SlotOf(uint64_t bits) {
  return static_cast<unsigned>((bits * 0x9e3779b97f4a7c15ULL) >> (64 - kLogSlots));
}
static_assert(SlotOf(1) != SlotOf(0), "the empty marks must not hash to their own slots");
}  // namespace g6_memo_detail

class G6Memo {
 public:
  // No "used" flag per slot: an empty slot holds bits that never hash to
  // it, so no lookup can match it (0 everywhere, and in 0's own slot a 1).
  G6Memo() {
    for (Entry& e : entries_) e.bits = 0;
    entries_[SlotOf(0)].bits = 1;
  }

  // As FormatG6Rounded(v, out, rounded); `out` needs kG6BufferSize bytes.
  std::size_t Format(double v, char* out, double& rounded) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    Entry& e = entries_[SlotOf(bits)];
    if (e.bits == bits) {
      std::memcpy(out, e.text, sizeof e.text);
      rounded = e.rounded;
      return e.size;
    }
    const std::size_t n = FormatG6Rounded(v, out, rounded);
    if (n <= sizeof e.text) {  // always (at most 13 characters); checked all the same
      e.bits = bits;
      std::memcpy(e.text, out, sizeof e.text);
      e.rounded = rounded;
      e.size = static_cast<uint8_t>(n);
    }
    return n;
  }

 private:
  static constexpr unsigned SlotOf(uint64_t bits) { return g6_memo_detail::SlotOf(bits); }
  struct Entry {
    uint64_t bits;
    double rounded;
    char text[16];  // the text and scratch bytes after it, copied whole
    uint8_t size;
  };
  Entry entries_[1 << g6_memo_detail::kLogSlots];
};

}  // namespace mos::io
