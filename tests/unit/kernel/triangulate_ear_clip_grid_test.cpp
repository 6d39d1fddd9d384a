// The ear clipper bridges holes either by walking the ring per hole or
// through a grid of the edges. Both must give the very same triangles, in
// the same order, on valid and on junk input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include "kernel/polygon2d.h"
#include "kernel/triangulate_ear_clip.h"
#include "triangulate_check.h"

namespace mos::kernel {
namespace {

struct Input {
  IndexedLoop outer;
  std::vector<IndexedLoop> holes;
};

IndexedLoop MakeLoop(const std::vector<Vec2>& pts, int& nextId) {
  IndexedLoop loop;
  loop.points = pts;
  for (size_t i = 0; i < pts.size(); ++i) loop.ids.push_back(nextId++);
  return loop;
}

std::vector<Vec2> Circle(Vec2 c, double r, int n, double phase, bool ccw) {
  std::vector<Vec2> pts;
  for (int i = 0; i < n; ++i) {
    const double a = phase + 2 * M_PI * i / n * (ccw ? 1 : -1);
    pts.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
  }
  return pts;
}

std::vector<std::array<int, 3>> Clip(const Input& in, bool grid, EarClipStats* stats = nullptr) {
  EarClipOptions options;
  options.minHolesForGrid = grid ? 1 : std::numeric_limits<size_t>::max();
  options.stats = stats;
  std::vector<std::array<int, 3>> out;
  EarClipWithHoles(in.outer, in.holes, out, options);
  return out;
}

// All loops in the order TriangulatePolygon's checker expects.
std::vector<std::vector<Vec2>> Loops(const Input& in) {
  std::vector<std::vector<Vec2>> loops{in.outer.points};
  for (const IndexedLoop& h : in.holes) loops.push_back(h.points);
  return loops;
}

void ExpectSameBothWays(const Input& in, bool valid, const char* what) {
  EarClipStats stats;
  const auto walked = Clip(in, false);
  const auto gridded = Clip(in, true, &stats);
  EXPECT_TRUE(stats.usedGrid) << what;
  ASSERT_EQ(walked, gridded) << what;
  if (valid) {
    const auto r = testing::CheckTriangulation(Loops(in), gridded);
    EXPECT_TRUE(r.ok) << what << ": " << r.error;
  }
}

// A square plate with a rows x cols grid of n-gon holes (the perforated
// plate of the notebooks), optionally jittered and rotated.
Input Plate(int rows, int cols, int n, std::mt19937_64* jitter) {
  Input in;
  int id = 0;
  const double pitch = 6.5, size = 10 + pitch * std::max(rows, cols);
  in.outer = MakeLoop({{0, 0}, {size, 0}, {size, size}, {0, size}}, id);
  std::uniform_real_distribution<double> u(-1, 1);
  for (int i = 0; i < cols; ++i) {
    for (int j = 0; j < rows; ++j) {
      Vec2 c{5 + i * pitch, 5 + j * pitch};
      double phase = 0;
      if (jitter) {
        c.x += u(*jitter);
        c.y += u(*jitter);
        phase = u(*jitter);
      }
      in.holes.push_back(MakeLoop(Circle(c, 2, n, phase, false), id));
    }
  }
  return in;
}

TEST(EarClipGrid, PlateOfCirclesSameTrianglesAndValid) {
  const Input in = Plate(12, 12, 16, nullptr);
  ExpectSameBothWays(in, true, "aligned plate");
  EarClipStats stats;
  Clip(in, true, &stats);
  // Aligned rows: every ray hits a vertex of the next hole, through the
  // grid alone.
  EXPECT_EQ(stats.deferred, 0);
}

TEST(EarClipGrid, JitteredPlatesSameTriangles) {
  std::mt19937_64 rng(17);
  for (int it = 0; it < 20; ++it) {
    const int n = 3 + static_cast<int>(rng() % 14);
    ExpectSameBothWays(Plate(3 + it % 7, 2 + it % 9, n, &rng), true, "jittered plate");
  }
}

#ifndef MOS_EAR_CLIP_CHECK  // the check build uses the grid always
TEST(EarClipGrid, FewHolesWalkByDefault) {
  EarClipStats stats;
  std::vector<std::array<int, 3>> out;
  const Input in = Plate(2, 2, 8, nullptr);
  EarClipOptions options;
  options.stats = &stats;
  EarClipWithHoles(in.outer, in.holes, out, options);
  EXPECT_FALSE(stats.usedGrid);
  EXPECT_EQ(out, Clip(in, true));
}
#endif

// Holes from the union of random small integer polygons: weakly simple,
// touching at vertices, full of exact ties in the ray cast and collinear
// edges.
TEST(EarClipGrid, TouchingIntegerHolesSameTriangles) {
  std::mt19937_64 rng(99);
  for (int it = 0; it < 60; ++it) {
    Polygon2d shapes;
    const int count = 4 + static_cast<int>(rng() % 12);
    for (int s = 0; s < count; ++s) {
      Contour c;
      const double x = 1 + static_cast<double>(rng() % 14), y = 1 + static_cast<double>(rng() % 14);
      const int n = 3 + static_cast<int>(rng() % 3);
      for (int k = 0; k < n; ++k) {
        c.push_back({x + static_cast<double>(rng() % 3), y + static_cast<double>(rng() % 3)});
      }
      shapes.contours.push_back(c);
    }
    const Polygon2d holesSet = Boolean2d(shapes, Polygon2d{}, BoolOp2d::kUnion, FillRule::kNonZero, FillRule::kNonZero);
    Input in;
    int id = 0;
    in.outer = MakeLoop({{0, 0}, {18, 0}, {18, 18}, {0, 18}}, id);
    for (const Contour& c : holesSet.contours) {
      if (SignedArea(c) <= 0) continue;  // only the components' outer boundaries
      std::vector<Vec2> cw(c.rbegin(), c.rend());
      in.holes.push_back(MakeLoop(cw, id));
    }
    if (in.holes.empty()) continue;
    ExpectSameBothWays(in, false, "integer holes");
  }
}

// Junk: random loops anywhere, holes outside the outer loop, crossing each
// other, repeated points. The fallbacks (nearest visible vertex) run.
TEST(EarClipGrid, JunkInputSameTriangles) {
  std::mt19937_64 rng(5);
  for (int it = 0; it < 200; ++it) {
    Input in;
    int id = 0;
    const int grid = 2 + static_cast<int>(rng() % 6);
    auto point = [&] {
      return Vec2{static_cast<double>(rng() % grid) * 0.7, static_cast<double>(rng() % grid) * 1.3};
    };
    std::vector<Vec2> outer;
    const int n = 3 + static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) outer.push_back(point());
    in.outer = MakeLoop(outer, id);
    const int holes = 1 + static_cast<int>(rng() % 12);
    for (int h = 0; h < holes; ++h) {
      std::vector<Vec2> hole;
      const int m = 1 + static_cast<int>(rng() % 6);
      for (int k = 0; k < m; ++k) hole.push_back(point());
      in.holes.push_back(MakeLoop(hole, id));
    }
    ExpectSameBothWays(in, false, "junk");
  }
}

// Near-degenerate geometry: points on lines at odd angles, so the
// predicates round.
TEST(EarClipGrid, RoundedCollinearHolesSameTriangles) {
  std::mt19937_64 rng(123);
  std::uniform_real_distribution<double> u(0, 1);
  for (int it = 0; it < 40; ++it) {
    Input in;
    int id = 0;
    in.outer = MakeLoop({{0, 0}, {10, 0}, {10, 10}, {0, 10}}, id);
    const double angle = u(rng) * M_PI;
    const Vec2 dir{std::cos(angle), std::sin(angle)};
    const int holes = 8 + static_cast<int>(rng() % 8);
    for (int h = 0; h < holes; ++h) {
      // Triangles with one edge on a common line through the centre.
      const double t0 = -4 + 8 * u(rng), len = 0.1 + 0.3 * u(rng);
      const Vec2 a{5 + dir.x * t0, 5 + dir.y * t0}, b{a.x + dir.x * len, a.y + dir.y * len};
      const Vec2 c{a.x - dir.y * 0.2 * (h % 2 ? 1 : -1), a.y + dir.x * 0.2 * (h % 2 ? 1 : -1)};
      in.holes.push_back(MakeLoop({a, b, c}, id));
    }
    ExpectSameBothWays(in, false, "rounded collinear");
  }
}

}  // namespace
}  // namespace mos::kernel
