// Lawson's edge flips (Lawson 1977); see delaunay_flips.h.
#include "geom/delaunay_flips.h"

#include <cstdint>
#include <unordered_map>

#include "kernel/hull_predicates.h"

namespace mos::geom {
namespace {

using kernel::Vec2;

uint64_t EdgeKey(int a, int b) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
}

// > 0 when d lies inside the circumcircle of the counter-clockwise
// triangle (a, b, c). Floating point is enough: it only decides which of
// two valid triangulations to keep.
double InCircle(const Vec2& a, const Vec2& b, const Vec2& c, const Vec2& d) {
  const double adx = a.x - d.x, ady = a.y - d.y;
  const double bdx = b.x - d.x, bdy = b.y - d.y;
  const double cdx = c.x - d.x, cdy = c.y - d.y;
  const double ad = adx * adx + ady * ady, bd = bdx * bdx + bdy * bdy, cd = cdx * cdx + cdy * cdy;
  return adx * (bdy * cd - bd * cdy) - ady * (bdx * cd - bd * cdx) + ad * (bdx * cdy - bdy * cdx);
}

}  // namespace

int FlipToDelaunay(const std::vector<Vec2>& points, std::vector<std::array<int, 3>>& tris,
                   int maxFlips) {
  const int n = static_cast<int>(points.size());
  // Directed edge (a, b) -> triangle holding it as a -> b.
  std::unordered_map<uint64_t, int> owner;
  owner.reserve(tris.size() * 3);
  for (size_t t = 0; t < tris.size(); ++t) {
    for (int i = 0; i < 3; ++i) {
      const int a = tris[t][i], b = tris[t][(i + 1) % 3];
      if (a < 0 || b < 0 || a >= n || b >= n) return 0;  // not over these points
      // A directed edge used twice: not a proper triangulation, left as is.
      if (!owner.emplace(EdgeKey(a, b), static_cast<int>(t)).second) return 0;
    }
  }
  std::vector<std::array<int, 2>> stack;
  for (const auto& t : tris)
    for (int i = 0; i < 3; ++i) stack.push_back({t[i], t[(i + 1) % 3]});
  int flips = 0;
  auto third = [&](int t, int a, int b) {
    for (int i = 0; i < 3; ++i)
      if (tris[t][i] != a && tris[t][i] != b) return tris[t][i];
    return -1;
  };
  while (!stack.empty() && flips < maxFlips) {
    const auto [a, b] = stack.back();
    stack.pop_back();
    auto i1 = owner.find(EdgeKey(a, b));
    auto i2 = owner.find(EdgeKey(b, a));
    if (i1 == owner.end() || i2 == owner.end()) continue;  // boundary or gone
    const int t1 = i1->second, t2 = i2->second;
    if (t1 == t2) continue;
    const int c = third(t1, a, b), d = third(t2, a, b);
    if (c < 0 || d < 0 || c == d) continue;
    // t1 = (a, b, c), t2 = (b, a, d), both counter-clockwise.
    const Vec2 &pa = points[a], &pb = points[b], &pc = points[c], &pd = points[d];
    if (!(InCircle(pa, pb, pc, pd) > 0)) continue;
    // The new triangles (c, a, d) and (d, b, c) must both turn left
    // (a strictly convex quadrilateral a, d, b, c).
    if (kernel::Orient2dSign(pa, pb, pc) <= 0 || kernel::Orient2dSign(pb, pa, pd) <= 0 ||
        kernel::Orient2dSign(pc, pa, pd) <= 0 || kernel::Orient2dSign(pd, pb, pc) <= 0)
      continue;
    if (owner.count(EdgeKey(c, d)) || owner.count(EdgeKey(d, c))) continue;  // would duplicate
    owner.erase(EdgeKey(a, b));
    owner.erase(EdgeKey(b, a));
    tris[t1] = {c, a, d};
    tris[t2] = {d, b, c};
    for (int t : {t1, t2})
      for (int i = 0; i < 3; ++i) owner[EdgeKey(tris[t][i], tris[t][(i + 1) % 3])] = t;
    ++flips;
    stack.push_back({a, d});
    stack.push_back({d, b});
    stack.push_back({b, c});
    stack.push_back({c, a});
  }
  return flips;
}

}  // namespace mos::geom
