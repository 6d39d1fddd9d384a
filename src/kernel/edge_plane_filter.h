// Cheap tests before the edge/triangle kernel (Kernel12) of a boolean: true
// when an edge clearly misses a triangle: both ends clearly on one side of
// its plane, or the edge clearly crossing the plane clearly outside the
// triangle. Margins are far above floating-point error (relative 1e-6 of
// the largest coordinate times the pair's size), so only clear misses are
// skipped; everything near a tie is left to the exact kernels.
#pragma once

#include <algorithm>
#include <cmath>

#include "kernel/vec.h"

namespace mos::kernel {

inline bool EdgeClearlyMissesTriangle(const Vec3& a, const Vec3& b, const Vec3& p0, const Vec3& p1,
                                      const Vec3& p2) {
  const Vec3 e1 = p1 - p0, e2 = p2 - p0, da = a - p0, db = b - p0;
  const Vec3 n = Cross(e1, e2);
  const double sa = Dot(n, da), sb = Dot(n, db);
  auto maxAbs = [](const Vec3& v) { return std::max({std::fabs(v.x), std::fabs(v.y), std::fabs(v.z)}); };
  const double m = std::max({maxAbs(e1), maxAbs(e2), maxAbs(da), maxAbs(db)});
  const double big = std::max({maxAbs(a), maxAbs(b), maxAbs(p0), maxAbs(p1), maxAbs(p2), m});
  const double margin = 1e-6 * big * m * m;
  if (!(std::fabs(sa) > margin && std::fabs(sb) > margin)) return false;
  if ((sa > 0) == (sb > 0)) return true;  // both ends on one side
  // The crossing point, and the side of each triangle edge it is on.
  const Vec3 x = a + (b - a) * (sa / (sa - sb));
  const Vec3 p[3] = {p0, p1, p2};
  const double outMargin = margin * m;
  for (int i = 0; i < 3; ++i) {
    const Vec3 e = p[(i + 1) % 3] - p[i];
    if (Dot(Cross(n, e), x - p[i]) < -outMargin) return true;
  }
  return false;
}

}  // namespace mos::kernel
