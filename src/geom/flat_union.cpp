#include "geom/flat_union.h"

namespace mos::geom {

using eval::Node;
using eval::NodeKind;

bool IsUnionGroup(const Node& node) { return node.kind == NodeKind::Group || node.kind == NodeKind::Union; }

bool Surely2dNodes::Test(const Node& node, int depth) {
  const auto found = known_.find(&node);
  if (found != known_.end()) return found->second;
  if (depth > maxDepth_) return false;
  bool flat = false;
  switch (node.kind) {
    case NodeKind::Square:
    case NodeKind::Circle:
    case NodeKind::Polygon:
    case NodeKind::Text:
    case NodeKind::Projection:
      flat = true;
      break;
    case NodeKind::Group:
    case NodeKind::Union:
    case NodeKind::Difference:
    case NodeKind::Intersection:
    case NodeKind::Hull:
    case NodeKind::Minkowski:
    case NodeKind::Render:
    case NodeKind::Transform:
    case NodeKind::Color:
    case NodeKind::Resize:
    case NodeKind::Offset: {
      int children = 0;
      flat = true;
      for (const auto& child : node.children) {
        if (!child || child->background) continue;
        ++children;
        if (!Test(*child, depth + 1)) {
          flat = false;
          break;
        }
      }
      flat = flat && children > 0;
      break;
    }
    default:  // 3D primitives, extrusions, import and surface (either or 3D)
      break;
  }
  known_[&node] = flat;
  return flat;
}

}  // namespace mos::geom
