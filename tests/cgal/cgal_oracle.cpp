// The CGAL side of property test (b) (see cgal_oracle.h). Uses CGAL as a
// library only: Polygon_mesh_processing corefinement booleans and
// Nef_polyhedron_3, both on Epeck (exact constructions).
#include "cgal_oracle.h"

#include <CGAL/Exact_predicates_exact_constructions_kernel.h>
#include <CGAL/Nef_polyhedron_3.h>
#include <CGAL/Polygon_mesh_processing/connected_components.h>
#include <CGAL/Polygon_mesh_processing/corefinement.h>
#include <CGAL/Polygon_mesh_processing/measure.h>
#include <CGAL/Polygon_mesh_processing/orientation.h>
#include <CGAL/Polygon_mesh_processing/self_intersections.h>
#include <CGAL/Side_of_triangle_mesh.h>
#include <CGAL/Surface_mesh.h>
#include <CGAL/boost/graph/convert_nef_polyhedron_to_polygon_mesh.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace mos::kernel::cgaltest {

using EK = CGAL::Exact_predicates_exact_constructions_kernel;
using Point = EK::Point_3;
using SurfaceMesh = CGAL::Surface_mesh<Point>;
using Nef = CGAL::Nef_polyhedron_3<EK>;
namespace PMP = CGAL::Polygon_mesh_processing;

struct CgalSolid::Impl {
  bool isNef = false;
  bool usedNef = false;  // this solid or an operand of it came from Nef
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

// Two vertices at one exact point: how corefinement stores solids that
// touch at a point or along an edge (it duplicates the vertex). Such a
// mesh is no 2-manifold, and Nef_polyhedron_3 cannot be built from it.
bool HasCoincidentVertices(const SurfaceMesh& m) {
  std::vector<Point> pts;
  pts.reserve(m.number_of_vertices());
  for (auto v : m.vertices()) pts.push_back(m.point(v));
  std::sort(pts.begin(), pts.end(), [](const Point& a, const Point& b) { return CGAL::compare_xyz(a, b) == CGAL::SMALLER; });
  for (std::size_t i = 1; i < pts.size(); ++i)
    if (pts[i] == pts[i - 1]) return true;
  return false;
}

// What corefinement and the Nef constructor need of a mesh: valid, closed,
// triangles, no self-intersection, no coincident vertices.
// Two distinct vertices that round to the same doubles: the result has a
// feature below double precision (solids overlapping by 1e-17), whose
// topology no mesh in doubles can keep, so it is not compared.
bool HasVerticesEqualOnceRounded(const SurfaceMesh& m) {
  std::vector<std::array<double, 3>> pts;
  pts.reserve(m.number_of_vertices());
  for (auto v : m.vertices()) {
    const Point& p = m.point(v);
    pts.push_back({CGAL::to_double(p.x()), CGAL::to_double(p.y()), CGAL::to_double(p.z())});
  }
  std::sort(pts.begin(), pts.end());
  return std::adjacent_find(pts.begin(), pts.end()) != pts.end();
}

bool IsCleanSolidMesh(const SurfaceMesh& m) {
  return CGAL::is_valid_polygon_mesh(m) && CGAL::is_closed(m) && CGAL::is_triangle_mesh(m) &&
         !HasCoincidentVertices(m) && !PMP::does_self_intersect(m);
}

Nef AsNef(const CgalSolid::Impl& s) {
  if (s.isNef) return s.nef;
  if (s.mesh.number_of_faces() == 0) return Nef(Nef::EMPTY);
  // Only clean meshes are kept as meshes (Boolean below), so this holds;
  // checked because the Nef constructor crashes on anything else.
  if (!IsCleanSolidMesh(s.mesh)) throw std::runtime_error("mesh not convertible to a Nef polyhedron");
  SurfaceMesh copy = s.mesh;
  auto fcc = copy.add_property_map<SurfaceMesh::Face_index, std::size_t>("f:cc").first;
  const std::size_t shells = PMP::connected_components(copy, fcc);
  if (shells <= 1) {
    copy.remove_property_map(fcc);
    return Nef(copy);
  }
  // Several shells: the Nef constructor fills a cavity (an inward shell
  // inside an outward one; seeds 1227 and 4296 at depth 4 lost their
  // cavities this way). The shells of a clean mesh neither cross nor touch,
  // so the solid is the symmetric difference of the regions they enclose.
  Nef acc(Nef::EMPTY);
  for (std::size_t c = 0; c < shells; ++c) {
    SurfaceMesh part;
    std::vector<SurfaceMesh::Vertex_index> map(copy.number_of_vertices());
    std::vector<char> mapped(copy.number_of_vertices(), 0);
    for (auto f : copy.faces()) {
      if (fcc[f] != c) continue;
      std::vector<SurfaceMesh::Vertex_index> corners;
      for (auto v : CGAL::vertices_around_face(copy.halfedge(f), copy)) {
        if (!mapped[v]) {
          map[v] = part.add_vertex(copy.point(v));
          mapped[v] = 1;
        }
        corners.push_back(map[v]);
      }
      part.add_face(corners);
    }
    if (PMP::volume(part) < 0) PMP::reverse_face_orientations(part);
    acc = acc ^ Nef(part);
  }
  return acc;
}

}  // namespace

CgalSolid CgalSolid::FromTrianglesChecked(const std::vector<std::array<double, 3>>& points,
                                          const std::vector<std::array<int, 3>>& triangles) {
  CgalSolid s = FromTriangles(points, triangles);
  if (!IsCleanSolidMesh(s.impl_->mesh)) throw std::runtime_error("leaf is not a clean closed triangle mesh");
  return s;
}

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
    // A result touching itself (coincident vertices) is no 2-manifold, and
    // only clean meshes may go into the Nef constructor later: Nef
    // polyhedra take over from the operands.
    if (ok && IsCleanSolidMesh(out)) {
      CgalSolid s;
      s.impl_->mesh = std::move(out);
      s.impl_->usedNef = x.usedNef || y.usedNef;
      return s;
    }
  }
  // Corefinement refused (non-manifold result): exact Nef polyhedra.
  const Nef p = AsNef(x), q = AsNef(y);
  CgalSolid s;
  s.impl_->isNef = true;
  s.impl_->usedNef = true;
  switch (op) {
    case CgalOp::kUnion: s.impl_->nef = p + q; break;
    case CgalOp::kDifference: s.impl_->nef = p - q; break;
    case CgalOp::kIntersection: s.impl_->nef = p * q; break;
  }
  s.impl_->nef = s.impl_->nef.regularization();
  // A 2-manifold Nef result goes back to a mesh, so later booleans use
  // corefinement again and its topology can be compared.
  if (s.impl_->nef.is_empty()) return CgalSolid();
  if (s.impl_->nef.is_simple()) {
    SurfaceMesh m;
    CGAL::convert_nef_polyhedron_to_polygon_mesh(s.impl_->nef, m, true);
    if (IsCleanSolidMesh(m)) {
      s.impl_->isNef = false;
      s.impl_->mesh = std::move(m);
      s.impl_->nef = Nef(Nef::EMPTY);
    }
  }
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
  // Nef: every facet between a marked and an unmarked volume, oriented
  // out of the marked one, as a fan from a point of its plane (holes are
  // cycles of the opposite sense). Not convert_nef_polyhedron_to_polygon_soup:
  // it dereferences a null edge on a facet cycle that is a lone vertex (a
  // solid touching another's face at a point).
  for (auto h = s.nef.halffacets_begin(); h != s.nef.halffacets_end(); ++h) {
    if (!h->incident_volume()->mark() || h->twin()->incident_volume()->mark()) continue;
    const auto f = h->twin();
    std::optional<Point> ref;
    for (auto fc = f->facet_cycles_begin(); fc != f->facet_cycles_end(); ++fc) {
      if (!fc.is_shalfedge()) continue;
      Nef::SHalfedge_const_handle se(fc);
      Nef::SHalfedge_around_facet_const_circulator c(se), end(c);
      std::vector<Point> cycle;
      CGAL_For_all(c, end) cycle.push_back(c->source()->center_vertex()->point());
      if (!ref && !cycle.empty()) ref = cycle[0];
      for (std::size_t k = 0; k < cycle.size(); ++k)
        sum += CGAL::volume(origin, *ref, cycle[k], cycle[(k + 1) % cycle.size()]);
    }
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
bool CgalSolid::UsedNef() const { return impl_->usedNef; }

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
  if (HasCoincidentVertices(s.mesh) || HasVerticesEqualOnceRounded(s.mesh)) return false;
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
