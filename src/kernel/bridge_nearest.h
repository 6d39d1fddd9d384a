// The first candidate of a hole's bridge (BridgeHole in
// assemble_triangulate.cpp) without scanning the whole polygon: the
// vertices right of (or level with) the hole's rightmost vertex m, nearest
// first, from a uniform grid of the vertices merged so far.
//
// Exact: Nearest(m) gives the smallest key Dot(p - m, p - m) over every
// added p with p.x >= m.x (the key BridgeHole computes for them; vertices
// left of m carry 1e300 more, so they never win while one right of m
// exists), and every added vertex with that very key. Cells are visited
// ring by ring around m's cell, in columns from m's on (the cell index is
// monotone in x, so no vertex right of m lies in a column left of m's); the
// search stops once every point of the rings left is farther from m than
// the key found by more than its rounding (cells more than 1e-9 of the
// coordinates wide, their bounds widened for the rounding of the index).
// Used only where every coordinate is finite and below 1e100 (keys far
// below 1e300, no NaN).
#pragma once

#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

class BridgeNearest {
 public:
  explicit BridgeNearest(const std::vector<Vec2>& pts) : pts_(pts) {}

  // A grid over the box of `loops` (every vertex that will be added);
  // false (and unusable) where the box is not finite, too large or too
  // thin.
  bool Build(const std::vector<const std::vector<int>*>& loops);
  // The vertices of a loop now part of the polygon.
  void AddLoop(const std::vector<int>& loop);
  // Smallest key of an added vertex p with p.x >= m.x, and in `ties` every
  // added vertex with that key; false when there is none.
  bool Nearest(Vec2 m, double& key, std::vector<int>& ties) const;

 private:
  int Col(double x) const;
  int Row(double y) const;

  const std::vector<Vec2>& pts_;
  Vec2 lo_{0, 0}, hi_{0, 0};
  double invW_ = 0, invH_ = 0, minCell_ = 0, margin_ = 0;
  int nx_ = 1, ny_ = 1;
  std::vector<int> head_, next_;  // per cell the first vertex, per vertex the next
};

}  // namespace mos::kernel
