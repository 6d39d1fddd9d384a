// Repair steps that clean the triangle list: invalid triangles, welding,
// zero-area and duplicate triangles, edge statistics.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include "kernel/mesh_repair_steps.h"

namespace mos::kernel::repair {

namespace {

int FindRoot(std::vector<int>& parent, int x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

void Unite(std::vector<int>& parent, int a, int b) {
  a = FindRoot(parent, a);
  b = FindRoot(parent, b);
  if (a == b) return;
  if (a < b) parent[b] = a;  // the lowest index is the representative
  else parent[a] = b;
}

// Keeps the triangles with keep[t] (triVerts and triProp in step).
void KeepTriangles(Mesh& mesh, const std::vector<char>& keep) {
  size_t out = 0;
  for (size_t t = 0; t < mesh.triVerts.size(); ++t) {
    if (!keep[t]) continue;
    mesh.triVerts[out] = mesh.triVerts[t];
    mesh.triProp[out] = mesh.triProp[t];
    ++out;
  }
  mesh.triVerts.resize(out);
  mesh.triProp.resize(out);
}

bool Finite(Vec3 p) { return std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z); }

}  // namespace

int DropInvalidTriangles(Mesh& mesh) {
  mesh.triProp.resize(mesh.triVerts.size(), 0);
  const int nv = mesh.NumVert();
  std::vector<char> keep(mesh.triVerts.size(), 1);
  int dropped = 0;
  for (size_t t = 0; t < mesh.triVerts.size(); ++t) {
    const auto& v = mesh.triVerts[t];
    bool ok = true;
    for (int i = 0; i < 3; ++i)
      if (v[i] < 0 || v[i] >= nv || !Finite(mesh.vertPos[v[i]])) ok = false;
    if (ok && (v[0] == v[1] || v[1] == v[2] || v[2] == v[0])) ok = false;
    if (!ok) {
      keep[t] = 0;
      ++dropped;
    }
  }
  if (dropped > 0) KeepTriangles(mesh, keep);
  return dropped;
}

void WeldVertices(Mesh& mesh, double epsilon, int& exactMerged, int& nearMerged, int& collapsed) {
  const int n = mesh.NumVert();
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  // Non-finite points never weld (and would break the sort's ordering).
  // Sorted by value (not through indices: fewer cache misses).
  struct Keyed {
    Vec3 p;
    int vert;
  };
  std::vector<Keyed> sorted;
  sorted.reserve(n);
  for (int i = 0; i < n; ++i)
    if (Finite(mesh.vertPos[i])) sorted.push_back({mesh.vertPos[i], i});
  std::sort(sorted.begin(), sorted.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.p.x, a.p.y, a.p.z, a.vert) < std::tie(b.p.x, b.p.y, b.p.z, b.vert);
  });
  std::vector<int> order;
  order.reserve(sorted.size());
  int groups = n;
  for (size_t i = 0; i < sorted.size(); ++i) {
    order.push_back(sorted[i].vert);
    if (i > 0 && sorted[i].p == sorted[i - 1].p) {
      Unite(parent, sorted[i].vert, sorted[i - 1].vert);
      --groups;
    }
  }
  std::vector<Keyed>().swap(sorted);
  exactMerged = n - groups;
  nearMerged = 0;
  double maxAbs = 0;
  for (int i : order) {
    const Vec3 p = mesh.vertPos[i];
    maxAbs = std::max({maxAbs, std::abs(p.x), std::abs(p.y), std::abs(p.z)});
  }
  // Cell indices must fit in int64 (a tiny epsilon with huge coordinates).
  if (epsilon > 0 && maxAbs / epsilon < 1e15) {
    // Cells of size epsilon; any pair within epsilon lies in neighbouring
    // cells. Only one representative per exact position takes part.
    struct Cell {
      int64_t x, y, z;
      int vert;
    };
    std::vector<Cell> cells;
    for (int i : order) {
      if (FindRoot(parent, i) != i) continue;
      const Vec3 p = mesh.vertPos[i];
      // Non-finite positions have no cell (casting them to int64 is UB);
      // they are only ever welded exactly.
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) continue;
      cells.push_back({static_cast<int64_t>(std::floor(p.x / epsilon)),
                       static_cast<int64_t>(std::floor(p.y / epsilon)),
                       static_cast<int64_t>(std::floor(p.z / epsilon)), i});
    }
    auto cellLess = [](const Cell& a, const Cell& b) {
      return std::tie(a.x, a.y, a.z, a.vert) < std::tie(b.x, b.y, b.z, b.vert);
    };
    std::sort(cells.begin(), cells.end(), cellLess);
    const double eps2 = epsilon * epsilon;
    for (const Cell& c : cells) {
      // Cells sharing (x, y) are contiguous in z order: one search per
      // (dx, dy) column covers z - 1 .. z + 1.
      for (int64_t dx = -1; dx <= 1; ++dx)
        for (int64_t dy = -1; dy <= 1; ++dy) {
          const Cell probe{c.x + dx, c.y + dy, c.z - 1, -1};
          auto it = std::lower_bound(cells.begin(), cells.end(), probe, cellLess);
          for (; it != cells.end() && it->x == probe.x && it->y == probe.y && it->z <= c.z + 1;
               ++it) {
            if (it->vert <= c.vert) continue;  // each pair once
            const Vec3 d = mesh.vertPos[it->vert] - mesh.vertPos[c.vert];
            if (Dot(d, d) <= eps2 && FindRoot(parent, it->vert) != FindRoot(parent, c.vert)) {
              Unite(parent, it->vert, c.vert);
              ++nearMerged;
            }
          }
        }
    }
  }
  for (auto& t : mesh.triVerts)
    for (int& v : t) v = FindRoot(parent, v);
  std::vector<char> keep(mesh.triVerts.size(), 1);
  collapsed = 0;
  for (size_t t = 0; t < mesh.triVerts.size(); ++t) {
    const auto& v = mesh.triVerts[t];
    if (v[0] == v[1] || v[1] == v[2] || v[2] == v[0]) {
      keep[t] = 0;
      ++collapsed;
    }
  }
  if (collapsed > 0) KeepTriangles(mesh, keep);
}

int DropZeroAreaTriangles(Mesh& mesh, double epsilon) {
  std::vector<char> keep(mesh.triVerts.size(), 1);
  int dropped = 0;
  for (size_t t = 0; t < mesh.triVerts.size(); ++t) {
    const auto& v = mesh.triVerts[t];
    const Vec3 a = mesh.vertPos[v[0]], b = mesh.vertPos[v[1]], c = mesh.vertPos[v[2]];
    const Vec3 cross = Cross(b - a, c - a);
    const double longest =
        std::sqrt(std::max({LengthSquared(b - a), LengthSquared(c - b), LengthSquared(a - c)}));
    const double twiceArea = Length(cross);
    // Height over the longest edge = 2 * area / longest.
    const bool zero = twiceArea == 0 || (epsilon > 0 && twiceArea <= epsilon * longest);
    if (zero) {
      keep[t] = 0;
      ++dropped;
    }
  }
  if (dropped > 0) KeepTriangles(mesh, keep);
  return dropped;
}

void DropDuplicateTriangles(Mesh& mesh, int& duplicates, int& cancelledPairs) {
  duplicates = 0;
  cancelledPairs = 0;
  struct Entry {
    std::array<int, 3> sorted;
    int orientation;  // +1 or -1 relative to the sorted order
    int tri;
  };
  std::vector<Entry> entries;
  entries.reserve(mesh.triVerts.size());
  for (int t = 0; t < mesh.NumTri(); ++t) {
    auto v = mesh.triVerts[t];
    // Rotate the smallest index first; then (v1 < v2) tells the orientation.
    while (v[0] > v[1] || v[0] > v[2]) v = {v[1], v[2], v[0]};
    const int orientation = v[1] < v[2] ? 1 : -1;
    if (orientation < 0) std::swap(v[1], v[2]);
    entries.push_back({v, orientation, t});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.sorted, a.tri) < std::tie(b.sorted, b.tri);
  });
  std::vector<char> keep(mesh.triVerts.size(), 0);
  size_t i = 0;
  while (i < entries.size()) {
    size_t j = i;
    int pos = 0, neg = 0;
    int firstPos = -1, firstNeg = -1;
    for (; j < entries.size() && entries[j].sorted == entries[i].sorted; ++j) {
      if (entries[j].orientation > 0) {
        if (pos++ == 0) firstPos = entries[j].tri;
      } else {
        if (neg++ == 0) firstNeg = entries[j].tri;
      }
    }
    // Opposite copies cancel pairwise (a zero-thickness membrane); of what
    // remains, one copy is kept.
    const int pairs = std::min(pos, neg);
    cancelledPairs += pairs;
    if (pos > neg) {
      keep[firstPos] = 1;
      duplicates += pos - neg - 1;
    } else if (neg > pos) {
      keep[firstNeg] = 1;
      duplicates += neg - pos - 1;
    }
    i = j;
  }
  KeepTriangles(mesh, keep);
}

std::vector<EdgeUse> SortedEdgeUses(const Mesh& mesh) {
  std::vector<EdgeUse> uses;
  uses.reserve(3 * mesh.triVerts.size());
  for (int h = 0; h < 3 * mesh.NumTri(); ++h)
    uses.push_back({EdgeKey(HalfedgeStart(mesh, h), HalfedgeEnd(mesh, h)), h});
  std::sort(uses.begin(), uses.end(), [](const EdgeUse& a, const EdgeUse& b) {
    return a.key != b.key ? a.key < b.key : a.halfedge < b.halfedge;
  });
  return uses;
}

void CountEdgeProblems(const Mesh& mesh, int& openEdges, int& nonManifoldEdges) {
  openEdges = 0;
  nonManifoldEdges = 0;
  const auto uses = SortedEdgeUses(mesh);
  size_t i = 0;
  while (i < uses.size()) {
    size_t j = i;
    while (j < uses.size() && uses[j].key == uses[i].key) ++j;
    if (j - i == 1) ++openEdges;
    else if (j - i > 2) ++nonManifoldEdges;
    i = j;
  }
}

}  // namespace mos::kernel::repair
