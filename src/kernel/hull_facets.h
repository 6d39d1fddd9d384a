// Facet merging for the 3D hull: exactly coplanar neighbouring triangles
// become one convex polygon, re-triangulated without the vertices that are
// no polygon corners.
#pragma once

#include <array>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

struct HullTriangle {
  std::array<int, 3> v{};    // counter-clockwise seen from outside
  std::array<int, 3> adj{};  // triangle across edge v[i] -> v[(i+1)%3]
  Vec3 normal;               // unit
  // Per edge, whether the triangle across it is exactly coplanar with this
  // one, when the hull already knew it: 1 yes, 0 no, -1 unknown (asked then).
  std::array<signed char, 3> coplanar{-1, -1, -1};
};

// `faces`: a closed convex triangle hull over `pts`. Fills `tris` with the
// merged and re-triangulated facets; false if merging failed (the caller
// keeps the triangles as they are). Groups that are not disks fall apart
// into single triangles; no output triangle faces backwards.
bool MergeCoplanarFacets(const std::vector<Vec3>& pts, const std::vector<HullTriangle>& faces,
                         std::vector<std::array<int, 3>>& tris);

}  // namespace mos::kernel
