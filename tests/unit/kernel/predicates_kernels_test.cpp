// Unit tests of the one-axis predicates and the intersection kernels,
// including exact ties decided by symbolic perturbation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "kernel/boolean_operand.h"
#include "kernel/predicates.h"
#include "kernel/mesh_primitives.h"

namespace mos::kernel {
namespace {

TEST(Predicates, ShadowsIsStrictLessThanOffTies) {
  EXPECT_TRUE(Shadows(1.0, 2.0, 1.0));
  EXPECT_FALSE(Shadows(2.0, 1.0, -1.0));
  EXPECT_TRUE(Shadows(1.0, 1.0, -0.5));   // pushed down
  EXPECT_FALSE(Shadows(1.0, 1.0, 0.5));   // pushed up
  EXPECT_FALSE(Shadows(1.0, 1.0, 0.0));   // no push: not below
}

TEST(Predicates, InterpolateUsesNearerEndAndIsExactAtEnds) {
  const Vec3 a{0, 1, 2}, b{4, 5, 10};
  Vec2 yz = InterpolateYz(a, b, 0);
  EXPECT_EQ(yz.x, 1);
  EXPECT_EQ(yz.y, 2);
  yz = InterpolateYz(a, b, 4);
  EXPECT_EQ(yz.x, 5);
  EXPECT_EQ(yz.y, 10);
  yz = InterpolateYz(a, b, 1);
  EXPECT_DOUBLE_EQ(yz.x, 2);
  EXPECT_DOUBLE_EQ(yz.y, 4);
  yz = InterpolateYz(Vec3{3, 0, 0}, Vec3{3, 7, 8}, 3);  // degenerate span
  EXPECT_EQ(yz.x, 7);
}

TEST(Predicates, IntersectXyFindsCrossing) {
  // p from (0,0,0) to (2,2,2), q from (0,2,5) to (2,0,5): cross at (1,1).
  const Xyzz r = IntersectXy({0, 0, 0}, {2, 2, 2}, {0, 2, 5}, {2, 0, 5});
  EXPECT_DOUBLE_EQ(r.x, 1);
  EXPECT_DOUBLE_EQ(r.y, 1);
  EXPECT_DOUBLE_EQ(r.zP, 1);
  EXPECT_DOUBLE_EQ(r.zQ, 5);
}

// P: a small triangle-based mesh with one vertex; Q: a big triangle. We use
// real closed meshes so the halfedges are canonical.
struct Pair {
  BoolOperand p, q;
  BoolKernels Kernels(double expand) const { return BoolKernels(p.View(), q.View(), &p.vertNormal, expand); }
};

Pair MakePair(const Mesh& a, const Mesh& b) { return Pair{PrepareOperand(a), PrepareOperand(b)}; }

// Sum over all Q triangles of the vertex-triangle kernel: minus the winding.
int RaySum(const BoolKernels& k, const BoolOperand& q, int vert, bool forward) {
  int s = 0;
  for (int t = 0; t < q.NumTri(); ++t) {
    double z = 0;
    bool ov = false;
    s += k.Kernel02(vert, t, forward, z, ov);
  }
  return s;
}

TEST(Kernels, VertexInsideAndOutsideBox) {
  Mesh small = MakeTetrahedron({0.3, 0.3, 0.3}, {0.6, 0.3, 0.3}, {0.3, 0.6, 0.3}, {0.3, 0.3, 0.6});
  Mesh outside = MakeTetrahedron({3, 3, 3}, {4, 3, 3}, {3, 4, 3}, {3, 3, 4});
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  Pair in = MakePair(small, box);
  for (int v = 0; v < 4; ++v) EXPECT_EQ(RaySum(in.Kernels(1), in.q, v, true), -1) << v;
  Pair out = MakePair(outside, box);
  for (int v = 0; v < 4; ++v) EXPECT_EQ(RaySum(out.Kernels(1), out.q, v, true), 0) << v;
  // Reverse: Q's vertices inside P.
  Pair rev = MakePair(box, small);
  for (int v = 0; v < 4; ++v) EXPECT_EQ(RaySum(rev.Kernels(-1), rev.p, v, false), -1) << v;
}

TEST(Kernels, VertexOnFaceFollowsPerturbation) {
  // P's vertex exactly on Q's top face, and directly above/below an edge
  // and a vertex of Q's triangulation: the perturbation decides, and the
  // answer flips with the expansion direction.
  Mesh box = MakeBox({0, 0, 0}, {1, 1, 1});
  // The tetrahedron's apex touches the box at a corner, on an edge and in
  // a face; its body points up (outward normal at the apex points down).
  const Vec3 apexes[] = {{0.5, 0.5, 1}, {1, 1, 1}, {0.5, 0, 1}, {0.25, 0.25, 1}, {0, 0, 1}};
  for (const Vec3& a : apexes) {
    Mesh tet = MakeTetrahedron(a, a + Vec3{0.1, 0, 0.2}, a + Vec3{-0.05, 0.08, 0.2}, a + Vec3{-0.05, -0.08, 0.2});
    Pair pr = MakePair(tet, box);
    int apex = -1;
    for (int v = 0; v < 4; ++v)
      if (pr.p.pos[v] == a) apex = v;
    ASSERT_GE(apex, 0);
    // Inside iff the apex pushed by expand * its pseudo-normal is inside
    // the unit box; a zero push component counts as an infinitesimal push
    // towards +axis (ties without a direction: P is not below).
    const Vec3 n = pr.p.vertNormal[apex];
    for (double expand : {1.0, -1.0}) {
      bool inside = true;
      for (int axis = 0; axis < 3; ++axis) {
        const double c = a[axis], d = expand * n[axis];
        if ((c == 0 && d < 0) || (c == 1 && !(d < 0)) || c < 0 || c > 1) inside = false;
      }
      EXPECT_EQ(RaySum(pr.Kernels(expand), pr.q, apex, true), inside ? -1 : 0)
          << a.x << "," << a.y << " expand " << expand;
    }
  }
}

// Along every edge of P the winding w.r.t. Q changes exactly by the signed
// number of crossings the kernels report: the topological consistency the
// boolean relies on.
// Along one edge, the hits sorted by position keep the running winding in
// {0, 1} (the other operand is a single closed solid).
void ExpectWindingInRange(std::vector<std::pair<double, int>> hits, int w0, const char* what, int he) {
  std::sort(hits.begin(), hits.end());
  int w = w0;
  for (const auto& h : hits) {
    w += h.second;
    EXPECT_TRUE(w == 0 || w == 1) << what << " edge " << he << " winding " << w;
  }
}

void ExpectConsistent(const Mesh& a, const Mesh& b, double expand) {
  Pair pr = MakePair(a, b);
  const BoolKernels k = pr.Kernels(expand);
  const BoolMeshView pv = pr.p.View();
  for (int he = 0; he < 3 * pr.p.NumTri(); ++he) {
    if (!pv.Forward(he)) continue;
    int sum = 0;
    std::vector<std::pair<double, int>> hits;
    for (int t = 0; t < pr.q.NumTri(); ++t) {
      Vec3 pt{};
      const int x = k.Kernel12(he, t, true, pt);
      EXPECT_LE(std::abs(x), 1) << "P edge " << he << " tri " << t;
      sum += x;
      if (x != 0) hits.emplace_back(Dot(pt - pr.p.pos[pv.Start(he)], pr.p.pos[pv.End(he)] - pr.p.pos[pv.Start(he)]), x);
    }
    const int w0 = -RaySum(k, pr.q, pv.Start(he), true);
    ExpectWindingInRange(hits, w0, "P", he);
    const int w1 = -RaySum(k, pr.q, pv.End(he), true);
    EXPECT_EQ(w1 - w0, sum) << "P edge " << he;
  }
  const BoolMeshView qv = pr.q.View();
  for (int he = 0; he < 3 * pr.q.NumTri(); ++he) {
    if (!qv.Forward(he)) continue;
    int sum = 0;
    std::vector<std::pair<double, int>> hits;
    for (int t = 0; t < pr.p.NumTri(); ++t) {
      Vec3 pt{};
      const int x = k.Kernel12(he, t, false, pt);
      EXPECT_LE(std::abs(x), 1) << "Q edge " << he << " tri " << t;
      sum -= x;
      if (x != 0) hits.emplace_back(Dot(pt - pr.q.pos[qv.Start(he)], pr.q.pos[qv.End(he)] - pr.q.pos[qv.Start(he)]), -x);
    }
    const int w0 = -RaySum(k, pr.p, qv.Start(he), false);
    ExpectWindingInRange(hits, w0, "Q", he);
    const int w1 = -RaySum(k, pr.p, qv.End(he), false);
    EXPECT_EQ(w1 - w0, sum) << "Q edge " << he;
  }
}

TEST(Kernels, CrossingsMatchWindingChangeGeneric) {
  ExpectConsistent(MakeBox({0, 0, 0}, {1, 1, 1}), MakeBox({0.5, 0.3, 0.2}, {1.7, 1.4, 0.9}), 1);
  ExpectConsistent(MakeBox({0, 0, 0}, {1, 1, 1}), MakeUvSphere({0.9, 0.8, 0.7}, 0.6, 12), -1);
  // Corners of each inside the other, so edges change winding.
  ExpectConsistent(MakeBox({0, 0, 0}, {1, 1, 1}), MakeBox({0.5, 0.4, 0.3}, {1.5, 1.6, 1.7}), 1);
  ExpectConsistent(MakeBox({0.5, 0.4, 0.3}, {1.5, 1.6, 1.7}), MakeBox({0, 0, 0}, {1, 1, 1}), -1);
  ExpectConsistent(MakeUvSphere({0.9, 0.8, 0.7}, 0.6, 12), MakeBox({0, 0, 0}, {1, 1, 1}), 1);
}

TEST(Kernels, CrossingsMatchWindingChangeWithTies) {
  const Mesh a = MakeBox({0, 0, 0}, {2, 2, 2});
  const Mesh shapes[] = {
      MakeBox({0, 0, 0}, {2, 2, 2}),  // identical
      MakeBox({2, 0, 0}, {4, 2, 2}),  // shared face
      MakeBox({2, 2, 0}, {4, 4, 2}),  // shared edge
      MakeBox({2, 2, 2}, {4, 4, 4}),  // shared vertex
      MakeBox({1, 0, 0}, {3, 2, 2}),  // coplanar overlap
      MakeBox({1, 1, 1}, {2, 2, 2}),  // nested corner
      MakeBox({0.5, 0.5, 0}, {1.5, 1.5, 2}),  // flush through
  };
  for (double expand : {1.0, -1.0})
    for (const Mesh& b : shapes) {
      ExpectConsistent(a, b, expand);
      ExpectConsistent(b, a, expand);
    }
}

}  // namespace
}  // namespace mos::kernel
