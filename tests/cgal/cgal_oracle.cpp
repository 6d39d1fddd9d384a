// The CGAL side of property test (b) (see cgal_oracle.h). Uses CGAL as a
// library only: Polygon_mesh_processing corefinement booleans and
// Nef_polyhedron_3, both on Epeck (exact constructions).
#include "cgal_oracle.h"

#include <CGAL/Exact_predicates_exact_constructions_kernel.h>
#include <CGAL/Nef_polyhedron_3.h>
#include <CGAL/Polygon_mesh_processing/connected_components.h>
#include <CGAL/Polygon_mesh_processing/corefinement.h>
#include <CGAL/Polygon_mesh_processing/measure.h>
#include <CGAL/Side_of_triangle_mesh.h>
#include <CGAL/Surface_mesh.h>
#include <CGAL/boost/graph/convert_nef_polyhedron_to_polygon_mesh.h>

#include <mutex>
#include <optional>

namespace mos::kernel::cgaltest {

using EK = CGAL::Exact_predicates_exact_constructions_kernel;
using Point = EK::Point_3;
using SurfaceMesh = CGAL::Surface_mesh<Point>;
using Nef = CGAL::Nef_polyhedron_3<EK>;
namespace PMP = CGAL::Polygon_mesh_processing;

struct CgalSolid::Impl {
  bool isNef = false;
  SurfaceMesh mesh;  // when !isNef
  Nef nef;           // when isNef
  mutable std::optional<CGAL::Side_of_triangle_mesh<SurfaceMesh, EK>> inside;
};

CgalSolid::CgalSolid() : impl_(std::make_shared<Impl>()) {}
CgalSolid::~CgalSolid() = default;
CgalSolid::CgalSolid(const CgalSolid&) = default;
CgalSolid& CgalSolid::operator=(const CgalSolid&) = default;

CgalSolid CgalSolid::FromTriangles(const std::vector<std::array<double, 3>>& points,
                                   const std::vector<std::array<int, 3>>& triangles) {
  CgalSolid s;
  std::vector<SurfaceMesh::Vertex_index> v;
  for (const auto& p : points) v.push_back(s.impl_->mesh.add_vertex(Point(p[0], p[1], p[2])));
  for (const auto& t : triangles) s.impl_->mesh.add_face(v[t[0]], v[t[1]], v[t[2]]);
  return s;
}

namespace {

bool IsEmpty(const CgalSolid::Impl& s) { return s.isNef ? s.nef.is_empty() : s.mesh.number_of_faces() == 0; }

Nef AsNef(const CgalSolid::Impl& s) {
  if (s.isNef) return s.nef;
  if (s.mesh.number_of_faces() == 0) return Nef(Nef::EMPTY);
  SurfaceMesh copy = s.mesh;
  return Nef(copy);
}

}  // namespace

CgalSolid CgalSolid::Boolean(const CgalSolid& a, const CgalSolid& b, CgalOp op) {
  const Impl& x = *a.impl_;
  const Impl& y = *b.impl_;
  // The empty operand: no boolean needed (and corefinement wants faces).
  if (IsEmpty(x) || IsEmpty(y)) {
    if (op == CgalOp::kIntersection) return CgalSolid();
    if (IsEmpty(x)) return op == CgalOp::kUnion ? b : CgalSolid();
    return a;
  }
  if (!x.isNef && !y.isNef) {
    SurfaceMesh p = x.mesh, q = y.mesh, out;
    bool ok = false;
    try {
      switch (op) {
        case CgalOp::kUnion: ok = PMP::corefine_and_compute_union(p, q, out); break;
        case CgalOp::kDifference: ok = PMP::corefine_and_compute_difference(p, q, out); break;
        case CgalOp::kIntersection: ok = PMP::corefine_and_compute_intersection(p, q, out); break;
      }
    } catch (...) {
      ok = false;
    }
    if (ok) {
      CgalSolid s;
      s.impl_->mesh = std::move(out);
      return s;
    }
  }
  // Corefinement refused (non-manifold result): exact Nef polyhedra.
  const Nef p = AsNef(x), q = AsNef(y);
  CgalSolid s;
  s.impl_->isNef = true;
  switch (op) {
    case CgalOp::kUnion: s.impl_->nef = p + q; break;
    case CgalOp::kDifference: s.impl_->nef = p - q; break;
    case CgalOp::kIntersection: s.impl_->nef = p * q; break;
  }
  s.impl_->nef = s.impl_->nef.regularization();
  return s;
}

double CgalSolid::Volume() const {
  const Impl& s = *impl_;
  EK::FT sum = 0;
  const Point origin(0, 0, 0);
  if (!s.isNef) {
    for (auto f : s.mesh.faces()) {
      auto h = s.mesh.halfedge(f);
      const Point& p0 = s.mesh.point(s.mesh.source(h));
      const Point& p1 = s.mesh.point(s.mesh.target(h));
      const Point& p2 = s.mesh.point(s.mesh.target(s.mesh.next(h)));
      sum += CGAL::volume(origin, p0, p1, p2);
    }
    return CGAL::to_double(sum);
  }
  std::vector<Point> pts;
  std::vector<std::vector<std::size_t>> polys;
  CGAL::convert_nef_polyhedron_to_polygon_soup(s.nef, pts, polys, true);
  for (const auto& poly : polys) {
    for (std::size_t k = 1; k + 1 < poly.size(); ++k)
      sum += CGAL::volume(origin, pts[poly[0]], pts[poly[k]], pts[poly[k + 1]]);
  }
  return CGAL::to_double(sum);
}

bool CgalSolid::Contains(std::array<double, 3> p) const {
  const Impl& s = *impl_;
  const Point q(p[0], p[1], p[2]);
  if (s.isNef) {
    if (s.nef.is_empty()) return false;
    // Sample points are away from the boundary, so they lie in a volume.
    Nef::Volume_const_handle volume;
    if (CGAL::assign(volume, s.nef.locate(q))) return volume->mark();
    return false;
  }
  if (s.mesh.number_of_faces() == 0) return false;
  if (!s.inside) s.inside.emplace(s.mesh);
  return (*s.inside)(q) == CGAL::ON_BOUNDED_SIDE;
}

bool CgalSolid::IsNef() const { return impl_->isNef; }

int CgalSolid::Components() const {
  const SurfaceMesh& m = impl_->mesh;
  if (m.number_of_faces() == 0) return 0;
  auto fcc = const_cast<SurfaceMesh&>(m).add_property_map<SurfaceMesh::Face_index, std::size_t>("f:cc").first;
  const int n = static_cast<int>(PMP::connected_components(m, fcc));
  const_cast<SurfaceMesh&>(m).remove_property_map(fcc);
  return n;
}

bool CgalSolid::IsManifold() const {
  const Impl& s = *impl_;
  if (s.isNef) return false;
  // A pinched vertex: fewer halfedges around it than end at it.
  std::vector<int> incoming(s.mesh.number_of_vertices(), 0);
  for (auto h : s.mesh.halfedges()) ++incoming[s.mesh.target(h)];
  for (auto v : s.mesh.vertices()) {
    int around = 0;
    for (auto h : CGAL::halfedges_around_target(s.mesh.halfedge(v), s.mesh)) {
      (void)h;
      ++around;
    }
    if (around != incoming[v]) return false;
  }
  for (auto h : s.mesh.halfedges())
    if (s.mesh.is_border(h)) return false;
  return true;
}

int CgalSolid::EulerCharacteristic() const {
  const SurfaceMesh& m = impl_->mesh;
  return static_cast<int>(m.number_of_vertices()) - static_cast<int>(m.number_of_edges()) +
         static_cast<int>(m.number_of_faces());
}

}  // namespace mos::kernel::cgaltest
