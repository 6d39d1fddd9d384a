// The crossing round after the replayed one (the first crossing round,
// replayed from the vertex round's record) takes its pairs from the vertex
// round's overlapping pairs when every split vertex stayed in the box of the
// piece it split (DerivedPairPass), instead of a grid of all pieces. Only the
// swept search (the default) does; the exhaustive one (kBoxGrid) always
// builds the grid. Both must give the same arrangement bit for bit: a pair
// the derived pass misses (a split or crossing not made) or a crossing made
// out of order changes it. The counts make sure the derived rounds ran, and
// that some of them split. Also: the snapping grid's filter.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "kernel/polygon2d.h"
#include "kernel/polygon2d_arrangement.h"
#include "polygon2d_fuzz_corpus.h"
#include "polygon2d_arrangement_compare.h"
#include "polygon2d_star.h"

namespace mos::kernel {
namespace {

using testing::AddSegments;
using testing::ExpectSameArrangement;
using testing::SameBits;
using testing::Star;

Contour Circle(Vec2 centre, double r, int n, double jitter, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(-1, 1);
  Contour c;
  for (int k = 0; k < n; ++k) {
    const double t = 2 * M_PI * k / n;
    c.push_back({centre.x + r * std::cos(t) + jitter * unit(rng), centre.y + r * std::sin(t) + jitter * unit(rng)});
  }
  return c;
}

// Thin triangles whose long edges pass nearly through one point, a few
// snap distances apart (1e-13 of the largest coordinate): their crossings
// are made apart, and a crossing point then lies within the snap distance
// of a third piece, which the derived round splits.
Polygon2d NearConcurrentClusters(std::mt19937_64& rng, double offset) {
  std::uniform_real_distribution<double> unit(0, 1);
  Polygon2d p;
  for (int cluster = 0; cluster < 100; ++cluster) {
    const Vec2 o{5.0 * (cluster % 10) + unit(rng), 5.0 * (cluster / 10) + unit(rng)};
    for (int s = 0; s < 3; ++s) {
      const double t = unit(rng) * M_PI, r = 0.5 + unit(rng);
      const Vec2 d{std::cos(t), std::sin(t)};
      const Vec2 c{o.x + offset * (unit(rng) - 0.5), o.y + offset * (unit(rng) - 0.5)};
      p.contours.push_back({{c.x - r * d.x, c.y - r * d.y},
                            {c.x + r * d.x, c.y + r * d.y},
                            {c.x + 0.5 * r * d.x + 1e-2 * d.y, c.y + 0.5 * r * d.y - 1e-2 * d.x}});
    }
  }
  return p;
}

// The candidate limit raised: dense clusters and stars take the derived
// pass too, and many of their derived rounds split.
TEST(Polygon2dDerivedRound, SameArrangementAsTheGridWhereDerivedRoundsSplit) {
  polygon2d_detail::SplitRoundStats& stats = polygon2d_detail::ThreadSplitRoundStats();
  const polygon2d_detail::SplitRoundStats before = stats;
  stats.maxCandidatesPerPiece = 1000000;
  std::mt19937_64 rng(2026);
  std::uniform_real_distribution<double> unit(0, 1);
  size_t edges = 0;
  for (int it = 0; it < 24; ++it) {
    Polygon2d a, b;
    if (it % 3 == 0) {  // stars with irrational vertices: many rounded crossings
      for (int s = 0; s < 4; ++s) {
        const int n = 7 + static_cast<int>(rng() % 14);
        (s % 2 ? b : a)
            .contours.push_back(Star(n, 2 + static_cast<int>(rng() % 4), 1 + 2 * unit(rng), 6 * unit(rng),
                                     {2 * unit(rng), 2 * unit(rng)}));
      }
    } else {
      a = NearConcurrentClusters(rng, it % 3 == 1 ? 1e-12 : 3e-12);
      b = NearConcurrentClusters(rng, 1e-11);
    }
    edges += ExpectSameArrangement(a, b, "iteration " + std::to_string(it));
  }
  stats.maxCandidatesPerPiece = before.maxCandidatesPerPiece;
  EXPECT_GT(edges, 10000u);
  EXPECT_GT(stats.derived, before.derived + 10);
  EXPECT_GT(stats.derivedSplitting, before.derivedSplitting + 10);
}

// The default limit: grids of jittered circles (circle_grid_union) and
// sparse stars take the derived pass (nothing left to split there).
TEST(Polygon2dDerivedRound, SameArrangementAsTheGridOnCircleGrids) {
  polygon2d_detail::SplitRoundStats& stats = polygon2d_detail::ThreadSplitRoundStats();
  const polygon2d_detail::SplitRoundStats before = stats;
  std::mt19937_64 rng(1207);
  std::uniform_real_distribution<double> unit(0, 1);
  size_t edges = 0;
  for (int it = 0; it < 12; ++it) {
    Polygon2d a, b;
    for (int i = 0; i < 10; ++i) {
      for (int j = 0; j < 10; ++j) {
        (it % 2 == 0 || (i + j) % 2 == 0 ? a : b)
            .contours.push_back(Circle({i * 1.2, j * 1.2}, 1, 24, it < 6 ? 0 : 1e-9, rng));
      }
    }
    edges += ExpectSameArrangement(a, b, "iteration " + std::to_string(it));
  }
  EXPECT_GT(edges, 10000u);
  EXPECT_GE(stats.derived, before.derived + 6);
}

// The snapping grid's filter only skips searches that find nothing: with
// it and without it, the same arrangement bit for bit, on inputs whose
// crossing points snap to earlier ones (near-concurrent clusters, the fuzz
// corpus).
Arrangement2d BuildWithSnapFilter(const Polygon2d& a, const Polygon2d& b, bool filter) {
  std::vector<Segment2d> segments;
  AddSegments(a, 0, segments);
  AddSegments(b, 1, segments);
  polygon2d_detail::SplitRoundStats& stats = polygon2d_detail::ThreadSplitRoundStats();
  const bool before = stats.snapFilter;
  stats.snapFilter = filter;
  Arrangement2d out = BuildArrangement(segments);
  stats.snapFilter = before;
  return out;
}

void ExpectSameWithAndWithoutSnapFilter(const Polygon2d& a, const Polygon2d& b, const std::string& what) {
  const Arrangement2d with = BuildWithSnapFilter(a, b, true), without = BuildWithSnapFilter(a, b, false);
  ASSERT_EQ(with.points.size(), without.points.size()) << what;
  ASSERT_EQ(with.edges.size(), without.edges.size()) << what;
  for (size_t i = 0; i < with.points.size(); ++i) {
    ASSERT_TRUE(SameBits(with.points[i].x, without.points[i].x) && SameBits(with.points[i].y, without.points[i].y))
        << what << ": point " << i;
  }
  for (size_t i = 0; i < with.edges.size(); ++i) {
    ASSERT_TRUE(with.edges[i].lo == without.edges[i].lo && with.edges[i].hi == without.edges[i].hi &&
                with.edges[i].delta == without.edges[i].delta)
        << what << ": edge " << i;
  }
}

TEST(Polygon2dDerivedRound, SnapFilterChangesNothing) {
  polygon2d_detail::SplitRoundStats& stats = polygon2d_detail::ThreadSplitRoundStats();
  const size_t snappedBefore = stats.snapped;
  std::mt19937_64 rng(99);
  for (int it = 0; it < 8; ++it) {
    ExpectSameWithAndWithoutSnapFilter(NearConcurrentClusters(rng, 1e-13 * (1 + it)),
                                       NearConcurrentClusters(rng, 5e-14), "clusters " + std::to_string(it));
  }
  testing::ForEachPolygon2dCorpusInput([&](const std::string& name, const Polygon2d sets[2]) {
    ExpectSameWithAndWithoutSnapFilter(sets[0], sets[1], name);
  });
  EXPECT_GT(stats.snapped, snappedBefore + 100);
}

TEST(Polygon2dDerivedRound, SameArrangementAsTheGridOnTheFuzzCorpus) {
  size_t edges = 0;
  const int files = testing::ForEachPolygon2dCorpusInput(
      [&](const std::string& name, const Polygon2d sets[2]) { edges += ExpectSameArrangement(sets[0], sets[1], name); });
  EXPECT_GT(files, 60);
  EXPECT_GT(edges, 1000u);
}

}  // namespace
}  // namespace mos::kernel
