#include "geom/extrusion_twins.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace mos::geom {

bool PairTwinsByVertex(kernel::Mesh& mesh, bool cornersValid) {
  const int numTri = mesh.NumTri();
  const int numHalf = 3 * numTri;
  const int nv = mesh.NumVert();
  if (mesh.triProp.size() != mesh.triVerts.size()) mesh.triProp.resize(mesh.triVerts.size(), 0);
  mesh.halfedgeTwin.resize(numHalf);
  // Halfedges bucketed by their lower endpoint (counting sort): start[v]
  // first counts bucket v, then is its end, then (filled from the back) its
  // start; start[nv] = numHalf ends the last bucket.
  if (!cornersValid) {
    for (const auto& tv : mesh.triVerts) {
      const int v0 = tv[0], v1 = tv[1], v2 = tv[2];
      const unsigned top = std::max(std::max(static_cast<unsigned>(v0), static_cast<unsigned>(v1)),
                                    static_cast<unsigned>(v2));
      if (top >= static_cast<unsigned>(nv) || v0 == v1 || v1 == v2 || v2 == v0) return false;
    }
  }
  std::vector<int> start(static_cast<size_t>(nv) + 1, 0);
  for (const auto& tv : mesh.triVerts) {
    const int v0 = tv[0], v1 = tv[1], v2 = tv[2];
    ++start[std::min(v0, v1)];
    ++start[std::min(v1, v2)];
    ++start[std::min(v2, v0)];
  }
  for (int v = 1; v < nv; ++v) start[v] += start[v - 1];
  start[nv] = numHalf;
  // Each entry: the higher endpoint times 2 plus 1 when the halfedge runs
  // downwards, and the halfedge.
  struct Entry {
    int key;
    int half;
  };
  // Every entry is written before it is read: not zero-filled (a fill of
  // 8 bytes per halfedge cost more than the bucketing).
  std::unique_ptr<Entry[]> entries(new Entry[numHalf > 0 ? numHalf : 1]);
  for (int t = 0; t < numTri; ++t) {
    const auto& tv = mesh.triVerts[t];
    for (int i = 0; i < 3; ++i) {
      const int a = tv[i], b = tv[i == 2 ? 0 : i + 1];
      const int lo = a < b ? a : b, hi = a < b ? b : a;
      entries[--start[lo]] = {2 * hi + (a > b ? 1 : 0), 3 * t + i};
    }
  }
  // In each bucket every edge must appear exactly twice, once each way.
  // firstUse[hi]: the entry of the first use of edge (v, hi) while bucket v
  // is scanned (an index below the bucket's start is a stale one from an
  // earlier bucket: no stamps to clear). A paired entry's key becomes -1.
  std::vector<int>& twin = mesh.halfedgeTwin;
  std::vector<int> firstUse(nv, -1);
  for (int v = 0; v < nv; ++v) {
    const int begin = start[v], end = start[v + 1];
    if ((end - begin) % 2 != 0) return false;
    int paired = 0;
    for (int i = begin; i < end; ++i) {
      const int key = entries[i].key;
      int& first = firstUse[key >> 1];
      if (first < begin) {
        first = i;
        continue;
      }
      Entry& e = entries[first];
      if (e.key != (key ^ 1)) return false;  // the same way twice, or a third use
      twin[e.half] = entries[i].half;
      twin[entries[i].half] = e.half;
      e.key = -1;
      paired += 2;
    }
    if (paired != end - begin) return false;  // an open edge
  }
  return true;
}

}  // namespace mos::geom
