// Perturbation directions that move every face of the perturbed operand
// to its outer side as one piece (Smith 2009, ch. 4; see the header).
#include "kernel/perturbation_direction.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace mos::kernel {

namespace {

// Distinct normals beyond which the exact search (cubic in their number)
// gives way to the iteration.
constexpr int kMaxExactNormals = 24;

double MinDot(const std::vector<Vec3>& normals, Vec3 d) {
  double m = std::numeric_limits<double>::infinity();
  for (const Vec3& n : normals) m = std::min(m, Dot(d, n));
  return m;
}

// Keeps the better of the current best and the unit candidate `d`. The
// running minimum only falls as normals are taken in (a NaN product leaves
// it as it is), so once it is not above bestMin the candidate cannot win:
// the walk stops there, with the choice MinDot over all of them makes.
void Consider(const std::vector<Vec3>& normals, Vec3 d, Vec3& best, double& bestMin) {
  const double len = Length(d);
  if (!(len > 0) || !std::isfinite(len)) return;
  d = d * (1.0 / len);
  double m = std::numeric_limits<double>::infinity();
  for (const Vec3& n : normals) {
    m = std::min(m, Dot(d, n));
    if (!(m > bestMin)) return;
  }
#ifdef MOS_CHECK_OUTWARD_DIRECTION  // verification builds: the walk's minimum is MinDot's
  if (!(m == MinDot(normals, d))) std::abort();
#endif
  if (m > bestMin) {
    bestMin = m;
    best = d;
  }
}

}  // namespace

bool MostOutwardDirection(const std::vector<Vec3>& normals, Vec3 start, Vec3& dir, double& minDot) {
  if (normals.empty()) return false;
  Vec3 best = Normalized(start);
  double bestMin = Length(best) > 0 ? MinDot(normals, best) : -std::numeric_limits<double>::infinity();
  const int k = static_cast<int>(normals.size());
  if (k <= kMaxExactNormals) {
    // The smallest cap holding points of the sphere is fixed by one, two
    // or three of them on its rim: its centre is that normal, the
    // midpoint of two, or the point equidistant from three.
    for (int i = 0; i < k; ++i) {
      Consider(normals, normals[i], best, bestMin);
      for (int j = i + 1; j < k; ++j) {
        Consider(normals, normals[i] + normals[j], best, bestMin);
        for (int l = j + 1; l < k; ++l) {
          const Vec3 c = Cross(normals[j] - normals[i], normals[l] - normals[i]);
          Consider(normals, c, best, bestMin);
          Consider(normals, -c, best, bestMin);
        }
      }
    }
  } else {
    // Many distinct planes: pull towards the worst normal, shrinking steps.
    Vec3 d = Length(best) > 0 ? best : normals[0];
    double step = 1;
    for (int it = 0; it < 256; ++it, step *= 0.97) {
      const Vec3* worst = &normals[0];
      for (const Vec3& n : normals)
        if (Dot(d, n) < Dot(d, *worst)) worst = &n;
      d = Normalized(d + *worst * step);
      if (!(Length(d) > 0)) break;
      Consider(normals, d, best, bestMin);
    }
  }
  if (!(Length(best) > 0)) return false;
  dir = best;
  minDot = bestMin;
  return true;
}

namespace {

// MakeDirectionsOutward over the triangles `tris` (all when null) and the
// vertices of `vertMask` (all when null). The triangles are visited in
// ascending order either way, so a vertex's normals come in one order.
// (kWhole: both null, known at compile time, so the loops test neither.)
template <bool kWhole>
std::vector<int> DirectionsOutward(const std::vector<std::array<int, 3>>& tri, const std::vector<Vec3>& faceNormal,
                                   std::vector<Vec3>& vertDir, const std::vector<int>* tris,
                                   const std::vector<char>* vertMask) {
  const int nv = static_cast<int>(vertDir.size());
  const size_t numListed = kWhole ? tri.size() : tris->size();
  auto triAt = [&](size_t k) {
    if constexpr (kWhole) return k;
    else return static_cast<size_t>((*tris)[k]);
  };
  auto inMask = [&](int v) {
    if constexpr (kWhole) return true;
    else return (*vertMask)[static_cast<size_t>(v)] != 0;
  };
  // A vertex needs a new direction when some triangle around it faces
  // away from (or square to) its pseudo-normal.
  // (Over plain pointers and the normal by value: the flag stores are
  // chars, which may alias anything, so through the vectors every corner
  // reloaded their storage and the normal.)
  std::vector<char> needs(nv, 0);
  bool any = false;
  {
    const std::array<int, 3>* const triP = tri.data();
    const Vec3* const faceP = faceNormal.data();
    const Vec3* const dirP = vertDir.data();
    char* const needsP = needs.data();
    for (size_t k = 0; k < numListed; ++k) {
      const size_t t = triAt(k);
      const Vec3 n = faceP[t];
      if (!(LengthSquared(n) > 0)) continue;
      const std::array<int, 3> corners = triP[t];
      for (int v : corners) {
        if (needsP[v] || !inMask(v) || Dot(dirP[v], n) > 0) continue;
        needsP[v] = 1;
        any = true;
      }
    }
  }
  std::vector<int> stuck;
  if (!any) return stuck;
  // The distinct normals around each such vertex (slot[v] indexes them).
  std::vector<int> slot(nv, -1), needy;
  for (int v = 0; v < nv; ++v)
    if (needs[v]) {
      slot[v] = static_cast<int>(needy.size());
      needy.push_back(v);
    }
  std::vector<std::vector<Vec3>> around(needy.size());
  for (size_t k = 0; k < numListed; ++k) {
    const size_t t = triAt(k);
    const Vec3& n = faceNormal[t];
    if (!(LengthSquared(n) > 0)) continue;
    for (int v : tri[t]) {
      if (!needs[v]) continue;
      std::vector<Vec3>& list = around[slot[v]];
      bool seen = false;
      for (const Vec3& m : list) seen = seen || Dot(m, n) > 1 - 1e-12;
      if (!seen) list.push_back(n);
    }
  }
  for (int v : needy) {
    Vec3 dir{};
    double minDot = 0;
    // Where no direction is outward for every face (a zero-thickness wall,
    // a saddle wrapped all round), the pseudo-normal stays.
    if (MostOutwardDirection(around[slot[v]], vertDir[v], dir, minDot) && minDot > 0) vertDir[v] = dir;
    else stuck.push_back(v);
  }
  return stuck;
}

}  // namespace

std::vector<int> MakeDirectionsOutward(const std::vector<std::array<int, 3>>& tri,
                                       const std::vector<Vec3>& faceNormal, std::vector<Vec3>& vertDir) {
  return DirectionsOutward<true>(tri, faceNormal, vertDir, nullptr, nullptr);
}

std::vector<int> MakeDirectionsOutwardAt(const std::vector<std::array<int, 3>>& tri,
                                         const std::vector<Vec3>& faceNormal, std::vector<Vec3>& vertDir,
                                         const std::vector<int>& tris, const std::vector<char>& vertMask) {
  return DirectionsOutward<false>(tri, faceNormal, vertDir, &tris, &vertMask);
}

}  // namespace mos::kernel
