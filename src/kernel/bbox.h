// Axis-aligned bounding box in 3D. An empty box has min > max (+inf/-inf),
// so including the first point makes it that point.
#pragma once

#include <limits>

#include "kernel/vec.h"

namespace mos::kernel {

struct Box3 {
  Vec3 min{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
           std::numeric_limits<double>::infinity()};
  Vec3 max{-std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
           -std::numeric_limits<double>::infinity()};

  static Box3 FromPoints(Vec3 a, Vec3 b) { return {Min(a, b), Max(a, b)}; }

  bool IsEmpty() const { return !(min.x <= max.x && min.y <= max.y && min.z <= max.z); }
  void Include(Vec3 p) {
    min = Min(min, p);
    max = Max(max, p);
  }
  void Include(const Box3& b) {
    min = Min(min, b.min);
    max = Max(max, b.max);
  }
  Vec3 Center() const { return (min + max) * 0.5; }
  Vec3 Size() const { return IsEmpty() ? Vec3{} : max - min; }
  // Closed boxes: touching counts as overlapping (the boolean needs touching
  // triangles as candidates).
  bool Overlaps(const Box3& b) const {
    return min.x <= b.max.x && b.min.x <= max.x && min.y <= b.max.y && b.min.y <= max.y &&
           min.z <= b.max.z && b.min.z <= max.z;
  }
  bool Contains(Vec3 p) const {
    return min.x <= p.x && p.x <= max.x && min.y <= p.y && p.y <= max.y && min.z <= p.z &&
           p.z <= max.z;
  }
  // True when the XY projection contains (x, y) (for +Z ray queries).
  bool ContainsXY(double x, double y) const {
    return min.x <= x && x <= max.x && min.y <= y && y <= max.y;
  }
};

inline Box3 Union(const Box3& a, const Box3& b) {
  Box3 r = a;
  r.Include(b);
  return r;
}

}  // namespace mos::kernel
