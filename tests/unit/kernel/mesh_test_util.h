// Test helpers shared by the mesh tests (not a test file itself).
#pragma once

#include <cmath>
#include <vector>

#include "kernel/mesh.h"

namespace mos::kernel::testutil {

// Surface of a set of unit voxels on an nx*ny*nz grid (filled[x][y][z]),
// with vertices shared on the grid: closed and oriented; manifold as long as
// no two voxels touch only along an edge or at a corner.
inline Mesh VoxelMesh(const std::vector<std::vector<std::vector<int>>>& filled) {
  const int nx = static_cast<int>(filled.size());
  const int ny = static_cast<int>(filled[0].size());
  const int nz = static_cast<int>(filled[0][0].size());
  auto at = [&](int x, int y, int z) {
    if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) return 0;
    return filled[x][y][z];
  };
  auto vid = [&](int x, int y, int z) { return x + (nx + 1) * (y + (ny + 1) * z); };
  Mesh m;
  for (int z = 0; z <= nz; ++z)
    for (int y = 0; y <= ny; ++y)
      for (int x = 0; x <= nx; ++x) m.vertPos.push_back({double(x), double(y), double(z)});
  auto quad = [&](int a, int b, int c, int d) {  // counter-clockwise from outside
    m.triVerts.push_back({a, b, c});
    m.triVerts.push_back({a, c, d});
  };
  for (int x = 0; x < nx; ++x)
    for (int y = 0; y < ny; ++y)
      for (int z = 0; z < nz; ++z) {
        if (!at(x, y, z)) continue;
        if (!at(x - 1, y, z))
          quad(vid(x, y, z), vid(x, y, z + 1), vid(x, y + 1, z + 1), vid(x, y + 1, z));
        if (!at(x + 1, y, z))
          quad(vid(x + 1, y, z), vid(x + 1, y + 1, z), vid(x + 1, y + 1, z + 1),
               vid(x + 1, y, z + 1));
        if (!at(x, y - 1, z))
          quad(vid(x, y, z), vid(x + 1, y, z), vid(x + 1, y, z + 1), vid(x, y, z + 1));
        if (!at(x, y + 1, z))
          quad(vid(x, y + 1, z), vid(x, y + 1, z + 1), vid(x + 1, y + 1, z + 1),
               vid(x + 1, y + 1, z));
        if (!at(x, y, z - 1))
          quad(vid(x, y, z), vid(x, y + 1, z), vid(x + 1, y + 1, z), vid(x + 1, y, z));
        if (!at(x, y, z + 1))
          quad(vid(x, y, z + 1), vid(x + 1, y, z + 1), vid(x + 1, y + 1, z + 1),
               vid(x, y + 1, z + 1));
      }
  // Drop unused grid vertices.
  std::vector<int> remap(m.vertPos.size(), -1);
  std::vector<Vec3> used;
  for (auto& t : m.triVerts)
    for (int& v : t) {
      if (remap[v] < 0) {
        remap[v] = static_cast<int>(used.size());
        used.push_back(m.vertPos[v]);
      }
      v = remap[v];
    }
  m.vertPos = std::move(used);
  m.triProp.assign(m.triVerts.size(), 0);
  BuildHalfedges(m);
  return m;
}

// A 3x3 ring of voxels with the centre missing, `height` voxels tall: genus 1.
inline Mesh VoxelRing(int height = 1) {
  std::vector<std::vector<std::vector<int>>> f(3, std::vector<std::vector<int>>(3, std::vector<int>(height, 1)));
  for (int z = 0; z < height; ++z) f[1][1][z] = 0;
  return VoxelMesh(f);
}

}  // namespace mos::kernel::testutil
