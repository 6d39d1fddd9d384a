#include "geom/extrude_layout_twins.h"

#include <algorithm>

namespace mos::geom {

std::vector<int> LinearLayoutTwins(const std::vector<int>& contourSizes, int slices,
                                   const std::vector<std::array<int, 3>>& cap,
                                   const std::vector<std::array<int, 3>>& triangles) {
  int count = 0;
  for (int n : contourSizes) {
    if (n < 3) return {};
    count += n;
  }
  const size_t capTris = cap.size();
  if (slices < 1 || triangles.size() != 2 * capTris + 2 * static_cast<size_t>(count) * slices)
    return {};
  std::vector<int> nextOf(count);
  for (int first = 0, c = 0; c < static_cast<int>(contourSizes.size()); first += contourSizes[c++])
    for (int i = 0; i < contourSizes[c]; ++i)
      nextOf[first + i] = first + (i + 1 == contourSizes[c] ? 0 : i + 1);
  std::vector<int> twin(3 * triangles.size(), -1);
  auto pair = [&](int h, int g) {
    twin[h] = g;
    twin[g] = h;
  };
  // The caps. Top cap triangle j is layout triangle 2 j + 1 with the cap's
  // corner order; bottom cap triangle 2 j is its mirror, so the top's edge
  // i (t_i -> t_i+1) runs backwards in the bottom's halfedge 2 - i.
  auto topHalf = [](size_t j, int i) { return static_cast<int>(3 * (2 * j + 1)) + i; };
  auto bottomHalf = [](size_t j, int i) { return static_cast<int>(3 * (2 * j)) + 2 - i; };
  std::vector<int> ringTop(count, -1), ringBottom(count, -1);
  // Inner edges, bucketed by their lower corner (a counting sort: no
  // comparison sort of all of them).
  struct Inner {
    int upper, half;  // the other corner; the top cap's halfedge
    bool fromLower;   // runs lower -> upper
  };
  std::vector<int> start(count + 1, 0);
  int numInner = 0;
  for (size_t j = 0; j < capTris; ++j) {
    for (int i = 0; i < 3; ++i) {
      const int p = cap[j][i], q = cap[j][i == 2 ? 0 : i + 1];
      if (p < 0 || p >= count || q < 0 || q >= count || p == q) return {};
      if (q == nextOf[p]) {
        if (ringTop[p] >= 0) return {};  // a contour edge twice
        ringTop[p] = topHalf(j, i);
        ringBottom[p] = bottomHalf(j, i);
      } else {
        ++start[std::min(p, q) + 1];
        ++numInner;
      }
    }
  }
  for (int v = 0; v < count; ++v) start[v + 1] += start[v];
  std::vector<Inner> inner(numInner);
  std::vector<int> fill(start.begin(), start.end() - 1);
  for (size_t j = 0; j < capTris; ++j) {
    for (int i = 0; i < 3; ++i) {
      const int p = cap[j][i], q = cap[j][i == 2 ? 0 : i + 1];
      if (q == nextOf[p]) continue;
      inner[fill[std::min(p, q)]++] = {std::max(p, q), topHalf(j, i), p < q};
    }
  }
  // Each undirected inner edge exactly twice, once each way.
  for (int v = 0; v < count; ++v) {
    for (int e = start[v]; e < start[v + 1]; ++e) {
      if (inner[e].half < 0) continue;  // paired already
      int match = -1;
      for (int f = e + 1; f < start[v + 1]; ++f) {
        if (inner[f].upper != inner[e].upper) continue;
        if (match >= 0 || inner[f].fromLower == inner[e].fromLower) return {};
        match = f;
      }
      if (match < 0) return {};
      const int h = inner[e].half, g = inner[match].half;
      pair(h, g);
      // The mirrored edges of the bottom cap (top halfedge 3 (2 j + 1) + i).
      pair(3 * (h / 3 - 1) + 2 - h % 3, 3 * (g / 3 - 1) + 2 - g % 3);
      inner[match].half = -1;
    }
  }
  for (int p = 0; p < count; ++p)
    if (ringTop[p] < 0) return {};  // a contour edge the cap misses
  // The sides: quad (k, e) for contour edge e = a -> b (b = nextOf[a]) is
  // triangles T1, T2 from `base`; either {a, b, b2}, {a, b2, a2} or
  // {a, b, a2}, {b, b2, a2} (2 = one level up).
  auto base = [&](int k, int e) { return static_cast<int>(2 * capTris) + 2 * (k * count + e); };
  auto cutA = [&](int k, int e) {  // {a, b, b2} first
    return triangles[base(k, e)][2] == triangles[base(k, e)][1] + count;
  };
  auto bottom = [&](int k, int e) { return 3 * base(k, e); };          // a -> b
  auto top = [&](int k, int e) { return 3 * (base(k, e) + 1) + 1; };  // b2 -> a2
  auto left = [&](int k, int e) {                                      // a2 -> a
    return cutA(k, e) ? 3 * (base(k, e) + 1) + 2 : 3 * base(k, e) + 2;
  };
  auto right = [&](int k, int e) {  // b -> b2
    return cutA(k, e) ? 3 * base(k, e) + 1 : 3 * (base(k, e) + 1);
  };
  for (int k = 0; k < slices; ++k) {
    for (int e = 0; e < count; ++e) {
      const int t1 = 3 * base(k, e), t2 = t1 + 3;
      if (cutA(k, e)) pair(t1 + 2, t2);  // b2 -> a against a -> b2
      else pair(t1 + 1, t2 + 2);         // b -> a2 against a2 -> b
      pair(right(k, e), left(k, nextOf[e]));
      if (k + 1 < slices) pair(top(k, e), bottom(k + 1, e));
    }
  }
  for (int e = 0; e < count; ++e) {
    pair(bottom(0, e), ringBottom[e]);
    pair(top(slices - 1, e), ringTop[e]);
  }
  return twin;
}

}  // namespace mos::geom
