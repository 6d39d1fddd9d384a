#include "geom/combine.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "geom/clipper_grid.h"
#include "geom/grid_snap.h"
#include "geom/separated_parts.h"
#include "kernel/boolean.h"
#include "kernel/hull2d.h"
#include "kernel/hull3d.h"
#include "kernel/minkowski2d.h"
#include "kernel/minkowski3d.h"

namespace mos::geom {
namespace {

using kernel::Mesh;
using kernel::Polygon2d;

void Warn(const CombineContext& ctx, const std::string& text, lang::SourceSpan span = {}) {
  if (ctx.warnings) ctx.warnings->push_back({text, std::move(span)});
}

// True when no two meshes' bounding boxes touch: a sweep over x keeping the
// boxes whose x range is still open. Gives up (false: let the boolean
// decide) when too many pairs would have to be compared.
bool PairwiseDisjoint(const std::vector<Mesh>& meshes) {
  std::vector<kernel::Box3> boxes;
  boxes.reserve(meshes.size());
  for (const Mesh& m : meshes) boxes.push_back(kernel::BoundingBox(m));
  std::vector<size_t> order(boxes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return boxes[a].min.x < boxes[b].min.x; });
  std::vector<size_t> active;
  int64_t budget = 200'000'000;  // box comparisons
  for (size_t i : order) {
    size_t kept = 0;
    budget -= static_cast<int64_t>(active.size());
    if (budget < 0) return false;
    for (size_t j : active) {
      if (boxes[j].max.x < boxes[i].min.x) continue;  // closed for good
      if (boxes[j].Overlaps(boxes[i])) return false;
      active[kept++] = j;
    }
    active.resize(kept);
    active.push_back(i);
  }
  return true;
}

std::vector<const Mesh*> Pointers(const std::vector<Mesh>& meshes) {
  std::vector<const Mesh*> out;
  for (const Mesh& m : meshes) out.push_back(&m);
  return out;
}

// An n-ary boolean that stops between its pairwise steps on cancel or
// deadline (the renderer then reports the cancel; nothing is cached).
Geometry BooleanResult(Mesh mesh) {
  Geometry g = Geometry::Solid(std::move(mesh));
  g.booleanResult = !g.Empty();
  return g;
}

Geometry Boolean3d(std::vector<Mesh> meshes, kernel::OpType op, const CombineContext& ctx) {
  kernel::LimitGuard guard(ctx.limits, "boolean");
  Mesh out = kernel::BooleanN(std::move(meshes), op, &guard);
  if (guard.Stopped()) return {};
  return BooleanResult(std::move(out));
}

// `fromBoolean[i]`: meshes[i] is an earlier boolean's result.
// `rejected`: the single mesh passed through unchanged carries 2021.01's
// CGAL rejection along.
Geometry Combine3d(std::vector<Mesh> meshes, const std::vector<bool>& fromBoolean, bool rejected,
                   CombineOp op, const CombineContext& ctx) {
  if (meshes.size() == 1 && op != CombineOp::kHull) {
    Geometry g = Geometry::Solid(std::move(meshes[0]));
    g.booleanResult = fromBoolean[0];
    g.cgalRejects = rejected;
    return g;
  }
  if (op == CombineOp::kUnion || op == CombineOp::kDifference || op == CombineOp::kIntersection)
    for (size_t i = 0; i < meshes.size(); ++i)
      if (!fromBoolean[i]) SnapToOpenscadGrid(meshes[i]);
  switch (op) {
    case CombineOp::kUnion:
      // Separate solids (e.g. a grid of parts, or rings of parts around
      // each other): their union is their concatenation.
      if (PairwiseDisjoint(meshes) || PartsSeparated(Pointers(meshes))) {
        Mesh all;
        size_t verts = 0, tris = 0;
        for (const Mesh& m : meshes) {
          verts += m.vertPos.size();
          tris += m.triVerts.size();
        }
        all.vertPos.reserve(verts);
        all.triVerts.reserve(tris);
        all.triProp.reserve(tris);
        all.halfedgeTwin.reserve(3 * tris);
        for (const Mesh& m : meshes) kernel::AppendMesh(all, m);
        return BooleanResult(std::move(all));
      }
      return Boolean3d(std::move(meshes), kernel::OpType::kUnion, ctx);
    case CombineOp::kDifference:
      return Boolean3d(std::move(meshes), kernel::OpType::kDifference, ctx);
    case CombineOp::kIntersection:
      return Boolean3d(std::move(meshes), kernel::OpType::kIntersection, ctx);
    case CombineOp::kHull: {
      std::vector<kernel::Vec3> points;
      for (const Mesh& m : meshes) points.insert(points.end(), m.vertPos.begin(), m.vertPos.end());
      kernel::Hull3dResult hull = kernel::ConvexHull3d(points, ctx.limits, ctx.newProp);
      if (!hull.diagnostic.message.empty()) Warn(ctx, hull.diagnostic.message);
      return hull.status == kernel::HullStatus::kOk ? Geometry::Solid(std::move(hull.mesh))
                                                    : Geometry{};
    }
    case CombineOp::kMinkowski: {
      Mesh acc = std::move(meshes[0]);
      for (size_t i = 1; i < meshes.size(); ++i) {
        kernel::MeshOpResult r = kernel::Minkowski3d(acc, meshes[i], ctx.limits);
        if (r.status != kernel::HullStatus::kOk) {
          if (!r.diagnostic.message.empty()) Warn(ctx, r.diagnostic.message);
          return {};
        }
        acc = std::move(r.mesh);
      }
      // The sum's faces come from hulls, which give them property 0: they
      // belong to the minkowski node (as a hull's faces belong to the hull).
      if (meshes.size() > 1)
        for (uint32_t& prop : acc.triProp) prop = ctx.newProp;
      return Geometry::Solid(std::move(acc));
    }
  }
  return {};
}

std::vector<const Polygon2d*> Pointers(const std::vector<Polygon2d>& polys) {
  std::vector<const Polygon2d*> out;
  for (const Polygon2d& p : polys) out.push_back(&p);
  return out;
}

// `childCount` counts the child nodes, empty ones included: 2021.01 sends
// two or more of them through Clipper (see clipper_grid.h), one unchanged.
Geometry Combine2d(std::vector<Polygon2d> polys, size_t childCount, CombineOp op, uint32_t prop,
                   const CombineContext& ctx) {
  const bool throughClipper = childCount >= 2;
  if (!throughClipper && op != CombineOp::kHull) return Geometry::Flat(std::move(polys[0]), prop);
  switch (op) {
    case CombineOp::kUnion: {
      const std::vector<Polygon2d> operands = ClipperOperands(polys);
      return Geometry::Flat(ClipperResult(kernel::UnionAll2d(operands), Pointers(operands)), prop);
    }
    case CombineOp::kDifference: {
      const std::vector<Polygon2d> operands = ClipperOperands(polys);
      std::vector<Polygon2d> rest(operands.begin() + 1, operands.end());
      Polygon2d diff = rest.empty() ? kernel::Simplify2d(operands[0], kernel::FillRule::kNonZero)
                                    : kernel::Difference2d(operands[0], kernel::UnionAll2d(rest));
      return Geometry::Flat(ClipperResult(std::move(diff), Pointers(operands)), prop);
    }
    case CombineOp::kIntersection: {
      // 2021.01 intersects one child after the other, each result on the grid.
      Polygon2d acc = ClipperOperand(polys[0]);
      if (polys.size() == 1)
        acc = ClipperResult(kernel::Simplify2d(acc, kernel::FillRule::kNonZero), {&acc});
      for (size_t i = 1; i < polys.size() && !acc.contours.empty(); ++i) {
        const Polygon2d next = ClipperOperand(polys[i]);
        acc = ClipperResult(kernel::Intersection2d(acc, next), {&acc, &next});
      }
      return Geometry::Flat(std::move(acc), prop);
    }
    case CombineOp::kHull: {  // computed in doubles: no grid
      std::vector<kernel::Vec2> points;
      for (const auto& p : polys)
        for (const auto& c : p.contours) points.insert(points.end(), c.begin(), c.end());
      Polygon2d hull;
      std::vector<kernel::Vec2> contour = kernel::ConvexHull2d(std::move(points));
      if (!contour.empty()) hull.contours.push_back(std::move(contour));
      return Geometry::Flat(std::move(hull), ctx.newProp);
    }
    case CombineOp::kMinkowski: {
      // An empty child makes 2021.01's minkowski empty.
      if (polys.size() < childCount) return {};
      Polygon2d acc = ClipperOperand(polys[0]);
      for (size_t i = 1; i < polys.size(); ++i) {
        kernel::PolygonOpResult r = kernel::Minkowski2d(acc, ClipperOperand(polys[i]), ctx.limits);
        if (r.status != kernel::HullStatus::kOk) {
          if (!r.diagnostic.message.empty()) Warn(ctx, r.diagnostic.message);
          return {};
        }
        acc = ClipperResult(std::move(r.polygon), {}, /*endAtLowest=*/false);
      }
      return Geometry::Flat(std::move(acc), prop);
    }
  }
  return {};
}

}  // namespace

Geometry Combine(std::vector<Geometry> children, CombineOp op, const CombineContext& ctx) {
  Dim dim = Dim::kEmpty;
  for (const Geometry& g : children)
    if (!g.Empty() || g.emptyDim != Dim::kEmpty) {
      dim = g.Empty() ? g.emptyDim : g.dim;
      break;
    }
  if (dim == Dim::kEmpty) {
    // A lone rejected (left out) polyhedron stays marked through its parents.
    Geometry none;
    none.cgalRejects = children.size() == 1 && children[0].cgalRejects;
    return none;
  }
  // Difference keeps nothing when its first child is empty; intersection
  // keeps nothing when any child is.
  if (op == CombineOp::kDifference && children[0].Empty()) return Geometry::EmptyOf(dim);
  std::vector<Mesh> meshes;
  std::vector<bool> fromBoolean;
  bool rejected = false;
  std::vector<Polygon2d> polys;
  uint32_t firstProp = 0;
  bool droppedChild = false;
  for (size_t i = 0; i < children.size(); ++i) {
    Geometry& g = children[i];
    if (g.Empty()) {
      if (op == CombineOp::kIntersection) return Geometry::EmptyOf(dim);
      continue;
    }
    if (g.dim != dim) {  // 2021.01's two warnings, at the dropped child
      const lang::SourceSpan span = i < ctx.childSpans.size() ? ctx.childSpans[i] : lang::SourceSpan{};
      Warn(ctx, "Mixing 2D and 3D objects is not supported", span);
      Warn(ctx, dim == Dim::k3 ? "Ignoring 2D child object for 3D operation"
                               : "Ignoring 3D child object for 2D operation",
           span);
      droppedChild = true;
      continue;
    }
    if (dim == Dim::k3) {
      meshes.push_back(std::move(g.mesh));
      fromBoolean.push_back(g.booleanResult);
      rejected = g.cgalRejects;
    } else {
      if (polys.empty()) firstProp = g.polygonProp;
      polys.push_back(std::move(g.polygon));
    }
  }
  // 2021.01 intersects with the ignored child as with an empty one.
  if (droppedChild && op == CombineOp::kIntersection) return Geometry::EmptyOf(dim);
  // Only empty objects of the chosen dimension (an emptyDim hint chose it).
  if (dim == Dim::k3 ? meshes.empty() : polys.empty()) return Geometry::EmptyOf(dim);
  return dim == Dim::k3 ? Combine3d(std::move(meshes), fromBoolean, rejected, op, ctx)
                        : Combine2d(std::move(polys), children.size(), op, firstProp, ctx);
}

}  // namespace mos::geom
