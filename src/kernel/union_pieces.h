// Parts of union operands that need no boolean: a connected component of an
// operand (one of 41 separate cubes, a part of a ring) whose box touches no
// other component's box is concatenated onto the union (csg_schedule.cpp)
// instead of going through the boolean with the rest of its mesh.
#pragma once

#include <vector>

#include "kernel/bbox.h"
#include "kernel/mesh.h"

namespace mos::kernel {

// For each box, whether it overlaps (touches) another one of the list; a
// sweep over x, so many boxes that are mostly apart cost ~n log n.
std::vector<char> OverlapsAnother(const std::vector<Box3>& boxes);

// Finds the operands' connected components whose box touches no other
// component's box (of any operand, its own included: a hollow solid's
// inverted inner shell lies in its outer shell's box and is never taken
// alone) and moves their triangles onto `out` (concatenated). An operand
// keeps the rest of its triangles, in their order, with their properties
// and twins; an operand with nothing to take is left exactly as it was (so
// the boolean schedule and its output do not change), and one made only of
// such components leaves `meshes`. Components are joined through shared
// vertices (ComponentIds), so an open mesh's pieces are whole components too.
void TakeIsolatedComponents(std::vector<Mesh>& meshes, Mesh& out);

// The same, with each mesh's content fingerprint (FingerprintOf,
// boolean_operand.h) where the caller found it (null: none): a mesh whose
// PreparedSlot holds its components' boxes for that content takes them
// from there, and one with a slot keeps them there. Returns whether
// `meshes` changed (else it holds the same meshes, in order, untouched).
struct MeshFingerprint;
bool TakeIsolatedComponents(std::vector<Mesh>& meshes, Mesh& out,
                            const std::vector<const MeshFingerprint*>& fingerprints);

// `part` concatenated onto `out`; an empty `out` takes `part` as it is (its
// twins and prepared operand data kept, which AppendMesh would not keep).
void AppendInto(Mesh& out, Mesh&& part);

}  // namespace mos::kernel
