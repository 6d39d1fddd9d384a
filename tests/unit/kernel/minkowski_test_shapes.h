// Test shapes for the minkowski and section tests: voxel solids (unions of
// unit cubes, built as one closed mesh of their boundary squares) and
// convex polyhedra from point clouds.
#pragma once

#include <array>
#include <cmath>
#include <set>
#include <vector>

#include "kernel/hull3d.h"
#include "kernel/mesh.h"

namespace mos::kernel::testing {

using Voxel = std::array<int, 3>;

// Boundary of a union of unit cubes at integer corners `cells` (faces
// between a filled and an empty cell), scaled by `size`, outward.
inline Mesh VoxelMesh(const std::set<Voxel>& cells, double size = 1) {
  Mesh m;
  std::vector<Voxel> corners;
  auto vertex = [&](Voxel c) {
    for (size_t i = 0; i < corners.size(); ++i) {
      if (corners[i] == c) return static_cast<int>(i);
    }
    corners.push_back(c);
    m.vertPos.push_back({c[0] * size, c[1] * size, c[2] * size});
    return static_cast<int>(corners.size()) - 1;
  };
  for (const Voxel& v : cells) {
    for (int axis = 0; axis < 3; ++axis) {
      for (int side = 0; side < 2; ++side) {
        Voxel n = v;
        n[axis] += side ? 1 : -1;
        if (cells.count(n)) continue;
        const int u = (axis + 1) % 3, w = (axis + 2) % 3;
        Voxel c0 = v;
        c0[axis] += side;
        Voxel c1 = c0, c2 = c0, c3 = c0;
        c1[u] += 1;
        c2[u] += 1;
        c2[w] += 1;
        c3[w] += 1;
        // (u, w, axis) is right-handed: u x w = +axis.
        int q[4] = {vertex(c0), vertex(c1), vertex(c2), vertex(c3)};
        if (side) {
          m.triVerts.push_back({q[0], q[1], q[2]});
          m.triVerts.push_back({q[0], q[2], q[3]});
        } else {
          m.triVerts.push_back({q[0], q[2], q[1]});
          m.triVerts.push_back({q[0], q[3], q[2]});
        }
      }
    }
  }
  m.triProp.assign(m.triVerts.size(), 0);
  BuildHalfedges(m);
  return m;
}

inline std::vector<Vec3> SpherePoints(double r, int rings, int segs, Vec3 c = {}) {
  std::vector<Vec3> p;
  for (int i = 0; i < rings; ++i) {
    const double phi = M_PI * (i + 0.5) / rings;
    for (int j = 0; j < segs; ++j) {
      const double th = 2 * M_PI * j / segs;
      p.push_back(c + Vec3{r * std::sin(phi) * std::cos(th), r * std::sin(phi) * std::sin(th),
                           r * std::cos(phi)});
    }
  }
  return p;
}

inline Mesh ConvexMesh(const std::vector<Vec3>& points) {
  return ConvexHull3d(points).mesh;
}

// Strictly inside a convex, outward mesh.
inline bool InsideConvex(const Mesh& m, Vec3 x) {
  for (const auto& t : m.triVerts) {
    const Vec3 n = Cross(m.vertPos[t[1]] - m.vertPos[t[0]], m.vertPos[t[2]] - m.vertPos[t[0]]);
    if (Dot(n, x - m.vertPos[t[0]]) >= 0) return false;
  }
  return true;
}

// Point inside a closed mesh: parity of crossings of a +x ray (the point
// must not be on the surface; the ray direction is tilted to avoid edges).
inline bool InsideByRayParity(const Mesh& m, Vec3 p) {
  const Vec3 dir = Normalized(Vec3{1, 0.0123456, 0.0234567});
  int crossings = 0;
  for (const auto& t : m.triVerts) {
    // Moeller-Trumbore.
    const Vec3 a = m.vertPos[t[0]], b = m.vertPos[t[1]], c = m.vertPos[t[2]];
    const Vec3 e1 = b - a, e2 = c - a;
    const Vec3 q = Cross(dir, e2);
    const double det = Dot(e1, q);
    if (det == 0) continue;
    const double inv = 1 / det;
    const Vec3 s = p - a;
    const double u = Dot(s, q) * inv;
    if (u < 0 || u > 1) continue;
    const Vec3 r = Cross(s, e1);
    const double v = Dot(dir, r) * inv;
    if (v < 0 || u + v > 1) continue;
    if (Dot(e2, r) * inv > 0) ++crossings;
  }
  return crossings % 2 == 1;
}

}  // namespace mos::kernel::testing
