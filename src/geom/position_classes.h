// Classes of exactly equal positions among an extrusion layout's points (the
// groups the repair's exact weld would form; -0 and +0 are equal), for
// DirectExtrusionMesh. Only which points share a class matters, not the
// class numbers.
#pragma once

#include <vector>

#include "kernel/vec.h"

namespace mos::geom {

// Class of every point, numbered by first member (point order, so
// classOf[i] == i for all i when no two points are equal), through an
// open-addressing hash of the coordinates; numClasses: how many. Points
// must be finite.
std::vector<int> PositionClasses(const std::vector<kernel::Vec3>& points, int& numClasses);

// The same partition from a sort of the points (classes numbered in sorted
// order): the reference PositionClasses replaced, kept for tests and
// MOS_CHECK_EXTRUDE_CLASSES.
std::vector<int> PositionClassesBySort(const std::vector<kernel::Vec3>& points);

// True when both class vectors group the points the same way.
bool SamePartition(const std::vector<int>& a, const std::vector<int>& b);

}  // namespace mos::geom
