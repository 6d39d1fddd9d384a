// The 3D booleans of a union, difference or intersection node whose
// children are all solids, with the geometry cache's partial results:
// - three or four operands are folded one at a time (union: smallest
//   first), and each step's result is stored under the operands it
//   combines in the fold's order (sibling_set.h), so that changing the
//   last one costs one boolean;
// - except a difference whose first operand has at least as many triangles
//   as all its cutters: it subtracts the cutters' union (stored under the
//   cutters in child order) in one boolean, rather than redoing the large
//   solid per cutter.
// Only steps of the schedule a cold render runs are taken from the cache,
// each under a key that names how it was made, so a warm render gives, bit
// for bit, the cold render's triangles whatever the cache holds. (A drag
// that changes an operand folded before unchanged ones redoes the steps
// after it: uniting the unchanged ones first would change the order of the
// booleans and with it the output's triangles.)
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
