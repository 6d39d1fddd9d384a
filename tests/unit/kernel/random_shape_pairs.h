// Random pairs of the kernel's test shapes (boxes, UV spheres, cylinders, a
// tetrahedron), the second turned and moved by nothing, a rounding-sized
// step or a lot: for the tests that check a broad-phase filter never drops
// a pair the exact edge/triangle kernel counts as a hit.
#pragma once

#include <random>
#include <utility>

#include "kernel/mesh_primitives.h"
#include "kernel/mesh_transform.h"

namespace mos::kernel::testing {

inline Mesh Moved(Mesh m, Vec3 axis, double degrees, Vec3 shift) {
  TransformMesh(m, Affine3::Rotation(axis, degrees));
  TransformMesh(m, Affine3::Translation(shift));
  return m;
}

// Calls check(first, second) for `count` random pairs and returns the sums
// of the {counted, total} pairs it returns.
template <class Check>
std::pair<int, int> ForRandomShapePairs(unsigned seed, int count, Check check) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(-1, 1);
  const double offsets[] = {0, 1e-9, 1e-7, 0.5, 1, 2.5};
  const double angles[] = {0, 90, 45, 30, 1e-6, 180, 17.3};
  int counted = 0, total = 0;
  for (int i = 0; i < count; ++i) {
    Mesh shapes[2];
    for (Mesh& s : shapes) {
      switch (rng() % 4) {
        case 0: s = MakeBox({0, 0, 0}, {double(1 + rng() % 4), double(1 + rng() % 3), double(1 + rng() % 5)}); break;
        case 1: s = MakeUvSphere({0, 0, 0}, 1 + rng() % 3, 6 + static_cast<int>(rng() % 30)); break;
        case 2: s = MakeCylinder({0, 0, -1}, 1 + rng() % 2, rng() % 3, 3, 5 + static_cast<int>(rng() % 60)); break;
        default: s = MakeTetrahedron({0, 0, 0}, {3, 0, 0}, {0, 3, 0}, {0, 0, 3}); break;
      }
    }
    const Vec3 axis = Normalized(Vec3{unit(rng), unit(rng), unit(rng) + 2});
    const Vec3 shift{offsets[rng() % 6], offsets[rng() % 6] * (rng() % 2 ? 1 : -1), offsets[rng() % 6]};
    const auto [c, t] = check(shapes[0], Moved(shapes[1], axis, angles[rng() % 7], shift));
    counted += c;
    total += t;
  }
  return {counted, total};
}

}  // namespace mos::kernel::testing
