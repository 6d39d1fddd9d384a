// Broad-phase helpers of the 2D arrangement: intervals of one axis in
// equal-width buckets (ray casts), and boxes in a uniform 2D grid (pairs of
// edges that may touch). Both keep their buckets in one flat array (counted,
// then filled): a vector per bucket cost an allocation per non-empty bucket,
// the larger part of a small boolean's time (and more under the sanitizers
// and in WebAssembly).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "kernel/uninit_vector.h"

namespace mos::kernel::polygon2d_detail {

// A range of item ids in a flat bucket array.
struct IdRange {
  const int* first;
  const int* last;
  const int* begin() const { return first; }
  const int* end() const { return last; }
  size_t size() const { return static_cast<size_t>(last - first); }
};

// Items by bucket, stored flat: start_[b] .. start_[b + 1] in ids_.
class FlatBuckets {
 public:
  // Two passes over the same (bucket range of item) enumeration: `visit(f)`
  // calls f(bucket, item) for every bucket an item lies in.
  template <typename Visit>
  void Build(int buckets, Visit&& visit) {
    // Counts go two places up; after the prefix sums start_[b + 1] is where
    // bucket b begins, and filling advances it to where b ends, which is
    // where b + 1 begins: start_[b] .. start_[b + 1] without a copy of the
    // offsets to fill from.
    const size_t nb = static_cast<size_t>(buckets);
    start_.assign(nb + 2, 0);
    visit([&](size_t b, int) { ++start_[b + 2]; });
    for (size_t b = 2; b < nb + 2; ++b) start_[b] += start_[b - 1];
    ids_.resize(start_[nb + 1]);  // every slot is written below
    visit([&](size_t b, int item) { ids_[start_[b + 1]++] = item; });
  }
  IdRange Bucket(size_t b) const { return {ids_.data() + start_[b], ids_.data() + start_[b + 1]}; }

 private:
  std::vector<int> start_;
  UninitVector<int> ids_;
};

// Intervals of one axis sorted into equal-width buckets.
class AxisBuckets {
 public:
  template <typename Lo, typename Hi>
  AxisBuckets(const Lo& lo, const Hi& hi, const std::vector<int>& items) {
    double mn = INFINITY, mx = -INFINITY;
    for (int i : items) {
      mn = std::min(mn, lo[i]);
      mx = std::max(mx, hi[i]);
    }
    if (!(mn <= mx)) mn = mx = 0;
    min_ = mn;
    // Narrow buckets, so that a query meets few intervals that miss it
    // (a ray cast from every edge of a dense arrangement spent most of its
    // time rejecting them at 2 sqrt(n) buckets), made coarser while the
    // intervals would be copied into more than 8 n + 64 of them (long
    // intervals span many buckets; this also bounds the memory).
    const double n = static_cast<double>(items.size());
    count_ = std::max(1, std::min(1024, static_cast<int>(std::sqrt(n) * 8)));
    for (;;) {
      inv_ = (mx > mn) ? count_ / (mx - mn) : 0;
      double covered = 0;
      for (int i : items) covered += Index(hi[i]) - Index(lo[i]) + 1;
      if (count_ == 1 || covered <= 8 * n + 64) break;
      count_ /= 2;
    }
    buckets_.Build(count_, [&](auto&& f) {
      for (int i : items) {
        for (int b = Index(lo[i]), e = Index(hi[i]); b <= e; ++b) f(static_cast<size_t>(b), i);
      }
    });
  }
  int Index(double v) const {
    const double c = (v - min_) * inv_;
    if (!(c > 0)) return 0;
    if (c >= count_ - 1) return count_ - 1;
    return static_cast<int>(c);
  }
  int Count() const { return count_; }
  IdRange Bucket(int b) const { return buckets_.Bucket(static_cast<size_t>(b)); }

 private:
  double min_ = 0, inv_ = 0;
  int count_ = 1;
  FlatBuckets buckets_;
};

// The cells of a uniform 2D grid that a list of boxes covers: square-ish
// grid of about n cells, made coarser while long boxes would cover too many.
// BoxGrid's layout, and the order of its pairs (OrderKey) for index paths
// that find the same pairs another way.
class BoxGridLayout {
 public:
  template <typename Boxes>
  explicit BoxGridLayout(const Boxes& boxes) {  // x0, y0, x1, y1 (a vector of std::array<double, 4>)
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
    cells_.resize(n);  // every entry is written below
    // Locals, not members, in the loop: the stores to cells_ (ints) could
    // alias dim_, so the compiler reloaded it and converted it to double for
    // every coordinate.
    std::array<int, 4>* cells = cells_.data();
    for (;;) {
      invW_ = x1 > x0 ? dim_ / (x1 - x0) : 0;
      invH_ = y1 > y0 ? dim_ / (y1 - y0) : 0;
      const double minX = minX_, minY = minY_, invW = invW_, invH = invH_, top = dim_ - 1;
      // 0 for c <= 0 or NaN, dim - 1 for c >= dim - 1, else c truncated;
      // written as two selects (max / min) rather than two branches.
      auto coord = [top](double v, double lo, double inv) {
        double c = (v - lo) * inv;
        c = c > 0 ? c : 0.0;
        c = c < top ? c : top;
        return static_cast<int>(c);
      };
      double covered = 0;
      for (size_t i = 0; i < n; ++i) {
        const auto& b = boxes[i];
        const std::array<int, 4> c{coord(b[0], minX, invW), coord(b[1], minY, invH), coord(b[2], minX, invW),
                                   coord(b[3], minY, invH)};
        cells[i] = c;
        covered += static_cast<double>(c[2] - c[0] + 1) * (c[3] - c[1] + 1);
      }
      if (dim_ == 1 || covered <= 16.0 * n + 64) break;
      dim_ /= 2;
    }
  }
  int Dim() const { return dim_; }
  // First and last cell column / row of box i.
  const std::array<int, 4>& Cells(size_t i) const { return cells_[i]; }
  // BoxGrid::ForEachPair visits pair (i, j), i < j, in the first cell both
  // cover (row-major), and within a cell in index order: the pairs come in
  // increasing (OrderKey(i, j), i, j).
  size_t OrderKey(int i, int j) const {
    const auto& a = cells_[i];
    const auto& b = cells_[j];
    return static_cast<size_t>(std::max(a[1], b[1])) * dim_ + std::max(a[0], b[0]);
  }

 private:
  double minX_ = 0, minY_ = 0, invW_ = 0, invH_ = 0;
  int dim_ = 1;
  UninitVector<std::array<int, 4>> cells_;  // per box: first and last cell column / row
};

// Boxes sorted into a uniform 2D grid of cells; a pair of boxes is visited
// once, in the first cell both cover. The grid is made coarser when long
// boxes would cover too many cells.
class BoxGrid {
 public:
  template <typename Boxes>
  explicit BoxGrid(const Boxes& boxes) : layout_(boxes) {
    const size_t n = boxes.size();
    const int dim = layout_.Dim();
    grid_.Build(dim * dim, [&](auto&& f) {
      for (size_t i = 0; i < n; ++i) {
        const auto& c = layout_.Cells(i);
        for (int cy = c[1]; cy <= c[3]; ++cy) {
          for (int cx = c[0]; cx <= c[2]; ++cx) f(static_cast<size_t>(cy) * dim + cx, static_cast<int>(i));
        }
      }
    });
  }
  // Calls f(i, j) once for every pair of boxes sharing a cell (i listed
  // before j in that cell).
  template <typename F>
  void ForEachPair(F&& f) const {
    const int dim = layout_.Dim();
    for (int cy = 0; cy < dim; ++cy) {
      for (int cx = 0; cx < dim; ++cx) {
        const IdRange items = grid_.Bucket(static_cast<size_t>(cy) * dim + cx);
        for (const int* x = items.begin(); x != items.end(); ++x) {
          const auto& a = layout_.Cells(*x);
          for (const int* y = x + 1; y != items.end(); ++y) {
            const auto& b = layout_.Cells(*y);
            if (std::max(a[0], b[0]) != cx || std::max(a[1], b[1]) != cy) continue;
            f(*x, *y);
          }
        }
      }
    }
  }

  // Calls f(i, j), i < j, once for every pair of boxes that overlap (closed
  // boxes, as compared by f's callers), each in the first cell both cover.
  // A crowded cell (a cluster of small boxes in a cell sized for the whole
  // set's extent) is swept in x order instead of visiting every pair of its
  // boxes; returns whether one was: only then are the pairs not in
  // ForEachPair's order.
  template <typename Boxes, typename F>
  bool ForEachOverlappingPair(const Boxes& boxes, F&& f) const {
    constexpr size_t kSweepFrom = 32;
    const int dim = layout_.Dim();
    bool swept = false;
    std::vector<std::pair<double, int>> order;
    for (int cy = 0; cy < dim; ++cy) {
      for (int cx = 0; cx < dim; ++cx) {
        const IdRange items = grid_.Bucket(static_cast<size_t>(cy) * dim + cx);
        auto visit = [&](int p, int q) {
          const auto& a = layout_.Cells(p);
          const auto& b = layout_.Cells(q);
          if (std::max(a[0], b[0]) != cx || std::max(a[1], b[1]) != cy) return;
          f(std::min(p, q), std::max(p, q));
        };
        if (items.size() < kSweepFrom) {
          for (const int* x = items.begin(); x != items.end(); ++x) {
            const auto& bx = boxes[*x];
            for (const int* y = x + 1; y != items.end(); ++y) {
              const auto& by = boxes[*y];
              if (bx[0] > by[2] || by[0] > bx[2] || bx[1] > by[3] || by[1] > bx[3]) continue;
              visit(*x, *y);
            }
          }
          continue;
        }
        swept = true;
        order.clear();
        for (int id : items) order.push_back({boxes[id][0], id});
        std::sort(order.begin(), order.end());
        for (size_t k = 0; k < order.size(); ++k) {
          const auto& bk = boxes[order[k].second];
          // Later boxes start at or right of bk: they overlap it in x while
          // they start before its end.
          for (size_t m = k + 1; m < order.size() && order[m].first <= bk[2]; ++m) {
            const auto& bm = boxes[order[m].second];
            if (bk[1] > bm[3] || bm[1] > bk[3]) continue;
            visit(order[k].second, order[m].second);
          }
        }
      }
    }
    return swept;
  }

  const BoxGridLayout& Layout() const { return layout_; }

 private:
  BoxGridLayout layout_;
  FlatBuckets grid_;
};

}  // namespace mos::kernel::polygon2d_detail
