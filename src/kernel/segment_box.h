// Whether a segment is clearly apart from a box, seen along a coordinate
// axis: for the broad phase of a boolean, whose long edges (a cap's
// diagonal across a whole part) have boxes that meet many small triangle
// boxes the edge itself passes far from. The box test (Box3::Overlaps)
// covers the three axis directions; this adds the other three separating
// directions of a segment and a box: the segment's direction crossed with
// each axis, i.e. the segment's line in the projections along x, y and z.
// A node of the BVH whose box is apart from the segment holds no triangle
// the segment meets.
//
// Only clear gaps count: the margin is 1e-6 of the largest coordinate
// times the segment's extent, so a box reported apart is more than about
// 7e-7 of the largest coordinate away from the segment, far above the
// rounding of these products (the same scale of clear miss as
// edge_plane_filter.h's tests); anything nearer is left to the box test and
// the kernels.
#pragma once

#include <algorithm>
#include <cmath>

#include "kernel/bbox.h"
#include "kernel/vec.h"

namespace mos::kernel {

class SegmentBoxSeparation {
 public:
  // Init(): segment a-b; `scale` at least every |coordinate| of a, b and
  // of every box asked about; a projection is tested only where the
  // segment spans more than `minSpan` along both of its axes (a shorter
  // span separates few boxes of that size from the segment: the test would
  // cost more than it saves). False where no projection is left (the
  // segment parallel to an axis or a coordinate plane, or short) or the
  // margin is out of the normal range (NaN, infinity, underflow): then
  // Apart() must not be asked.
  bool Init(const Vec3& a, const Vec3& b, double scale, double minSpan) {
    const Vec3 d = b - a;
    const double extent = std::max({std::fabs(d.x), std::fabs(d.y), std::fabs(d.z)});
    margin_ = 2e-6 * scale * extent;  // twice: f and r below are doubled
    // Projection along x: (u, v) = (y, z); along y: (z, x); along z: (x, y).
    // f(p) = du (p_v - a_v) - dv (p_u - a_u): zero on the segment's line.
    // Ordered by where the test prunes most: z (horizontal cap edges), x, y.
    axes_ = 0;
    auto add = [&](int k, double du, double dv, double au, double av) {
      // (du or dv 0: the box test already decides this projection.)
      if (!(std::fabs(du) > minSpan && std::fabs(dv) > minSpan && du != 0 && dv != 0)) return;
      Axis& x = axis_[axes_++];
      x.k = k;
      x.du = du;
      x.dv = dv;
      x.adu = std::fabs(du);
      x.adv = std::fabs(dv);
      x.c = 2 * (du * av - dv * au);
    };
    add(2, d.x, d.y, a.x, a.y);
    add(0, d.y, d.z, a.y, a.z);
    add(1, d.z, d.x, a.z, a.x);
    // (scale under 2^1000: min + max of a box cannot overflow.)
    return axes_ > 0 && margin_ >= 0x1p-900 && margin_ < 0x1p900 && scale < 0x1p1000;
  }

  // Whether the segment a-b spans more than minSpan along two axes or more
  // (a cheap first look: else Init tests no projection).
  static bool Worth(const Vec3& a, const Vec3& b, double minSpan) {
    return (std::fabs(b.x - a.x) > minSpan) + (std::fabs(b.y - a.y) > minSpan) +
               (std::fabs(b.z - a.z) > minSpan) >=
           2;
  }

  // True when the box lies clearly on one side of the segment's line in
  // one of the projections (so the closed segment and box do not meet).
  bool Apart(const Box3& box) const {
    // Doubled centre and size: c = min + max, h = max - min.
    const double cx = box.min.x + box.max.x, cy = box.min.y + box.max.y, cz = box.min.z + box.max.z;
    const double hx = box.max.x - box.min.x, hy = box.max.y - box.min.y, hz = box.max.z - box.min.z;
    for (int i = 0; i < axes_; ++i) {
      const Axis& x = axis_[i];
      double cu, cv, hu, hv;
      if (x.k == 2) {
        cu = cx, cv = cy, hu = hx, hv = hy;
      } else if (x.k == 0) {
        cu = cy, cv = cz, hu = hy, hv = hz;
      } else {
        cu = cz, cv = cx, hu = hz, hv = hx;
      }
      // 2 f(centre) and the doubled spread of f over the box.
      const double f = x.du * cv - x.dv * cu - x.c;
      const double r = x.adu * hv + x.adv * hu;
      if (std::fabs(f) > r + margin_) return true;
    }
    return false;
  }

 private:
  struct Axis {
    int k;
    double du, dv, adu, adv, c;
  };
  Axis axis_[3];  // (no initialisers: declared per edge, set by Init)
  int axes_;
  double margin_;
};

}  // namespace mos::kernel
