// Morton (Z-order) codes of points in a box: the bits of the three quantised
// coordinates interleaved as x0 y0 z0 x1 y1 z1 ... (most significant first),
// as used by linear BVHs (T. Karras, "Maximizing parallelism in the
// construction of BVHs, octrees and k-d trees", HPG 2012, section 2).
#pragma once

#include <cstdint>
#include <limits>

#include "kernel/bbox.h"

namespace mos::kernel {

// 10 bits per axis, 30 bits in all.
uint32_t Morton30(Vec3 p, const Box3& box);
// 21 bits per axis, 63 bits in all.
uint64_t Morton63(Vec3 p, const Box3& box);

// The bits of v (low 21) spread to every third bit.
uint64_t SpreadBits21(uint64_t v);

namespace morton_detail {
// Every 7-bit value with bit b moved to bit 3b.
struct Spread7Table {
  uint64_t v[128];
  constexpr Spread7Table() : v() {
    for (int i = 0; i < 128; ++i)
      for (int b = 0; b < 7; ++b) v[i] |= static_cast<uint64_t>((i >> b) & 1) << (3 * b);
  }
};
inline constexpr Spread7Table kSpread7{};
}  // namespace morton_detail

// SpreadBits21 by three look-ups of 7 bits (bvh_build_test checks every
// 21-bit input against it).
inline uint64_t SpreadBits21ByTable(uint64_t v) {
  const uint64_t* t = morton_detail::kSpread7.v;
  return t[v & 127] | t[(v >> 7) & 127] << 21 | t[(v >> 14) & 127] << 42;
}

// Morton63(p, box) for many points of one box, inline: the same
// arithmetic (the same bits), with each axis's range found once.
class Morton63Coder {
 public:
  explicit Morton63Coder(const Box3& box)
      : x_(box.min.x, box.max.x), y_(box.min.y, box.max.y), z_(box.min.z, box.max.z) {}
  uint64_t operator()(Vec3 p) const {
    return SpreadBits21ByTable(x_(p.x)) << 2 | SpreadBits21ByTable(y_(p.y)) << 1 | SpreadBits21ByTable(z_(p.z));
  }

 private:
  // Quantise of morton.cpp: x's cell of 2^21 over [lo, hi]; NaN and points
  // outside clamp; a flat axis maps to 0.
  // A flat (or empty, or NaN) axis is kept as lo = +inf, extent = 1: then
  // x - lo is -inf or NaN for every x, so t is never > 0 and the cell is 0,
  // as Quantise gives, without a test of the extent per point.
  struct Axis {
    double lo, extent;
    Axis(double l, double h) : lo(l), extent(h - l) {
      if (!(extent > 0)) {
        lo = std::numeric_limits<double>::infinity();
        extent = 1;
      }
    }
    uint64_t operator()(double x) const {
      constexpr uint64_t kCells = uint64_t{1} << 21;
      const double t = (x - lo) / extent * static_cast<double>(kCells);
      if (!(t > 0)) return 0;
      if (t >= static_cast<double>(kCells - 1)) return kCells - 1;
      // t is in (0, 2^21 - 1) here: through int64_t the same truncation,
      // without the unsigned conversion's test for t >= 2^63.
      return static_cast<uint64_t>(static_cast<int64_t>(t));
    }
  };
  Axis x_, y_, z_;
};
// The bits of v (low 10) spread to every third bit.
uint32_t SpreadBits10(uint32_t v);

}  // namespace mos::kernel
