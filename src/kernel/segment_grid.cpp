#include "kernel/segment_grid.h"

namespace mos::kernel {

bool SegmentGrid::Build(double minX, double minY, double maxX, double maxY, size_t cells) {
  head_.clear();
  entries_.clear();
  const double w = maxX - minX, h = maxY - minY;
  const double scale = std::max({std::fabs(minX), std::fabs(maxX), std::fabs(minY), std::fabs(maxY), w, h});
  if (!std::isfinite(scale) || !(w >= 0) || !(h >= 0) || scale < 1e-100 || scale > 1e100) return false;
  reach_ = 1e-9 * scale;
  minX_ = minX;
  minY_ = minY;
  // Roughly square cells, about `cells` of them.
  const double target = std::clamp(static_cast<double>(cells), 1.0, 4.0e6);
  const double minSide = 1e-6 * scale;  // thinner boxes get a single row or column
  if (w > minSide && h > minSide) {
    nx_ = static_cast<int>(std::clamp(std::sqrt(target * w / h), 1.0, 4096.0));
    ny_ = static_cast<int>(std::clamp(target / nx_, 1.0, 4096.0));
  } else if (w > minSide) {
    nx_ = static_cast<int>(std::clamp(target, 1.0, 4096.0));
    ny_ = 1;
  } else if (h > minSide) {
    nx_ = 1;
    ny_ = static_cast<int>(std::clamp(target, 1.0, 4096.0));
  } else {
    nx_ = ny_ = 1;
  }
  cellW_ = nx_ > 1 ? w / nx_ : 1;
  cellH_ = ny_ > 1 ? h / ny_ : 1;
  invW_ = nx_ > 1 ? nx_ / w : 0;
  invH_ = ny_ > 1 ? ny_ / h : 0;
  head_.assign(static_cast<size_t>(nx_) * ny_, -1);
  maxEntries_ = std::min<size_t>(32 * (head_.size() + cells) + 4096, std::numeric_limits<int>::max());
  return true;
}

bool SegmentGrid::Insert(int item, Vec2 a, Vec2 b) {
  bool fits = true;
  ForEachCellOnSegment(a, b, [&](size_t cell) {
    if (entries_.size() >= maxEntries_) return fits = false;
    entries_.push_back({item, head_[cell]});
    head_[cell] = static_cast<int>(entries_.size()) - 1;
    return true;
  });
  return fits;
}

void SegmentGrid::Replace(int from, int to, Vec2 a, Vec2 b) {
  ForEachCellOnSegment(a, b, [&](size_t cell) {
    for (int e = head_[cell]; e >= 0; e = entries_[e].next) {
      if (entries_[e].item == from) entries_[e].item = to;
    }
    return true;
  });
}

}  // namespace mos::kernel
