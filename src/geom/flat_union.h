// Nested 2D unions flattened into one (issue 4, speed): a module instance,
// `if` or `for` makes a group node, so a recursive 2D model
// (examples/Advanced/module_recursion.scad: 11 levels, two groups each)
// unions every polygon once per level it sits under, and each of those
// unions costs as much as the whole subtree. A group of 2D children inside a
// 2D union adds nothing but that cost: its leaves join the outer union, which
// then runs once over all of them (the same region; only a crossing point
// that 2021.01 rounds to its grid one level down may end up one grid unit
// away).
#pragma once

#include <unordered_map>

#include "eval/node.h"

namespace mos::geom {

// Whether a node's geometry is 2D whatever its parameters (the node tree
// alone decides: 2D primitives, and operations whose render children are
// all such nodes); memoised per node. Nodes deeper than `maxDepth` below
// the first query are not 2D for this test.
class Surely2dNodes {
 public:
  explicit Surely2dNodes(int maxDepth) : maxDepth_(maxDepth) {}
  bool Test(const eval::Node& node) { return Test(node, 0); }

 private:
  bool Test(const eval::Node& node, int depth);
  std::unordered_map<const eval::Node*, bool> known_;
  int maxDepth_;
};

// A plain group or union: a node the flattened union may see through.
bool IsUnionGroup(const eval::Node& node);

}  // namespace mos::geom
