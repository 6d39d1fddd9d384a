#include "kernel/bridge_blockers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "kernel/output_face_predicates.h"

namespace mos::kernel {

namespace {

constexpr size_t kMinGridEdges = 64;  // below this a scan is as quick
constexpr double kEps = std::numeric_limits<double>::epsilon();

}  // namespace

void BridgeBlockers::AddLoop(const std::vector<int>& loop) {
  for (size_t i = 0; i < loop.size(); ++i) edges_.push_back({loop[i], loop[(i + 1) % loop.size()]});
}

void BridgeBlockers::Index() {
  gridded_ = false;
  stamp_.assign(edges_.size(), 0);
  if (edges_.size() < kMinGridEdges) return;
  double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
  for (const Edge& e : edges_)
    for (int v : {e.from, e.to}) {
      const Vec2 p = pts_[v];
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
      minX = std::min(minX, p.x);
      minY = std::min(minY, p.y);
      maxX = std::max(maxX, p.x);
      maxY = std::max(maxY, p.y);
    }
  if (!(minX <= maxX && minY <= maxY)) return;
  lo_ = {minX, minY};
  hi_ = {maxX, maxY};
  g_ = std::max(1, std::min(1024, static_cast<int>(std::sqrt(static_cast<double>(edges_.size())))));
  mGrid_ = std::max({std::fabs(minX), std::fabs(minY), std::fabs(maxX), std::fabs(maxY)});
  w_ = (maxX - minX) / g_;
  h_ = (maxY - minY) / g_;
  // The walk's stopping rule needs cells far taller than the rounding.
  if (!(w_ > 1e-9 * (1 + mGrid_) && h_ > 1e-9 * (1 + mGrid_)) || !std::isfinite(w_) || !std::isfinite(h_)) return;
  sx_ = g_ / (maxX - minX);
  sy_ = g_ / (maxY - minY);
  // A point's computed cell holds it up to the rounding of (x - lo) * s and
  // of the cell's corners lo + i * w: the cells are widened by far more.
  ex_ = 16 * kEps * (mGrid_ + (maxX - minX)) + 1e-9 * w_;
  ey_ = 16 * kEps * (mGrid_ + (maxY - minY)) + 1e-9 * h_;
  const size_t numCells = static_cast<size_t>(g_) * g_;
  always_.clear();
  gridded_ = true;
  // Count, then place: each cell's edges in increasing order.
  cellStart_.assign(numCells + 1, 0);
  std::vector<std::array<int, 4>> range(edges_.size());  // x0, x1, y0, y1; x0 < 0: out of bounds
  for (size_t e = 0; e < edges_.size(); ++e) {
    std::array<int, 4>& r = range[e];
    if (!CellRange(static_cast<int>(e), r[0], r[1], r[2], r[3])) {
      r[0] = -1;
      continue;
    }
    for (int cy = r[2]; cy <= r[3]; ++cy)
      for (int cx = r[0]; cx <= r[1]; ++cx) ++cellStart_[static_cast<size_t>(cy) * g_ + cx + 1];
  }
  for (size_t c = 0; c < numCells; ++c) cellStart_[c + 1] += cellStart_[c];
  cellEdges_.resize(static_cast<size_t>(cellStart_[numCells]));
  std::vector<int> fill(cellStart_.begin(), cellStart_.end() - 1);
  for (size_t e = 0; e < edges_.size(); ++e) {
    const std::array<int, 4>& r = range[e];
    if (r[0] < 0) {
      always_.push_back(static_cast<int>(e));
      continue;
    }
    for (int cy = r[2]; cy <= r[3]; ++cy)
      for (int cx = r[0]; cx <= r[1]; ++cx) cellEdges_[static_cast<size_t>(fill[static_cast<size_t>(cy) * g_ + cx]++)] = static_cast<int>(e);
  }
  extraHead_.assign(numCells, -1);
  extra_.clear();
}

void BridgeBlockers::AddEdge(int from, int to) {
  edges_.push_back({from, to});
  stamp_.push_back(0);
  if (gridded_) Insert(static_cast<int>(edges_.size() - 1));
}

bool BridgeBlockers::InBounds(Vec2 p) const {
  return p.x >= lo_.x && p.x <= hi_.x && p.y >= lo_.y && p.y <= hi_.y;
}

int BridgeBlockers::CellX(double x) const {
  const double t = (x - lo_.x) * sx_;
  if (!(t > 0)) return 0;
  if (t >= g_) return g_ - 1;
  return static_cast<int>(t);
}

int BridgeBlockers::CellY(double y) const {
  const double t = (y - lo_.y) * sy_;
  if (!(t > 0)) return 0;
  if (t >= g_) return g_ - 1;
  return static_cast<int>(t);
}

// Every cell its box overlaps, so the cells' (widened) boxes cover the
// whole edge.
bool BridgeBlockers::CellRange(int e, int& x0, int& x1, int& y0, int& y1) const {
  const Vec2 p = pts_[edges_[e].from], q = pts_[edges_[e].to];
  if (!InBounds(p) || !InBounds(q)) return false;
  x0 = CellX(std::min(p.x, q.x));
  x1 = CellX(std::max(p.x, q.x));
  y0 = CellY(std::min(p.y, q.y));
  y1 = CellY(std::max(p.y, q.y));
  return true;
}

void BridgeBlockers::Insert(int e) {
  int x0, x1, y0, y1;
  if (!CellRange(e, x0, x1, y0, y1)) {
    always_.push_back(e);
    return;
  }
  for (int cy = y0; cy <= y1; ++cy)
    for (int cx = x0; cx <= x1; ++cx) {
      int& head = extraHead_[static_cast<size_t>(cy) * g_ + cx];
      extra_.push_back({e, head});
      head = static_cast<int>(extra_.size() - 1);
    }
}

bool BridgeBlockers::Hits(const Edge& e, Vec2 a, Vec2 b) const {
  return output_face::BlocksBridge(a, b, pts_[e.from], pts_[e.to]);
}

bool BridgeBlockers::ScanAll(Vec2 a, Vec2 b) const {
  for (const Edge& e : edges_)
    if (Hits(e, a, b)) return true;
  return false;
}

// An OR over the cell's edges: their order (loops' edges, then bridges
// newest first) does not change the answer.
bool BridgeBlockers::Visit(int cx, int cy, Vec2 a, Vec2 b) {
  const size_t c = static_cast<size_t>(cy) * g_ + cx;
  auto test = [&](int e) {
    if (stamp_[e] == query_) return false;
    stamp_[e] = query_;
    return Hits(edges_[e], a, b);
  };
  for (int k = cellStart_[c]; k < cellStart_[c + 1]; ++k)
    if (test(cellEdges_[static_cast<size_t>(k)])) return true;
  for (int k = extraHead_[c]; k >= 0; k = extra_[static_cast<size_t>(k)].next)
    if (test(extra_[static_cast<size_t>(k)].edge)) return true;
  return false;
}

// f(c) = (b - a) x (c - a) is affine in c: over the widened cell its exact
// value is smallest (largest) at the corner the signs of b - a pick, and
// lies within that corner's computed value widened by its error bound. Any
// point c of the cell has |computed Orient(a, b, c) - f(c)| <= e
// (orient2d's bound 3 eps/2 * detsum, taken as 4 eps) and
// OrientTolerance(a, b, c) <= t (hypot bounded by |x| + |y|); the side is
// certified when the corner clears 2 (e + t).
bool BridgeBlockers::Certified(int cx, int cy, const Query& q, int side) const {
  const double x0 = lo_.x + cx * w_ - ex_, x1 = lo_.x + (cx + 1) * w_ + ex_;
  const double y0 = lo_.y + cy * h_ - ey_, y1 = lo_.y + (cy + 1) * h_ + ey_;
  // f falls with x when dy > 0 and rises with y when dx > 0.
  const bool low = side > 0;  // the corner of the smallest f, else of the largest
  const double x = (q.dy > 0) == low ? x1 : x0;
  const double y = (q.dx > 0) == low ? y0 : y1;
  const double p1 = q.dx * (y - q.a.y), p2 = q.dy * (x - q.a.x);
  const double f = p1 - p2, err = 4 * kEps * (std::fabs(p1) + std::fabs(p2));
  const double ux = std::max(std::fabs(x0 - q.a.x), std::fabs(x1 - q.a.x));
  const double uy = std::max(std::fabs(y0 - q.a.y), std::fabs(y1 - q.a.y));
  const double e = 4 * kEps * (q.absDx * uy + q.absDy * ux);
  const double m = std::max({q.mab, std::fabs(x0), std::fabs(x1), std::fabs(y0), std::fabs(y1)});
  const double t = 8 * kEps * m * (q.l1 + (ux + uy));
  const double margin = 2 * (e + t);
  if (!std::isfinite(f) || !std::isfinite(err) || !std::isfinite(margin)) return false;
  return side > 0 ? f - err > margin : f + err < -margin;
}

bool BridgeBlockers::Blocked(Vec2 a, Vec2 b) {
  if (stamp_.size() < edges_.size()) stamp_.resize(edges_.size(), 0);
  if (++query_ == 0) {  // wrapped: old stamps could match again
    std::fill(stamp_.begin(), stamp_.end(), 0);
    query_ = 1;
  }
  if (!gridded_) return ScanAll(a, b);
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double mab = std::max({std::fabs(a.x), std::fabs(a.y), std::fabs(b.x), std::fabs(b.y)});
  const double l1 = std::fabs(dx) + std::fabs(dy);
  if (!(l1 > 1e-9 * (1 + std::max(mGrid_, mab)))) return ScanAll(a, b);  // also NaN / inf
  const Query q{a, dx, dy, std::fabs(dx), std::fabs(dy), l1, mab};
  for (int e : always_)
    if (Hits(edges_[e], a, b)) return true;
  if (std::fabs(dx) >= std::fabs(dy)) {
    // Columns; f grows upwards when dx > 0.
    const int up = dx > 0 ? 1 : -1;
    const double slope = dy / dx;
    for (int cx = 0; cx < g_; ++cx) {
      const double xa = lo_.x + cx * w_, xb = xa + w_;
      const double ya = a.y + (xa - a.x) * slope, yb = a.y + (xb - a.x) * slope;
      const int c0 = CellY(std::min(ya, yb)), c1 = CellY(std::max(ya, yb));
      for (int cy = c0; cy <= c1; ++cy)
        if (Visit(cx, cy, a, b)) return true;
      for (int cy = c1 + 1; cy < g_ && !Certified(cx, cy, q, up); ++cy)
        if (Visit(cx, cy, a, b)) return true;
      for (int cy = c0 - 1; cy >= 0 && !Certified(cx, cy, q, -up); --cy)
        if (Visit(cx, cy, a, b)) return true;
    }
  } else {
    // Rows; f grows to the right when dy < 0.
    const int right = dy > 0 ? -1 : 1;
    const double slope = dx / dy;
    for (int cy = 0; cy < g_; ++cy) {
      const double ya = lo_.y + cy * h_, yb = ya + h_;
      const double xa = a.x + (ya - a.y) * slope, xb = a.x + (yb - a.y) * slope;
      const int c0 = CellX(std::min(xa, xb)), c1 = CellX(std::max(xa, xb));
      for (int cx = c0; cx <= c1; ++cx)
        if (Visit(cx, cy, a, b)) return true;
      for (int cx = c1 + 1; cx < g_ && !Certified(cx, cy, q, right); ++cx)
        if (Visit(cx, cy, a, b)) return true;
      for (int cx = c0 - 1; cx >= 0 && !Certified(cx, cy, q, -right); --cx)
        if (Visit(cx, cy, a, b)) return true;
    }
  }
  return false;
}

}  // namespace mos::kernel
