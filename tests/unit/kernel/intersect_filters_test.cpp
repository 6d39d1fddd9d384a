// IntersectEdgesWithTriangles, with its broad phase and every filter that
// skips pairs (the plane tests, the near-plane piece, stacked solids'
// touching caps), finds exactly the hits of Kernel12 run on every
// (canonical edge, triangle) pair: the same edges, triangles, signs and
// points, bit for bit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <tuple>
#include <vector>

#include "kernel/assemble.h"
#include "kernel/boolean_operand.h"
#include "kernel/intersect.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_transform.h"
#include "kernel/predicates.h"

namespace mos::kernel {
namespace {

std::vector<EdgeTriHit> AllPairsHits(const BoolKernels& kernels, const BoolOperand& p, const BoolOperand& q,
                                     bool forward) {
  const BoolOperand& em = forward ? p : q;
  const BoolOperand& tm = forward ? q : p;
  const BoolMeshView ev = em.View();
  std::vector<EdgeTriHit> hits;
  for (int he = 0; he < 3 * em.NumTri(); ++he) {
    if (!(em.twin[he] < 0 || ev.Forward(he))) continue;
    for (int t = 0; t < tm.NumTri(); ++t) {
      Vec3 point{};
      const int x = kernels.Kernel12(he, t, forward, point);
      if (x != 0) hits.push_back({he, t, forward ? x : -x, point});
    }
  }
  return hits;
}

void ExpectSameHits(std::vector<EdgeTriHit> a, std::vector<EdgeTriHit> b, const char* what) {
  auto key = [](const EdgeTriHit& h) { return std::make_tuple(h.edge, h.tri); };
  auto less = [&](const EdgeTriHit& x, const EdgeTriHit& y) { return key(x) < key(y); };
  std::sort(a.begin(), a.end(), less);
  std::sort(b.begin(), b.end(), less);
  ASSERT_EQ(a.size(), b.size()) << what;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].edge, b[i].edge) << what;
    EXPECT_EQ(a[i].tri, b[i].tri) << what;
    EXPECT_EQ(a[i].dw, b[i].dw) << what;
    EXPECT_EQ(std::memcmp(&a[i].pos, &b[i].pos, sizeof(Vec3)), 0) << what;
  }
}

// Returns the number of hits compared.
size_t CheckAllOps(const Mesh& a, const Mesh& b) {
  const BoolOperand p = PrepareOperand(a), q = PrepareOperand(b);
  size_t n = 0;
  for (OpType op : {OpType::kUnion, OpType::kDifference, OpType::kIntersection}) {
    const BoolRoles roles = RolesFor(op, false);
    const BoolKernels kernels(p.View(), q.View(), &p.vertNormal, roles.expandP);
    for (bool forward : {true, false}) {
      const std::vector<EdgeTriHit> got = IntersectEdgesWithTriangles(kernels, p, q, forward);
      ExpectSameHits(got, AllPairsHits(kernels, p, q, forward), forward ? "forward" : "reverse");
      n += got.size();
    }
  }
  return n;
}

Mesh Shifted(Mesh m, Vec3 shift) {
  TransformMesh(m, Affine3::Translation(shift));
  return m;
}

TEST(IntersectFilters, StackedSolidsTouchingCaps) {
  // Caps in one horizontal plane (z = 1), overlapping in part, whole or
  // not at all: the touching-caps rule decides most of these pairs.
  std::mt19937 rng(112701);
  size_t hits = 0;
  for (int i = 0; i < 40; ++i) {
    const double dx = 0.25 * static_cast<double>(rng() % 9) - 1, dy = 0.25 * static_cast<double>(rng() % 9) - 1;
    const int segs = 5 + static_cast<int>(rng() % 20);
    const Mesh lower = rng() % 2 ? MakeBox({0, 0, 0}, {2, 2, 1}) : MakeCylinder({1, 1, 0}, 1.2, 0.9, 1, segs);
    Mesh upper = rng() % 2 ? MakeBox({0, 0, 1}, {1.5, 1.5, 2.5}) : MakeCylinder({0.75, 0.75, 1}, 0.8, 0.5, 1.5, segs);
    upper = Shifted(upper, {dx, dy, 0});
    hits += CheckAllOps(lower, upper);
    hits += CheckAllOps(upper, lower);  // the other operand perturbed
  }
  EXPECT_GT(hits, 0u);
}

TEST(IntersectFilters, TouchingAndCrossingShapes) {
  // Ends on the other's planes (one end near a plane, the other off it),
  // crossings near triangle edges, tilted solids.
  std::mt19937 rng(112702);
  size_t hits = 0;
  const double offsets[] = {0, 1e-9, 0.5, 1, -1, 2};
  for (int i = 0; i < 40; ++i) {
    Mesh a = rng() % 2 ? MakeBox({0, 0, 0}, {2, 1, 1}) : MakeUvSphere({0, 0, 0}, 1.5, 6 + static_cast<int>(rng() % 10));
    Mesh b = rng() % 2 ? MakeCylinder({0, 0, -1}, 1, 0.5, 2, 6 + static_cast<int>(rng() % 20))
                       : MakeBox({0, 0, 0}, {1, 1, 1});
    if (rng() % 3 == 0) TransformMesh(b, Affine3::Rotation(Normalized(Vec3{1, 2, 3}), 30));
    b = Shifted(b, {offsets[rng() % 6], offsets[rng() % 6], offsets[rng() % 6]});
    hits += CheckAllOps(a, b);
  }
  EXPECT_GT(hits, 100u);
}

}  // namespace
}  // namespace mos::kernel
