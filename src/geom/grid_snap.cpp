#include "geom/grid_snap.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "kernel/mesh_build.h"

namespace mos::geom {
namespace {

using kernel::Vec3;

struct Cell {
  int64_t x, y, z;
  bool operator==(const Cell& o) const { return x == o.x && y == o.y && z == o.z; }
};

struct CellHash {
  size_t operator()(const Cell& c) const {
    uint64_t h = static_cast<uint64_t>(c.x) * 0x9E3779B97F4A7C15ull;
    h ^= static_cast<uint64_t>(c.y) + 0x7F4A7C159E3779B9ull + (h << 6) + (h >> 2);
    h ^= static_cast<uint64_t>(c.z) + 0x94D049BB133111EBull + (h << 6) + (h >> 2);
    return static_cast<size_t>(h);
  }
};

// llround(s) for |s| < 2^52 without a library call: truncation, then the
// half away from zero (s - t is exact at these magnitudes).
int64_t RoundHalfAway(double s) {
  int64_t t = static_cast<int64_t>(s);
  const double f = s - static_cast<double>(t);
  if (f >= 0.5) ++t;
  else if (f <= -0.5) --t;
  return t;
}

// Whether some two cells are equal or neighbours (Chebyshev distance <= 1),
// i.e. whether the owner search below could merge anything. Sorted by x, a
// sweep compares each cell with the later ones less than two steps further
// in x. Returns true (let the full search decide) when that takes more
// than a budget of comparisons (e.g. thousands of vertices sharing one x).
// The sweep over cells in x order (at(k): the k-th).
template <typename At>
bool AnyNeighbours(size_t n, At at) {
  int64_t budget = 64 * static_cast<int64_t>(n) + 4096;
  for (size_t i = 0; i < n; ++i) {
    const Cell& a = at(i);
    for (size_t j = i + 1; j < n && at(j).x - a.x <= 1; ++j) {
      if (--budget < 0) return true;
      const Cell& b = at(j);
      const int64_t dy = b.y - a.y, dz = b.z - a.z;
      if (dy >= -1 && dy <= 1 && dz >= -1 && dz <= 1) return true;
    }
  }
  return false;
}

// MayMerge: that sweep over the cells sorted by x. Large sets are sorted as
// 64-bit keys, the x step above the smallest and then the index (a sort of
// plain integers moves a third of the bytes of the cells and compares
// once; below a few hundred cells the extra pass costs more than it saves).
// The answer does not depend on the order of equal x.
bool MayMerge(const std::vector<Cell>& cells) {
  constexpr int kIndexBits = 21;
  bool packs = cells.size() >= 512 && cells.size() < (size_t{1} << kIndexBits);
  int64_t minX = INT64_MAX, maxX = INT64_MIN;
  if (packs) {
    for (const Cell& c : cells) {
      minX = std::min(minX, c.x);
      maxX = std::max(maxX, c.x);
    }
    packs = static_cast<uint64_t>(maxX - minX) < (uint64_t{1} << (63 - kIndexBits));
  }
  if (packs) {
    std::vector<uint64_t> keys(cells.size());
    for (size_t i = 0; i < cells.size(); ++i)
      keys[i] = (static_cast<uint64_t>(cells[i].x - minX) << kIndexBits) | i;
    std::sort(keys.begin(), keys.end());
    constexpr uint64_t kMask = (uint64_t{1} << kIndexBits) - 1;
    return AnyNeighbours(cells.size(), [&](size_t k) -> const Cell& { return cells[keys[k] & kMask]; });
  }
  std::vector<Cell> byX = cells;
  std::sort(byX.begin(), byX.end(), [](const Cell& a, const Cell& b) { return a.x < b.x; });
  return AnyNeighbours(byX.size(), [&](size_t k) -> const Cell& { return byX[k]; });
}

}  // namespace

bool SnapToOpenscadGrid(kernel::Mesh& mesh) {
  const int nv = mesh.NumVert();
  if (nv == 0) return true;
  std::vector<Cell> cells(nv);
  for (int i = 0; i < nv; ++i) {
    const Vec3 p = mesh.vertPos[i];
    const double s[3] = {p.x / kOpenscadGrid, p.y / kOpenscadGrid, p.z / kOpenscadGrid};
    for (double c : s)
      if (!(std::abs(c) < 4503599627370496.0)) return false;  // 2^52 steps (4e9 units): whole steps already; or not finite
    // To the nearest step. 2021.01 truncates toward zero (x = +-6.7e-7, 0.7
    // steps, ends at 0; 1.9e-6 at one step: openscad -o x.stl of a translated
    // cube), but truncating shifts whole solids toward the origin, and in
    // issue267-normalization-crash.scad (rotated tori) that leaves sliver
    // triangles that collapse when the STL is printed (non-manifold edges);
    // rounding moves no vertex more than half a step and gives 2021.01's
    // result there. The two differ for gaps of 0.5 to 1 step only.
    cells[i] = {RoundHalfAway(s[0]), RoundHalfAway(s[1]), RoundHalfAway(s[2])};
  }
  auto gridPoint = [&](int i) {
    const Cell& c = cells[i];
    return Vec3{static_cast<double>(c.x) * kOpenscadGrid, static_cast<double>(c.y) * kOpenscadGrid,
                static_cast<double>(c.z) * kOpenscadGrid};
  };
  // The usual case: no two vertices within a step of each other, so none
  // merges (the search below would make every vertex its own owner).
  if (!MayMerge(cells)) {
    for (int i = 0; i < nv; ++i) mesh.vertPos[i] = gridPoint(i);
    return true;
  }
  // First vertex per cell; later vertices in that cell or a neighbouring
  // one join the nearest such vertex (by cells).
  std::unordered_map<Cell, int, CellHash> owner;
  owner.reserve(static_cast<size_t>(nv) * 2);
  std::vector<int> target(nv);
  bool merged = false;
  for (int i = 0; i < nv; ++i) {
    const Cell c = cells[i];
    int found = -1;
    auto it = owner.find(c);
    if (it != owner.end()) {
      found = it->second;
    } else {
      int64_t best = 4;  // squared cell distance; neighbours have 1..3
      for (int64_t dx = -1; dx <= 1; ++dx)
        for (int64_t dy = -1; dy <= 1; ++dy)
          for (int64_t dz = -1; dz <= 1; ++dz) {
            const int64_t d = dx * dx + dy * dy + dz * dz;
            if (d == 0 || d >= best) continue;
            auto n = owner.find({c.x + dx, c.y + dy, c.z + dz});
            if (n == owner.end()) continue;
            best = d;
            found = n->second;
          }
    }
    if (found >= 0) {
      target[i] = found;
      merged = true;
    } else {
      target[i] = i;
      owner.emplace(c, i);
    }
  }
  if (!merged) {
    for (int i = 0; i < nv; ++i) mesh.vertPos[i] = gridPoint(target[i]);
    return true;
  }
  std::vector<std::array<int, 3>> tris;
  std::vector<uint32_t> props;
  tris.reserve(mesh.triVerts.size());
  for (size_t t = 0; t < mesh.triVerts.size(); ++t) {
    const auto& tv = mesh.triVerts[t];
    const std::array<int, 3> m{target[tv[0]], target[tv[1]], target[tv[2]]};
    if (m[0] == m[1] || m[1] == m[2] || m[0] == m[2]) continue;  // collapsed
    tris.push_back(m);
    props.push_back(t < mesh.triProp.size() ? mesh.triProp[t] : 0);
  }
  std::vector<Vec3> points(nv);
  for (int i = 0; i < nv; ++i) points[i] = gridPoint(target[i]);
  kernel::RepairOptions options;
  options.epsilon = 0;  // the grid already merged what 2021.01 merges
  kernel::RepairReport report;
  kernel::Mesh rebuilt = kernel::MeshFromIndexedTriangles(points, tris, props, options, report);
  if (!report.closedManifold || rebuilt.NumTri() == 0) return false;
  mesh = std::move(rebuilt);
  return true;
}

}  // namespace mos::geom
