// Partial results of an n-ary boolean, keyed by the exact content of the
// operands they combine, so that a re-render which changed one operand of
// union(A, B, C, D) takes union(A, B, D) from the cache and does one boolean
// with the new C (difference: A minus its unchanged cutters, or, when A
// changed, the union of the cutters; intersection as union). The same keys
// name the prefixes of a boolean folded one operand at a time, so a prefix
// stored by a cold render is found as the set of its operands.
//
// Position independence: an operand's subtree makes the same properties
// (colours, node ids relative to its root) on every render of the same
// content, but where they land in the render's property table depends on
// what came before. So a stored mesh's property ids are offsets into the
// concatenation of its operands' property ranges, taken in key order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geom/node_key.h"

namespace mos::geom {

enum class SetOp { kUnion, kDifference, kIntersection };

// Properties [lo, hi) an operand's subtree made in this render.
struct PropertyRange {
  uint32_t lo = 0, hi = 0;
};

// The operands of a set in key order: union and intersection by digest,
// difference its first operand, then its cutters by digest (cutting order
// does not change the solid). Ties keep the given order. `first` is the
// difference's first operand's index in `digests` (ignored otherwise).
std::vector<size_t> SetKeyOrder(SetOp op, const std::vector<NodeDigest>& digests,
                                const std::vector<size_t>& members, size_t first);

// Key bytes of a set: the operation, then the members' digests in key order.
std::string SetKeyBytes(SetOp op, const std::vector<NodeDigest>& digests,
                        const std::vector<size_t>& keyOrder);

// Makes `props` (absolute ids, each inside one member's range) offsets into
// the members' ranges concatenated in key order. False if an id lies
// outside all of them (the mesh is then not position-independent).
bool EncodeProperties(std::vector<uint32_t>& props, const std::vector<PropertyRange>& ranges,
                      const std::vector<size_t>& keyOrder);
// The inverse, with the ranges of this render; false if an offset is past
// their total (`span` must equal it).
bool DecodeProperties(std::vector<uint32_t>& props, const std::vector<PropertyRange>& ranges,
                      const std::vector<size_t>& keyOrder, uint32_t span);
// Total size of the members' ranges.
uint32_t PropertySpan(const std::vector<PropertyRange>& ranges, const std::vector<size_t>& keyOrder);

// Which of `now` were children of the node last time (`before`), as a
// multiset: each earlier digest matches one child at most.
std::vector<bool> UnchangedChildren(const std::vector<NodeDigest>& now,
                                    const std::vector<NodeDigest>& before);

}  // namespace mos::geom
