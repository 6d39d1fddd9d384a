#include "kernel/mesh_sort.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

#include "kernel/morton.h"

namespace mos::kernel {

std::vector<int> SortFacesByMorton(Mesh& mesh) {
  const int n = mesh.NumTri();
  std::vector<Vec3> centroid(n);
  Box3 box;
  for (int t = 0; t < n; ++t) {
    const auto& tv = mesh.triVerts[t];
    centroid[t] = (mesh.vertPos[tv[0]] + mesh.vertPos[tv[1]] + mesh.vertPos[tv[2]]) * (1.0 / 3);
    box.Include(centroid[t]);
  }
  std::vector<uint64_t> code(n);
  for (int t = 0; t < n; ++t) code[t] = Morton63(centroid[t], box);
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return code[a] < code[b]; });
  PermuteTriangles(mesh, order);
  return order;
}

std::vector<int> SortVerticesByMorton(Mesh& mesh) {
  const int n = mesh.NumVert();
  const Box3 box = BoundingBox(mesh);
  std::vector<uint64_t> code(n);
  for (int v = 0; v < n; ++v) code[v] = Morton63(mesh.vertPos[v], box);
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return code[a] < code[b]; });
  std::vector<int> oldToNew(n);
  std::vector<Vec3> pos(n);
  for (int k = 0; k < n; ++k) {
    oldToNew[order[k]] = k;
    pos[k] = mesh.vertPos[order[k]];
  }
  mesh.vertPos = std::move(pos);
  for (auto& t : mesh.triVerts)
    for (int& v : t)
      if (v >= 0 && v < n) v = oldToNew[v];
  return order;
}

void PermuteTriangles(Mesh& mesh, const std::vector<int>& newToOld) {
  const int n = static_cast<int>(newToOld.size());
  std::vector<int> oldToNew(mesh.triVerts.size(), -1);
  for (int k = 0; k < n; ++k) oldToNew[newToOld[k]] = k;
  std::vector<std::array<int, 3>> verts(n);
  std::vector<uint32_t> prop(n, 0);
  const bool hasTwins = mesh.halfedgeTwin.size() == 3 * mesh.triVerts.size();
  std::vector<int> twin(hasTwins ? 3 * n : 0, -1);
  for (int k = 0; k < n; ++k) {
    const int old = newToOld[k];
    verts[k] = mesh.triVerts[old];
    if (static_cast<size_t>(old) < mesh.triProp.size()) prop[k] = mesh.triProp[old];
    if (!hasTwins) continue;
    for (int i = 0; i < 3; ++i) {
      const int ot = mesh.halfedgeTwin[3 * old + i];
      twin[3 * k + i] = ot < 0 || oldToNew[ot / 3] < 0 ? -1 : 3 * oldToNew[ot / 3] + ot % 3;
    }
  }
  mesh.triVerts = std::move(verts);
  mesh.triProp = std::move(prop);
  mesh.halfedgeTwin = std::move(twin);
}

std::vector<int> CompactVertices(Mesh& mesh) {
  std::vector<int> oldToNew(mesh.vertPos.size(), -1);
  std::vector<Vec3> pos;
  pos.reserve(mesh.vertPos.size());
  for (auto& t : mesh.triVerts)
    for (int& v : t) {
      if (oldToNew[v] < 0) {
        oldToNew[v] = static_cast<int>(pos.size());
        pos.push_back(mesh.vertPos[v]);
      }
      v = oldToNew[v];
    }
  mesh.vertPos = std::move(pos);
  return oldToNew;
}

}  // namespace mos::kernel
