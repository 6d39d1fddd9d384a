// Affine transforms of meshes. A mirror (negative determinant) reverses every
// triangle so normals stay outward and the volume stays positive.
#pragma once

#include <array>

#include "kernel/mesh.h"

namespace mos::kernel {

// Row-major 3x4 matrix: p' = M[:, 0:3] * p + M[:, 3].
struct Affine3 {
  std::array<std::array<double, 4>, 3> m{{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}}};

  static Affine3 Identity() { return {}; }
  static Affine3 Translation(Vec3 t);
  static Affine3 Scaling(Vec3 s);
  // Rotation by `degrees` about a unit axis through the origin.
  static Affine3 Rotation(Vec3 axis, double degrees);
  // Mirror in the plane through the origin with normal `n` (need not be unit).
  static Affine3 Mirror(Vec3 n);
  // From a row-major 4x4 (OpenSCAD multmatrix); the last row is ignored.
  static Affine3 FromMatrix4(const std::array<std::array<double, 4>, 4>& rows);

  Vec3 Apply(Vec3 p) const;
  Vec3 ApplyLinear(Vec3 v) const;  // without translation
  double Determinant() const;      // of the linear 3x3 part
};

// a * b: apply b first, then a.
Affine3 operator*(const Affine3& a, const Affine3& b);

// Transforms vertex positions in place; with a negative determinant reverses
// every triangle (twins are remapped, no rebuild). Returns false, leaving the
// mesh untouched, when the matrix is singular or not finite.
bool TransformMesh(Mesh& mesh, const Affine3& transform);

}  // namespace mos::kernel
