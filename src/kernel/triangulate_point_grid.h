// A uniform grid of point indices for the ear clipper's question "which
// vertices lie in this triangle?". Points can be added after building; a
// query box covering more cells than there are points scans the list.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

class PointGrid {
 public:
  // Bounds from all points; only points with include[i] set are stored.
  void Build(const std::vector<Vec2>& points, const std::vector<char>& include) {
    double minX = std::numeric_limits<double>::infinity(), minY = minX;
    double maxX = -minX, maxY = -minX;
    for (const Vec2& p : points) {
      minX = std::min(minX, p.x);
      minY = std::min(minY, p.y);
      maxX = std::max(maxX, p.x);
      maxY = std::max(maxY, p.y);
    }
    if (!(minX <= maxX)) minX = maxX = minY = maxY = 0;
    minX_ = minX;
    minY_ = minY;
    size_t stored = 0;
    for (char c : include) stored += c != 0;
    const double side = std::sqrt(static_cast<double>(stored));
    dim_ = std::max(1, std::min(1024, static_cast<int>(side)));
    const double w = std::max(maxX - minX, 1e-300), h = std::max(maxY - minY, 1e-300);
    invW_ = dim_ / w;
    invH_ = dim_ / h;
    cells_.assign(static_cast<size_t>(dim_) * dim_, {});
    for (size_t i = 0; i < points.size(); ++i) {
      if (include[i]) Insert(static_cast<int>(i), points[i]);
    }
  }
  void Insert(int node, Vec2 p) {
    cells_[Cell(p.x, p.y)].push_back(node);
    all_.push_back(node);
  }
  // Calls f(node) for every node in cells overlapping the box; f returns
  // false to stop early. Returns false if stopped.
  template <typename F>
  bool ForEachIn(double x0, double y0, double x1, double y1, F&& f) const {
    const int cx0 = Coord(x0, minX_, invW_), cx1 = Coord(x1, minX_, invW_);
    const int cy0 = Coord(y0, minY_, invH_), cy1 = Coord(y1, minY_, invH_);
    // A box covering more cells than there are stored nodes: scan the list.
    if (static_cast<double>(cx1 - cx0 + 1) * (cy1 - cy0 + 1) > static_cast<double>(all_.size())) {
      for (int n : all_) {
        if (!f(n)) return false;
      }
      return true;
    }
    for (int cy = cy0; cy <= cy1; ++cy) {
      for (int cx = cx0; cx <= cx1; ++cx) {
        for (int n : cells_[static_cast<size_t>(cy) * dim_ + cx]) {
          if (!f(n)) return false;
        }
      }
    }
    return true;
  }

 private:
  int Coord(double v, double lo, double inv) const {
    const double c = (v - lo) * inv;
    if (!(c > 0)) return 0;  // also NaN
    if (c >= dim_ - 1) return dim_ - 1;
    return static_cast<int>(c);
  }
  size_t Cell(double x, double y) const {
    return static_cast<size_t>(Coord(y, minY_, invH_)) * dim_ + Coord(x, minX_, invW_);
  }
  double minX_ = 0, minY_ = 0, invW_ = 1, invH_ = 1;
  int dim_ = 1;
  std::vector<std::vector<int>> cells_;
  std::vector<int> all_;
};

}  // namespace mos::kernel
