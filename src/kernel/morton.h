// Morton (Z-order) codes of points in a box: the bits of the three quantised
// coordinates interleaved as x0 y0 z0 x1 y1 z1 ... (most significant first),
// as used by linear BVHs (T. Karras, "Maximizing parallelism in the
// construction of BVHs, octrees and k-d trees", HPG 2012, section 2).
#pragma once

#include <cstdint>

#include "kernel/bbox.h"

namespace mos::kernel {

// 10 bits per axis, 30 bits in all.
uint32_t Morton30(Vec3 p, const Box3& box);
// 21 bits per axis, 63 bits in all.
uint64_t Morton63(Vec3 p, const Box3& box);

// The bits of v (low 21) spread to every third bit.
uint64_t SpreadBits21(uint64_t v);
// The bits of v (low 10) spread to every third bit.
uint32_t SpreadBits10(uint32_t v);

}  // namespace mos::kernel
