// A hash of a point's exact coordinates for open-addressing tables that
// find coincident vertices (== on all three doubles): -0 hashes as +0,
// since == treats them equal. NaN coordinates never compare equal; callers
// that may see them handle them apart.
#pragma once

#include <cstdint>
#include <cstring>

#include "kernel/vec.h"

namespace mos::kernel {

inline uint64_t CoordinateBits(double d) {
  d += 0.0;  // -0.0 -> +0.0
  uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

inline uint64_t PositionHash(const Vec3& p) {
  uint64_t h = CoordinateBits(p.x) * 0x9E3779B97F4A7C15ull;
  h = (h ^ (h >> 29) ^ CoordinateBits(p.y)) * 0xC2B2AE3D27D4EB4Full;
  h = (h ^ (h >> 31) ^ CoordinateBits(p.z)) * 0x165667B19E3779F9ull;
  return h ^ (h >> 32);
}

}  // namespace mos::kernel
