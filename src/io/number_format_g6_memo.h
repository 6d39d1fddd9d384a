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

class G6Memo {
 public:
  G6Memo() { std::memset(used_, 0, sizeof used_); }

  // As FormatG6Rounded(v, out, rounded); `out` needs kG6BufferSize bytes.
  std::size_t Format(double v, char* out, double& rounded) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    const unsigned slot = static_cast<unsigned>((bits * 0x9e3779b97f4a7c15ULL) >> (64 - kLogSlots));
    Entry& e = entries_[slot];
    if (used_[slot] && e.bits == bits) {
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
      used_[slot] = 1;
    }
    return n;
  }

 private:
  static constexpr int kLogSlots = 8;
  struct Entry {
    uint64_t bits;
    double rounded;
    char text[16];  // the text and scratch bytes after it, copied whole
    uint8_t size;
  };
  Entry entries_[1 << kLogSlots];
  unsigned char used_[1 << kLogSlots];
};

}  // namespace mos::io
