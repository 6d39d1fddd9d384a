// The grid of BridgeHole's blocking edges answers as the scan over every
// edge does (output_face::BlocksBridge), on random faces with many loops,
// on nearly collinear edges far along a bridge's line, at large
// coordinates, and after bridges are added.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "kernel/bridge_blockers.h"
#include "kernel/output_face_predicates.h"

namespace mos::kernel {
namespace {

struct Face {
  std::vector<Vec2> pts;
  std::vector<std::vector<int>> loops;
  std::vector<std::pair<int, int>> extra;  // edges added after Index()
};

bool ScanBlocked(const Face& f, Vec2 a, Vec2 b) {
  for (const auto& loop : f.loops)
    for (size_t i = 0; i < loop.size(); ++i)
      if (output_face::BlocksBridge(a, b, f.pts[loop[i]], f.pts[loop[(i + 1) % loop.size()]])) return true;
  for (const auto& [p, q] : f.extra)
    if (output_face::BlocksBridge(a, b, f.pts[p], f.pts[q])) return true;
  return false;
}

void AddLoop(Face& f, const std::vector<Vec2>& loop) {
  std::vector<int> ids;
  for (const Vec2& p : loop) {
    ids.push_back(static_cast<int>(f.pts.size()));
    f.pts.push_back(p);
  }
  f.loops.push_back(ids);
}

// Compares both answers for `queries` random vertex pairs (and some random
// points of the face's box); returns how many were blocked.
int CompareQueries(Face& f, BridgeBlockers& index, std::mt19937_64& rng, int queries) {
  int blocked = 0;
  std::uniform_int_distribution<size_t> pick(0, f.pts.size() - 1);
  for (int q = 0; q < queries; ++q) {
    const Vec2 a = f.pts[pick(rng)], b = f.pts[pick(rng)];
    const bool want = ScanBlocked(f, a, b);
    EXPECT_EQ(index.Blocked(a, b), want) << a.x << "," << a.y << " -> " << b.x << "," << b.y;
    blocked += want;
  }
  return blocked;
}

Face PlateFace(std::mt19937_64& rng, double offset, double scale) {
  Face f;
  const int nx = 12, ny = 6, sides = 24;
  AddLoop(f, {{offset, offset}, {offset + nx * scale, offset}, {offset + nx * scale, offset + ny * scale},
              {offset, offset + ny * scale}});
  std::uniform_real_distribution<double> jitter(-0.2, 0.2);
  for (int i = 0; i < nx; ++i)
    for (int j = 0; j < ny; ++j) {
      std::vector<Vec2> hole;
      const double cx = offset + (i + 0.5 + jitter(rng) * (i % 2)) * scale;
      const double cy = offset + (j + 0.5) * scale;
      for (int k = sides - 1; k >= 0; --k) {
        const double t = 2 * M_PI * k / sides;
        hole.push_back({cx + 0.3 * scale * std::cos(t), cy + 0.3 * scale * std::sin(t)});
      }
      AddLoop(f, hole);
    }
  return f;
}

TEST(BridgeBlockers, SameAnswersAsTheScanOnAPlate) {
  std::mt19937_64 rng(7);
  for (const double offset : {0.0, -37.25, 1e6}) {
    Face f = PlateFace(rng, offset, 5);
    BridgeBlockers index(f.pts);
    for (const auto& l : f.loops) index.AddLoop(l);
    index.Index();
    const int blocked = CompareQueries(f, index, rng, 3000);
    EXPECT_GT(blocked, 100);
    EXPECT_LT(blocked, 2900);
    // Bridges added after the grid was built count too.
    std::uniform_int_distribution<size_t> pick(0, f.pts.size() - 1);
    for (int k = 0; k < 40; ++k) {
      const int p = static_cast<int>(pick(rng)), q = static_cast<int>(pick(rng));
      f.extra.push_back({p, q});
      index.AddEdge(p, q);
    }
    CompareQueries(f, index, rng, 2000);
  }
}

// Edges lying (up to rounding) on the line of a bridge, far beyond its
// ends: their orientations are rounding noise, and the grid must still
// visit them.
TEST(BridgeBlockers, NearlyCollinearEdgesFarAlongTheLine) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> unit(0, 1);
  for (int round = 0; round < 20; ++round) {
    Face f;
    const Vec2 dir{0.1 + unit(rng), 0.3 * unit(rng) - 0.1};
    const Vec2 base{unit(rng) * 10, unit(rng) * 10};
    // Short two-point "loops" (zero-width slivers) along the line, and a
    // scatter of triangles around it so that the grid is built.
    for (int k = 0; k < 40; ++k) {
      const double t = k * 1.7 + unit(rng) * 0.5;
      AddLoop(f, {base + dir * t, base + dir * (t + 0.6)});
    }
    for (int k = 0; k < 60; ++k) {
      const Vec2 c{base.x + unit(rng) * 80 - 10, base.y + unit(rng) * 30 - 15};
      AddLoop(f, {c, c + Vec2{0.5, 0}, c + Vec2{0, 0.5}});
    }
    BridgeBlockers index(f.pts);
    for (const auto& l : f.loops) index.AddLoop(l);
    index.Index();
    for (int k = 0; k < 300; ++k) {
      const double t0 = unit(rng) * 70, t1 = t0 + unit(rng) * 3;
      const Vec2 a = base + dir * t0, b = base + dir * t1;
      EXPECT_EQ(index.Blocked(a, b), ScanBlocked(f, a, b));
    }
    CompareQueries(f, index, rng, 300);
  }
}

// Rounding makes ProperCross report a crossing for some disjoint segments
// on one line, even with a gap of many bridge lengths between them. Such an
// edge, far from the bridge in a fine grid, must still block it.
TEST(BridgeBlockers, RoundingCrossingsFarBeyondTheBridge) {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> unit(0, 1);
  int found = 0;
  for (int it = 0; it < 4000000 && found < 6; ++it) {
    const Vec2 base{unit(rng) * 10, unit(rng) * 10}, dir{0.1 + 0.9 * unit(rng), unit(rng) - 0.5};
    const double t0 = unit(rng) * 5, t1 = t0 + 0.5 + 4.5 * unit(rng), t2 = t1 + 10 + 30 * unit(rng),
                 t3 = t2 + 0.5 + 4.5 * unit(rng);
    const Vec2 a = base + dir * t0, b = base + dir * t1, c = base + dir * t2, d = base + dir * t3;
    if (!output_face::ProperCross(a, b, c, d)) continue;
    ++found;
    // Small triangles well away from the line (they block nothing), many
    // of them, so that the grid's cells are much smaller than the gap.
    Face f;
    AddLoop(f, {c, d});
    const Vec2 normal{-dir.y, dir.x};
    for (int k = 0; k < 900; ++k) {
      const double t = (t0 - 5) + unit(rng) * (t3 - t0 + 10);
      const double off = (unit(rng) < 0.5 ? -1 : 1) * (1 + unit(rng) * 10);
      const Vec2 p = base + dir * t + normal * off;
      AddLoop(f, {p, p + Vec2{0.05, 0}, p + Vec2{0, 0.05}});
    }
    BridgeBlockers index(f.pts);
    for (const auto& l : f.loops) index.AddLoop(l);
    index.Index();
    Face alone = f;
    alone.loops.erase(alone.loops.begin());
    EXPECT_FALSE(ScanBlocked(alone, a, b));
    EXPECT_TRUE(ScanBlocked(f, a, b));
    EXPECT_TRUE(index.Blocked(a, b));
  }
  EXPECT_GE(found, 3);
}

// Faces whose points are all on one horizontal line (no grid), tiny
// bridges and non-finite points fall back to the scan with the same answers.
TEST(BridgeBlockers, DegenerateFacesScan) {
  std::mt19937_64 rng(3);
  Face flat;
  std::vector<Vec2> line;
  for (int k = 0; k < 100; ++k) line.push_back({static_cast<double>(k), 2.0});
  AddLoop(flat, line);
  BridgeBlockers flatIndex(flat.pts);
  flatIndex.AddLoop(flat.loops[0]);
  flatIndex.Index();
  CompareQueries(flat, flatIndex, rng, 500);

  Face f = PlateFace(rng, 0, 1);
  AddLoop(f, {{NAN, 1}, {2, INFINITY}, {3, 3}});
  BridgeBlockers index(f.pts);
  for (const auto& l : f.loops) index.AddLoop(l);
  index.Index();
  CompareQueries(f, index, rng, 1000);
  const Vec2 a = f.pts[10];
  const Vec2 b{a.x + 1e-12, a.y};
  EXPECT_EQ(index.Blocked(a, b), ScanBlocked(f, a, b));
}

}  // namespace
}  // namespace mos::kernel
