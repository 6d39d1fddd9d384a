#include "kernel/hull_mesh_util.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace mos::kernel {
namespace {

uint64_t EdgeKey(int a, int b) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) |
         static_cast<uint32_t>(b);
}

int Find(std::vector<int>& parent, int x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

}  // namespace

bool PairHalfedgesLocal(Mesh& mesh) {
  const int numHalf = 3 * mesh.NumTri();
  mesh.halfedgeTwin.assign(numHalf, -1);
  if (mesh.triProp.size() != mesh.triVerts.size()) mesh.triProp.resize(mesh.triVerts.size(), 0);
  std::unordered_map<uint64_t, int> byEdge;
  byEdge.reserve(numHalf);
  bool ok = true;
  for (int h = 0; h < numHalf; ++h) {
    const auto& t = mesh.triVerts[h / 3];
    if (!byEdge.emplace(EdgeKey(t[h % 3], t[(h % 3 + 1) % 3]), h).second) ok = false;
  }
  for (int h = 0; h < numHalf; ++h) {
    const auto& t = mesh.triVerts[h / 3];
    auto it = byEdge.find(EdgeKey(t[(h % 3 + 1) % 3], t[h % 3]));
    if (it == byEdge.end()) {
      ok = false;
      continue;
    }
    mesh.halfedgeTwin[h] = it->second;
  }
  return ok;
}

double SignedVolumeLocal(const Mesh& mesh) {
  if (mesh.vertPos.empty()) return 0;
  const Vec3 o = mesh.vertPos[0];
  double v = 0;
  for (const auto& t : mesh.triVerts) {
    v += Dot(mesh.vertPos[t[0]] - o,
             Cross(mesh.vertPos[t[1]] - o, mesh.vertPos[t[2]] - o));
  }
  return v / 6;
}

int TriangleComponentsLocal(const Mesh& mesh, std::vector<int>& componentOfTri) {
  std::vector<int> parent(mesh.vertPos.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (const auto& t : mesh.triVerts) {
    for (int i = 1; i < 3; ++i) {
      const int a = Find(parent, t[0]);
      const int b = Find(parent, t[i]);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  }
  std::vector<int> idOfRoot(mesh.vertPos.size(), -1);
  int count = 0;
  componentOfTri.assign(mesh.triVerts.size(), -1);
  for (size_t t = 0; t < mesh.triVerts.size(); ++t) {
    int& id = idOfRoot[Find(parent, mesh.triVerts[t][0])];
    if (id < 0) id = count++;
    componentOfTri[t] = id;
  }
  return count;
}

double CoordinateScale(const std::vector<Vec3>& points) {
  double s = 1;
  for (const Vec3& p : points) {
    s = std::max({s, std::fabs(p.x), std::fabs(p.y), std::fabs(p.z)});
  }
  return s;
}

}  // namespace mos::kernel
