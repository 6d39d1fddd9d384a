// The kernel's stress models (issue 3): the operands of each benchmark, so
// that the native benchmark and the Manifold comparison (manifold_bench.mjs,
// fed with exactly these meshes) time the same work.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "kernel/boolean.h"
#include "kernel/csg_schedule.h"
#include "kernel/hull3d.h"
#include "kernel/mesh.h"
#include "kernel/mesh_primitives.h"
#include "kernel/minkowski3d.h"

namespace mos::bench {

enum class ModelOp { kUnion, kDifference, kHull, kMinkowski };

struct KernelModel {
  std::string name;
  ModelOp op;
  std::vector<kernel::Mesh> operands;  // difference: the first minus the rest
};

// A 5 mm plate with n holes (cylinders r = 1.5, 64 sides, through it) on a
// 5 mm grid: OpenSCAD's difference() { cube(); for (...) cylinder(); }.
inline KernelModel PlateHoles(int n) {
  KernelModel m{"plate_holes_" + std::to_string(n), ModelOp::kDifference, {}};
  const int cols = static_cast<int>(std::ceil(std::sqrt(2.0 * n))), rows = (n + cols - 1) / cols;
  m.operands.push_back(kernel::MakeBox({0, 0, 0}, {cols * 5.0, rows * 5.0, 5}));
  for (int i = 0; i < n; ++i)
    m.operands.push_back(kernel::MakeCylinder({2.5 + 5 * (i % cols), 2.5 + 5 * (i / cols), -1}, 1.5, 1.5, 7, 64));
  return m;
}

// n overlapping spheres (r = 1, 32 sides) in a row, 1.2 apart: union().
inline KernelModel SpheresRow(int n) {
  KernelModel m{"spheres_row_" + std::to_string(n), ModelOp::kUnion, {}};
  for (int i = 0; i < n; ++i) m.operands.push_back(kernel::MakeUvSphere({1.2 * i, 0, 0}, 1, 32));
  return m;
}

// hull() of 27 spheres (r = 1, 32 sides) on a 3x3x3 grid, 4 apart.
inline KernelModel HullSpheres() {
  KernelModel m{"hull_spheres_27", ModelOp::kHull, {}};
  for (int i = 0; i < 27; ++i)
    m.operands.push_back(kernel::MakeUvSphere({4.0 * (i % 3), 4.0 * (i / 3 % 3), 4.0 * (i / 9)}, 1, 32));
  return m;
}

// minkowski() of a non-convex L (two boxes' union) and a sphere (16 sides).
inline KernelModel MinkowskiL() {
  KernelModel m{"minkowski_l_sphere", ModelOp::kMinkowski, {}};
  m.operands.push_back(kernel::Boolean(kernel::MakeBox({0, 0, 0}, {10, 2, 2}), kernel::MakeBox({0, 0, 0}, {2, 10, 2}),
                                       kernel::OpType::kUnion));
  m.operands.push_back(kernel::MakeUvSphere({0, 0, 0}, 1, 16));
  return m;
}

inline std::vector<KernelModel> AllKernelModels() {
  return {PlateHoles(10), PlateHoles(50), PlateHoles(200), SpheresRow(10), SpheresRow(50), HullSpheres(),
          MinkowskiL()};
}

// One run of the model's operation (operands prebuilt); returns the
// result's triangle count.
inline int RunKernelModel(const KernelModel& m) {
  switch (m.op) {
    case ModelOp::kUnion: return kernel::BooleanN(m.operands, kernel::OpType::kUnion).NumTri();
    case ModelOp::kDifference: return kernel::BooleanN(m.operands, kernel::OpType::kDifference).NumTri();
    case ModelOp::kHull: {
      std::vector<kernel::Vec3> pts;
      for (const kernel::Mesh& o : m.operands) pts.insert(pts.end(), o.vertPos.begin(), o.vertPos.end());
      return kernel::ConvexHull3d(pts).mesh.NumTri();
    }
    case ModelOp::kMinkowski: return kernel::Minkowski3d(m.operands[0], m.operands[1]).mesh.NumTri();
  }
  return 0;
}

}  // namespace mos::bench
