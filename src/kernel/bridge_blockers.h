// The loop edges a hole's bridge may not cross (BridgeHole in
// assemble_triangulate.cpp), in a uniform grid so that a bridge visits only
// the cells along its line instead of every edge of every loop of the face
// (quadratic in the holes of a plate with 200 holes).
//
// Exact: Blocked(a, b) answers as output_face::BlocksBridge over every edge
// would. A cell is skipped only when it is certified to lie strictly on one
// side of the line ab for the computed Orient(a, b, .) of every point in it,
// by more than Orient's rounding (Shewchuk's orient2d error bound, with
// room) plus OrientTolerance: an edge with both ends in cells certified for
// the same side neither crosses ab (its ends' orientations have one sign)
// nor has its start "on" ab. An edge with ends on opposite sides crosses
// the line inside its box, so it is stored in a cell the line meets, which
// is never certified. Cells are walked along the line's major axis, one
// column (or row) at a time, until a certified cell on the far side: the
// margin only grows beyond it (the bridge is longer than 1e-9 of the
// coordinates, cells taller than that, so |f| grows by far more per cell
// than the bounds do). Everything else (tiny bridges, degenerate or
// non-finite bounds, few edges) scans the whole list.
#pragma once

#include <cstdint>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

class BridgeBlockers {
 public:
  explicit BridgeBlockers(const std::vector<Vec2>& pts) : pts_(pts) {}

  // The edges of a closed loop (indices into pts); all loops before Index().
  void AddLoop(const std::vector<int>& loop);
  // Builds the grid over the loops added so far.
  void Index();
  // One more edge (a bridge), after Index().
  void AddEdge(int from, int to);
  // Whether any edge blocks the bridge a-b (output_face::BlocksBridge).
  bool Blocked(Vec2 a, Vec2 b);

 private:
  struct Edge {
    int from, to;
  };
  struct Query {  // a bridge from a, b - a = (dx, dy), with its bounds' parts
    Vec2 a;
    double dx, dy, absDx, absDy, l1, mab;
  };
  bool Hits(const Edge& e, Vec2 a, Vec2 b) const;
  bool ScanAll(Vec2 a, Vec2 b) const;
  bool Visit(int cx, int cy, Vec2 a, Vec2 b);
  // Every point of the cell is certainly on `side` (+1 left, -1 right) of
  // ab: the sign of the computed Orient(a, b, .), beyond OrientTolerance.
  bool Certified(int cx, int cy, const Query& q, int side) const;
  bool InBounds(Vec2 p) const;
  // The cells edge e's box overlaps; false for an edge with an end out of
  // the bounds (non-finite), which goes to always_.
  bool CellRange(int e, int& x0, int& x1, int& y0, int& y1) const;
  void Insert(int e);  // after Index(): a bridge, into the cells' extra lists
  int CellX(double x) const;
  int CellY(double y) const;

  const std::vector<Vec2>& pts_;
  std::vector<Edge> edges_;
  bool gridded_ = false;
  int g_ = 1;
  Vec2 lo_{0, 0}, hi_{0, 0};
  double w_ = 0, h_ = 0, sx_ = 0, sy_ = 0, ex_ = 0, ey_ = 0, mGrid_ = 0;
  // The edges of cell c: cellEdges_[cellStart_[c], cellStart_[c + 1]) (the
  // loops', filled at once: a vector per cell cost an allocation per cell),
  // then the list from extraHead_[c] through extra_ (the bridges).
  std::vector<int> cellStart_, cellEdges_, extraHead_;
  struct Extra {
    int edge, next;
  };
  std::vector<Extra> extra_;
  std::vector<int> always_;  // edges with an end outside the bounds (non-finite)
  std::vector<uint32_t> stamp_;
  uint32_t query_ = 0;
};

}  // namespace mos::kernel
