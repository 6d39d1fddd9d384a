// Two meshes in one, as a boolean's raw result holds them: for the cleanup
// weld tests.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "kernel/mesh.h"
#include "kernel/mesh_primitives.h"

namespace mos::kernel::testing {

// `a` and `b` in one mesh (b's vertices after a's), with `extraFirst`
// unused vertices placed before both (at the given positions), triangles
// in the order `order` gives (indices into a's then b's triangles), props
// set to the triangle's old index, twins built.
inline Mesh CombinedMesh(const Mesh& a, const Mesh& b, const std::vector<Vec3>& extraFirst,
                         const std::vector<int>& order) {
  Mesh m;
  m.vertPos = extraFirst;
  const int offA = static_cast<int>(extraFirst.size());
  const int offB = offA + a.NumVert();
  m.vertPos.insert(m.vertPos.end(), a.vertPos.begin(), a.vertPos.end());
  m.vertPos.insert(m.vertPos.end(), b.vertPos.begin(), b.vertPos.end());
  std::vector<std::array<int, 3>> all;
  for (const auto& t : a.triVerts) all.push_back({t[0] + offA, t[1] + offA, t[2] + offA});
  for (const auto& t : b.triVerts) all.push_back({t[0] + offB, t[1] + offB, t[2] + offB});
  for (int i : order) {
    m.triVerts.push_back(all[i]);
    m.triProp.push_back(static_cast<uint32_t>(i));
  }
  EXPECT_TRUE(BuildHalfedges(m));
  return m;
}

}  // namespace mos::kernel::testing
