// IntersectEdgesWithTriangles, with its broad phase and every filter that
// skips pairs (the plane tests, the near-plane piece, stacked solids'
// touching caps), finds exactly the hits of Kernel12 run on every
// (canonical edge, triangle) pair: the same edges, triangles, signs and
// points, bit for bit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
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

TEST(IntersectFilters, CapsOnALargeTree) {
  // Solids stacked on (or standing in) a cylinder of over 1,024 triangles
  // (its caps fans of long triangles), caps in its top plane: the forward
  // walk leaves out the tree's nodes in a flat edge's plane
  // (CandidatePairs' kOffPlane), which must lose no hit.
  std::mt19937 rng(112706);
  size_t hits = 0;
  const Mesh big = MakeCylinder({0, 0, 0}, 3, 3, 1, 400);
  ASSERT_GE(big.NumTri(), 1024);
  for (int i = 0; i < 6; ++i) {
    const double dx = 0.5 * static_cast<double>(rng() % 9) - 2, dy = 0.5 * static_cast<double>(rng() % 9) - 2;
    const double z0 = i % 3 == 0 ? 0.5 : 1;  // standing in it, or on its top
    const int segs = 5 + static_cast<int>(rng() % 20);
    Mesh small = i % 2 ? MakeBox({0, 0, z0}, {1.5, 1.5, 2.5}) : MakeCylinder({0, 0, z0}, 0.8, 0.5, 1.5, segs);
    small = Shifted(small, {dx, dy, 0});
    hits += CheckAllOps(small, big);
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

TEST(IntersectFilters, GridBoxesSharingPlanes) {
  // Boxes on a coarse integer grid: shared planes, edges along edges,
  // corners on edges and faces, in every combination.
  std::mt19937 rng(112703);
  size_t hits = 0;
  auto box = [&]() {
    const double x = static_cast<double>(rng() % 3), y = static_cast<double>(rng() % 3), z = static_cast<double>(rng() % 3);
    return MakeBox({x, y, z}, {x + 1 + static_cast<double>(rng() % 3), y + 1 + static_cast<double>(rng() % 3),
                               z + 1 + static_cast<double>(rng() % 2)});
  };
  for (int i = 0; i < 300; ++i) {
    Mesh a = box(), b = box();
    if (rng() % 4 == 0) b = MakeCylinder({1.5, 1.5, static_cast<double>(rng() % 3)}, 1, 1, 1 + static_cast<double>(rng() % 2), 4 + static_cast<int>(rng() % 5));
    hits += CheckAllOps(a, b);
  }
  EXPECT_GT(hits, 100u);
}

TEST(IntersectFilters, HorizontalEdgesWithMixedNormals) {
  // Tetrahedra with a horizontal edge in a box's top or bottom plane
  // (z = 0), the other corners above and below it: the edge's two ends'
  // normals may point to opposite sides of the plane, where a tie goes
  // one way at one end and the other way at the other.
  std::mt19937 rng(112704);
  std::uniform_real_distribution<double> u(-1, 1);
  size_t hits = 0;
  for (int i = 0; i < 300; ++i) {
    const Vec3 a{u(rng), u(rng), 0}, b{u(rng) + 2, u(rng), 0};
    const Vec3 c{u(rng) + 1, u(rng) + 1.5, 0.5 + std::fabs(u(rng))}, d{u(rng) + 1, u(rng) - 1.5, -0.5 - std::fabs(u(rng))};
    Mesh tet = MakeTetrahedron(a, b, c, d);
    if (rng() % 2) tet = MakeTetrahedron(a, b, d, c);  // one of the two is inside out: the other orientation
    const double x0 = u(rng), y0 = u(rng) - 1;
    const Mesh slab = rng() % 2 ? MakeBox({x0, y0, -1}, {x0 + 2, y0 + 2, 0}) : MakeBox({x0, y0, 0}, {x0 + 2, y0 + 2, 1});
    hits += CheckAllOps(tet, slab);
    hits += CheckAllOps(slab, tet);
  }
  EXPECT_GT(hits, 100u);
}

TEST(IntersectFilters, HorizontalTrianglesInABoxFace) {
  // Tetrahedra with a face in a box's top or bottom plane (z = 0) and the
  // fourth corner off it, near or far: the reverse kernels meet the box's
  // edges in that face's plane, where every tie goes one way (outward
  // perturbation directions), up or down by the operation.
  std::mt19937 rng(112705);
  std::uniform_real_distribution<double> u(-1, 1);
  size_t hits = 0;
  for (int i = 0; i < 400; ++i) {
    const Vec3 a{u(rng), u(rng), 0}, b{u(rng) + 2, u(rng), 0}, c{u(rng) + 0.5, u(rng) + 2, 0};
    const double h = rng() % 2 ? 0.05 + 0.1 * std::fabs(u(rng)) : 1 + std::fabs(u(rng));
    const Vec3 d{3 * u(rng) + 1, 3 * u(rng) + 1, rng() % 2 ? -h : h};
    const Mesh tet = rng() % 2 ? MakeTetrahedron(a, b, c, d) : MakeTetrahedron(a, c, b, d);
    const double x0 = 2 * u(rng), y0 = 2 * u(rng);
    const Mesh slab = rng() % 2 ? MakeBox({x0, y0, -1}, {x0 + 1.5, y0 + 1.5, 0}) : MakeBox({x0, y0, 0}, {x0 + 1.5, y0 + 1.5, 1});
    hits += CheckAllOps(tet, slab);
  }
  EXPECT_GT(hits, 100u);
}

TEST(IntersectFilters, FarTrianglesInTheSharedBox) {
  // A finely divided sphere and two boxes at opposite corners of its box,
  // each through its surface: the boxes' box covers the sphere's (so the
  // boxes alone cull no edge), but most sphere triangles (those of the
  // first rings, near a pole, among them) meet no box triangle's box;
  // their edges are left out after one walk per triangle
  // (ForEachEdgeNear), which must lose no hit. The boxes' few edges walk
  // as before.
  std::mt19937 rng(112707);
  std::uniform_real_distribution<double> u(-0.05, 0.05);
  size_t hits = 0;
  for (int i = 0; i < 6; ++i) {
    const Mesh sphere = MakeUvSphere({0, 0, 0}, 1.5, 24 + 4 * i);
    const double a = 0.6 + 0.05 * i;
    Mesh boxes = MakeBox({a, a, a}, {1.5, 1.5, 1.5});
    AppendMesh(boxes, MakeBox({-1.5, -1.5, -1.5}, {-a, -a, -a}));
    if (i % 2) TransformMesh(boxes, Affine3::Rotation(Normalized(Vec3{1, 2, 3}), 10));
    boxes = Shifted(boxes, {u(rng), u(rng), u(rng)});
    hits += CheckAllOps(sphere, boxes);
    hits += CheckAllOps(boxes, sphere);
  }
  EXPECT_GT(hits, 100u);
}

}  // namespace
}  // namespace mos::kernel
