// Nearly degenerate hull inputs: every result must be a closed, oriented,
// manifold solid that contains all input points (within rounding), or an
// honest kEmpty / kPlanar.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "kernel/hull3d.h"
#include "hull_test_support.h"

namespace mos::kernel {
namespace {

void CheckHull(const std::vector<Vec3>& pts, double scale, const char* what = "") {
  SCOPED_TRACE(what);
  const auto r = ConvexHull3d(pts);
  if (r.status != HullStatus::kOk) {
    ASSERT_TRUE(r.status == HullStatus::kEmpty || r.status == HullStatus::kPlanar);
    ASSERT_EQ(r.mesh.NumTri(), 0);
    return;
  }
  ASSERT_TRUE(testing::IsClosedOrientedManifold(r.mesh));
  ASSERT_TRUE(IsClosedManifold(r.mesh));
  ASSERT_GE(testing::Volume(r.mesh), -1e-12 * scale * scale * scale);
  // Containment: no input point far outside any face plane.
  for (const auto& t : r.mesh.triVerts) {
    const Vec3 n = Cross(r.mesh.vertPos[t[1]] - r.mesh.vertPos[t[0]],
                         r.mesh.vertPos[t[2]] - r.mesh.vertPos[t[0]]);
    const double len = Length(n);
    if (len < 1e-9 * scale * scale) continue;  // sliver: plane ill-defined
    for (const Vec3& p : pts) {
      ASSERT_LE(Dot(n, p - r.mesh.vertPos[t[0]]) / len, 1e-9 * scale);
    }
  }
}

TEST(HullStress, JitteredGridsAndPlanes) {
  std::mt19937 rng(17);
  std::uniform_real_distribution<double> unit(-1, 1);
  std::uniform_int_distribution<int> pick(0, 5);
  for (int trial = 0; trial < 400; ++trial) {
    const double jitter = std::pow(10.0, -16 + (trial % 8));  // 1e-16 .. 1e-9
    const double scale = std::pow(10.0, (trial / 8) % 7 - 3);   // 1e-3 .. 1e3
    const Vec3 offset{scale * 100 * unit(rng), scale * 100 * unit(rng), 0};
    std::vector<Vec3> p;
    const int kind = pick(rng);
    for (int i = 0; i < 60; ++i) {
      Vec3 q;
      switch (kind) {
        case 0:  // grid on a cube surface / inside
          q = {double(i % 3), double((i / 3) % 3), double((i / 9) % 3)};
          break;
        case 1:  // a plane
          q = {unit(rng), unit(rng), 0};
          break;
        case 2:  // a line
          q = Vec3{1, 2, 3} * unit(rng);
          break;
        case 3:  // two planes (a thin wedge)
          q = {unit(rng), unit(rng), i % 2 ? 0.0 : unit(rng) * 1e-3};
          break;
        case 4:  // few distinct points, many copies
          q = {double(i % 5 == 0), double(i % 5 == 1), double(i % 5 == 2)};
          break;
        default:  // a sphere
          q = Normalized({unit(rng), unit(rng), unit(rng)});
      }
      q = q + Vec3{unit(rng), unit(rng), unit(rng)} * jitter;
      p.push_back(q * scale + offset);
    }
    const std::string what = "trial " + std::to_string(trial) + " kind " + std::to_string(kind) +
                             " jitter " + std::to_string(jitter) + " scale " + std::to_string(scale);
    CheckHull(p, scale * 100, what.c_str());
  }
}

TEST(HullStress, RotatedCubeGrids) {
  // Rotated grids: coplanar faces are no longer exactly coplanar.
  std::mt19937 rng(23);
  std::uniform_real_distribution<double> unit(-1, 1);
  for (int trial = 0; trial < 100; ++trial) {
    const Vec3 axis = Normalized({unit(rng), unit(rng), unit(rng)});
    const double angle = M_PI * unit(rng);
    const double c = std::cos(angle), s = std::sin(angle);
    std::vector<Vec3> p;
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j)
        for (int k = 0; k < 4; ++k) {
          const Vec3 v{double(i), double(j), double(k)};
          // Rodrigues rotation.
          p.push_back(v * c + Cross(axis, v) * s + axis * (Dot(axis, v) * (1 - c)));
        }
    CheckHull(p, 4);
    const auto r = ConvexHull3d(p);
    ASSERT_EQ(r.status, HullStatus::kOk);
    EXPECT_NEAR(testing::Volume(r.mesh), 27, 1e-12);
  }
}

}  // namespace
}  // namespace mos::kernel
