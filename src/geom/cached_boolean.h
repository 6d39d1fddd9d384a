// The 3D booleans of a union, difference or intersection node whose
// children are all solids, with the geometry cache's partial results:
// - three or four operands are folded one at a time (union: smallest
//   first), and each step's result is stored as the set of operands it
//   combines (sibling_set.h), so that changing the last one costs one boolean;
// - except a difference whose first operand has at least as many triangles
//   as all its cutters: it subtracts the cutters' union (stored as their
//   set) in one boolean, rather than redoing the large solid per cutter;
// - when a re-render changes the same children of the node as the render
//   before it did (a slider being dragged: the cache remembers each boolean
//   node's children by its position in the tree), the unchanged children
//   are combined first, that partial result is stored under their contents
//   and found again on the next change, and the changed ones are added to
//   it: from the third render of a drag on, a one-child change of an n-ary
//   boolean costs one boolean. A first change is combined as a cold render
//   combines it (the same triangles as a cold render).
// Either way the result is the same solid (the booleans are exact up to
// the kernel's rounding), though after repeated changes in an operand other
// than the last its triangles can differ from a cold render's.
#pragma once

#include <cstdint>
#include <vector>

#include "geom/combine.h"
#include "geom/geometry.h"
#include "geom/geometry_cache.h"
#include "geom/geometry_evaluator.h"
#include "geom/node_key.h"
#include "geom/evaluation_claims.h"
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
  // With sibling subtrees on threads: the partial results being made now,
  // so two threads do not make the same one (null: a serial render).
  EvaluationClaims* claims = nullptr;
  CombineContext combine;          // limits, warnings, spans
};

// Whether CachedBoolean takes these children: 3 or more, all solids.
bool TakesCachedBoolean(const std::vector<Geometry>& children, CombineOp op);

// The children combined by `op` (kUnion, kDifference or kIntersection).
Geometry CachedBoolean(std::vector<BooleanOperand> operands, CombineOp op, CachedBooleanContext& ctx);

}  // namespace mos::geom
