// The output-face triangulation assigns each hole to the smallest outer
// loop its points vote "inside"; it skips the vote of an outer loop whose
// box lies clearly beside the hole's (a text's recess floor: every letter a
// hole, every letter's counter an outer loop). The skip may not change the
// assignment: every face here is triangulated with and without it, and the
// triangle lists must be equal, in order.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <random>
#include <vector>

#include "kernel/assemble.h"
#include "random_star_loop.h"

namespace mos::kernel {
namespace {

using testing::Star;

using Loops = std::vector<std::vector<Vec2>>;

std::vector<std::array<int, 3>> Triangulate(const Loops& loops, bool skip) {
  const bool saved = assemble_detail::holeBoxSkip;
  assemble_detail::holeBoxSkip = skip;
  std::vector<int> ids;
  for (const auto& l : loops)
    for (size_t i = 0; i < l.size(); ++i) ids.push_back(static_cast<int>(ids.size()));
  EdgeSet edges;
  auto tris = TriangulateOutputFace(loops, ids, edges);
  assemble_detail::holeBoxSkip = saved;
  return tris;
}

std::vector<Vec2> Rect(double x0, double y0, double x1, double y1, bool clockwise) {
  std::vector<Vec2> l{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
  if (clockwise) std::swap(l[1], l[3]);
  return l;
}

// "Letters": a plate (outer) with a row of glyph holes; some glyphs hold a
// counter (an outer loop inside the hole), some counters a dot (a hole in
// the counter); holes beside the plate (assigned to no loop), glyphs whose
// boxes touch or nearly touch a counter's, and boxes apart by about the
// skip's margin.
Loops Letters(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(0, 1);
  const double scale = u(rng) < 0.5 ? 1 : 1e4 * u(rng) + 1e-3;
  const double snap = u(rng) < 0.3 ? 0.05 * scale : 0;
  const int glyphs = 1 + static_cast<int>(rng() % 14);
  Loops loops;
  loops.push_back(Rect(-1 * scale, -3 * scale, (3 * glyphs + 1) * scale, 3 * scale, false));
  for (int g = 0; g < glyphs; ++g) {
    const Vec2 c{(3 * g + 1.5) * scale, (u(rng) - 0.5) * scale};
    const int n = 5 + static_cast<int>(rng() % 40);
    loops.push_back(Star(rng, c, 0.9 * scale, 1.4 * scale, n, true, snap));
    if (u(rng) < 0.6) {  // a counter
      loops.push_back(Star(rng, c, 0.3 * scale, 0.6 * scale, 3 + static_cast<int>(rng() % 20), false, snap));
      if (u(rng) < 0.4)  // a dot in it
        loops.push_back(Star(rng, c, 0.05 * scale, 0.2 * scale, 3 + static_cast<int>(rng() % 8), true, snap));
    }
    if (u(rng) < 0.2) {  // a small hole right beside the counter's box, apart by about the margin or touching
      const double gap = (rng() % 3 == 0 ? 0.0 : rng() % 2 ? 1e-9 : 1e-15) * scale;
      const double x = c.x + 0.6 * scale + gap;
      loops.push_back(Rect(x, c.y - 0.1 * scale, x + 0.1 * scale, c.y + 0.1 * scale, true));
    }
  }
  if (u(rng) < 0.3)  // a hole beside the plate
    loops.push_back(Star(rng, {-5 * scale, 0}, 0.5 * scale, 1 * scale, 6, true, snap));
  if (u(rng) < 0.3)  // a second plate, apart
    loops.push_back(Rect(-10 * scale, 10 * scale, -2 * scale, 14 * scale, false));
  std::shuffle(loops.begin(), loops.end(), rng);
  return loops;
}

TEST(AssembleHoleBox, SkippedVotesChangeNoAssignment) {
  std::mt19937_64 rng(20261128);
  for (int i = 0; i < 1500; ++i) {
    const Loops loops = Letters(rng);
    const auto want = Triangulate(loops, false);
    const auto got = Triangulate(loops, true);
    ASSERT_EQ(got, want) << "case " << i;
  }
}

// A hole inside a counter (its box inside the counter's) goes to the
// counter, one beside the counter's box to the plate.
TEST(AssembleHoleBox, HolesInsideAndBesideACounter) {
  Loops loops;
  loops.push_back(Rect(0, 0, 10, 10, false));  // plate
  loops.push_back(Rect(1, 1, 5, 5, true));     // glyph
  loops.push_back(Rect(2, 2, 4, 4, false));    // counter
  loops.push_back(Rect(2.5, 2.5, 3, 3, true)); // dot, in the counter
  loops.push_back(Rect(6, 6, 7, 7, true));     // hole beside the counter, in the plate
  const auto want = Triangulate(loops, false);
  EXPECT_EQ(Triangulate(loops, true), want);
  // n - 2 triangles per bridged polygon of n corners, two more per hole:
  // the plate with the glyph and the hole (12 corners, 2 holes), the
  // counter with the dot (8 corners, 1 hole).
  EXPECT_EQ(want.size(), (12u - 2 + 4) + (8u - 2 + 2));
}

}  // namespace
}  // namespace mos::kernel
