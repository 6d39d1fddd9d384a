// SharedKernel12 (kernel/shared_kernel12.h) gives the same bits as
// BoolKernels::Kernel12 for every (edge, triangle) pair, whatever the order
// of the edges, on operands full of exact ties (shared grid planes, edges
// and vertices) and on rotated curved ones.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <cstring>
#include <random>
#include <vector>

#include "kernel/boolean_operand.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_transform.h"
#include "kernel/predicates.h"
#include "kernel/shared_kernel12.h"

namespace mos::kernel {
namespace {

// Canonical halfedges of m, grouped by start vertex when `byStart`, else
// shuffled (edges of one start then rarely come together).
std::vector<int> EdgeOrder(const BoolOperand& m, bool byStart, std::mt19937& rng) {
  const BoolMeshView v = m.View();
  std::vector<int> edges;
  for (int he = 0; he < 3 * m.NumTri(); ++he)
    if (v.Canonical(he) == he) edges.push_back(he);
  if (byStart)
    std::stable_sort(edges.begin(), edges.end(), [&](int a, int b) { return v.Start(a) < v.Start(b); });
  else
    std::shuffle(edges.begin(), edges.end(), rng);
  return edges;
}

// Every pair of every direction and both perturbation signs; returns the
// number of pairs that hit (so the test can tell it checked real hits).
// One pair through the shared kernels and the plain one: the same answer,
// and for a hit the same point. Returns whether it was a hit.
template <class Shared>
bool ExpectSamePair(Shared& shared, const BoolKernels& kernels, int edge, int t, bool forward) {
  Vec3 plain{}, reused{};
  const int x = kernels.Kernel12(edge, t, forward, plain);
  EXPECT_EQ(shared.Kernel12(edge, t, reused), x) << "edge " << edge << " tri " << t;
  if (x == 0) return false;
  EXPECT_EQ(std::memcmp(&plain, &reused, sizeof plain), 0) << "edge " << edge << " tri " << t;
  return true;
}

int ExpectSameAsPlain(const Mesh& a, const Mesh& b, std::mt19937& rng) {
  const BoolOperand p = PrepareOperand(a), q = PrepareOperand(b);
  int hits = 0;
  for (const double expand : {1.0, -1.0}) {
    const BoolKernels kernels(p.View(), q.View(), &p.vertNormal, expand);
    for (const bool forward : {true, false}) {
      const BoolOperand& edgeMesh = forward ? p : q;
      const BoolOperand& triMesh = forward ? q : p;
      for (const bool byStart : {true, false}) {
        SharedKernel12 shared(kernels, forward);
        std::vector<int> tris(triMesh.NumTri());
        for (int t = 0; t < triMesh.NumTri(); ++t) tris[t] = t;
        for (const int edge : EdgeOrder(edgeMesh, byStart, rng)) {
          std::shuffle(tris.begin(), tris.end(), rng);
          for (const int t : tris) hits += ExpectSamePair(shared, kernels, edge, t, forward);
        }
      }
    }
  }
  return hits;
}

TEST(SharedKernel12, SameBitsOnGridTies) {
  std::mt19937 rng(7);
  // Touching, nested and overlapping boxes on a half grid: coplanar faces,
  // shared edges and vertices everywhere.
  EXPECT_GT(ExpectSameAsPlain(MakeBox({0, 0, 0}, {2, 2, 2}), MakeBox({1, 1, 1}, {3, 3, 3}), rng), 0);
  EXPECT_GT(ExpectSameAsPlain(MakeBox({0, 0, 0}, {2, 2, 2}), MakeBox({0, 0.5, 0}, {2, 1.5, 2}), rng), 0);
  ExpectSameAsPlain(MakeBox({0, 0, 0}, {1, 1, 1}), MakeBox({1, 0, 0}, {2, 1, 1}), rng);
  ExpectSameAsPlain(MakeBox({0, 0, 0}, {1, 1, 1}), MakeBox({1, 1, 1}, {2, 2, 2}), rng);
  EXPECT_GT(ExpectSameAsPlain(MakeBox({0, 0, 0}, {2, 2, 2}), MakeCylinder({1, 1, 0}, 0.5, 0.5, 2, 8), rng), 0);
}

TEST(SharedKernel12, SameBitsOnCurvedAndRotatedOperands) {
  std::mt19937 rng(11);
  const Mesh sphere = MakeUvSphere({0, 0, 0}, 1, 8);
  const Mesh cone = MakeCylinder({0.3, -0.2, -1}, 0.8, 0.1, 2, 7);
  EXPECT_GT(ExpectSameAsPlain(sphere, cone, rng), 0);
  Mesh box = MakeBox({-0.5, -0.5, -0.5}, {0.7, 0.6, 0.5});
  ASSERT_TRUE(TransformMesh(box, Affine3::Rotation({0.6, 0, 0.8}, 37)));
  EXPECT_GT(ExpectSameAsPlain(sphere, box, rng), 0);
  Mesh mirrored = cone;
  ASSERT_TRUE(TransformMesh(mirrored, Affine3::Mirror({1, 1, 0})));
  EXPECT_GT(ExpectSameAsPlain(mirrored, sphere, rng), 0);
  EXPECT_GT(ExpectSameAsPlain(MakeUvSphere({0.5, 0, 0}, 1, 6), sphere, rng), 0);
}

// A small box cutting a large sphere, with the maps sized by the pairs
// (SharedKernel12Hashed: tables much smaller than the sphere's halfedges
// and triangles): the same bits as the plain kernel.
TEST(SharedKernel12, SameBitsWithMapsSizedByPairs) {
  std::mt19937 rng(5);
  const BoolOperand p = PrepareOperand(MakeBox({0.9, -0.1, -0.1}, {1.1, 0.1, 0.1}));
  const BoolOperand q = PrepareOperand(MakeUvSphere({0, 0, 0}, 1, 96));
  ASSERT_GT(q.NumTri(), 8000);  // 3 * triangles well above four times the tables
  // The sphere's triangles with a corner near the box, and their edges.
  std::vector<int> near;
  for (int t = 0; t < q.NumTri(); ++t)
    for (int v : q.tri[t])
      if (q.pos[v].x > 0.9 && std::abs(q.pos[v].y) < 0.1 && std::abs(q.pos[v].z) < 0.1) {
        near.push_back(t);
        break;
      }
  ASSERT_GT(near.size(), 4u);
  ASSERT_LT(near.size(), 60u);  // a few dozen
  int hits = 0;
  for (const double expand : {1.0, -1.0}) {
    const BoolKernels kernels(p.View(), q.View(), &p.vertNormal, expand);
    for (int round = 0; round < 3; ++round) {
      std::vector<std::pair<int, int>> pairs;
      // The box's edges through the sphere (ends on both x faces).
      const BoolMeshView pv = p.View();
      for (const int edge : EdgeOrder(p, round == 0, rng))
        if (p.pos[pv.Start(edge)].x != p.pos[pv.End(edge)].x)
          for (const int t : near) pairs.emplace_back(edge, t);
      ASSERT_LT(pairs.size(), 400u);
      if (round == 2) std::shuffle(pairs.begin(), pairs.end(), rng);  // edges apart: many clears
      ASSERT_TRUE(SharedKernel12Hashed::HashedPays(kernels, true, pairs.size()));
      SharedKernel12Hashed shared(kernels, true, pairs.size());
      for (const auto& [edge, t] : pairs) hits += ExpectSamePair(shared, kernels, edge, t, true);
    }
  }
  EXPECT_GT(hits, 0);
}

}  // namespace
}  // namespace mos::kernel
