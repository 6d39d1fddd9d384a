// The broad phase's question "which triangles of one mesh meet no
// triangle box of the other mesh's tree?", answered for groups of
// triangles at once (ForEachEdgeNear, candidate_pairs.h): a triangle
// whose box meets none has edges whose boxes (inside its own) meet none
// either, so its edges need no walk of their own.
#pragma once

#include <vector>

#include "kernel/bvh.h"

namespace mos::kernel {

// Sets far[item] = 1 (far: a flag per item, zero on entry) for items of
// `own` whose box meets no item box of `other`, walking `own` from its
// root: a node whose box meets none has none under it, so its leaves are
// all far at once (where most of one mesh lies away from the other inside
// their shared box, most of it goes in a few nodes). Below nodes of a few
// leaves each leaf is asked alone, until the walks stop paying (most of
// those asked meet the other tree). Each node or leaf first tries the
// other tree's leaf its parent or neighbour met (no walk when that meets
// it too). Returns false, having set nothing, when a sample of leaves
// spread over the tree finds the meshes meeting nearly everywhere. Items
// not in `own` stay 0. Every item set far has a box meeting no item box
// of `other` (without NaN coordinates in either tree: a box then holds its
// parts' boxes).
bool MarkFarItems(const Bvh& own, const Bvh& other, std::vector<char>& far);

}  // namespace mos::kernel
