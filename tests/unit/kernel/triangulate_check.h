// Shared checks for triangulator tests: every loop edge used exactly once
// (in either direction, as the triangulator may reverse a loop), every other
// directed edge matched by its reverse, indices valid.
#pragma once

#include <array>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel::testing {

struct TriangulationReport {
  bool ok = true;
  std::string error;
  double signedArea = 0;    // sum of triangle signed areas
  double absoluteArea = 0;  // sum of |triangle area|
};

inline double LoopArea(const std::vector<Vec2>& loop) {
  double s = 0;
  for (size_t i = 0; i < loop.size(); ++i) s += Cross(loop[i], loop[(i + 1) % loop.size()]);
  return s / 2;
}

inline TriangulationReport CheckTriangulation(const std::vector<std::vector<Vec2>>& loops,
                                              const std::vector<std::array<int, 3>>& tris) {
  TriangulationReport r;
  std::vector<Vec2> pts;
  std::map<std::pair<int, int>, int> loopEdges;  // undirected loop edges
  for (const auto& loop : loops) {
    const int base = static_cast<int>(pts.size());
    const int n = static_cast<int>(loop.size());
    for (const Vec2& p : loop) pts.push_back(p);
    if (n < 3) continue;
    for (int i = 0; i < n; ++i) {
      const int a = base + i, b = base + (i + 1) % n;
      loopEdges[{std::min(a, b), std::max(a, b)}] += 1;
    }
  }
  std::map<std::pair<int, int>, int> directed;
  for (const auto& t : tris) {
    for (int k = 0; k < 3; ++k) {
      if (t[k] < 0 || t[k] >= static_cast<int>(pts.size())) {
        r.ok = false;
        r.error = "index out of range";
        return r;
      }
    }
    if (t[0] == t[1] || t[1] == t[2] || t[0] == t[2]) {
      r.ok = false;
      r.error = "repeated index in a triangle";
      return r;
    }
    for (int k = 0; k < 3; ++k) directed[{t[k], t[(k + 1) % 3]}] += 1;
    const Vec2 a = pts[t[0]], b = pts[t[1]], c = pts[t[2]];
    const double area = Cross(b - a, c - a) / 2;
    r.signedArea += area;
    r.absoluteArea += std::fabs(area);
  }
  for (const auto& [edge, count] : directed) {
    const auto rev = directed.find({edge.second, edge.first});
    const int revCount = rev == directed.end() ? 0 : rev->second;
    const auto key = std::make_pair(std::min(edge.first, edge.second), std::max(edge.first, edge.second));
    const auto le = loopEdges.find(key);
    const int boundary = le == loopEdges.end() ? 0 : le->second;
    // count - revCount must be +-1 on loop edges, 0 elsewhere; and no edge
    // may be used twice in the same direction.
    if (count > 1 || std::abs(count - revCount) != boundary) {
      r.ok = false;
      r.error = "edge " + std::to_string(edge.first) + "->" + std::to_string(edge.second) + " used " +
                std::to_string(count) + " times, reverse " + std::to_string(revCount) + ", loop edge " +
                std::to_string(boundary);
      return r;
    }
  }
  for (const auto& [edge, count] : loopEdges) {
    const auto f = directed.find(edge);
    const auto b = directed.find({edge.second, edge.first});
    const int used = (f == directed.end() ? 0 : f->second) + (b == directed.end() ? 0 : b->second);
    if (used == 0) {
      r.ok = false;
      r.error = "loop edge " + std::to_string(edge.first) + "-" + std::to_string(edge.second) + " unused";
      return r;
    }
  }
  return r;
}

}  // namespace mos::kernel::testing
