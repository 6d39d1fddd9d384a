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

#include <vector>

#include "kernel/triangulate_grid_frame.h"
#include "kernel/vec.h"

namespace mos::kernel {

class LivePointGrid {
 public:
  // Bounds from all points; stores the nodes with include[i] set.
  void Build(const std::vector<Vec2>& points, const std::vector<char>& include) {
    const size_t stored = frame_.Fit(points, include);
    const size_t cells = frame_.Cells();
    start_.assign(cells + 1, 0);
    for (size_t i = 0; i < points.size(); ++i) {
      if (include[i]) ++start_[frame_.Cell(points[i].x, points[i].y) + 1];
    }
    for (size_t c = 0; c < cells; ++c) start_[c + 1] += start_[c];
    end_.assign(start_.begin(), start_.end() - 1);
    entries_.resize(stored);
    where_.assign(points.size(), kNowhere);
    for (size_t i = 0; i < points.size(); ++i) {
      if (!include[i]) continue;
      const int at = end_[frame_.Cell(points[i].x, points[i].y)]++;
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
    const size_t cell = frame_.Cell(entries_[at].x, entries_[at].y);
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
    const int cx0 = frame_.X(x0), cx1 = frame_.X(x1);
    const int cy0 = frame_.Y(y0), cy1 = frame_.Y(y1);
    for (int cy = cy0; cy <= cy1; ++cy) {
      const size_t row = static_cast<size_t>(cy) * frame_.dim;
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

  GridFrame frame_;
  int live_ = 0;
  std::vector<int> start_, end_;  // per cell: its entries are [start, end)
  std::vector<Entry> entries_;
  std::vector<Entry> extra_;
  std::vector<int> where_;  // per node: index into entries_, kExtra - i, or kNowhere
};

}  // namespace mos::kernel
