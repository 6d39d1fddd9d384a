// n-ary boolean scheduling (see shared/KERNEL.md, "Around the boolean").
#pragma once

#include <vector>

#include "kernel/boolean.h"
#include "kernel/mesh.h"

namespace mos::kernel {

// Union of meshes: groups whose boxes are disjoint from everything else are
// concatenated; the rest are combined smallest first (by triangle count)
// from a heap.
Mesh UnionAll(std::vector<Mesh> meshes);

// Intersection of all meshes, smallest first.
Mesh IntersectAll(std::vector<Mesh> meshes);

}  // namespace mos::kernel
