// The planar arrangement of the edges of two polygon sets: edges split at
// every crossing and touching vertex, coincident pieces merged, and the
// winding numbers of both operands on both sides of every edge.
#pragma once

#include <array>
#include <vector>

#include "kernel/limits.h"
#include "kernel/vec.h"

namespace mos::kernel {

struct Segment2d {
  Vec2 a, b;
  int operand = 0;  // 0 or 1
};

// An edge from points[lo] to points[hi], where points[lo] < points[hi] in
// (x, y) order. delta[k] = winding of operand k on the left minus on the
// right (the sum of +1 / -1 of the input edges lying on it).
struct ArrangementEdge {
  int lo = 0, hi = 0;
  std::array<int, 2> delta{0, 0};
  std::array<int, 2> rightWinding{0, 0};  // filled in by ComputeWindings
};

struct Arrangement2d {
  std::vector<Vec2> points;
  std::vector<ArrangementEdge> edges;
};

// How a split round finds the pairs of pieces to test: both use a uniform
// grid of cells and test every pair whose boxes overlap. kBoxGrid visits
// every pair of boxes sharing a cell; kSwept skips pairs whose boxes do not
// overlap and sweeps crowded cells in x order. Both give bit-identical
// arrangements (tests/unit/kernel/polygon2d_split_search_test.cpp compares
// them; the check build -DMOS_CHECK_SPLIT_SEARCH runs both in every round).
// kSwept also takes the pairs of the round after the replayed first
// crossing round from the vertex round's, where it can (DerivedPairPass;
// tests/unit/kernel/polygon2d_derived_round_test.cpp compares that with
// kBoxGrid; the check build -DMOS_CHECK_DERIVED_PAIRS runs the grid too).
enum class SplitPairSearch { kSwept, kBoxGrid };

// Splits and merges; edges whose deltas are all zero are dropped. With a
// guard: checks it in every round and every few thousand edge pairs
// (vertices: the arrangement's points; bytes: a rough estimate) and, once it
// stopped, returns an empty arrangement.
Arrangement2d BuildArrangement(const std::vector<Segment2d>& segments, LimitGuard* guard = nullptr,
                               SplitPairSearch search = SplitPairSearch::kSwept);

namespace polygon2d_detail {

// How often this thread's arrangements took the split rounds' shortcuts
// (for tests: a shortcut that is never taken is never compared). replayed:
// first crossing rounds replayed from the vertex round; derived: rounds
// after one whose pairs came from the vertex round's (DerivedPairPass), of
// them derivedSplitting the ones that split something; snapped: crossing
// points that became an earlier point within the snap distance. The
// derived pass is taken while it tests at most maxCandidatesPerPiece
// candidate pairs per piece (beyond that a grid is cheaper); tests raise it
// to reach dense inputs. snapFilter false: every crossing point searches
// the snapping grid (the filter in front of it only skips searches that
// find nothing; tests compare both).
struct SplitRoundStats {
  size_t replayed = 0, derived = 0, derivedSplitting = 0, snapped = 0;
  size_t maxCandidatesPerPiece = 8;
  bool snapFilter = true;
};
SplitRoundStats& ThreadSplitRoundStats();

}  // namespace polygon2d_detail

// Winding numbers on the right of each edge: one ray cast per connected
// component (from its longest edge; downward for edges at most 45 degrees
// from horizontal, leftward for steeper ones, with half-open rules, so that
// a ray through a vertex counts each edge once), propagated to the other
// edges around the vertices. With a guard: checked before every ray cast;
// once it stopped the windings are left unfinished (the caller discards the
// arrangement).
void ComputeWindings(Arrangement2d& arrangement, LimitGuard* guard = nullptr);

}  // namespace mos::kernel
