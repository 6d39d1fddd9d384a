#include "kernel/bridge_nearest.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mos::kernel {

bool BridgeNearest::Build(const std::vector<const std::vector<int>*>& loops) {
  lo_ = {INFINITY, INFINITY};
  hi_ = {-INFINITY, -INFINITY};
  size_t n = 0;
  for (const std::vector<int>* loop : loops) {
    n += loop->size();
    for (int v : *loop) {
      const Vec2 p = pts_[static_cast<size_t>(v)];
      lo_ = {std::min(lo_.x, p.x), std::min(lo_.y, p.y)};
      hi_ = {std::max(hi_.x, p.x), std::max(hi_.y, p.y)};
    }
  }
  // std::min/max drop NaN: the bounds are checked on every point below.
  const double mag = std::max({std::fabs(lo_.x), std::fabs(lo_.y), std::fabs(hi_.x), std::fabs(hi_.y)});
  if (!(mag < 1e100)) return false;
  for (const std::vector<int>* loop : loops)
    for (int v : *loop) {
      const Vec2 p = pts_[static_cast<size_t>(v)];
      if (!(p.x >= lo_.x && p.x <= hi_.x && p.y >= lo_.y && p.y <= hi_.y)) return false;  // NaN
    }
  const double w = hi_.x - lo_.x, h = hi_.y - lo_.y;
  // About two vertices per cell, the cells about square.
  const double cells = std::max(1.0, static_cast<double>(n) / 2);
  const double side = std::sqrt(w * h / cells);
  if (!(side > 0)) return false;
  nx_ = static_cast<int>(std::clamp(std::ceil(w / side), 1.0, 1024.0));
  ny_ = static_cast<int>(std::clamp(std::ceil(h / side), 1.0, 1024.0));
  const double cw = w / nx_, ch = h / ny_;
  minCell_ = std::min(cw, ch);
  if (!(minCell_ > 1e-9 * (1 + mag))) return false;
  invW_ = nx_ / w;
  invH_ = ny_ / h;
  // How far a vertex may lie outside its cell's box: the rounding of the
  // cell index (a few ulps of the coordinates and of the box) and a
  // billionth of a cell.
  margin_ = 64 * std::numeric_limits<double>::epsilon() * (mag + w + h) + 1e-9 * minCell_;
  head_.assign(static_cast<size_t>(nx_) * ny_, -1);
  next_.assign(pts_.size(), -1);
  return true;
}

int BridgeNearest::Col(double x) const {
  const double c = (x - lo_.x) * invW_;
  if (!(c > 0)) return 0;
  if (c >= nx_ - 1) return nx_ - 1;
  return static_cast<int>(c);
}

int BridgeNearest::Row(double y) const {
  const double r = (y - lo_.y) * invH_;
  if (!(r > 0)) return 0;
  if (r >= ny_ - 1) return ny_ - 1;
  return static_cast<int>(r);
}

void BridgeNearest::AddLoop(const std::vector<int>& loop) {
  for (int v : loop) {
    const Vec2 p = pts_[static_cast<size_t>(v)];
    int& head = head_[static_cast<size_t>(Row(p.y)) * nx_ + Col(p.x)];
    next_[static_cast<size_t>(v)] = head;
    head = v;
  }
}

bool BridgeNearest::Nearest(Vec2 m, double& key, std::vector<int>& ties) const {
  ties.clear();
  bool found = false;
  const int cm = Col(m.x), rm = Row(m.y);
  const int maxRing = std::max({nx_ - cm, cm + 1, ny_ - rm, rm + 1});
  auto visit = [&](int c, int r) {
    for (int v = head_[static_cast<size_t>(r) * nx_ + c]; v >= 0; v = next_[static_cast<size_t>(v)]) {
      const Vec2 d = pts_[static_cast<size_t>(v)] - m;
      if (!(d.x >= 0)) continue;
      const double k = Dot(d, d);
      if (!found || k < key) {
        key = k;
        ties.clear();
        found = true;
      }
      if (k == key) ties.push_back(v);
    }
  };
  for (int ring = 0; ring <= maxRing; ++ring) {
    if (found && ring >= 2) {
      // Every vertex in a cell `ring` columns or rows from m's lies at
      // least (ring - 1) cells minus the margins from m; its computed key
      // is at least that squared, less a few roundings.
      const double gap = ((ring - 1) * minCell_ - 2 * margin_) * (1 - 1e-12);
      const double lower = gap * gap * (1 - 1e-9);
      if (gap > 0 && lower >= 0x1p-900 && lower > key) break;
    }
    const int r0 = rm - ring, r1 = rm + ring;
    for (int r = std::max(0, r0); r <= std::min(ny_ - 1, r1); ++r) {
      const bool edgeRow = r == r0 || r == r1;
      // Columns from m's on: m's column and right of it at distance ring
      // (every column of the ring's top and bottom rows, the end column of
      // the others).
      if (edgeRow) {
        for (int c = std::max(0, cm - ring); c <= std::min(nx_ - 1, cm + ring); ++c)
          if (c >= cm) visit(c, r);
      } else {
        if (cm + ring <= nx_ - 1) visit(cm + ring, r);
      }
    }
  }
  return found;
}

}  // namespace mos::kernel
