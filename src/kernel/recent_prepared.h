// The last few whole preparations of small meshes, by content, for every
// thread: a mesh prepared again as another object (the same primitive in
// several booleans, as CSG.scad's sphere and cube in its union,
// intersection and difference) takes the kept preparation instead of
// making the same one. A preparation is a function of the positions and
// triangles (the fingerprint: Mesh::prepared trusts it the same way), so a
// kept one is the very operand a fresh preparation would give.
#pragma once

#include <cstddef>
#include <memory>

#include "kernel/boolean_operand.h"

namespace mos::kernel {

// Whether a mesh of `numTri` triangles can be kept (small ones only:
// their memory stays).
bool RecentMayHold(size_t numTri);

// The kept preparation of content `fp`, or null.
std::shared_ptr<const PreparedOperand> FindRecentPrepared(const MeshFingerprint& fp);

// Keeps `data` (a whole preparation, its fingerprint set), replacing the
// oldest, when RecentMayHold its size.
void KeepRecentPrepared(std::shared_ptr<const PreparedOperand> data);

}  // namespace mos::kernel
