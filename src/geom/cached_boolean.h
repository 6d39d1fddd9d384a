// The 3D booleans of a union, difference or intersection node whose
// children are all solids, with the geometry cache's partial results:
// - three or four operands are folded one at a time (union: smallest
//   first), and each step's result is stored as the set of operands it
//   combines (sibling_set.h), so that changing the last one costs one boolean;
// - on a re-render, the children that are the same as the node's children
//   last time (the cache remembers them by the node's position in the tree)
//   are combined first, from the cache when that set was combined before,
//   and the changed ones are added after: a one-child change of an n-ary
//   boolean costs one boolean from the second change on.
// The result is the same solid as a cold render's (the booleans are exact
// up to the kernel's rounding), though after a change in an operand other
// than the last its triangles can differ.
#pragma once

#include <cstdint>
#include <vector>

#include "geom/combine.h"
#include "geom/geometry.h"
#include "geom/geometry_cache.h"
#include "geom/geometry_evaluator.h"
#include "geom/node_key.h"
#include "geom/sibling_set.h"

namespace mos::geom {

struct BooleanOperand {
  Geometry geometry;
  const NodeKey* key = nullptr;  // null: the subtree has no key (too deep)
  PropertyRange properties;      // the properties its subtree made
};

struct CachedBooleanContext {
  GeometryCache* cache = nullptr;  // null: no partial results
  GeometryStats* stats = nullptr;
  uint64_t position = 0;           // the node's place in the tree (a hash of its path)
  CombineContext combine;          // limits, warnings, spans
};

// Whether CachedBoolean takes these children: 3 or more, all solids.
bool TakesCachedBoolean(const std::vector<Geometry>& children, CombineOp op);

// The children combined by `op` (kUnion, kDifference or kIntersection).
Geometry CachedBoolean(std::vector<BooleanOperand> operands, CombineOp op, CachedBooleanContext& ctx);

}  // namespace mos::geom
