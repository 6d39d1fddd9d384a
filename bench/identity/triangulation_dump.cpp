// Random boolean-output-like faces (an outer polygon with a jagged edge and
// many holes: round ones, and on every third face axis-aligned squares on an
// integer lattice, whose edges are exactly collinear) through
// TriangulateOutputFace; prints a hash of the triangles per face, so two
// kernels can be compared (bench/identity/compare_kernels.sh).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

#include "kernel/assemble.h"

using namespace mos::kernel;

int main() {
  std::mt19937_64 rng(12345);
  std::uniform_real_distribution<double> U(0, 1);
  for (int face = 0; face < 600; ++face) {
    const double off = (face % 4 == 0) ? 1e5 * U(rng) : (face % 4 == 1 ? -3.7 : 0.0);
    const double W = 20 + 80 * U(rng), H = 10 + 40 * U(rng);
    std::vector<std::vector<Vec2>> loops;
    // outer: a rectangle with a jagged top (many vertices)
    std::vector<Vec2> outer = {{off, off}, {off + W, off}};
    const int top = 2 + static_cast<int>(U(rng) * 300);
    for (int k = 0; k <= top; ++k) outer.push_back({off + W - W * k / top, off + H + (k % 2) * 0.3 * U(rng)});
    loops.push_back(outer);
    // holes on a jittered grid, clockwise
    const double cell = (face % 3 == 2) ? 3 + std::floor(3 * U(rng)) : 2 + 3 * U(rng);
    const int sides = face % 3 == 2 ? 4 : 3 + static_cast<int>(U(rng) * 60);
    const bool lattice = face % 3 == 2;  // axis-aligned squares on an integer lattice: exact collinear edges
    for (double cx = cell; cx + cell < W; cx += cell)
      for (double cy = cell; cy + cell < H; cy += cell) {
        if (U(rng) < 0.2) continue;
        const double r = cell * (0.15 + 0.3 * U(rng));
        const double x = off + cx + (U(rng) - 0.5) * 0.2 * cell, y = off + cy + (U(rng) - 0.5) * 0.2 * cell;
        std::vector<Vec2> hole;
        if (lattice) {
          const double X = std::floor(cx), Y = std::floor(cy), R = 1;
          loops.push_back({{off + X - R, off + Y - R}, {off + X - R, off + Y + R}, {off + X + R, off + Y + R}, {off + X + R, off + Y - R}});
          continue;
        }
        for (int k = sides - 1; k >= 0; --k) {
          const double t = 2 * M_PI * k / sides;
          hole.push_back({x + r * std::cos(t), y + r * std::sin(t)});
        }
        loops.push_back(hole);
      }
    std::vector<int> ids;
    int n = 0;
    for (const auto& l : loops) n += static_cast<int>(l.size());
    for (int i = 0; i < n; ++i) ids.push_back(i);
    EdgeSet edges;
    const auto tris = TriangulateOutputFace(loops, ids, edges);
    uint64_t h = 1469598103934665603ull;
    for (const auto& t : tris)
      for (int v : t) h = (h ^ static_cast<uint64_t>(v)) * 1099511628211ull;
    std::printf("face %d loops %zu verts %d tris %zu hash %016llx\n", face, loops.size(), n, tris.size(),
                static_cast<unsigned long long>(h));
  }
}
