// The slab oracle's sweep (edges met in x order, slabs visiting only the
// edges spanning them) against the plain form it replaced: every slab
// scanning every edge, every edge pair tested for a crossing. Both must give
// the same area on random polygon sets (grid points, nearly degenerate
// jitter, self-crossing contours), and known areas on simple shapes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "polygon2d_slab_oracle.h"

namespace mos::kernel {
namespace {

template <typename Inside>
double PlainSlabArea(const Polygon2d& a, const Polygon2d& b, const Inside& inside) {
  struct E {
    Vec2 p, q;
    int operand, sign;
  };
  std::vector<E> edges;
  std::vector<double> xs;
  for (int operand = 0; operand < 2; ++operand) {
    for (const Contour& c : (operand == 0 ? a : b).contours) {
      for (size_t i = 0; i < c.size(); ++i) {
        Vec2 p = c[i], q = c[(i + 1) % c.size()];
        xs.push_back(p.x);
        if (p.x == q.x) continue;
        const int sign = p.x < q.x ? 1 : -1;
        if (sign < 0) std::swap(p, q);
        edges.push_back({p, q, operand, sign});
      }
    }
  }
  for (size_t i = 0; i < edges.size(); ++i) {
    for (size_t j = i + 1; j < edges.size(); ++j) {
      const Vec2 d1 = edges[i].q - edges[i].p, d2 = edges[j].q - edges[j].p;
      const double den = Cross(d1, d2);
      if (den == 0) continue;
      const double t = Cross(edges[j].p - edges[i].p, d2) / den, u = Cross(edges[j].p - edges[i].p, d1) / den;
      if (t > 0 && t < 1 && u > 0 && u < 1) xs.push_back(edges[i].p.x + t * d1.x);
    }
  }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  double area = 0;
  for (size_t s = 0; s + 1 < xs.size(); ++s) {
    const double x0 = xs[s], x1 = xs[s + 1], xm = (x0 + x1) / 2;
    struct Cut {
      double ym, y0, y1;
      int operand, sign;
    };
    std::vector<Cut> cuts;
    for (const E& e : edges) {
      if (e.p.x > xm || e.q.x < xm) continue;
      auto y = [&](double x) { return e.p.y + (x - e.p.x) * (e.q.y - e.p.y) / (e.q.x - e.p.x); };
      cuts.push_back({y(xm), y(x0), y(x1), e.operand, e.sign});
    }
    std::sort(cuts.begin(), cuts.end(), [](const Cut& u, const Cut& v) { return u.ym < v.ym; });
    int w[2] = {0, 0};
    for (size_t i = 0; i + 1 < cuts.size(); ++i) {
      w[cuts[i].operand] += cuts[i].sign;
      if (inside(w[0], w[1])) area += (x1 - x0) * ((cuts[i + 1].y0 + cuts[i + 1].y1) - (cuts[i].y0 + cuts[i].y1)) / 2;
    }
  }
  return area;
}

Contour Square(double x, double y, double s) { return {{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}}; }

TEST(Polygon2dSlabOracle, KnownAreas) {
  const Polygon2d a{{Square(0, 0, 2)}}, b{{Square(1, 1, 2)}};
  auto op = [](BoolOp2d o) {
    return [o](int wa, int wb) {
      return testing::SlabApply(testing::SlabFill(wa, FillRule::kNonZero), testing::SlabFill(wb, FillRule::kNonZero), o);
    };
  };
  EXPECT_DOUBLE_EQ(testing::SlabArea(a, b, op(BoolOp2d::kUnion)), 7);
  EXPECT_DOUBLE_EQ(testing::SlabArea(a, b, op(BoolOp2d::kIntersection)), 1);
  EXPECT_DOUBLE_EQ(testing::SlabArea(a, b, op(BoolOp2d::kDifference)), 3);
  EXPECT_DOUBLE_EQ(testing::SlabArea(a, b, op(BoolOp2d::kXor)), 6);
  // A pentagram: even-odd keeps the five tips, nonzero the whole star.
  Contour star;
  for (int k = 0; k < 5; ++k) {
    const double t = 3.14159265358979323846 / 2 + k * 4 * 3.14159265358979323846 / 5;
    star.push_back({std::cos(t), std::sin(t)});
  }
  const Polygon2d s{{star}};
  const double evenOdd = testing::SlabArea(s, Polygon2d{}, [](int w, int) { return (w & 1) != 0; });
  const double nonZero = testing::SlabArea(s, Polygon2d{}, [](int w, int) { return w != 0; });
  EXPECT_GT(nonZero, evenOdd);
  EXPECT_NEAR(evenOdd, PlainSlabArea(s, Polygon2d{}, [](int w, int) { return (w & 1) != 0; }), 1e-12);
  EXPECT_NEAR(nonZero, PlainSlabArea(s, Polygon2d{}, [](int w, int) { return w != 0; }), 1e-12);
}

TEST(Polygon2dSlabOracle, SweepMatchesPlainSlabsOnRandomSets) {
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<int> coord(0, 15), jitter(-128, 127), count(1, 40), contours(1, 4), rule(0, 3);
  for (int round = 0; round < 200; ++round) {
    const double j = round % 3 == 0 ? 1e-9 : 0;
    Polygon2d sets[2];
    for (Polygon2d& set : sets) {
      for (int c = contours(rng); c > 0; --c) {
        Contour contour;
        for (int k = count(rng); k > 0; --k) {
          const double d = j * jitter(rng);
          contour.push_back({coord(rng) + d, coord(rng) + d * 0.7});
        }
        set.contours.push_back(contour);
      }
    }
    const BoolOp2d op = static_cast<BoolOp2d>(rule(rng));
    const FillRule fa = static_cast<FillRule>(rule(rng)), fb = static_cast<FillRule>(rule(rng));
    auto inside = [&](int wa, int wb) {
      return testing::SlabApply(testing::SlabFill(wa, fa), testing::SlabFill(wb, fb), op);
    };
    const double plain = PlainSlabArea(sets[0], sets[1], inside);
    ASSERT_NEAR(testing::SlabArea(sets[0], sets[1], inside), plain, 1e-9 * std::max(1.0, std::fabs(plain)))
        << "round " << round;
  }
}

}  // namespace
}  // namespace mos::kernel
