// The output-face ear clipper of large faces (256 corners or more) skips
// blocker cells it certifies clear of an ear, now by the box of the points a
// cell holds instead of the cell's own box, and walks only the cells
// holding points. Neither may change a triangle: every face here is
// triangulated with no cell skipped, with the cells' boxes (the earlier
// way) and with the points' boxes, and the three triangle lists must be
// equal, in order.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "kernel/assemble.h"
#include "random_star_loop.h"

namespace mos::kernel {
namespace {

using testing::Star;

using assemble_detail::EarClipCellTest;

struct Face {
  std::vector<std::vector<Vec2>> loops;
};

std::vector<std::array<int, 3>> Triangulate(const Face& face, EarClipCellTest mode) {
  const EarClipCellTest saved = assemble_detail::earClipCellTest;
  assemble_detail::earClipCellTest = mode;
  std::vector<int> ids;
  for (const auto& l : face.loops)
    for (size_t i = 0; i < l.size(); ++i) ids.push_back(static_cast<int>(ids.size()));
  EdgeSet edges;
  auto tris = TriangulateOutputFace(face.loops, ids, edges);
  assemble_detail::earClipCellTest = saved;
  return tris;
}

// A circle of n points (clockwise for a hole), centre c, radius r.
std::vector<Vec2> Circle(Vec2 c, double r, int n, bool clockwise, double phase = 0) {
  std::vector<Vec2> l;
  for (int i = 0; i < n; ++i) {
    const double a = phase + (clockwise ? -1 : 1) * 2 * M_PI * i / n;
    l.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
  }
  return l;
}

void ExpectSameInEveryMode(const Face& face, const std::string& what) {
  const auto none = Triangulate(face, EarClipCellTest::kNone);
  const auto cellBox = Triangulate(face, EarClipCellTest::kCellBox);
  const auto pointBox = Triangulate(face, EarClipCellTest::kPointBox);
  EXPECT_FALSE(none.empty()) << what;
  EXPECT_EQ(none, cellBox) << what << ": the cells' boxes changed a triangle";
  EXPECT_EQ(none, pointBox) << what << ": the points' boxes changed a triangle";
}

TEST(AssembleEarClipCells, AnnulusSameTriangles) {
  for (int n : {128, 180, 360, 720}) {
    Face face;
    face.loops = {Circle({0, 0}, 4, n, false), Circle({0, 0}, 2, n, true)};
    ExpectSameInEveryMode(face, "annulus " + std::to_string(n));
    face.loops = {Circle({0.5, -0.25}, 4, n, false), Circle({0, 0}, 2, n / 2, true, 0.1)};
    ExpectSameInEveryMode(face, "offset annulus " + std::to_string(n));
  }
}

// A fan triangle of a cap cut by a cylinder through it (the tube's cap
// faces), and a plate triangle with many holes.
TEST(AssembleEarClipCells, CutCapAndPlateSameTriangles) {
  Face cap;
  cap.loops = {{{4, 0}, {-4, 4}, {-4, -4}}, Circle({-1, 0}, 2, 360, true)};
  ExpectSameInEveryMode(cap, "cut cap");
  Face plate;
  plate.loops = {{{0, 0}, {100, 0}, {0, 100}}};
  for (int i = 0; i < 8; ++i)
    for (int j = 0; i + j < 8; ++j) plate.loops.push_back(Circle({8.0 + 10 * i, 8.0 + 10 * j}, 3, 48, true, 0.3 * i));
  ExpectSameInEveryMode(plate, "plate");
}

TEST(AssembleEarClipCells, RandomFacesSameTriangles) {
  std::mt19937_64 rng(20261128);
  for (int it = 0; it < 300; ++it) {
    Face face;
    const int n = 200 + static_cast<int>(rng() % 500);
    // Every third face snapped to a coarse grid: repeated and collinear
    // points, holes touching each other and the outer loop.
    const double snap = it % 3 == 0 ? 0.05 : 0;
    face.loops.push_back(Star(rng, {0, 0}, 6, 10, n, false, snap));
    const int holes = static_cast<int>(rng() % 12);
    std::uniform_real_distribution<double> at(-3, 3);
    for (int h = 0; h < holes; ++h)
      face.loops.push_back(Star(rng, {at(rng), at(rng)}, 0.3, 1.6, 8 + static_cast<int>(rng() % 80), true, snap));
    ExpectSameInEveryMode(face, "random face " + std::to_string(it));
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace mos::kernel
