#include "geom/subtree_work.h"

#include <algorithm>
#include <limits>

#include "geom/tessellation.h"

namespace mos::geom {

namespace {

using eval::NodeKind;

// Beyond this depth the estimate stops looking (the result only gates
// threads, and the render itself bounds the depth).
constexpr int kMaxDepth = 200;

int Fragments(double r, const eval::Fragments& f) {
  return std::max(3, FragmentCount(r, f.fn, f.fs, f.fa));
}

}  // namespace

double SubtreeWork::Of(const eval::Node& node) {
  std::lock_guard<std::mutex> lock(mutex_);
  const Estimate e = Compute(node, 0, this, std::numeric_limits<double>::infinity());
  if (e.pinned) return -1;
  return e.work ? e.facets : 0;
}

bool SubtreeWork::AtLeast(const eval::Node& node, double minFacets) {
  const Estimate e = Compute(node, 0, nullptr, minFacets);
  return e.work && e.facets >= minFacets;
}

SubtreeWork::TreeFacts SubtreeWork::FactsOf(const eval::Node& root) {
  const Estimate e = Compute(root, 0, nullptr, std::numeric_limits<double>::infinity());
  return {e.facets, e.pinned};
}

SubtreeWork::Estimate SubtreeWork::Compute(const eval::Node& node, int depth, SubtreeWork* memo,
                                           double stopAt) {
  if (memo) {
    auto found = memo->known_.find(&node);
    if (found != memo->known_.end()) return found->second;
  }
  Estimate e;
  int children = 0;
  if (depth < kMaxDepth) {
    for (const auto& child : node.children) {
      if (!child || child->background) continue;
      const Estimate c = Compute(*child, depth + 1, memo, stopAt);
      e.facets += c.facets;
      e.work = e.work || c.work;
      e.pinned = e.pinned || c.pinned;
      ++children;
      if (e.work && e.facets >= stopAt) return e;  // (never with a memo: stopAt is infinite)
    }
  }
  switch (node.kind) {
    case NodeKind::Sphere: {
      const auto& p = node.Params<eval::SphereParams>();
      const double n = Fragments(p.r, p.fragments);
      e.facets += n * n;
      break;
    }
    case NodeKind::Cylinder: {
      const auto& p = node.Params<eval::CylinderParams>();
      e.facets += 4.0 * Fragments(std::max(p.r1, p.r2), p.fragments);
      break;
    }
    case NodeKind::Cube: e.facets += 12; break;
    case NodeKind::Square: e.facets += 4; break;
    case NodeKind::Circle: {
      const auto& p = node.Params<eval::CircleParams>();
      e.facets += Fragments(p.r, p.fragments);
      break;
    }
    case NodeKind::Polyhedron: e.facets += static_cast<double>(node.Params<eval::PolyhedronParams>().faces.size()); break;
    case NodeKind::Polygon: e.facets += static_cast<double>(node.Params<eval::PolygonParams>().points.size()); break;
    case NodeKind::LinearExtrude: {
      const auto& p = node.Params<eval::LinearExtrudeParams>();
      e.facets *= 2.0 * std::max(1, std::min(p.slices, 10000));
      e.work = true;
      break;
    }
    case NodeKind::RotateExtrude: {
      const auto& p = node.Params<eval::RotateExtrudeParams>();
      e.facets *= 2.0 * Fragments(10, p.fragments);
      e.work = true;
      break;
    }
    case NodeKind::Hull:
    case NodeKind::Minkowski:
    case NodeKind::Offset:
    case NodeKind::Projection:
      e.work = true;
      break;
    case NodeKind::Union:
    case NodeKind::Group:
    case NodeKind::Render:
    case NodeKind::Difference:
    case NodeKind::Intersection:
    case NodeKind::Transform:  // a transform, colour or resize of two or more unions them
    case NodeKind::Color:
    case NodeKind::Resize:
      if (children >= 2) e.work = true;
      break;
    case NodeKind::Text: e.pinned = true; break;
    case NodeKind::Import:
    case NodeKind::Surface: e.facets += 1000; e.work = true; break;
    default: break;
  }
  if (memo) memo->known_.emplace(&node, e);
  return e;
}

}  // namespace mos::geom
