// Exact sign of the 3D orientation determinant for the hull, after J. R.
// Shewchuk, "Adaptive precision floating-point arithmetic and fast robust
// geometric predicates" (Discrete & Computational Geometry 18, 1997): a
// floating-point filter with a static error bound, then floating-point
// expansions (error-free sums and products). Only round-to-nearest double
// arithmetic is used: no rounding-mode changes, no big-number types, so the
// same signs come out natively and in WASM.
#pragma once

#include <cmath>

#include "kernel/vec.h"

namespace mos::kernel {

// Sign of (p - a) . ((b - a) x (c - a)): +1 when p lies on the side the
// counter-clockwise normal of (a, b, c) points to, -1 on the other side, 0
// when the four points are exactly coplanar. Coordinates must be finite and
// of magnitude below 1e150 (no overflow); results near the underflow range
// are not guaranteed.
int Orient3dSign(const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& p);

// Orient3dSign's floating-point filter (its stage A) split in two, for
// testing many points against one triangle (the hull's faces): the
// triangle's half is computed once. Orient3dFilterSign performs the same
// floating-point operations in the same order as Orient3dSign's stage A, so
// when it decides (+1 or -1) that is Orient3dSign's answer; it returns 0
// when undecided, and then only Orient3dSign(a, b, c, p) answers (which also
// handles p equal to a corner). Checked against Orient3dSign in
// hull_predicates_test and, in -DMOS_CHECK_HULL_FILTER builds, on every
// hull test.
struct Orient3dFilter {
  double ax = 0, ay = 0, az = 0;  // a
  double cx = 0, cy = 0, cz = 0;  // the cross product (b - a) x (c - a), rounded
  double px = 0, py = 0, pz = 0;  // its components' permanents
};

inline Orient3dFilter MakeOrient3dFilter(const Vec3& a, const Vec3& b, const Vec3& c) {
  const double ux = b.x - a.x, uy = b.y - a.y, uz = b.z - a.z;
  const double vx = c.x - a.x, vy = c.y - a.y, vz = c.z - a.z;
  const double m1 = uy * vz, m2 = uz * vy;
  const double m3 = uz * vx, m4 = ux * vz;
  const double m5 = ux * vy, m6 = uy * vx;
  Orient3dFilter f;
  f.ax = a.x;
  f.ay = a.y;
  f.az = a.z;
  f.cx = m1 - m2;
  f.cy = m3 - m4;
  f.cz = m5 - m6;
  f.px = std::fabs(m1) + std::fabs(m2);
  f.py = std::fabs(m3) + std::fabs(m4);
  f.pz = std::fabs(m5) + std::fabs(m6);
  return f;
}

// Shewchuk's stage-A bound for orient3d, (7 + 56 eps) eps with eps = 2^-53.
inline constexpr double kOrient3dFilterBound =
    (7.0 + 56.0 * 1.1102230246251565e-16) * 1.1102230246251565e-16;

inline int Orient3dFilterSign(const Orient3dFilter& f, const Vec3& p) {
  const double wx = p.x - f.ax, wy = p.y - f.ay, wz = p.z - f.az;
  const double det = wx * f.cx + wy * f.cy + wz * f.cz;
  const double permanent =
      std::fabs(wx) * f.px + std::fabs(wy) * f.py + std::fabs(wz) * f.pz;
  const double bound = kOrient3dFilterBound * permanent;
  if (det > bound) return 1;
  if (-det > bound) return -1;
  return 0;
}

// Sign of (b - a) x (c - a) in 2D: +1 for a left turn a -> b -> c, -1 for a
// right turn, 0 when exactly collinear.
int Orient2dSign(const Vec2& a, const Vec2& b, const Vec2& c);

// True when the three points are exactly collinear (or coincide).
bool Collinear3d(const Vec3& a, const Vec3& b, const Vec3& c);

}  // namespace mos::kernel
