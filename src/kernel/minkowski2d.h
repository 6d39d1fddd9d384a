// Minkowski sum of two 2D polygon sets, as convex pieces to be unioned.
#pragma once

#include <vector>

#include "kernel/hull_status.h"
#include "kernel/limits.h"
#include "kernel/vec.h"

namespace mos::kernel {

struct Minkowski2dPieces {
  HullStatus status = HullStatus::kOk;
  // Convex counter-clockwise polygons.
  std::vector<std::vector<Vec2>> convexPieces;
  // Translated copies of an operand (each a polygon set: outer loops CCW,
  // holes CW), to be unioned as they are.
  std::vector<std::vector<std::vector<Vec2>>> translatedCopies;
  KernelDiagnostic diagnostic;  // when stopped
};

// `a`, `b`: polygon sets as loops (outer CCW, holes CW). A + B is the union
// (nonzero / positive fill) of every piece and copy. Both convex (one loop
// whose area equals its hull's): a single piece, the hull of the sums of
// hull vertices. See minkowski2d.cpp for the decomposition.
Minkowski2dPieces Minkowski2dDecompose(const std::vector<std::vector<Vec2>>& a,
                                       const std::vector<std::vector<Vec2>>& b,
                                       const KernelLimits& limits = {});

// A + B in canonical form: the pieces above joined by one union sweep.
// Operands are read with nonzero fill (pass canonical polygon sets).
PolygonOpResult Minkowski2d(const Polygon2d& a, const Polygon2d& b,
                            const KernelLimits& limits = {});

// One loop of at least 3 points whose |area| equals its hull's (1e-9 rel).
bool IsConvexPolygonSet(const std::vector<std::vector<Vec2>>& loops);

}  // namespace mos::kernel
