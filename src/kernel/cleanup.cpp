#include "kernel/cleanup.h"

#include <vector>

namespace mos::kernel {

void RemoveUnusedVerts(Mesh& mesh) {
  std::vector<int> newId(mesh.NumVert(), -1);
  std::vector<Vec3> pos;
  for (auto& tri : mesh.triVerts)
    for (int& v : tri) {
      if (newId[v] < 0) {
        newId[v] = static_cast<int>(pos.size());
        pos.push_back(mesh.vertPos[v]);
      }
      v = newId[v];
    }
  mesh.vertPos.swap(pos);
}

void SplitPinchedVerts(Mesh& mesh) {
  const int numHe = 3 * mesh.NumTri();
  if (static_cast<int>(mesh.halfedgeTwin.size()) != numHe) return;
  std::vector<char> visited(numHe, 0);
  std::vector<char> vertSeen(mesh.NumVert(), 0);
  for (int h0 = 0; h0 < numHe; ++h0) {
    if (visited[h0]) continue;
    const int v = HalfedgeStart(mesh, h0);
    int newV = v;
    if (vertSeen[v]) {  // a second fan around v: give it its own vertex
      newV = mesh.NumVert();
      mesh.vertPos.push_back(mesh.vertPos[v]);
      vertSeen.push_back(1);
    }
    vertSeen[v] = 1;
    int h = h0;
    for (int guard = 0; guard < numHe && h >= 0 && !visited[h]; ++guard) {
      visited[h] = 1;
      mesh.triVerts[h / 3][h % 3] = newV;
      const int tw = mesh.halfedgeTwin[PrevHalfedge(h)];
      h = tw;
    }
  }
}

void CleanupMesh(Mesh& mesh) {
  if (mesh.NumTri() == 0) {
    mesh = Mesh{};
    return;
  }
  SplitPinchedVerts(mesh);
  RemoveUnusedVerts(mesh);
}

}  // namespace mos::kernel
