// The renumbering map both compactions of a cleanup use (CompactLocal in
// cleanup.cpp, DropRemovedTriangles in cleanup_weld.cpp) when they drop the
// removed triangles in place.
#pragma once

#include <cstddef>

namespace mos::kernel::cleanup_detail {

// Per old halfedge its new index once the triangles with gone[t] != 0 are
// dropped (the kept ones keep their order), -1 on a dropped triangle, into
// newHe (3 * oldTri entries): every entry written once, no fill, so a twin
// is renumbered by one lookup. Returns the number of kept triangles.
inline int FillKeptHalfedgeMap(const char* gone, int oldTri, int* newHe) {
  int n = 0;
  for (int t = 0; t < oldTri; ++t) {
    int* he = newHe + 3 * static_cast<size_t>(t);
    if (gone[t]) {
      he[0] = he[1] = he[2] = -1;
      continue;
    }
    he[0] = 3 * n, he[1] = 3 * n + 1, he[2] = 3 * n + 2;
    ++n;
  }
  return n;
}

}  // namespace mos::kernel::cleanup_detail
