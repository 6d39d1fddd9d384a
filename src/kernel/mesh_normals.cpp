#include "kernel/mesh_normals.h"

#include <cmath>

namespace mos::kernel {

Vec3 FaceNormal(const Mesh& mesh, int tri) {
  const auto& t = mesh.triVerts[tri];
  const Vec3 a = mesh.vertPos[t[0]], b = mesh.vertPos[t[1]], c = mesh.vertPos[t[2]];
  return Normalized(Cross(b - a, c - a));
}

std::vector<Vec3> FaceNormals(const Mesh& mesh) {
  std::vector<Vec3> normals(mesh.triVerts.size());
  for (int t = 0; t < mesh.NumTri(); ++t) normals[t] = FaceNormal(mesh, t);
  return normals;
}

namespace {

// Angle between u and v, robust for small angles (atan2 of |u x v| and u.v).
double AngleBetween(Vec3 u, Vec3 v) { return std::atan2(Length(Cross(u, v)), Dot(u, v)); }

}  // namespace

std::vector<Vec3> VertexPseudoNormals(const Mesh& mesh) {
  std::vector<Vec3> normals(mesh.vertPos.size());
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const Vec3 n = FaceNormal(mesh, t);
    if (n == Vec3{}) continue;
    const auto& tv = mesh.triVerts[t];
    for (int i = 0; i < 3; ++i) {
      const Vec3 p = mesh.vertPos[tv[i]];
      const Vec3 u = mesh.vertPos[tv[(i + 1) % 3]] - p;
      const Vec3 v = mesh.vertPos[tv[(i + 2) % 3]] - p;
      normals[tv[i]] += n * AngleBetween(u, v);
    }
  }
  for (Vec3& n : normals) n = Normalized(n);
  return normals;
}

}  // namespace mos::kernel
