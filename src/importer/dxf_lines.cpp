#include "importer/dxf_lines.h"

#include <cmath>
#include <set>

namespace mos::importer {
namespace {

// 2021.01 snaps every end point to a 1/1024 grid (a point next to a used
// cell joins that cell's point): checked on its output.
constexpr double kGrid = 1.0 / 1024;
constexpr double kMaxCoordinate = 1e15;      // cells must fit a long long

}  // namespace

int DxfLines::PointIndex(double x, double y) {
  const long long cx = std::llround(x / kGrid), cy = std::llround(y / kGrid);
  auto at = [&](long long kx, long long ky) {
    auto it = cells_.find({kx, ky});
    return it == cells_.end() || it->second.empty() ? -1 : it->second.front();
  };
  if (int i = at(cx, cy); i >= 0) return i;
  for (long long dx = -1; dx <= 1; ++dx)
    for (long long dy = -1; dy <= 1; ++dy)
      if (int i = at(cx + dx, cy + dy); i >= 0) return i;
  const int index = static_cast<int>(points_.size());
  points_.push_back({static_cast<double>(cx) * kGrid, static_cast<double>(cy) * kGrid});
  cells_[{cx, cy}].push_back(index);
  linesAtPoint_.emplace_back();
  return index;
}

void DxfLines::Add(double x1, double y1, double x2, double y2) {
  if (Full()) return;
  for (double v : {x1, y1, x2, y2})
    if (!(std::fabs(v) < kMaxCoordinate)) return;
  const int a = PointIndex(x1, y1), b = PointIndex(x2, y2);
  const int line = static_cast<int>(lines_.size());
  lines_.push_back({a, b});
  linesAtPoint_[a].push_back(line);
  if (b != a) linesAtPoint_[b].push_back(line);
}

void DxfLines::AssemblePaths(DxfData& data) {
  const int n = static_cast<int>(lines_.size());
  // 2021.01 keeps the unused lines in a std::unordered_map<int, int> and
  // takes them in its iteration order (with libstdc++ and small keys about
  // the reverse of insertion); the same container gives the same order in
  // native builds (checked on polygon-mesh.dxf, whose area depends on it).
  std::unordered_map<int, int> enabled;
  for (int i = 0; i < n; ++i) enabled[i] = i;
  // The first unused line at point p other than `except`, or -1.
  auto nextAt = [&](int p, int except) {
    for (int l : linesAtPoint_[p])
      if (l != except && enabled.count(l)) return l;
    return -1;
  };
  // Follows lines from `line`, entering at its end `end`.
  auto trace = [&](int line, int end, bool closed) {
    DxfPath path;
    path.closed = closed;
    path.indices.push_back(lines_[line][end]);
    while (line >= 0) {
      const int p = lines_[line][1 - end];
      path.indices.push_back(p);
      enabled.erase(line);
      line = nextAt(p, -1);
      if (line >= 0) end = lines_[line][0] == p ? 0 : 1;
    }
    data.paths.push_back(std::move(path));
  };
  // Open paths: from an end point that no other unused line touches, the
  // first such line in the map's order each time (2021.01 rescans from the
  // start after every path). The order of the remaining lines does not
  // change as lines are erased, so instead of rescanning: a line passed over
  // can only become a start when a line at one of its ends is used, i.e.
  // when it touches a path just traced; those are re-checked first.
  std::vector<int> order, rank(n);
  for (const auto& entry : enabled) {
    rank[entry.second] = static_cast<int>(order.size());
    order.push_back(entry.second);
  }
  auto startEnd = [&](int l) {
    for (int end = 0; end < 2; ++end)
      if (nextAt(lines_[l][end], l) < 0) return end;
    return -1;
  };
  std::set<int> recheck;  // ranks below the cursor to look at again
  size_t cursor = 0;
  for (;;) {
    int start = -1, end = -1;
    while (start < 0 && !recheck.empty()) {
      const int l = order[*recheck.begin()];
      recheck.erase(recheck.begin());
      if (enabled.count(l) && (end = startEnd(l)) >= 0) start = l;
    }
    while (start < 0 && cursor < order.size()) {
      const int l = order[cursor++];
      if (enabled.count(l) && (end = startEnd(l)) >= 0) start = l;
    }
    if (start < 0) break;
    trace(start, end, false);
    for (int p : data.paths.back().indices)
      for (int k : linesAtPoint_[p])
        if (enabled.count(k) && static_cast<size_t>(rank[k]) < cursor) recheck.insert(rank[k]);
  }
  // A closed path starts at the second end of its first line (checked on
  // polygon-mesh.dxf, whose even-odd area depends on it).
  while (!enabled.empty()) trace(enabled.begin()->second, 1, true);
  data.points = std::move(points_);
}

}  // namespace mos::importer
