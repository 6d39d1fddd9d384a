#include "kernel/mesh_transform.h"

#include <cmath>
#include <utility>

namespace mos::kernel {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Exact values for multiples of 90 degrees, so rotate(90) of a box stays on
// the grid (OpenSCAD does the same).
void SinCosDegrees(double degrees, double& s, double& c) {
  const double r = std::fmod(degrees, 360.0);
  const double q = r / 90.0;
  if (q == std::floor(q)) {
    const int k = ((static_cast<int>(q) % 4) + 4) % 4;
    const double sv[4] = {0, 1, 0, -1}, cv[4] = {1, 0, -1, 0};
    s = sv[k];
    c = cv[k];
    return;
  }
  s = std::sin(r * kPi / 180.0);
  c = std::cos(r * kPi / 180.0);
}

}  // namespace

Affine3 Affine3::Translation(Vec3 t) {
  Affine3 a;
  a.m[0][3] = t.x;
  a.m[1][3] = t.y;
  a.m[2][3] = t.z;
  return a;
}

Affine3 Affine3::Scaling(Vec3 s) {
  Affine3 a;
  a.m[0][0] = s.x;
  a.m[1][1] = s.y;
  a.m[2][2] = s.z;
  return a;
}

Affine3 Affine3::Rotation(Vec3 axis, double degrees) {
  const Vec3 u = Normalized(axis);
  double s, c;
  SinCosDegrees(degrees, s, c);
  const double t = 1 - c;
  Affine3 a;
  a.m[0] = {t * u.x * u.x + c, t * u.x * u.y - s * u.z, t * u.x * u.z + s * u.y, 0};
  a.m[1] = {t * u.x * u.y + s * u.z, t * u.y * u.y + c, t * u.y * u.z - s * u.x, 0};
  a.m[2] = {t * u.x * u.z - s * u.y, t * u.y * u.z + s * u.x, t * u.z * u.z + c, 0};
  return a;
}

Affine3 Affine3::Mirror(Vec3 n) {
  const double len2 = Dot(n, n);
  Affine3 a;
  if (len2 == 0) return a;  // OpenSCAD: mirror([0,0,0]) is the identity
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) a.m[i][j] = (i == j ? 1.0 : 0.0) - 2 * n[i] * n[j] / len2;
  return a;
}

Affine3 Affine3::FromMatrix4(const std::array<std::array<double, 4>, 4>& rows) {
  Affine3 a;
  for (int i = 0; i < 3; ++i) a.m[i] = rows[i];
  return a;
}

Vec3 Affine3::ApplyLinear(Vec3 v) const {
  return {m[0][0] * v.x + m[0][1] * v.y + m[0][2] * v.z,
          m[1][0] * v.x + m[1][1] * v.y + m[1][2] * v.z,
          m[2][0] * v.x + m[2][1] * v.y + m[2][2] * v.z};
}

Vec3 Affine3::Apply(Vec3 p) const { return ApplyLinear(p) + Vec3{m[0][3], m[1][3], m[2][3]}; }

double Affine3::Determinant() const {
  return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
         m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
         m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
}

Affine3 operator*(const Affine3& a, const Affine3& b) {
  Affine3 r;
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 4; ++j) {
      double v = 0;
      for (int k = 0; k < 3; ++k) v += a.m[i][k] * b.m[k][j];
      r.m[i][j] = v + (j == 3 ? a.m[i][3] : 0.0);
    }
  }
  return r;
}

bool TransformMesh(Mesh& mesh, const Affine3& transform) {
  for (const auto& row : transform.m)
    for (double v : row)
      if (!std::isfinite(v)) return false;
  const double det = transform.Determinant();
  if (det == 0 || !std::isfinite(det)) return false;
  for (Vec3& p : mesh.vertPos) p = transform.Apply(p);
  if (det > 0) return true;
  // Reverse (v0, v1, v2) -> (v0, v2, v1). Halfedge i of the old triangle
  // becomes the reversed halfedge kMap[i] of the new one; twins stay twins.
  static constexpr int kMap[3] = {2, 1, 0};
  for (auto& t : mesh.triVerts) std::swap(t[1], t[2]);
  if (mesh.halfedgeTwin.size() == 3 * mesh.triVerts.size()) {
    std::vector<int> twin(mesh.halfedgeTwin.size(), -1);
    for (size_t h = 0; h < twin.size(); ++h) {
      const int old = mesh.halfedgeTwin[h];
      const size_t nh = h - h % 3 + kMap[h % 3];
      twin[nh] = old < 0 ? -1 : old - old % 3 + kMap[old % 3];
    }
    mesh.halfedgeTwin = std::move(twin);
  }
  return true;
}

}  // namespace mos::kernel
