// Helpers for the boolean tests (not a test file itself).
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "kernel/boolean.h"
#include "kernel/mesh.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_properties.h"

namespace mos::kernel::booltest {

inline ::testing::AssertionResult IsValidSolid(const Mesh& m) {
  const std::string problem = DescribeManifoldProblem(m);
  if (problem.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << problem << " (" << m.NumTri() << " triangles)";
}

inline ::testing::AssertionResult VolumeNear(const Mesh& m, double expected, double rel = 1e-9) {
  const double v = SignedVolume(m);
  const double tol = rel * std::max(1.0, std::fabs(expected));
  if (std::fabs(v - expected) <= tol) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "volume " << v << " expected " << expected << " (diff "
                                       << v - expected << ")";
}

inline Mesh Box(double x0, double y0, double z0, double x1, double y1, double z1, uint32_t prop = 0) {
  return MakeBox({x0, y0, z0}, {x1, y1, z1}, prop);
}

// Exact volume of a regular n-gon prism of circumradius r and height h.
inline double PrismVolume(double r, int n, double h) {
  const double pi = std::acos(-1.0);
  return 0.5 * n * r * r * std::sin(2 * pi / n) * h;
}

}  // namespace mos::kernel::booltest
