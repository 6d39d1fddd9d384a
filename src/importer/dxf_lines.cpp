#include "importer/dxf_lines.h"

#include <cmath>

namespace mos::importer {
namespace {

constexpr double kGrid = 1.0 / 1024 / 1024;  // 2021.01's GRID_FINE
constexpr double kMaxCoordinate = 1e15;      // cells must fit a long long

}  // namespace

int DxfLines::PointIndex(double x, double y) {
  const long long cx = std::llround(x / kGrid), cy = std::llround(y / kGrid);
  for (long long dx = -1; dx <= 1; ++dx)
    for (long long dy = -1; dy <= 1; ++dy) {
      auto it = cells_.find({cx + dx, cy + dy});
      if (it == cells_.end()) continue;
      for (int i : it->second)
        if (std::fabs(points_[i][0] - x) < kGrid && std::fabs(points_[i][1] - y) < kGrid)
          return i;
    }
  const int index = static_cast<int>(points_.size());
  points_.push_back({x, y});
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
  std::vector<bool> used(n, false);
  // The first unused line at point p other than `except`, or -1.
  auto nextAt = [&](int p, int except) {
    for (int l : linesAtPoint_[p])
      if (l != except && !used[l]) return l;
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
      used[line] = true;
      line = nextAt(p, -1);
      if (line >= 0) end = lines_[line][0] == p ? 0 : 1;
    }
    data.paths.push_back(std::move(path));
  };
  // Open paths: from an end point that no other unused line touches, the
  // first such line in order each time. A line can only become a start once
  // lines next to it are used, so the scan resumes at the first line next
  // to the path just traced instead of at the beginning.
  int from = 0;
  while (from < n) {
    int restart = n;
    for (int l = from; l < n && restart == n; ++l) {
      if (used[l]) continue;
      for (int end = 0; end < 2; ++end) {
        if (nextAt(lines_[l][end], l) >= 0) continue;
        trace(l, end, false);
        // Lines next to the new path may have become starts.
        restart = l;
        for (int p : data.paths.back().indices)
          for (int k : linesAtPoint_[p])
            if (!used[k] && k < restart) restart = k;
        break;
      }
    }
    from = restart;
  }
  for (int l = 0; l < n; ++l)
    if (!used[l]) trace(l, 0, true);
  data.points = std::move(points_);
}

}  // namespace mos::importer
