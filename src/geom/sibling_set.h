// Partial results of an n-ary boolean, keyed by the exact content of the
// operands they combine, listed in the order the boolean takes them (a
// fold's prefix, or a set of operands in child order): a re-render that
// changed the last operand of a fold takes the steps before it from the
// cache, and a difference whose first operand changed finds its cutters'
// union (cached_boolean.h).
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

}  // namespace mos::geom
