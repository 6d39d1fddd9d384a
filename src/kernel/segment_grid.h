// A uniform grid of segments (each stored under an int item) for the ear
// clipper's bridge queries: "which segments pass near this segment / this
// box / this row?". A segment is stored in every cell that holds a point
// within Reach() of it, and a query visits every cell holding a point within
// Reach() of the queried shape, so two shapes closer than Reach() always
// meet in a cell. Reach() is 1e-9 of the coordinates' scale: far more than
// the rounding of the callers' predicates, far less than a cell.
// Queries may report an item more than once; callers deduplicate.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

class SegmentGrid {
 public:
  // Covers the box [minX, maxX] x [minY, maxY] with about `cells` cells.
  // Returns false (and stays unusable) for a box a grid cannot serve
  // reliably: non-finite, or a scale whose rounding margin under/overflows.
  bool Build(double minX, double minY, double maxX, double maxY, size_t cells);

  double Reach() const { return reach_; }

  // Returns false once the grid holds more entries than Build allowed (long
  // segments cross many cells; memory stays bounded and the caller gives up
  // on the grid).
  bool Insert(int item, Vec2 a, Vec2 b);
  // In the cells of segment a-b, item `from` becomes `to`.
  void Replace(int from, int to, Vec2 a, Vec2 b);

  // f(item) for items near segment a-b; f returns false to stop. Returns
  // false if stopped.
  template <typename F>
  bool ForEachNearSegment(Vec2 a, Vec2 b, F&& f) const {
    bool go = true;
    ForEachCellOnSegment(a, b, [&](size_t cell) {
      for (int e = head_[cell]; go && e >= 0; e = entries_[e].next) go = f(entries_[e].item);
      return go;
    });
    return go;
  }

  // f(item) for items in cells holding points of the box (grown by Reach()).
  template <typename F>
  void ForEachNearBox(double x0, double y0, double x1, double y1, F&& f) const {
    const int c0 = Col(x0 - 2 * reach_), c1 = Col(x1 + 2 * reach_);
    const int r0 = Row(y0 - 2 * reach_), r1 = Row(y1 + 2 * reach_);
    for (int r = r0; r <= r1; ++r) {
      for (int c = c0; c <= c1; ++c) {
        for (int e = head_[Index(r, c)]; e >= 0; e = entries_[e].next) f(entries_[e].item);
      }
    }
  }

  // Walks the cells of the row band around y from column of x rightwards,
  // one column at a time; stops before a column whose cells all lie right of
  // stopX() + Reach() (stopX is read again after every column).
  template <typename StopX, typename F>
  void ForEachRightward(Vec2 p, StopX&& stopX, F&& f) const {
    const int r0 = Row(p.y - 2 * reach_), r1 = Row(p.y + 2 * reach_);
    for (int c = Col(p.x - 2 * reach_); c < nx_; ++c) {
      if (c > 0 && minX_ + c * cellW_ - 2 * reach_ > stopX()) return;
      for (int r = r0; r <= r1; ++r) {
        for (int e = head_[Index(r, c)]; e >= 0; e = entries_[e].next) f(entries_[e].item);
      }
    }
  }

 private:
  struct Entry {
    int item;
    int next;
  };

  int Coord(double v, double lo, double inv, int n) const {
    const double c = (v - lo) * inv;
    if (!(c > 0)) return 0;  // also NaN
    if (c >= n - 1) return n - 1;
    return static_cast<int>(c);
  }
  int Col(double x) const { return Coord(x, minX_, invW_, nx_); }
  int Row(double y) const { return Coord(y, minY_, invH_, ny_); }
  size_t Index(int r, int c) const { return static_cast<size_t>(r) * nx_ + c; }

  // f(cell) for every cell holding a point within Reach() of segment a-b
  // (each row's slab is grown by twice that, which covers the rounding of
  // the cell coordinates); f returns false to stop.
  template <typename F>
  void ForEachCellOnSegment(Vec2 a, Vec2 b, F&& f) const {
    const double grow = 2 * reach_;
    const int r0 = Row(std::min(a.y, b.y) - grow), r1 = Row(std::max(a.y, b.y) + grow);
    const double dy = b.y - a.y;
    for (int r = r0; r <= r1; ++r) {
      double xLo = std::min(a.x, b.x), xHi = std::max(a.x, b.x);
      if (dy != 0 && r0 != r1) {
        // The part of the segment inside the row's slab (grown).
        const double inf = std::numeric_limits<double>::infinity();
        const double s0 = r == 0 ? -inf : minY_ + r * cellH_ - grow;
        const double s1 = r == ny_ - 1 ? inf : minY_ + (r + 1) * cellH_ + grow;
        double t0 = (s0 - a.y) / dy, t1 = (s1 - a.y) / dy;
        t0 = std::clamp(t0, 0.0, 1.0);
        t1 = std::clamp(t1, 0.0, 1.0);
        const double x0 = a.x + t0 * (b.x - a.x), x1 = a.x + t1 * (b.x - a.x);
        xLo = std::max(xLo, std::min(x0, x1));
        xHi = std::min(xHi, std::max(x0, x1));
      }
      const int c0 = Col(xLo - grow), c1 = Col(xHi + grow);
      for (int c = c0; c <= c1; ++c) {
        if (!f(Index(r, c))) return;
      }
    }
  }

  double minX_ = 0, minY_ = 0, cellW_ = 1, cellH_ = 1, invW_ = 0, invH_ = 0, reach_ = 0;
  int nx_ = 1, ny_ = 1;
  size_t maxEntries_ = 0;
  std::vector<int> head_;
  std::vector<Entry> entries_;
};

}  // namespace mos::kernel
