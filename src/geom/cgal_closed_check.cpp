#include "geom/cgal_closed_check.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

#include "kernel/mesh_build.h"

namespace mos::geom {

bool ClosedManifoldSoup(const std::vector<std::array<kernel::Vec3, 3>>& soup) {
  using Key = std::tuple<double, double, double>;
  std::map<Key, int> index;
  std::vector<std::array<int, 3>> tris;
  for (const auto& t : soup) {
    std::array<int, 3> ids{};
    for (int i = 0; i < 3; ++i) {
      const Key k{t[i].x + 0.0, t[i].y + 0.0, t[i].z + 0.0};  // -0 welds with +0
      ids[i] = index.emplace(k, static_cast<int>(index.size())).first->second;
    }
    if (ids[0] == ids[1] || ids[1] == ids[2] || ids[0] == ids[2]) continue;
    tris.push_back(ids);
  }
  if (tris.empty()) return false;
  // Each directed edge once, and its reverse once.
  std::map<std::pair<int, int>, int> edges;
  for (const auto& t : tris)
    for (int i = 0; i < 3; ++i) ++edges[{t[i], t[(i + 1) % 3]}];
  for (const auto& [e, n] : edges) {
    if (n != 1) return false;
    auto rev = edges.find({e.second, e.first});
    if (rev == edges.end() || rev->second != 1) return false;
  }
  // One fan per vertex: the link edges (b -> c for corner a of a b c) of a
  // vertex form a single cycle.
  std::vector<std::map<int, int>> link(index.size());
  for (const auto& t : tris)
    for (int i = 0; i < 3; ++i) link[t[i]][t[(i + 1) % 3]] = t[(i + 2) % 3];
  for (const auto& l : link) {
    if (l.empty()) continue;
    const int start = l.begin()->first;
    int at = start;
    size_t steps = 0;
    do {
      auto it = l.find(at);
      if (it == l.end()) return false;
      at = it->second;
      ++steps;
    } while (at != start && steps <= l.size());
    if (steps != l.size()) return false;
  }
  return true;
}

namespace {

// Every point on or behind the plane of every triangle (outward normals):
// 2021.01's approximate convexity test, which sends such meshes to its hull.
bool Convex(const std::vector<kernel::Vec3>& points,
            const std::vector<std::array<kernel::Vec3, 3>>& soup) {
  double extent = 0;
  for (const kernel::Vec3& p : points)
    extent = std::max({extent, std::abs(p.x), std::abs(p.y), std::abs(p.z)});
  const double eps = 1e-9 * std::max(extent, 1.0);
  for (const auto& t : soup) {
    const kernel::Vec3 n = kernel::Cross(t[1] - t[0], t[2] - t[0]);
    const double len = kernel::Length(n);
    if (!(len > 0)) continue;
    for (const kernel::Vec3& p : points)
      if (kernel::Dot(n, p - t[0]) / len > eps) return false;
  }
  return true;
}

}  // namespace

bool PolyhedronCgalRejects(const std::vector<kernel::Vec3>& points,
                           const std::vector<std::vector<int>>& faces) {
  const int nv = static_cast<int>(points.size());
  std::vector<std::array<kernel::Vec3, 3>> soup;
  std::vector<int> used(nv, 0);
  for (const auto& raw : faces) {
    std::vector<int> face;
    bool bad = false;
    // Reversed: counter-clockwise from outside, as the kernel's triangles.
    for (auto it = raw.rbegin(); it != raw.rend(); ++it) {
      if (*it < 0 || *it >= nv) bad = true;
      else if (face.empty() || face.back() != *it) face.push_back(*it);
    }
    while (face.size() > 1 && face.front() == face.back()) face.pop_back();
    if (bad || face.size() < 3) continue;
    std::vector<std::array<int, 3>> tris;
    kernel::TriangulateFace(points, face, tris);
    for (const auto& t : tris) {
      soup.push_back({points[t[0]], points[t[1]], points[t[2]]});
      for (int v : t) used[v] = 1;
    }
  }
  if (soup.empty() || ClosedManifoldSoup(soup)) return false;
  std::vector<kernel::Vec3> usedPoints;
  for (int i = 0; i < nv; ++i)
    if (used[i]) usedPoints.push_back(points[i]);
  return !Convex(usedPoints, soup);
}

}  // namespace mos::geom
