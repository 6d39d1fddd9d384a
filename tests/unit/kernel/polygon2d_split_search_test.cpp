// The split rounds of the 2D arrangement find the pairs of pieces to test
// either by visiting every pair of boxes sharing a grid cell (kBoxGrid, the
// exhaustive path) or by visiting only pairs whose boxes overlap, crowded
// cells swept in x order (kSwept, the default); the crossings found are put
// into the exhaustive path's order before their points are made (the
// snapping makes the vertex ids depend on it). Both must give the same
// arrangement bit for bit: same points in the same order, same edges. A
// pair the sweep misses, or a crossing made out of order, changes it.
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

TEST(Polygon2dSplitSearch, SweptEqualsBoxGridOnTheFuzzCorpus) {
  size_t edges = 0;
  const int files = testing::ForEachPolygon2dCorpusInput(
      [&](const std::string& name, const Polygon2d sets[2]) { edges += ExpectSameArrangement(sets[0], sets[1], name); });
  EXPECT_GT(files, 60);
  EXPECT_GT(edges, 1000u);
}

Contour Square(Vec2 c, double half, double angle) {
  Contour out;
  for (int k = 0; k < 4; ++k) {
    const double a = angle + M_PI / 4 + k * M_PI / 2;
    out.push_back({c.x + half * std::sqrt(2.0) * std::cos(a), c.y + half * std::sqrt(2.0) * std::sin(a)});
  }
  return out;
}

// Sets made to reach both sides of the sweep (cells with many boxes: a dense
// cluster of small crossing shapes inside a large one, so the grid's cells
// are sized for the large one) and many rounded crossings whose points snap.
TEST(Polygon2dSplitSearch, SweptEqualsBoxGridOnCrowdedAndCrossingSets) {
  std::mt19937_64 rng(1207);
  std::uniform_real_distribution<double> unit(0, 1);
  size_t edges = 0;
  for (int it = 0; it < 40; ++it) {
    Polygon2d a, b;
    const int kind = it % 4;
    if (kind == 0) {  // a tight cluster of stars inside a big rotated square
      a.contours.push_back(Square({50, 50}, 60, unit(rng)));
      for (int s = 0; s < 30; ++s) {
        (s % 2 ? a : b).contours.push_back(Star(9 + static_cast<int>(rng() % 8), 2 + static_cast<int>(rng() % 3),
                                                0.2 + 0.3 * unit(rng), 6 * unit(rng), {unit(rng), unit(rng)}));
      }
    } else if (kind == 1) {  // a tree of rotated squares down to tiny leaves (module_recursion)
      for (int s = 0; s < 300; ++s) {
        const double size = std::pow(0.7, s % 12);
        a.contours.push_back(Square({4 * unit(rng) * size, 10 * size}, size, 6.3 * unit(rng)));
      }
    } else if (kind == 2) {  // a grid of overlapping circles (circle_grid_union), jittered
      for (int i = 0; i < 12; ++i) {
        for (int j = 0; j < 12; ++j) {
          Contour c;
          for (int k = 0; k < 24; ++k) {
            const double t = 2 * M_PI * k / 24;
            c.push_back({i * 1.2 + std::cos(t) + 1e-12 * unit(rng), j * 1.2 + std::sin(t)});
          }
          a.contours.push_back(c);
        }
      }
    } else {  // near-coincident copies crossing a star cluster
      const Contour base = Star(11, 4, 2, unit(rng), {0, 0});
      for (int s = 0; s < 4; ++s) {
        Contour c = base;
        for (Vec2& p : c) p = {p.x + 1e-9 * (unit(rng) - 0.5), p.y + 1e-9 * (unit(rng) - 0.5)};
        (s % 2 ? b : a).contours.push_back(c);
      }
      for (int s = 0; s < 40; ++s) a.contours.push_back(Square({0.3 * unit(rng), 0.3 * unit(rng)}, 0.05, unit(rng)));
    }
    edges += ExpectSameArrangement(a, b, "iteration " + std::to_string(it));
  }
  EXPECT_GT(edges, 10000u);
}

}  // namespace
}  // namespace mos::kernel
