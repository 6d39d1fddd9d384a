// Small local checks for the hull / minkowski / section tests (independent
// of the kernel's own validation, so they can catch its mistakes too).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "kernel/mesh.h"
#include "kernel/polygon2d.h"
#include "kernel/vec.h"

namespace mos::kernel::testing {

// Every directed edge unique with exactly one opposite, halfedgeTwin
// consistent with that, and every vertex fan a single cycle.
inline bool IsClosedOrientedManifold(const Mesh& m) {
  const int numHalf = 3 * m.NumTri();
  if (static_cast<int>(m.halfedgeTwin.size()) != numHalf) return false;
  if (static_cast<int>(m.triProp.size()) != m.NumTri()) return false;
  auto from = [&](int h) { return m.triVerts[h / 3][h % 3]; };
  auto to = [&](int h) { return m.triVerts[h / 3][(h % 3 + 1) % 3]; };
  std::map<std::pair<int, int>, int> edges;
  for (int h = 0; h < numHalf; ++h) {
    if (from(h) == to(h)) return false;
    if (from(h) < 0 || from(h) >= m.NumVert()) return false;
    if (!edges.emplace(std::make_pair(from(h), to(h)), h).second) return false;
  }
  for (int h = 0; h < numHalf; ++h) {
    auto it = edges.find({to(h), from(h)});
    if (it == edges.end() || m.halfedgeTwin[h] != it->second) return false;
  }
  std::vector<int> outgoing(m.NumVert(), 0), anyOut(m.NumVert(), -1);
  for (int h = 0; h < numHalf; ++h) {
    ++outgoing[from(h)];
    anyOut[from(h)] = h;
  }
  for (int v = 0; v < m.NumVert(); ++v) {
    if (anyOut[v] < 0) continue;
    int h = anyOut[v], steps = 0;
    do {
      const int prev = 3 * (h / 3) + (h % 3 + 2) % 3;  // ends at v
      h = m.halfedgeTwin[prev];
      if (++steps > outgoing[v]) return false;
    } while (h != anyOut[v]);
    if (steps != outgoing[v]) return false;
  }
  return true;
}

// Relative to the first vertex, so far-away meshes lose no digits.
inline double Volume(const Mesh& m) {
  if (m.vertPos.empty()) return 0;
  const Vec3 o = m.vertPos[0];
  double v = 0;
  for (const auto& t : m.triVerts) {
    v += Dot(m.vertPos[t[0]] - o, Cross(m.vertPos[t[1]] - o, m.vertPos[t[2]] - o));
  }
  return v / 6;
}

inline double Area(const Mesh& m) {
  double a = 0;
  for (const auto& t : m.triVerts) {
    a += Length(Cross(m.vertPos[t[1]] - m.vertPos[t[0]], m.vertPos[t[2]] - m.vertPos[t[0]]));
  }
  return a / 2;
}

// Winding number of closed loops around p (p not on an edge).
inline int WindingNumber(const std::vector<std::vector<Vec2>>& loops, Vec2 p) {
  int w = 0;
  for (const auto& loop : loops) {
    for (size_t i = 0; i < loop.size(); ++i) {
      const Vec2 a = loop[i], b = loop[(i + 1) % loop.size()];
      if (a.y <= p.y) {
        if (b.y > p.y && Cross(b - a, p - a) > 0) ++w;
      } else if (b.y <= p.y && Cross(b - a, p - a) < 0) {
        --w;
      }
    }
  }
  return w;
}

// Every face plane has all vertices on or below it (convexity, outward).
inline bool IsConvexOutward(const Mesh& m, double tol) {
  for (const auto& t : m.triVerts) {
    const Vec3 n = Cross(m.vertPos[t[1]] - m.vertPos[t[0]], m.vertPos[t[2]] - m.vertPos[t[0]]);
    const double len = Length(n);
    if (len == 0) return false;
    for (const Vec3& p : m.vertPos) {
      if (Dot(n, p - m.vertPos[t[0]]) / len > tol) return false;
    }
  }
  return true;
}

}  // namespace mos::kernel::testing
