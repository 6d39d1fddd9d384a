#include "geom/import_nef3.h"

#include <cmath>

#include "importer/dxf_data.h"
#include "importer/mesh_data.h"
#include "importer/mesh_nef3.h"
#include "kernel/mesh_build.h"
#include "kernel/mesh_repair.h"
#include "kernel/triangulate.h"

namespace mos::geom {
namespace {

constexpr long long kMaxNef3Bytes = 1LL << 30;

using kernel::Vec2;
using kernel::Vec3;

// A facet with holes as triangles (point indices, counter-clockwise seen
// along -normal, i.e. from outside): projected onto the axis plane the
// normal is closest to, with the handedness that keeps that orientation.
void TriangulateFacet(const std::vector<Vec3>& points, const importer::Nef3Data::Facet& f,
                      std::vector<std::vector<int>>& faces) {
  const double n[3] = {f.normal[0], f.normal[1], f.normal[2]};
  int axis = 0;
  for (int k = 1; k < 3; ++k)
    if (std::fabs(n[k]) > std::fabs(n[axis])) axis = k;
  const int u = (axis + 1) % 3, v = (axis + 2) % 3;
  const bool flip = n[axis] < 0;
  std::vector<std::vector<Vec2>> loops;
  std::vector<int> index;
  for (const auto& cycle : f.cycles) {
    loops.emplace_back();
    for (int i : cycle) {
      const Vec3& p = points[i];
      const double c[3] = {p.x, p.y, p.z};
      loops.back().push_back({c[u], flip ? -c[v] : c[v]});
      index.push_back(i);
    }
  }
  for (const auto& t : kernel::TriangulatePolygon(loops))
    faces.push_back({index[t[0]], index[t[1]], index[t[2]]});
}

}  // namespace

void ImportNef3(const ImportRequest& r, const std::string& fullPath, ImportOutcome& out) {
  std::string text;
  importer::Nef3Data data;
  std::string error;
  const std::string failure = "Failure trying to import '" + fullPath + "', import() at line " +
                              std::to_string(r.line);
  if (!importer::ReadTextFile(r.path, text, kMaxNef3Bytes) || !importer::ReadNef3(text, data, error)) {
    out.warnings.push_back(failure);  // 2021.01's words (CGAL's parser failed)
    return;
  }
  std::vector<Vec3> points;
  points.reserve(data.points.size());
  for (const auto& p : data.points) points.push_back({p[0], p[1], p[2]});
  std::vector<std::vector<int>> faces;
  for (const auto& f : data.facets) {
    if (f.cycles.size() == 1) {
      // The cycle's own order may run either way: orient it by the normal.
      const auto& c = f.cycles[0];
      double nx = 0, ny = 0, nz = 0;  // Newell
      for (size_t i = 0; i < c.size(); ++i) {
        const Vec3& a = points[c[i]];
        const Vec3& b = points[c[(i + 1) % c.size()]];
        nx += (a.y - b.y) * (a.z + b.z);
        ny += (a.z - b.z) * (a.x + b.x);
        nz += (a.x - b.x) * (a.y + b.y);
      }
      const bool against = nx * f.normal[0] + ny * f.normal[1] + nz * f.normal[2] < 0;
      faces.push_back(against ? std::vector<int>(c.rbegin(), c.rend()) : c);
    } else {
      TriangulateFacet(points, f, faces);
    }
  }
  importer::MeshData solid;
  solid.points = data.points;
  solid.faces = std::move(faces);
  kernel::Mesh mesh;
  if (!RepairedSolid(r, solid, mesh, out)) return;
  out.geometry = Geometry::Solid(std::move(mesh));
}

}  // namespace mos::geom
