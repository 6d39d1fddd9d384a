// The ear clipper's candidate blockers for its common question "does any
// vertex lie in this ear?": a uniform grid like PointGrid, but holding each
// point's position beside its node (no lookup per visit) and dropping a node
// when it is clipped (no dead entries to skip). Visit order is not kept, so
// only order-free questions may use it (any blocker at all); the clipper's
// counted searches stay on PointGrid.
//
// Points given to Build sit in one array sorted by cell (counting sort);
// points added later (rare: a vertex turning reflex) go to a short list
// every query scans.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

class LivePointGrid {
 public:
  // Bounds from all points; stores the nodes with include[i] set.
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
    lastCell_ = dim_ - 1;
    const size_t cells = static_cast<size_t>(dim_) * dim_;
    start_.assign(cells + 1, 0);
    for (size_t i = 0; i < points.size(); ++i) {
      if (include[i]) ++start_[Cell(points[i]) + 1];
    }
    for (size_t c = 0; c < cells; ++c) start_[c + 1] += start_[c];
    end_.assign(start_.begin(), start_.end() - 1);
    entries_.resize(stored);
    where_.assign(points.size(), kNowhere);
    for (size_t i = 0; i < points.size(); ++i) {
      if (!include[i]) continue;
      const int at = end_[Cell(points[i])]++;
      entries_[at] = {points[i].x, points[i].y, static_cast<int>(i)};
      where_[i] = at;
    }
    extra_.clear();
    live_ = static_cast<int>(stored);
  }

  void Insert(int node, Vec2 p) {
    where_[node] = kExtra - static_cast<int>(extra_.size());
    extra_.push_back({p.x, p.y, node});
    ++live_;
  }

  // Forgets a node (no-op if it is not stored).
  void Remove(int node) {
    const int at = where_[node];
    if (at == kNowhere) return;
    where_[node] = kNowhere;
    --live_;
    if (at <= kExtra) {
      const int i = kExtra - at;
      extra_[i] = extra_.back();
      extra_.pop_back();
      if (i < static_cast<int>(extra_.size())) where_[extra_[i].node] = kExtra - i;
      return;
    }
    const size_t cell = Cell({entries_[at].x, entries_[at].y});
    const int last = --end_[cell];
    entries_[at] = entries_[last];
    if (at != last) where_[entries_[at].node] = at;
  }

  // Calls f(node, position) for every stored node inside the closed box, in
  // no particular order, until f returns true; returns whether one did.
  template <typename F>
  bool Any(double x0, double y0, double x1, double y1, F&& f) const {
    for (const Entry& e : extra_) {
      if (e.x < x0 || e.x > x1 || e.y < y0 || e.y > y1) continue;
      if (f(e.node, Vec2{e.x, e.y})) return true;
    }
    if (live_ == static_cast<int>(extra_.size())) return false;
    const int cx0 = Coord(x0, minX_, invW_), cx1 = Coord(x1, minX_, invW_);
    const int cy0 = Coord(y0, minY_, invH_), cy1 = Coord(y1, minY_, invH_);
    for (int cy = cy0; cy <= cy1; ++cy) {
      const size_t row = static_cast<size_t>(cy) * dim_;
      for (int cx = cx0; cx <= cx1; ++cx) {
        const size_t cell = row + cx;
        for (int i = start_[cell], end = end_[cell]; i < end; ++i) {
          const Entry& e = entries_[i];
          if (e.x < x0 || e.x > x1 || e.y < y0 || e.y > y1) continue;
          if (f(e.node, Vec2{e.x, e.y})) return true;
        }
      }
    }
    return false;
  }

 private:
  struct Entry {
    double x, y;
    int node;
  };
  static constexpr int kNowhere = -1;
  static constexpr int kExtra = -2;  // extra_[i] is stored as kExtra - i

  int Coord(double v, double lo, double inv) const {
    const double c = (v - lo) * inv;
    if (!(c > 0)) return 0;  // also NaN
    if (c >= lastCell_) return dim_ - 1;
    return static_cast<int>(c);
  }
  size_t Cell(Vec2 p) const {
    return static_cast<size_t>(Coord(p.y, minY_, invH_)) * dim_ + Coord(p.x, minX_, invW_);
  }

  double minX_ = 0, minY_ = 0, invW_ = 1, invH_ = 1;
  double lastCell_ = 0;  // dim_ - 1
  int dim_ = 1;
  int live_ = 0;
  std::vector<int> start_, end_;  // per cell: its entries are [start, end)
  std::vector<Entry> entries_;
  std::vector<Entry> extra_;
  std::vector<int> where_;  // per node: index into entries_, kExtra - i, or kNowhere
};

}  // namespace mos::kernel
