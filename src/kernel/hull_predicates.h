// Exact sign of the 3D orientation determinant for the hull, after J. R.
// Shewchuk, "Adaptive precision floating-point arithmetic and fast robust
// geometric predicates" (Discrete & Computational Geometry 18, 1997): a
// floating-point filter with a static error bound, then floating-point
// expansions (error-free sums and products). Only round-to-nearest double
// arithmetic is used: no rounding-mode changes, no big-number types, so the
// same signs come out natively and in WASM.
#pragma once

#include "kernel/vec.h"

namespace mos::kernel {

// Sign of (p - a) . ((b - a) x (c - a)): +1 when p lies on the side the
// counter-clockwise normal of (a, b, c) points to, -1 on the other side, 0
// when the four points are exactly coplanar. Coordinates must be finite and
// of magnitude below 1e150 (no overflow); results near the underflow range
// are not guaranteed.
int Orient3dSign(const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& p);

// Sign of (b - a) x (c - a) in 2D: +1 for a left turn a -> b -> c, -1 for a
// right turn, 0 when exactly collinear.
int Orient2dSign(const Vec2& a, const Vec2& b, const Vec2& c);

// True when the three points are exactly collinear (or coincide).
bool Collinear3d(const Vec3& a, const Vec3& b, const Vec3& c);

}  // namespace mos::kernel
