// A uniform grid of point indices for the ear clipper's question "which
// vertices lie in this triangle?". Points can be added after building; a
// query box covering more cells than there are points scans the list.
#pragma once

#include <vector>

#include "kernel/triangulate_grid_frame.h"
#include "kernel/vec.h"

namespace mos::kernel {

class PointGrid {
 public:
  // Bounds from all points; only points with include[i] set are stored.
  void Build(const std::vector<Vec2>& points, const std::vector<char>& include) {
    frame_.Fit(points, include);
    cells_.assign(frame_.Cells(), {});
    for (size_t i = 0; i < points.size(); ++i) {
      if (include[i]) Insert(static_cast<int>(i), points[i]);
    }
  }
  void Insert(int node, Vec2 p) {
    cells_[frame_.Cell(p.x, p.y)].push_back(node);
    all_.push_back(node);
  }
  // Calls f(node) for every node in cells overlapping the box; f returns
  // false to stop early. Returns false if stopped.
  template <typename F>
  bool ForEachIn(double x0, double y0, double x1, double y1, F&& f) const {
    const int cx0 = frame_.X(x0), cx1 = frame_.X(x1);
    const int cy0 = frame_.Y(y0), cy1 = frame_.Y(y1);
    // A box covering more cells than there are stored nodes: scan the list.
    if (static_cast<double>(cx1 - cx0 + 1) * (cy1 - cy0 + 1) > static_cast<double>(all_.size())) {
      for (int n : all_) {
        if (!f(n)) return false;
      }
      return true;
    }
    for (int cy = cy0; cy <= cy1; ++cy) {
      for (int cx = cx0; cx <= cx1; ++cx) {
        for (int n : cells_[static_cast<size_t>(cy) * frame_.dim + cx]) {
          if (!f(n)) return false;
        }
      }
    }
    return true;
  }

 private:
  GridFrame frame_;
  std::vector<std::vector<int>> cells_;
  std::vector<int> all_;
};

}  // namespace mos::kernel
