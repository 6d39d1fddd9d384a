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
// result's triangle order where the twins are renumbered (kept for a
// triangle whose corners moved: onto vertices at the same positions),
// emptied otherwise.
// `removed` (may be null): per triangle, dropped before the weld (a
// cleaner's removed triangles, not yet compacted away); the mesh without
// them must be closed and manifold with every kept triangle's twins on kept
// triangles (`knownClosed` true), and `known` is in the same uncompacted
// numbering. The result is what compacting first (dropping them, the
// others in order, twins renumbered) and then welding gives, also when
// nothing is welded (false: the mesh is then only compacted).
bool WeldCoincidentMarking(Mesh& mesh, std::vector<char>* active, bool knownClosed = false,
                           std::vector<char>* known = nullptr, const std::vector<char>* removed = nullptr);

// Each vertex's representative (the lowest-numbered vertex at exactly its
// position) into `rep`; returns whether any vertex has another one.
bool CoincidentReps(const Mesh& mesh, std::vector<int>& rep);

// WeldCoincidentMarking with CoincidentReps' answer for this mesh given.
// `usedAreReps`: every vertex the (kept) triangles use is its own
// representative (skips finding that out), made so by an earlier weld in
// place with the same `rep` that marked them in the same `active` (so a
// weld in place does not mark them again). `usedAreRepsAfter` (may be
// null): whether that is known to hold after the weld (a weld that moved
// each used vertex onto its representative).
bool WeldByReps(Mesh& mesh, const std::vector<int>& rep, bool any, std::vector<char>* active, bool knownClosed,
                std::vector<char>* known, const std::vector<char>* removed, bool usedAreReps = false,
                bool* usedAreRepsAfter = nullptr);

// Drops the triangles flagged in `removed` (the others keep their order,
// their twins renumbered: each kept triangle's twins must be on kept
// triangles), and the matching entries of `known` (if not null and of the
// mesh's size; else it is emptied).
void DropRemovedTriangles(Mesh& mesh, const std::vector<char>& removed, std::vector<char>* known);

}  // namespace mos::kernel::cleanup_detail
