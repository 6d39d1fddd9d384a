// libFuzzer target for TriangulatePolygon: random, self-intersecting and
// nearly degenerate polygons (with holes). Asserts that every index is valid,
// every loop edge is used exactly once and every other edge is paired, every
// loop is used in one consistent direction, and the triangles' signed area
// equals the polygon's. For valid (star-shaped) input it also asserts that no
// triangle is inverted.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "../unit/kernel/triangulate_check.h"
#include "kernel/triangulate.h"

using mos::kernel::Vec2;

namespace {

class Bytes {
 public:
  Bytes(const uint8_t* d, size_t n) : d_(d), n_(n) {}
  bool Empty() const { return i_ >= n_; }
  uint8_t Next() { return i_ < n_ ? d_[i_++] : 0; }
  int16_t Next16() { return static_cast<int16_t>(Next() | (Next() << 8)); }

 private:
  const uint8_t* d_;
  size_t n_, i_ = 0;
};

void Fail(const char* what) {
  std::fprintf(stderr, "triangulate_fuzz: %s\n", what);
  std::abort();
}

std::vector<Vec2> StarLoop(Bytes& in, int n, double rMin, double rMax, Vec2 c, bool ccw) {
  std::vector<Vec2> pts;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * M_PI * i / n * (ccw ? 1 : -1);
    const double r = rMin + (rMax - rMin) * in.Next() / 255.0;
    pts.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
  }
  return pts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  Bytes in(data, size);
  const int mode = in.Next() % 4;
  std::vector<std::vector<Vec2>> loops;
  bool valid = false;
  if (mode == 0 || mode == 3) {
    // Points on a coarse grid: duplicates, collinear runs, spikes, crossings.
    // Mode 3 adds sub-ulp-scale jitter.
    const double jitter = mode == 3 ? 1e-12 : 0;
    loops.emplace_back();
    while (!in.Empty() && loops.size() < 8) {
      const uint8_t b = in.Next();
      if (b == 0xff && !loops.back().empty()) {
        loops.emplace_back();
        continue;
      }
      const double x = (b & 15) + jitter * static_cast<int8_t>(in.Next());
      const double y = (b >> 4) + jitter * static_cast<int8_t>(in.Next());
      loops.back().push_back({x, y});
    }
  } else if (mode == 1) {
    // Valid: star-shaped outer with star-shaped holes around its centre and
    // separate star-shaped islands.
    valid = true;
    const int n = 8 + in.Next() % 64;
    loops.push_back(StarLoop(in, n, 10, 20, {0, 0}, in.Next() & 1));
    const int holes = in.Next() % 4;
    for (int h = 0; h < holes; ++h) {
      const double a = 2 * M_PI * h / std::max(holes, 1);
      const Vec2 c{4 * std::cos(a), 4 * std::sin(a)};  // holes stay within r < 6.5
      loops.push_back(StarLoop(in, 3 + in.Next() % 16, 0.5, 2.5, c, in.Next() & 1));
    }
    if (in.Next() & 1) loops.push_back(StarLoop(in, 3 + in.Next() % 16, 1, 3, {50, 0}, true));
  } else {
    // Nearly degenerate: a long sliver with tiny deviations, possibly a hole.
    const int n = 3 + in.Next() % 100;
    std::vector<Vec2> pts;
    for (int i = 0; i < n; ++i) pts.push_back({static_cast<double>(in.Next16()) / 64, in.Next16() * 1e-15});
    loops.push_back(pts);
  }
  const auto tris = mos::kernel::TriangulatePolygon(loops);
  const auto r = mos::kernel::testing::CheckTriangulation(loops, tris);
  if (!r.ok) {
    std::fprintf(stderr, "%s\n", r.error.c_str());
    Fail("edge check");
  }
  // Each loop must be used in one direction; the expected area is then the
  // sum of the loops' areas taken with that direction.
  std::vector<std::vector<int>> dirOf;
  double expected = 0, scale = 0;
  int base = 0;
  std::vector<int> dirCount;
  for (const auto& loop : loops) {
    const int n = static_cast<int>(loop.size());
    if (n >= 3) {
      int fwd = 0, bwd = 0;
      for (const auto& t : tris) {
        for (int k = 0; k < 3; ++k) {
          const int a = t[k] - base, b = t[(k + 1) % 3] - base;
          if (a < 0 || a >= n || b < 0 || b >= n) continue;
          if (b == (a + 1) % n) ++fwd;
          if (a == (b + 1) % n) ++bwd;
        }
      }
      // n == 3 loops and duplicated ids aside, a loop's edges go one way.
      if (fwd != 0 && bwd != 0 && n > 3) Fail("loop used in both directions");
      const double area = mos::kernel::testing::LoopArea(loop);
      expected += bwd > fwd ? -area : area;
      for (const Vec2& p : loop) scale = std::max(scale, std::fabs(p.x) + std::fabs(p.y));
    }
    base += n;
  }
  const double tol = 1e-9 * std::max(1.0, scale * scale);
  if (std::fabs(r.signedArea - expected) > tol) Fail("signed area differs");
  if (valid && std::fabs(r.absoluteArea - r.signedArea) > tol) Fail("inverted triangle on valid input");
  return 0;
}
