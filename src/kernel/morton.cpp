#include "kernel/morton.h"

#include <cmath>

namespace mos::kernel {

namespace {

// Position of x in [lo, hi] as an integer in [0, cells - 1]; NaN and points
// outside clamp to the range; a flat axis maps to 0.
uint64_t Quantise(double x, double lo, double hi, uint64_t cells) {
  const double extent = hi - lo;
  if (!(extent > 0)) return 0;
  const double t = (x - lo) / extent * static_cast<double>(cells);
  if (!(t > 0)) return 0;  // also NaN
  if (t >= static_cast<double>(cells - 1)) return cells - 1;
  return static_cast<uint64_t>(t);
}

// Internal (not exported), so Morton63 inlines it: the libraries are
// position-independent, and an exported function may not be inlined.
inline uint64_t Spread21(uint64_t v) {
  v &= 0x1fffff;
  v = (v | v << 32) & 0x1f00000000ffffULL;
  v = (v | v << 16) & 0x1f0000ff0000ffULL;
  v = (v | v << 8) & 0x100f00f00f00f00fULL;
  v = (v | v << 4) & 0x10c30c30c30c30c3ULL;
  v = (v | v << 2) & 0x1249249249249249ULL;
  return v;
}

}  // namespace

uint64_t SpreadBits21(uint64_t v) { return Spread21(v); }

uint32_t SpreadBits10(uint32_t v) {
  v &= 0x3ff;
  v = (v | v << 16) & 0x030000ffu;
  v = (v | v << 8) & 0x0300f00fu;
  v = (v | v << 4) & 0x030c30c3u;
  v = (v | v << 2) & 0x09249249u;
  return v;
}

uint32_t Morton30(Vec3 p, const Box3& box) {
  const uint32_t x = static_cast<uint32_t>(Quantise(p.x, box.min.x, box.max.x, 1024));
  const uint32_t y = static_cast<uint32_t>(Quantise(p.y, box.min.y, box.max.y, 1024));
  const uint32_t z = static_cast<uint32_t>(Quantise(p.z, box.min.z, box.max.z, 1024));
  return SpreadBits10(x) << 2 | SpreadBits10(y) << 1 | SpreadBits10(z);
}

uint64_t Morton63(Vec3 p, const Box3& box) {
  const uint64_t cells = uint64_t{1} << 21;
  const uint64_t x = Quantise(p.x, box.min.x, box.max.x, cells);
  const uint64_t y = Quantise(p.y, box.min.y, box.max.y, cells);
  const uint64_t z = Quantise(p.z, box.min.z, box.max.z, cells);
  return Spread21(x) << 2 | Spread21(y) << 1 | Spread21(z);
}

}  // namespace mos::kernel
