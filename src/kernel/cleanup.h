// Post-boolean cleanup (Smith 2009, ch. 5): collapse short edges, remove
// degenerate triangles, split pinched vertices, drop unused vertices. Every
// step keeps a closed, oriented, manifold mesh closed, oriented and
// manifold; a step that would break that is skipped.
#pragma once

#include <vector>

#include "kernel/mesh.h"

namespace mos::kernel {

// Cleans `mesh` in place (halfedges rebuilt).
void CleanupMesh(Mesh& mesh);

// Cleans only around the vertices marked in `active` (one entry per
// vertex): short edges, degenerate triangles and flat vertices are looked
// for in the triangles that use an active vertex (a boolean marks the
// faces its intersection curves cut), so the cost follows the changed
// region. With `twinsValid` the closedness checks and the pinched-vertex
// split follow it too (only the triangles a pass wrote are checked); the
// weld (its output is a sort of all triangles), the flat-component test
// and the final renumbering stay global, at tens of instructions per
// triangle.
// `twinsValid`: the mesh's halfedgeTwin is complete and it is closed and
// manifold (skips a rebuild). Returns whether the result is known to be
// closed and manifold with its halfedgeTwin complete (false: not checked
// or not so).
// `distinctUsed` (may be null): set true when the cleanup knows that no two
// vertices the result's triangles use sit at the same position (its last
// coincident-vertex search found none, or its weld moved every used vertex
// onto the lowest one at its position, and no vertex was added since);
// false when it does not know.
bool CleanupMeshNear(Mesh& mesh, std::vector<char> active, bool twinsValid, bool* distinctUsed = nullptr);

// Gives each extra fan around a vertex its own copy of the vertex.
void SplitPinchedVerts(Mesh& mesh);

// Merges vertices at identical positions, dropping triangles that lose a
// corner and coincident opposite triangle pairs (zero-volume folds).
// Clusters whose merge would make an edge non-manifold stay unmerged; the
// mesh only changes when the result is closed and manifold. Returns
// whether anything was merged.
bool WeldCoincident(Mesh& mesh);

// Drops vertices no triangle uses (renumbering the rest).
void RemoveUnusedVerts(Mesh& mesh);

}  // namespace mos::kernel
