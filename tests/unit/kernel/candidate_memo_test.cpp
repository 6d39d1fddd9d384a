// A direction's candidate pairs recorded under one perturbation choice and
// replayed under the other (kernel/candidate_memo.h) give the very hits a
// fresh call gives, bit for bit; the record holds the horizontal-plane
// rule's pairs (asked again on replay) on models with coplanar caps.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "kernel/assemble.h"
#include "kernel/boolean_operand.h"
#include "kernel/candidate_memo.h"
#include "kernel/intersect.h"
#include "kernel/mesh_primitives.h"

namespace mos::kernel {
namespace {

struct Pair {
  Mesh a, b;
};

std::vector<Pair> Pairs() {
  const Mesh sphere = MakeUvSphere({0, 0, 0}, 10, 48);
  return {
      {sphere, MakeBox({-3, -3, -12}, {3, 3, 12})},
      {MakeBox({0, 0, 0}, {2, 2, 2}), MakeBox({1, 1, 0}, {3, 3, 2})},  // coplanar tops and bottoms
      {MakeBox({0, 0, 0}, {2, 2, 2}), MakeBox({0, 0, 0}, {2, 2, 1})},  // shared faces
      {MakeCylinder({0, 0, -5}, 3, 3, 10, 16), MakeCylinder({6, 0, -5}, 3, 3, 10, 16)},  // touching sides
      {MakeCylinder({0, 0, -5}, 3, 3, 10, 16), MakeCylinder({3, 0, -5}, 3, 3, 10, 16)},  // caps in one plane
      {MakeBox({-10, -10, -5}, {10, 10, 5}), MakeCylinder({0, 0, -5}, 5, 5, 10, 64)},  // caps on the faces
      {MakeCylinder({0, 0, -5}, 3, 3, 10, 64), MakeCylinder({0, 0, -5}, 3, 3, 10, 64)},  // coincident
  };
}

// Records each direction under the first choice (p perturbed), then
// replays it under the other (q perturbed) and under the same one, and
// compares every call with a fresh one. Returns the hits; counts the
// rule's pairs recorded into `flatPairs`.
size_t CheckReplays(const Mesh& a, const Mesh& b, size_t& flatPairs) {
  BoolOperand p, q;
  if (!PrepareOperandPair(a, b, p, q)) return 0;
  size_t hits = 0;
  for (const OpType op : {OpType::kUnion, OpType::kDifference, OpType::kIntersection}) {
    const BoolKernels first(p.View(), q.View(), &p.vertNormal, RolesFor(op, false).expandP);
    const BoolKernels second(q.View(), p.View(), &q.vertNormal, RolesFor(op, true).expandP);
    for (const bool edgesOfP : {true, false}) {
      CandidateMemo memo;
      memo.edgeMesh = edgesOfP ? &p : &q;
      memo.triMesh = edgesOfP ? &q : &p;
      // Under `first`, the edges of p are the forward direction; under
      // `second` (q is its P), the reverse one.
      // (Not complete where a forward walk left the rule's pairs out: a
      // tree of 1024 triangles or more; then the next call records again.)
      const auto recorded = IntersectEdgesWithTriangles(first, p, q, edgesOfP, &memo);
      EXPECT_TRUE(memo.complete || (edgesOfP && q.NumTri() >= 1024));
      EXPECT_TRUE(SameHitBits(recorded, IntersectEdgesWithTriangles(first, p, q, edgesOfP)));
      flatPairs += memo.flat.size();
      const auto replayedOther = IntersectEdgesWithTriangles(second, q, p, !edgesOfP, &memo);
      EXPECT_TRUE(SameHitBits(replayedOther, IntersectEdgesWithTriangles(second, q, p, !edgesOfP)));
      EXPECT_TRUE(SameHitBits(IntersectEdgesWithTriangles(first, p, q, edgesOfP, &memo), recorded));
      hits += recorded.size() + replayedOther.size();
    }
  }
  return hits;
}

TEST(CandidateMemo, ReplayGivesTheFreshHits) {
  size_t flatPairs = 0, hits = 0;
  for (const Pair& pr : Pairs()) {
    hits += CheckReplays(pr.a, pr.b, flatPairs);
    hits += CheckReplays(pr.b, pr.a, flatPairs);
  }
  EXPECT_GT(flatPairs, 0u);  // the rule's pairs were recorded and asked again
  EXPECT_GT(hits, 0u);
}

TEST(CandidateMemo, HorizontalEdgesWhoseTiesGoBothWays) {
  // Tetrahedra with a horizontal edge in a box's top or bottom plane (as
  // in intersect_filters_test): the rule rejects such an edge's pairs
  // under one perturbation choice and not under the other, so a replay
  // that kept the recording call's verdicts would lose hits.
  std::mt19937 rng(151501);
  std::uniform_real_distribution<double> u(-1, 1);
  size_t flatPairs = 0, hits = 0;
  for (int i = 0; i < 200; ++i) {
    const Vec3 a{u(rng), u(rng), 0}, b{u(rng) + 2, u(rng), 0};
    const Vec3 c{u(rng) + 1, u(rng) + 1.5, 0.5 + std::fabs(u(rng))}, d{u(rng) + 1, u(rng) - 1.5, -0.5 - std::fabs(u(rng))};
    const Mesh tet = rng() % 2 ? MakeTetrahedron(a, b, c, d) : MakeTetrahedron(a, b, d, c);
    const double x0 = u(rng), y0 = u(rng) - 1;
    const Mesh slab = rng() % 2 ? MakeBox({x0, y0, -1}, {x0 + 2, y0 + 2, 0}) : MakeBox({x0, y0, 0}, {x0 + 2, y0 + 2, 1});
    hits += CheckReplays(tet, slab, flatPairs);
    hits += CheckReplays(slab, tet, flatPairs);
  }
  EXPECT_GT(flatPairs, 100u);
  EXPECT_GT(hits, 100u);
}

// The replayed pair list itself equals CandidatePairs' (through the hits
// of a direction whose every pair is a hit or not: compared above); here a
// record altered by hand must change the replay, so the comparison can
// fail: dropping a kept pair that is a hit loses that hit.
TEST(CandidateMemo, AlteredRecordChangesTheHits) {
  BoolOperand p, q;
  ASSERT_TRUE(PrepareOperandPair(MakeUvSphere({0, 0, 0}, 10, 24), MakeBox({-3, -3, -12}, {3, 3, 12}), p, q));
  const BoolKernels kernels(p.View(), q.View(), &p.vertNormal, RolesFor(OpType::kUnion, false).expandP);
  CandidateMemo memo;
  memo.edgeMesh = &p;
  memo.triMesh = &q;
  const auto recorded = IntersectEdgesWithTriangles(kernels, p, q, true, &memo);
  ASSERT_TRUE(memo.complete);
  ASSERT_FALSE(recorded.empty());
  // Drop the first hit's edge: its kept pairs and its rule's pairs (the
  // others' places shift with the kept list).
  const int edge = recorded.front().edge;
  std::vector<std::pair<int, int>> kept;
  std::vector<unsigned> removedBefore;
  unsigned removed = 0;
  for (const auto& pr : memo.kept) {
    removedBefore.push_back(removed);
    if (pr.first == edge) {
      ++removed;
      continue;
    }
    kept.push_back(pr);
  }
  ASSERT_GT(removed, 0u);
  std::vector<CandidateMemo::Flat> flat;
  for (CandidateMemo::Flat f : memo.flat) {
    if (f.he == edge) continue;
    f.at -= f.at < removedBefore.size() ? removedBefore[f.at] : removed;
    flat.push_back(f);
  }
  memo.flat = flat;
  memo.kept = kept;
  const auto replayed = IntersectEdgesWithTriangles(kernels, p, q, true, &memo);
  EXPECT_FALSE(SameHitBits(replayed, recorded));
  EXPECT_LT(replayed.size(), recorded.size());
}

}  // namespace
}  // namespace mos::kernel
