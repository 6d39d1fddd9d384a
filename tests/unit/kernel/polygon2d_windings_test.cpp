// ComputeWindings casts one ray per connected component of the arrangement
// and propagates around the vertices. Until session 9 it first cast a ray
// from every edge that was not tiny and kept those windings when they agreed
// around every vertex, propagating only as a fallback. Windings that agree
// around every vertex of a component are fixed by any one edge's, so both
// must give the same windings on every arrangement: this test keeps the old
// algorithm (ray casts scanning every edge, which is what the bucketed casts
// computed) and compares edge by edge on the polygon2d fuzz corpus, its
// regressions and random sets made to be awkward (stars with rounded
// crossings, jittered coincident copies, many rotated squares, disjoint
// components beyond the count where the casts switch to buckets).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "kernel/polygon2d.h"
#include "kernel/polygon2d_arrangement.h"
#include "polygon2d_fuzz_corpus.h"
#include "polygon2d_star.h"

namespace mos::kernel {
namespace {

using testing::Star;

double Orient(Vec2 a, Vec2 b, Vec2 c) { return Cross(b - a, c - a); }

std::array<int, 2> OldRayCast(const Arrangement2d& arr, int i) {
  const std::vector<Vec2>& pts = arr.points;
  const ArrangementEdge& e = arr.edges[i];
  const Vec2 a = pts[e.lo], b = pts[e.hi];
  const Vec2 m{(a.x + b.x) / 2, (a.y + b.y) / 2};
  std::array<int, 2> w{0, 0};
  const int n = static_cast<int>(arr.edges.size());
  if (a.x < b.x && b.x - a.x >= std::fabs(b.y - a.y)) {
    for (int f = 0; f < n; ++f) {
      const ArrangementEdge& g = arr.edges[f];
      if (f == i || !(pts[g.lo].x <= m.x && m.x < pts[g.hi].x)) continue;
      if (Orient(pts[g.lo], pts[g.hi], m) > 0) {
        w[0] += g.delta[0];
        w[1] += g.delta[1];
      }
    }
    return w;
  }
  for (int f = 0; f < n; ++f) {
    const ArrangementEdge& g = arr.edges[f];
    const Vec2 ga = pts[g.lo], gb = pts[g.hi];
    if (f == i || !(std::min(ga.y, gb.y) <= m.y && m.y < std::max(ga.y, gb.y))) continue;
    const double o = Orient(ga, gb, m);
    const bool up = gb.y > ga.y;
    if (!(up ? o < 0 : o > 0)) continue;
    const int sign = up ? -1 : 1;
    w[0] += sign * g.delta[0];
    w[1] += sign * g.delta[1];
  }
  if (b.y < a.y) return w;
  return {w[0] - e.delta[0], w[1] - e.delta[1]};
}

bool Ccw(const std::pair<Vec2, int>& p, const std::pair<Vec2, int>& q) {
  auto half = [](Vec2 d) { return d.y < 0 || (d.y == 0 && d.x < 0) ? 1 : 0; };
  const int hp = half(p.first), hq = half(q.first);
  if (hp != hq) return hp < hq;
  const double c = Cross(p.first, q.first);
  if (c != 0) return c > 0;
  return p.second < q.second;
}

// The pre-session-9 ComputeWindings (two passes), without a guard. Returns
// whether pass 0's casts were kept (for the test's coverage count).
bool OldComputeWindings(Arrangement2d& arr) {
  const std::vector<Vec2>& pts = arr.points;
  const int n = static_cast<int>(arr.edges.size());
  std::vector<double> length(n);
  std::vector<std::vector<std::pair<Vec2, int>>> around(pts.size());
  for (int i = 0; i < n; ++i) {
    const ArrangementEdge& e = arr.edges[i];
    const Vec2 a = pts[e.lo], b = pts[e.hi];
    length[i] = (b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y);
    around[e.lo].push_back({b - a, i});
    around[e.hi].push_back({a - b, i});
  }
  for (auto& list : around) std::sort(list.begin(), list.end(), Ccw);
  std::vector<int> order(n);
  for (int i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](int p, int q) { return length[p] > length[q] || (length[p] == length[q] && p < q); });
  std::vector<char> known(n, 0);
  std::vector<int> queue;
  auto propagate = [&]() {
    while (!queue.empty()) {
      const int v = queue.back();
      queue.pop_back();
      const auto& list = around[v];
      const int deg = static_cast<int>(list.size());
      int k = 0;
      while (k < deg && !known[list[k].second]) ++k;
      if (k == deg) continue;
      auto after = [&](int e) {
        const ArrangementEdge& ed = arr.edges[e];
        std::array<int, 2> w = ed.rightWinding;
        if (ed.lo == v) {
          w[0] += ed.delta[0];
          w[1] += ed.delta[1];
        }
        return w;
      };
      std::array<int, 2> wedge = after(list[k].second);
      for (int j = 1; j < deg; ++j) {
        const int e = list[(k + j) % deg].second;
        ArrangementEdge& ed = arr.edges[e];
        if (!known[e]) {
          ed.rightWinding = wedge;
          if (ed.hi == v) {
            ed.rightWinding[0] -= ed.delta[0];
            ed.rightWinding[1] -= ed.delta[1];
          }
          known[e] = 1;
          queue.push_back(ed.lo == v ? ed.hi : ed.lo);
        }
        wedge = after(e);
      }
    }
  };
  double scale = 0;
  for (const Vec2& p : pts) scale = std::max({scale, std::fabs(p.x), std::fabs(p.y)});
  const double longEnough = (1e-6 * scale) * (1e-6 * scale);
  auto consistent = [&]() {
    for (size_t v = 0; v < pts.size(); ++v) {
      const auto& list = around[v];
      const int deg = static_cast<int>(list.size());
      for (int j = 0; j < deg; ++j) {
        const ArrangementEdge& a = arr.edges[list[j].second];
        const ArrangementEdge& b = arr.edges[list[(j + 1) % deg].second];
        for (int k = 0; k < 2; ++k) {
          const int afterA = a.rightWinding[k] + (a.lo == static_cast<int>(v) ? a.delta[k] : 0);
          const int beforeB = b.rightWinding[k] + (b.hi == static_cast<int>(v) ? b.delta[k] : 0);
          if (afterA != beforeB) return false;
        }
      }
    }
    return true;
  };
  for (int pass = 0; pass < 2; ++pass) {
    std::fill(known.begin(), known.end(), 0);
    queue.clear();
    for (int i = 0; i < n && pass == 0; ++i) {
      if (!(length[i] > longEnough)) continue;
      arr.edges[i].rightWinding = OldRayCast(arr, i);
      known[i] = 1;
      queue.push_back(arr.edges[i].lo);
      queue.push_back(arr.edges[i].hi);
    }
    propagate();
    for (int seed : order) {
      if (known[seed]) continue;
      arr.edges[seed].rightWinding = OldRayCast(arr, seed);
      known[seed] = 1;
      queue.assign({arr.edges[seed].lo, arr.edges[seed].hi});
      propagate();
    }
    if (pass == 0 && consistent()) return true;
  }
  return false;
}

void AddSegments(const Polygon2d& p, int operand, std::vector<Segment2d>& out) {
  for (const Contour& c : p.contours) {
    if (c.size() < 2) continue;
    for (size_t i = 0; i < c.size(); ++i) out.push_back({c[i], c[(i + 1) % c.size()], operand});
  }
}

struct Tally {
  int arrangements = 0, edges = 0, castsKept = 0;
};

// Both algorithms on the arrangement of a and b; every edge's windings must
// be equal.
void ExpectSameWindings(const Polygon2d& a, const Polygon2d& b, const std::string& what, Tally& tally) {
  std::vector<Segment2d> segments;
  AddSegments(a, 0, segments);
  AddSegments(b, 1, segments);
  Arrangement2d fresh = BuildArrangement(segments);
  Arrangement2d old = fresh;
  ComputeWindings(fresh);
  tally.castsKept += OldComputeWindings(old) ? 1 : 0;
  ++tally.arrangements;
  ASSERT_EQ(fresh.edges.size(), old.edges.size());
  for (size_t i = 0; i < fresh.edges.size(); ++i) {
    ASSERT_EQ(fresh.edges[i].rightWinding, old.edges[i].rightWinding) << what << ", edge " << i;
  }
  tally.edges += static_cast<int>(fresh.edges.size());
}

TEST(Polygon2dWindings, OneCastPerComponentEqualsCastsPerEdgeOnTheFuzzCorpus) {
  Tally tally;
  const int files = testing::ForEachPolygon2dCorpusInput(
      [&](const std::string& name, const Polygon2d sets[2]) { ExpectSameWindings(sets[0], sets[1], name, tally); });
  EXPECT_GT(files, 60);
  EXPECT_GT(tally.castsKept, 0);
}

Contour RotatedRect(Vec2 c, double w, double h, double angle) {
  const double cs = std::cos(angle), sn = std::sin(angle);
  Contour out;
  for (Vec2 p : {Vec2{0, 0}, Vec2{w, 0}, Vec2{w, h}, Vec2{0, h}}) {
    out.push_back({c.x + p.x * cs - p.y * sn, c.y + p.x * sn + p.y * cs});
  }
  return out;
}

TEST(Polygon2dWindings, OneCastPerComponentEqualsCastsPerEdgeOnRandomSets) {
  std::mt19937_64 rng(91);
  std::uniform_real_distribution<double> unit(0, 1);
  Tally tally;
  for (int it = 0; it < 60; ++it) {
    Polygon2d a, b;
    const int kind = it % 4;
    if (kind == 0) {  // stars: many rounded crossings
      for (int s = 0; s < 3; ++s) {
        a.contours.push_back(Star(7 + static_cast<int>(rng() % 9), 2 + static_cast<int>(rng() % 3), 1 + unit(rng),
                                  6 * unit(rng), {2 * unit(rng), 2 * unit(rng)}));
      }
      b.contours.push_back(a.contours[0]);
    } else if (kind == 1) {  // jittered copies of one polygon (near-coincident edges)
      const Contour base = Star(9, 2, 3, unit(rng), {0, 0});
      for (int s = 0; s < 3; ++s) {
        Contour c = base;
        for (Vec2& p : c) p = {p.x + 1e-9 * (unit(rng) - 0.5), p.y + 1e-9 * (unit(rng) - 0.5)};
        (s == 1 ? b : a).contours.push_back(c);
      }
    } else if (kind == 2) {  // a branching tree of rotated rectangles
      for (int s = 0; s < 40; ++s) {
        a.contours.push_back(RotatedRect({10 * unit(rng), 10 * unit(rng)}, 0.3 + unit(rng), 2 + 4 * unit(rng),
                                         6.3 * unit(rng)));
      }
    } else {  // many disjoint components (past the scanned-cast count), some nested
      for (int s = 0; s < 30; ++s) {
        const Vec2 c{3.0 * (s % 6), 3.0 * (s / 6)};
        a.contours.push_back(RotatedRect(c, 2, 2, 0.1 * s));
        if (s % 3 == 0) {
          Contour hole = RotatedRect({c.x + 0.5, c.y + 0.5}, 0.5, 0.5, 0.05 * s);
          std::reverse(hole.begin(), hole.end());
          a.contours.push_back(hole);
        }
        if (s % 4 == 0) b.contours.push_back(RotatedRect({c.x + 1, c.y}, 1.5, 1, 0.3 * s));
      }
    }
    ExpectSameWindings(a, b, "iteration " + std::to_string(it), tally);
  }
  EXPECT_EQ(tally.arrangements, 60);
  EXPECT_GT(tally.castsKept, 30);
}

}  // namespace
}  // namespace mos::kernel
