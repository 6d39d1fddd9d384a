#include "kernel/mesh_primitives.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace mos::kernel {

namespace {

constexpr double kPi = 3.14159265358979323846;

Mesh Finish(Mesh mesh, uint32_t prop) {
  mesh.triProp.assign(mesh.triVerts.size(), prop);
  BuildHalfedges(mesh);
  return mesh;
}

}  // namespace

Mesh MakeBox(Vec3 a, Vec3 b, uint32_t prop) {
  const Vec3 lo = Min(a, b), hi = Max(a, b);
  Mesh m;
  for (int i = 0; i < 8; ++i)
    m.vertPos.push_back({(i & 1) ? hi.x : lo.x, (i & 2) ? hi.y : lo.y, (i & 4) ? hi.z : lo.z});
  m.triVerts = {{0, 2, 3}, {0, 3, 1}, {4, 5, 7}, {4, 7, 6}, {0, 1, 5}, {0, 5, 4},
                {2, 6, 7}, {2, 7, 3}, {0, 4, 6}, {0, 6, 2}, {1, 3, 7}, {1, 7, 5}};
  return Finish(std::move(m), prop);
}

Mesh MakeTetrahedron(Vec3 a, Vec3 b, Vec3 c, Vec3 d, uint32_t prop) {
  Mesh m;
  m.vertPos = {a, b, c, d};
  // Positive when d lies on the negative side of triangle (a, b, c).
  const double orient = Dot(Cross(b - a, c - a), d - a);
  if (orient <= 0)
    m.triVerts = {{0, 1, 2}, {0, 3, 1}, {1, 3, 2}, {2, 3, 0}};
  else
    m.triVerts = {{0, 2, 1}, {0, 1, 3}, {1, 2, 3}, {2, 0, 3}};
  return Finish(std::move(m), prop);
}

Mesh MakeUvSphere(Vec3 center, double radius, int segments, uint32_t prop) {
  const int n = std::max(3, segments);
  const int rings = std::max(2, n / 2);
  Mesh m;
  m.vertPos.push_back(center + Vec3{0, 0, radius});  // north pole: 0
  for (int r = 1; r < rings; ++r) {
    const double phi = kPi * r / rings;
    for (int s = 0; s < n; ++s) {
      const double theta = 2 * kPi * s / n;
      m.vertPos.push_back(center + Vec3{radius * std::sin(phi) * std::cos(theta),
                                        radius * std::sin(phi) * std::sin(theta),
                                        radius * std::cos(phi)});
    }
  }
  const int south = m.NumVert();
  m.vertPos.push_back(center - Vec3{0, 0, radius});
  auto ringVert = [n](int r, int s) { return 1 + (r - 1) * n + (s % n); };
  for (int s = 0; s < n; ++s) m.triVerts.push_back({0, ringVert(1, s), ringVert(1, s + 1)});
  for (int r = 1; r + 1 < rings; ++r)
    for (int s = 0; s < n; ++s) {
      const int a = ringVert(r, s), b = ringVert(r, s + 1);
      const int c = ringVert(r + 1, s), d = ringVert(r + 1, s + 1);
      m.triVerts.push_back({a, c, d});
      m.triVerts.push_back({a, d, b});
    }
  for (int s = 0; s < n; ++s)
    m.triVerts.push_back({south, ringVert(rings - 1, s + 1), ringVert(rings - 1, s)});
  return Finish(std::move(m), prop);
}

Mesh MakeCylinder(Vec3 base, double radiusBottom, double radiusTop, double height, int segments,
                  uint32_t prop) {
  const int n = std::max(3, segments);
  Mesh m;
  // Ring (or apex) at the bottom and at the top; returns the index function.
  auto addRing = [&](double z, double r) {
    const int first = m.NumVert();
    if (r == 0) {
      m.vertPos.push_back(base + Vec3{0, 0, z});
      return std::make_pair(first, true);
    }
    for (int s = 0; s < n; ++s) {
      const double theta = 2 * kPi * s / n;
      m.vertPos.push_back(base + Vec3{r * std::cos(theta), r * std::sin(theta), z});
    }
    return std::make_pair(first, false);
  };
  const auto [bot, botApex] = addRing(0, radiusBottom);
  const auto [top, topApex] = addRing(height, radiusTop);
  auto b = [&, bot = bot, botApex = botApex](int s) { return botApex ? bot : bot + s % n; };
  auto t = [&, top = top, topApex = topApex](int s) { return topApex ? top : top + s % n; };
  for (int s = 0; s < n; ++s) {
    if (!botApex) m.triVerts.push_back({b(s), b(s + 1), t(s + 1)});
    if (!topApex) m.triVerts.push_back({b(s), t(s + 1), t(s)});
  }
  if (!botApex) {
    const int c = m.NumVert();
    m.vertPos.push_back(base);
    for (int s = 0; s < n; ++s) m.triVerts.push_back({c, b(s + 1), b(s)});
  }
  if (!topApex) {
    const int c = m.NumVert();
    m.vertPos.push_back(base + Vec3{0, 0, height});
    for (int s = 0; s < n; ++s) m.triVerts.push_back({c, t(s), t(s + 1)});
  }
  return Finish(std::move(m), prop);
}

}  // namespace mos::kernel
