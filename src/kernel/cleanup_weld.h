// The weld step of the post-boolean cleanup (cleanup.cpp): vertices at one
// position merged, with the triangles relabelled, sorted and coincident
// opposite pairs cancelled.
#pragma once

#include <vector>

#include "kernel/mesh.h"

namespace mos::kernel::cleanup_detail {

// Merges the vertices at identical positions (each onto the lowest-numbered
// one there), dropping triangles that lose a corner and coincident opposite
// pairs; clusters whose merge would make an edge non-manifold stay unmerged
// (a bounded number of rounds). Returns whether anything was welded.
// `active` (per vertex, may be null): the representatives of merged
// vertices and pinched-vertex copies become active.
// `knownClosed`: the mesh is known to be closed and manifold (no check).
// `known` (may be null): the cleaner's per-triangle findings, carried to the
// result's triangle order where the twins are renumbered (cleared for a
// triangle whose corners moved), emptied otherwise.
bool WeldCoincidentMarking(Mesh& mesh, std::vector<char>* active, bool knownClosed = false,
                           std::vector<char>* known = nullptr);

}  // namespace mos::kernel::cleanup_detail
