// The ear clipper keeps a corner's "ear, no blockers" verdict while its
// triangle, the grid of candidate blockers and the vertices at its corners'
// positions stay as they were. With the verdicts kept or searched afresh,
// the triangles must be the very same, in the same order, on valid input and
// on junk (which takes the rescans and the fallback).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "kernel/triangulate_ear_clip.h"

namespace mos::kernel {
namespace {

struct Input {
  IndexedLoop outer;
  std::vector<IndexedLoop> holes;
};

IndexedLoop MakeLoop(std::vector<Vec2> pts, int& nextId, bool reverse = false) {
  if (reverse) std::reverse(pts.begin(), pts.end());
  IndexedLoop loop;
  loop.points = pts;
  for (size_t i = 0; i < pts.size(); ++i) loop.ids.push_back(nextId++);
  return loop;
}

// A star of n corners at radii drawn from [lo, 1] * r, optionally snapped
// to a quarter grid (duplicates, collinear runs, spikes).
std::vector<Vec2> Star(std::mt19937_64& rng, Vec2 c, double r, int n, double lo, bool snap) {
  std::uniform_real_distribution<double> u(lo, 1);
  std::vector<Vec2> pts;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * M_PI * i / n, rr = r * u(rng);
    Vec2 p{c.x + rr * std::cos(a), c.y + rr * std::sin(a)};
    if (snap) p = {std::round(p.x * 4) / 4, std::round(p.y * 4) / 4};
    pts.push_back(p);
  }
  return pts;
}

std::vector<std::array<int, 3>> Clip(const Input& in, bool keep, EarClipStats* stats = nullptr) {
  EarClipOptions options;
  options.keepEarVerdicts = keep;
  options.stats = stats;
  std::vector<std::array<int, 3>> out;
  EarClipWithHoles(in.outer, in.holes, out, options);
  return out;
}

Input Random(std::mt19937_64& rng, int kind) {
  Input in;
  int id = 0;
  const int n = 3 + static_cast<int>(rng() % 200);
  std::uniform_real_distribution<double> u(0, 1);
  switch (kind) {
    case 0:  // star
      in.outer = MakeLoop(Star(rng, {0, 0}, 10, n, 0.3, false), id);
      break;
    case 1:  // snapped star with a snapped hole: copies, touching loops
      in.outer = MakeLoop(Star(rng, {0, 0}, 5, n, 0.2, true), id);
      in.holes.push_back(MakeLoop(Star(rng, {0.5, 0.25}, 1.5, 6, 0.5, true), id, true));
      break;
    case 2: {  // plate with star holes
      in.outer = MakeLoop(Star(rng, {0, 0}, 100, n + 16, 0.9, false), id);
      const int holes = 1 + static_cast<int>(rng() % 20);
      for (int h = 0; h < holes; ++h) {
        const Vec2 c{-40 + 80 * u(rng), -40 + 80 * u(rng)};
        in.holes.push_back(MakeLoop(Star(rng, c, 2 + 3 * u(rng), 3 + static_cast<int>(rng() % 12), 0.4, false), id, true));
      }
      break;
    }
    case 3: {  // square with unit-square holes sharing corners and edges
      in.outer = MakeLoop({{0, 0}, {10, 0}, {10, 10}, {0, 10}}, id);
      const int holes = 1 + static_cast<int>(rng() % 15);
      for (int h = 0; h < holes; ++h) {
        const double x = 1 + static_cast<double>(rng() % 7), y = 1 + static_cast<double>(rng() % 7);
        in.holes.push_back(MakeLoop({{x, y}, {x, y + 1}, {x + 1, y + 1}, {x + 1, y}}, id));
      }
      break;
    }
    default: {  // junk: random integer points
      std::vector<Vec2> pts;
      for (int i = 0; i < n; ++i) pts.push_back({static_cast<double>(rng() % 20), static_cast<double>(rng() % 20)});
      in.outer = MakeLoop(pts, id);
      break;
    }
  }
  return in;
}

TEST(EarClipVerdict, KeptVerdictsGiveTheSameTriangles) {
  std::mt19937_64 rng(2026);
  int kept = 0;
  for (int it = 0; it < 1500; ++it) {
    const Input in = Random(rng, it % 5);
    EarClipStats stats;
    const auto fast = Clip(in, true, &stats);
    ASSERT_EQ(fast, Clip(in, false)) << "input " << it << " kind " << it % 5;
    kept += stats.keptEarVerdicts;
  }
  EXPECT_GT(kept, 1000);  // the shortcut is taken
}

}  // namespace
}  // namespace mos::kernel
