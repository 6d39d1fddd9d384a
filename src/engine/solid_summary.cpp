#include "engine/solid_summary.h"

#include <vector>

#include "kernel/mesh_properties.h"

namespace mos::engine {

GeometrySummary SummarizeSolid(const kernel::Mesh& mesh) {
  GeometrySummary s;
  s.kind = GeometryKind::ThreeD;
  s.triangles = mesh.triVerts.size();
  s.vertices = mesh.vertPos.size();
  const kernel::Box3 box = kernel::BoundingBox(mesh);
  s.bboxMin = {box.min.x, box.min.y, box.min.z};
  s.bboxMax = {box.max.x, box.max.y, box.max.z};
  // Volume relative to the box centre, as kernel::SignedVolume sums it.
  const kernel::Vec3 ref = box.IsEmpty() ? kernel::Vec3{} : box.Center();
  std::vector<int> triComponent;
  const int count = kernel::ComponentIds(mesh, triComponent);
  // Per component: vertices (first use), undirected edges, triangles, as
  // kernel::Components counts them for the Euler characteristic.
  std::vector<int> numVert(count, 0), numEdge(count, 0), numTri(count, 0);
  std::vector<char> vertSeen(mesh.vertPos.size(), 0);
  kernel::CompensatedSum volume, area;
  const size_t numTwin = mesh.halfedgeTwin.size();
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const auto& tv = mesh.triVerts[t];
    const int c = triComponent[t];
    ++numTri[c];
    for (int i = 0; i < 3; ++i) {
      if (!vertSeen[tv[i]]) {
        vertSeen[tv[i]] = 1;
        ++numVert[c];
      }
      const int h = 3 * t + i;
      const int twin = static_cast<size_t>(h) < numTwin ? mesh.halfedgeTwin[h] : -1;
      if (twin < 0 || twin > h) ++numEdge[c];
    }
    const kernel::Vec3 a = mesh.vertPos[tv[0]], b = mesh.vertPos[tv[1]], d = mesh.vertPos[tv[2]];
    volume.Add(kernel::Dot(a - ref, kernel::Cross(b - ref, d - ref)));
    area.Add(0.5 * kernel::Length(kernel::Cross(b - a, d - a)));
  }
  s.volume = volume.Value() / 6.0;
  s.area = area.Value();
  s.components = count;
  for (int c = 0; c < count; ++c) {
    const int euler = numVert[c] - numEdge[c] + numTri[c];
    s.genus += (2 - euler) / 2;
  }
  return s;
}

}  // namespace mos::engine
