#include "geom/extrude_layout_twins.h"

#include <algorithm>

namespace mos::geom {

namespace {

// The twins of two copies of a cap (triangles `cap` over the concatenated
// contours): copy one of cap triangle j is layout triangle firstTri + 2 j,
// copy two the next one. The forward copy keeps the cap's corner order (its
// edge i, t_i -> t_i+1, is halfedge i), the other is mirrored (that edge
// runs backwards in its halfedge 2 - i); firstForward says which is which.
// Pairs the inner edges within each copy; ringFirst[p] / ringSecond[p] get
// each copy's halfedge on contour edge p -> nextOf[p]. False when the cap
// does not pair up: a contour edge missing or used twice, an inner edge
// not used exactly twice in opposite directions.
bool CapTwins(const std::vector<std::array<int, 3>>& cap, const std::vector<int>& nextOf,
              int firstTri, bool firstForward, std::vector<int>& twin,
              std::vector<int>& ringFirst, std::vector<int>& ringSecond) {
  const int count = static_cast<int>(nextOf.size());
  const size_t capTris = cap.size();
  auto pair = [&](int h, int g) {
    twin[h] = g;
    twin[g] = h;
  };
  auto forwardHalf = [&](size_t j, int i) {
    return 3 * (firstTri + 2 * static_cast<int>(j) + (firstForward ? 0 : 1)) + i;
  };
  auto mirroredHalf = [&](size_t j, int i) {
    return 3 * (firstTri + 2 * static_cast<int>(j) + (firstForward ? 1 : 0)) + 2 - i;
  };
  ringFirst.assign(count, -1);
  ringSecond.assign(count, -1);
  std::vector<int>& ringForward = firstForward ? ringFirst : ringSecond;
  std::vector<int>& ringMirrored = firstForward ? ringSecond : ringFirst;
  // Inner edges, bucketed by their lower corner (a counting sort: no
  // comparison sort of all of them).
  struct Inner {
    int upper;      // the other corner
    int forward;    // halfedge (forward copy) and its mirror
    int mirrored;
    bool fromLower;  // runs lower -> upper in the cap's order
  };
  std::vector<int> start(count + 1, 0);
  int numInner = 0;
  for (size_t j = 0; j < capTris; ++j) {
    for (int i = 0; i < 3; ++i) {
      const int p = cap[j][i], q = cap[j][i == 2 ? 0 : i + 1];
      if (p < 0 || p >= count || q < 0 || q >= count || p == q) return false;
      if (q == nextOf[p]) {
        if (ringForward[p] >= 0) return false;  // a contour edge twice
        ringForward[p] = forwardHalf(j, i);
        ringMirrored[p] = mirroredHalf(j, i);
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
      inner[fill[std::min(p, q)]++] = {std::max(p, q), forwardHalf(j, i), mirroredHalf(j, i), p < q};
    }
  }
  // Each undirected inner edge exactly twice, once each way.
  for (int v = 0; v < count; ++v) {
    for (int e = start[v]; e < start[v + 1]; ++e) {
      if (inner[e].forward < 0) continue;  // paired already
      int match = -1;
      for (int f = e + 1; f < start[v + 1]; ++f) {
        if (inner[f].upper != inner[e].upper) continue;
        if (match >= 0 || inner[f].fromLower == inner[e].fromLower) return false;
        match = f;
      }
      if (match < 0) return false;
      pair(inner[e].forward, inner[match].forward);
      pair(inner[e].mirrored, inner[match].mirrored);
      inner[match].forward = -1;
    }
  }
  for (int p = 0; p < count; ++p)
    if (ringForward[p] < 0) return false;  // a contour edge the cap misses
  return true;
}

// nextOf of the concatenated contours; empty if one has fewer than 3
// vertices.
std::vector<int> NextInContour(const std::vector<int>& contourSizes) {
  std::vector<int> nextOf;
  for (int n : contourSizes) {
    if (n < 3) return {};
    const int first = static_cast<int>(nextOf.size());
    for (int i = 0; i < n; ++i) nextOf.push_back(first + (i + 1 == n ? 0 : i + 1));
  }
  return nextOf;
}

}  // namespace

std::vector<int> LinearLayoutTwins(const std::vector<int>& contourSizes, int slices,
                                   const std::vector<std::array<int, 3>>& cap,
                                   const std::vector<std::array<int, 3>>& triangles) {
  const std::vector<int> nextOf = NextInContour(contourSizes);
  const int count = static_cast<int>(nextOf.size());
  const size_t capTris = cap.size();
  if (count == 0 || slices < 1 ||
      triangles.size() != 2 * capTris + 2 * static_cast<size_t>(count) * slices)
    return {};
  std::vector<int> twin(3 * triangles.size(), -1);
  auto pair = [&](int h, int g) {
    twin[h] = g;
    twin[g] = h;
  };
  // The caps come first: per cap triangle the bottom (mirrored), the top.
  std::vector<int> ringBottom, ringTop;
  if (!CapTwins(cap, nextOf, 0, /*firstForward=*/false, twin, ringBottom, ringTop)) return {};
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

std::vector<int> RotateLayoutTwins(const std::vector<int>& contourSizes, int fragments, bool full,
                                   bool reverse, const std::vector<std::array<int, 3>>& cap,
                                   const std::vector<std::array<int, 3>>& triangles) {
  const std::vector<int> nextOf = NextInContour(contourSizes);
  const int count = static_cast<int>(nextOf.size());
  const int n = fragments;
  const size_t capTris = full ? 0 : cap.size();
  // A full turn of two profiles uses each sweep edge four times.
  if (count == 0 || n < (full ? 3 : 1) ||
      triangles.size() != 2 * static_cast<size_t>(count) * n + 2 * capTris)
    return {};
  std::vector<int> twin(3 * triangles.size(), -1);
  auto pair = [&](int h, int g) {
    twin[h] = g;
    twin[g] = h;
  };
  // Quad (j, e) for contour edge e = a -> b, profile j to j2 = j + 1 (a full
  // turn closes on profile 0): A = (a_j, a_j2, b_j2), B = (a_j, b_j2, b_j)
  // as listed before a clockwise sweep swaps corners 1 and 2, which turns
  // the halfedge of role r (r: corner r -> r+1) into halfedge 2 - r.
  auto half = [&](int tri, int role) { return 3 * tri + (reverse ? 2 - role : role); };
  auto a = [&](int j, int e) { return 2 * (j * count + e); };
  auto b = [&](int j, int e) { return 2 * (j * count + e) + 1; };
  for (int j = 0; j < n; ++j) {
    const int j2 = j + 1 == n ? (full ? 0 : -1) : j + 1;
    for (int e = 0; e < count; ++e) {
      pair(half(a(j, e), 2), half(b(j, e), 0));        // the diagonal b_j2 - a_j
      pair(half(b(j, e), 1), half(a(j, nextOf[e]), 0));  // the sweep at b
      if (j2 >= 0) pair(half(a(j, e), 1), half(b(j2, e), 2));  // contour edge at profile j2
    }
  }
  if (!full) {
    // Caps after the sides: per cap triangle profile 0's, then profile n's
    // (mirrored); a clockwise sweep mirrors both.
    std::vector<int> ringFirst, ringLast;
    if (!CapTwins(cap, nextOf, 2 * count * n, /*firstForward=*/!reverse, twin, ringFirst,
                  ringLast))
      return {};
    for (int e = 0; e < count; ++e) {
      pair(half(b(0, e), 2), ringFirst[e]);     // b_0 -> a_0
      pair(half(a(n - 1, e), 1), ringLast[e]);  // a_n -> b_n
    }
  }
  return twin;
}

}  // namespace mos::geom
