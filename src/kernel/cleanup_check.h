// Check builds of the local cleanup (compile with -DMOS_CHECK_CLEANUP_LOCAL):
// each local step is compared with the global one it replaces, and a
// difference aborts.
#pragma once

#if defined(MOS_CHECK_CLEANUP_LOCAL) || defined(MOS_CHECK_FLAT_WITNESS) || defined(MOS_CHECK_CLEANUP_SKIPS)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel::cleanup_detail {

// Positions compared by their bits (NaN, which bad inputs bring, is never
// equal to itself).
inline bool SameBits(const std::vector<Vec3>& a, const std::vector<Vec3>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(Vec3)) == 0);
}

// A local step disagreed with the global one it replaces.
[[noreturn]] inline void CheckFailed(const char* what) {
  std::fprintf(stderr, "cleanup check failed: %s\n", what);
  std::abort();
}

}  // namespace mos::kernel::cleanup_detail
#endif
