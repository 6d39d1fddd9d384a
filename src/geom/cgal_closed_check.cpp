#include "geom/cgal_closed_check.h"

#include <map>
#include <tuple>
#include <utility>

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

}  // namespace mos::geom
