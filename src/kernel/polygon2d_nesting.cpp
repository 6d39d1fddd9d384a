#include "kernel/polygon2d_nesting.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

#include "kernel/polygon2d_buckets.h"

namespace mos::kernel {
namespace {

using polygon2d_detail::AxisBuckets;

// The part of the edge from c[j] to c[i] in ClassifyPoint: -1 p lies on it,
// 1 it crosses the rightward ray from p (half-open in y), 0 neither. Only
// an edge whose y range holds p.y can do either.
int EdgeVerdict(const Contour& c, size_t j, size_t i, Vec2 p) {
  const Vec2 a = c[j], b = c[i];
  const bool aAbove = a.y > p.y, bAbove = b.y > p.y;
  if (aAbove && bAbove) return 0;  // cannot cross the ray nor hold p
  if (p.y >= std::min(a.y, b.y) && p.y <= std::max(a.y, b.y)) {
    const double cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (cross == 0 && p.x >= std::min(a.x, b.x) && p.x <= std::max(a.x, b.x)) return -1;
  }
  if (bAbove != aAbove) {
    const double x = c[j].x + (p.y - c[j].y) * (c[i].x - c[j].x) / (c[i].y - c[j].y);
    if (p.x < x) return 1;
  }
  return 0;
}

// A contour's edges by y, for many point tests against it. The verdict is
// the same as ClassifyPoint's: being on the boundary and the crossing count
// depend on each edge alone, and only edges whose y range holds p.y count.
class IndexedContour {
 public:
  explicit IndexedContour(const Contour& c) : c_(c), ylo_(c.size()), yhi_(c.size()), items_(c.size()) {
    for (size_t k = 0; k < c.size(); ++k) {
      const Vec2 a = c[k == 0 ? c.size() - 1 : k - 1], b = c[k];
      ylo_[k] = std::min(a.y, b.y);
      yhi_[k] = std::max(a.y, b.y);
      items_[k] = static_cast<int>(k);
    }
    byY_ = std::make_unique<AxisBuckets>(ylo_, yhi_, items_);
  }
  int Classify(Vec2 p) const {
    bool in = false;
    for (int k : byY_->Bucket(byY_->Index(p.y))) {
      if (!(ylo_[k] <= p.y && p.y <= yhi_[k])) continue;
      const size_t i = static_cast<size_t>(k), j = i == 0 ? c_.size() - 1 : i - 1;
      const int v = EdgeVerdict(c_, j, i, p);
      if (v < 0) return -1;
      if (v > 0) in = !in;
    }
    return in ? 1 : 0;
  }

 private:
  const Contour& c_;
  std::vector<double> ylo_, yhi_;
  std::vector<int> items_;
  std::unique_ptr<AxisBuckets> byY_;
};

// A contour of at least this many vertices gets an index once it has been
// walked this many times (an index costs about as much as a few walks; most
// contours are tested against once or twice: glyphs, separate shapes).
constexpr size_t kIndexedContour = 48;
constexpr int kWalksBeforeIndex = 4;

// From this many contours the candidate parents come from a grid of the
// contours' boxes instead of every larger contour.
constexpr size_t kGridFrom = 64;

bool Finite(double v) { return std::isfinite(v); }

}  // namespace

int ClassifyPoint(const Contour& c, Vec2 p) {
  bool in = false;
  for (size_t i = 0, j = c.size() - 1; i < c.size(); j = i++) {
    const int v = EdgeVerdict(c, j, i, p);
    if (v < 0) return -1;
    if (v > 0) in = !in;
  }
  return in ? 1 : 0;
}

bool ContourContains(const Contour& outer, const Contour& inner) {
  for (const Vec2& p : inner) {
    const int where = ClassifyPoint(outer, p);
    if (where >= 0) return where == 1;
  }
  return false;
}

std::vector<long> ContourParents(const std::vector<Contour>& cs) {
  const size_t n = cs.size();
  std::vector<double> area(n);
  std::vector<std::array<double, 4>> box(n);
  bool finite = true;
  for (size_t i = 0; i < n; ++i) {
    area[i] = cs[i].empty() ? 0 : std::fabs(SignedArea(cs[i]));
    box[i] = cs[i].empty() ? std::array<double, 4>{0, 0, 0, 0}
                           : std::array<double, 4>{cs[i][0].x, cs[i][0].y, cs[i][0].x, cs[i][0].y};
    for (const Vec2& p : cs[i]) {
      box[i] = {std::min(box[i][0], p.x), std::min(box[i][1], p.y), std::max(box[i][2], p.x),
                std::max(box[i][3], p.y)};
      finite = finite && Finite(p.x) && Finite(p.y);
    }
    finite = finite && Finite(area[i]);
  }
  auto boxInside = [&](size_t inner, size_t outer) {
    return box[outer][0] <= box[inner][0] && box[outer][1] <= box[inner][1] && box[outer][2] >= box[inner][2] &&
           box[outer][3] >= box[inner][3];
  };
  std::vector<long> parent(n, -1);
  if (!finite) {
    // Comparisons with NaN are no order to sort by: every pair, as the
    // definition reads.
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < n; ++j) {
        if (i == j || area[j] < area[i] || !boxInside(i, j)) continue;
        if (parent[i] >= 0 && area[j] >= area[static_cast<size_t>(parent[i])]) continue;
        if (cs[j].size() > 0 && ContourContains(cs[j], cs[i])) parent[i] = static_cast<long>(j);
      }
    }
    return parent;
  }
  std::vector<std::unique_ptr<IndexedContour>> indexed(n);
  std::vector<int> walks(n, 0);
  auto contains = [&](size_t outer, size_t inner) {
    const Contour& o = cs[outer];
    if (o.size() < kIndexedContour || walks[outer] < kWalksBeforeIndex) {
      ++walks[outer];
      return ContourContains(o, cs[inner]);
    }
    if (!indexed[outer]) indexed[outer] = std::make_unique<IndexedContour>(o);
    for (const Vec2& p : cs[inner]) {
      const int where = indexed[outer]->Classify(p);
      if (where >= 0) return where == 1;
    }
    return false;
  };
  // Candidates by (area, index): the first that contains i is its parent.
  auto before = [&](size_t a, size_t b) { return area[a] < area[b] || (area[a] == area[b] && a < b); };
  if (n < kGridFrom) {
    std::vector<size_t> byArea(n);
    for (size_t i = 0; i < n; ++i) byArea[i] = i;
    std::sort(byArea.begin(), byArea.end(), before);
    for (size_t i = 0; i < n; ++i) {
      auto k = std::lower_bound(byArea.begin(), byArea.end(), area[i],
                                [&](size_t j, double a) { return area[j] < a; });
      for (; k != byArea.end(); ++k) {
        const size_t j = *k;
        if (j == i || !boxInside(i, j) || cs[j].empty()) continue;
        if (contains(j, i)) {
          parent[i] = static_cast<long>(j);
          break;
        }
      }
    }
    return parent;
  }
  // Many contours (a union's outline and its hundreds of holes): each one
  // tried every larger contour's box. A box holding contour i's box holds
  // its lower left corner, so the candidates are the boxes covering that
  // corner's cell of a grid, tried in the same (area, index) order.
  const polygon2d_detail::BoxGridLayout layout(box);
  const int dim = layout.Dim();
  polygon2d_detail::FlatBuckets cells;
  cells.Build(dim * dim, [&](auto&& f) {
    for (size_t j = 0; j < n; ++j) {
      const auto& c = layout.Cells(j);
      for (int cy = c[1]; cy <= c[3]; ++cy) {
        for (int cx = c[0]; cx <= c[2]; ++cx) f(static_cast<size_t>(cy) * dim + cx, static_cast<int>(j));
      }
    }
  });
  std::vector<size_t> candidates;
  for (size_t i = 0; i < n; ++i) {
    const auto& c = layout.Cells(i);
    candidates.clear();
    for (int j : cells.Bucket(static_cast<size_t>(c[1]) * dim + c[0])) {
      const size_t u = static_cast<size_t>(j);
      if (u == i || area[u] < area[i] || !boxInside(i, u) || cs[u].empty()) continue;
      candidates.push_back(u);
    }
    std::sort(candidates.begin(), candidates.end(), before);
    for (size_t j : candidates) {
      if (contains(j, i)) {
        parent[i] = static_cast<long>(j);
        break;
      }
    }
  }
  return parent;
}

}  // namespace mos::kernel
