// Broad-phase helpers of the 2D arrangement: intervals of one axis in
// equal-width buckets (ray casts), and boxes in a uniform 2D grid (pairs of
// edges that may touch).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace mos::kernel::polygon2d_detail {

// Intervals of one axis sorted into equal-width buckets.
class AxisBuckets {
 public:
  AxisBuckets(const std::vector<double>& lo, const std::vector<double>& hi, const std::vector<int>& items) {
    double mn = INFINITY, mx = -INFINITY;
    for (int i : items) {
      mn = std::min(mn, lo[i]);
      mx = std::max(mx, hi[i]);
    }
    if (!(mn <= mx)) mn = mx = 0;
    min_ = mn;
    const double n = static_cast<double>(items.size());
    count_ = std::max(1, std::min(1024, static_cast<int>(std::sqrt(n) * 2)));
    inv_ = (mx > mn) ? count_ / (mx - mn) : 0;
    buckets_.assign(count_, {});
    for (int i : items) {
      for (int b = Index(lo[i]), e = Index(hi[i]); b <= e; ++b) buckets_[b].push_back(i);
    }
  }
  int Index(double v) const {
    const double c = (v - min_) * inv_;
    if (!(c > 0)) return 0;
    if (c >= count_ - 1) return count_ - 1;
    return static_cast<int>(c);
  }
  int Count() const { return count_; }
  const std::vector<int>& Bucket(int b) const { return buckets_[b]; }

 private:
  double min_ = 0, inv_ = 0;
  int count_ = 1;
  std::vector<std::vector<int>> buckets_;
};

// Boxes sorted into a uniform 2D grid of cells; a pair of boxes is visited
// once, in the first cell both cover. The grid is made coarser when long
// boxes would cover too many cells.
class BoxGrid {
 public:
  BoxGrid(const std::vector<std::array<double, 4>>& boxes) {  // x0, y0, x1, y1
    const size_t n = boxes.size();
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (const auto& b : boxes) {
      x0 = std::min(x0, b[0]);
      y0 = std::min(y0, b[1]);
      x1 = std::max(x1, b[2]);
      y1 = std::max(y1, b[3]);
    }
    if (!(x0 <= x1)) x0 = x1 = y0 = y1 = 0;
    minX_ = x0;
    minY_ = y0;
    dim_ = std::max(1, std::min(1024, static_cast<int>(std::sqrt(static_cast<double>(n)))));
    for (;;) {
      invW_ = x1 > x0 ? dim_ / (x1 - x0) : 0;
      invH_ = y1 > y0 ? dim_ / (y1 - y0) : 0;
      double covered = 0;
      for (const auto& b : boxes) {
        covered += static_cast<double>(Coord(b[2], minX_, invW_) - Coord(b[0], minX_, invW_) + 1) *
                   (Coord(b[3], minY_, invH_) - Coord(b[1], minY_, invH_) + 1);
      }
      if (dim_ == 1 || covered <= 16.0 * n + 64) break;
      dim_ /= 2;
    }
    cells_.assign(static_cast<size_t>(dim_) * dim_, {});
    for (size_t i = 0; i < n; ++i) {
      const auto& b = boxes[i];
      for (int cy = Coord(b[1], minY_, invH_); cy <= Coord(b[3], minY_, invH_); ++cy) {
        for (int cx = Coord(b[0], minX_, invW_); cx <= Coord(b[2], minX_, invW_); ++cx) {
          cells_[static_cast<size_t>(cy) * dim_ + cx].push_back(static_cast<int>(i));
        }
      }
    }
  }
  // Calls f(i, j) once for every pair of boxes sharing a cell.
  template <typename F>
  void ForEachPair(const std::vector<std::array<double, 4>>& boxes, F&& f) const {
    for (int cy = 0; cy < dim_; ++cy) {
      for (int cx = 0; cx < dim_; ++cx) {
        const std::vector<int>& items = cells_[static_cast<size_t>(cy) * dim_ + cx];
        for (size_t x = 0; x < items.size(); ++x) {
          for (size_t y = x + 1; y < items.size(); ++y) {
            const auto& a = boxes[items[x]];
            const auto& b = boxes[items[y]];
            if (std::max(Coord(a[0], minX_, invW_), Coord(b[0], minX_, invW_)) != cx) continue;
            if (std::max(Coord(a[1], minY_, invH_), Coord(b[1], minY_, invH_)) != cy) continue;
            f(items[x], items[y]);
          }
        }
      }
    }
  }

 private:
  int Coord(double v, double lo, double inv) const {
    const double c = (v - lo) * inv;
    if (!(c > 0)) return 0;
    if (c >= dim_ - 1) return dim_ - 1;
    return static_cast<int>(c);
  }
  double minX_ = 0, minY_ = 0, invW_ = 0, invH_ = 0;
  int dim_ = 1;
  std::vector<std::vector<int>> cells_;
};

}  // namespace mos::kernel::polygon2d_detail
