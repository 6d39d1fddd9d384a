// libFuzzer target for the 3D booleans: up to five operands (boxes on a
// coarse grid, convex hulls of byte-given points, cylinders / cones, UV
// spheres, and triangle soups that repair into closed solids), optionally
// rotated or mirrored, combined by a random tree of binary and n-ary
// booleans. Asserts that every result is closed, oriented and manifold, and
// that the first pair satisfies the volume identities
// V(a u b) + V(a n b) = V(a) + V(b) and V(a - b) = V(a) - V(a n b).
//
// Work per input is bounded so that a campaign reaches a million executions:
// at most four operands, cylinders and spheres of at most 10 and 8 segments,
// and operands beyond the first pair only while all of them together have at
// most kMaxTriangles triangles. The degenerate cases come from the quarter
// grid (coplanar faces, touching boxes, shared edges and vertices), the 1/256
// hull points (nearly degenerate) and the rotations and mirrors, not from
// the segment counts, so the bounds keep them.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "kernel/boolean.h"
#include "kernel/hull3d.h"
#include "kernel/mesh.h"
#include "kernel/mesh_build.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_properties.h"
#include "kernel/mesh_transform.h"

using namespace mos::kernel;

namespace {

constexpr int kMaxTriangles = 400;

class Bytes {
 public:
  Bytes(const uint8_t* d, size_t n) : d_(d), n_(n) {}
  bool Empty() const { return i_ >= n_; }
  uint8_t Next() { return i_ < n_ ? d_[i_++] : 0; }
  double Grid() { return (Next() % 9) * 0.25; }  // 0 .. 2 in quarter steps
  Vec3 GridPoint() { return {Grid(), Grid(), Grid()}; }

 private:
  const uint8_t* d_;
  size_t n_, i_ = 0;
};

void Fail(const char* what, const Mesh& m) {
  std::fprintf(stderr, "boolean_fuzz: %s: %s (%d triangles)\n", what, DescribeManifoldProblem(m).c_str(),
               m.NumTri());
  std::abort();
}

void CheckSolid(const Mesh& m, const char* what) {
  if (!IsClosedManifold(m)) Fail(what, m);
}

Mesh Operand(Bytes& in) {
  const uint8_t kind = in.Next();
  const uint32_t prop = kind >> 5;
  Mesh m;
  switch (kind % 5) {
    case 0: {
      Vec3 a = in.GridPoint(), b = in.GridPoint();
      for (int k = 0; k < 3; ++k)
        if (a[k] == b[k]) b[k] += 0.25;
      m = MakeBox(a, b, prop);
      break;
    }
    case 1: {
      std::vector<Vec3> pts;
      const int n = 4 + in.Next() % 10;
      const bool fine = in.Next() & 1;  // near-degenerate: 1/256 steps
      for (int i = 0; i < n; ++i) {
        if (fine)
          pts.push_back({in.Next() / 256.0, in.Next() / 256.0, in.Next() / 256.0});
        else
          pts.push_back(in.GridPoint());
      }
      Hull3dResult h = ConvexHull3d(pts, {}, prop);
      if (h.status == HullStatus::kOk) m = std::move(h.mesh);
      break;
    }
    case 2: {
      const Vec3 base = in.GridPoint();
      const double r0 = (in.Next() % 5) * 0.25, r1 = (in.Next() % 5) * 0.25;
      const double h = (1 + in.Next() % 8) * 0.25;
      const int seg = 3 + in.Next() % 8;
      if (r0 > 0 || r1 > 0) m = MakeCylinder(base, r0, r1, h, seg, prop);
      break;
    }
    case 3: {
      const Vec3 c = in.GridPoint();
      const double r = (1 + in.Next() % 6) * 0.25;
      m = MakeUvSphere(c, r, 3 + in.Next() % 6, prop);
      break;
    }
    default: {  // a triangle soup; used when it repairs into a closed solid
      std::vector<std::array<Vec3, 3>> tris;
      const int n = 1 + in.Next() % 16;
      for (int i = 0; i < n && !in.Empty(); ++i) tris.push_back({in.GridPoint(), in.GridPoint(), in.GridPoint()});
      RepairReport report;
      m = MeshFromTriangleSoup(tris, {}, RepairOptions{}, report);
      if (!IsClosedManifold(m) || SignedVolume(m) <= 0) m = Mesh{};
      break;
    }
  }
  const uint8_t t = in.Next();
  if (t & 1) {  // rotate about a byte-given axis through (1, 1, 1)
    const Vec3 axis{in.Next() - 127.5, in.Next() - 127.5, in.Next() - 127.5};
    const Vec3 c{1, 1, 1};
    TransformMesh(m, Affine3::Translation(c) * Affine3::Rotation(Normalized(axis), (t >> 1) * 2.8125) *
                         Affine3::Translation(-c));
  } else if (t & 2) {  // mirror in an axis plane or a diagonal one
    TransformMesh(m, Affine3::Mirror(t & 4 ? Vec3{1, 0, 0} : Vec3{1, 1, 0}));
  }
  CheckSolid(m, "operand");
  return m;
}

OpType Op(uint8_t b) { return static_cast<OpType>(b % 3); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2 || size > 1024) return 0;
  Bytes in(data, size);
  const uint8_t head = in.Next();
  std::vector<Mesh> operands;
  const int n = 2 + head % 3;
  int triangles = 0;
  for (int i = 0; i < n; ++i) {
    Mesh m = Operand(in);
    triangles += m.NumTri();
    if (i >= 2 && triangles > kMaxTriangles) break;
    operands.push_back(std::move(m));
  }

  // The volume identities on the first pair.
  const Mesh& a = operands[0];
  const Mesh& b = operands[1];
  const Mesh u = Boolean(a, b, OpType::kUnion);
  const Mesh x = Boolean(a, b, OpType::kIntersection);
  const Mesh d = Boolean(a, b, OpType::kDifference);
  CheckSolid(u, "union");
  CheckSolid(x, "intersection");
  CheckSolid(d, "difference");
  const double va = SignedVolume(a), vb = SignedVolume(b);
  const double vu = SignedVolume(u), vx = SignedVolume(x), vd = SignedVolume(d);
  const double tol = 1e-9 * std::max(1.0, va + vb);
  if (std::fabs(vu + vx - va - vb) > tol || std::fabs(vd - (va - vx)) > tol) {
    std::fprintf(stderr, "volumes: a %.17g b %.17g union %.17g intersection %.17g difference %.17g\n", va, vb, vu,
                 vx, vd);
    std::abort();
  }

  // A tree over all operands: n-ary when the head says so, else a left fold
  // with byte-given operations (intermediate results reused as operands).
  if (head & 0x40) {
    const Mesh r = BooleanN(operands, Op(in.Next()));
    CheckSolid(r, "n-ary");
  } else {
    Mesh acc = operands[0];
    for (size_t i = 1; i < operands.size(); ++i) {
      acc = Boolean(acc, operands[i], Op(in.Next()));
      CheckSolid(acc, "fold");
    }
    const Mesh r = Boolean(acc, u, Op(in.Next()));
    CheckSolid(r, "fold with the union");
  }
  return 0;
}
