// n-ary boolean scheduling (see shared/KERNEL.md, "Around the boolean").
#pragma once

#include <vector>

#include "kernel/boolean.h"
#include "kernel/mesh.h"

namespace mos::kernel {

// Union of meshes: groups whose boxes are disjoint from everything else are
// concatenated; the rest are combined smallest first (by triangle count)
// from a heap. A guard (boolean.h) is checked before each pairwise boolean.
Mesh UnionAll(std::vector<Mesh> meshes, LimitGuard* guard = nullptr);

// Intersection of all meshes, smallest first.
Mesh IntersectAll(std::vector<Mesh> meshes, LimitGuard* guard = nullptr);

}  // namespace mos::kernel
