// Windowed operand preparation (PrepareOperandPair, kernel/boolean_operand.h):
// a big closed operand meeting a small one is prepared only for the XY
// column of the window where their boxes meet, and the intersection
// kernels, winding numbers and assembled faces come out bit for bit as
// with whole preparations; the cache keeps whole preparations only.
#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <utility>
#include <vector>

#include "kernel/assemble.h"
#include "kernel/boolean.h"
#include "kernel/boolean_operand.h"
#include "kernel/intersect.h"
#include "kernel/mesh_primitives.h"
#include "kernel/predicates.h"
#include "kernel/winding.h"
#include "prepared_boolean_compare.h"

namespace mos::kernel {
namespace {

using test::SameBits;

// Runs the kernels and the assembly of a boolean on (p, q) and on whole
// preparations of (a, b), for every op and both perturbation choices, and
// expects the same bits. Returns the number of hits seen.
size_t ExpectSameAsWhole(const Mesh& a, const Mesh& b, const BoolOperand& p, const BoolOperand& q) {
  const BoolOperand pw = PrepareOperand(a), qw = PrepareOperand(b);
  // What the window keeps equals the whole preparation there.
  for (const auto* pair : {&p, &q}) {
    const BoolOperand& w = *pair;
    const BoolOperand& whole = pair == &p ? pw : qw;
    if (!w.windowed) continue;
    for (int t : w.windowTris)
      for (int v : w.tri[t]) EXPECT_TRUE(SameBits(w.vertNormal[v], whole.vertNormal[v])) << "vertex " << v;
    for (int v : w.stuckVerts) {
      bool found = false;
      for (int s : whole.stuckVerts) found = found || s == v;
      EXPECT_TRUE(found) << "stuck vertex " << v;
    }
  }
  return test::ExpectSameBooleanAsWhole(a, b, p, q, true);
}

Mesh BigSphere() { return MakeUvSphere({0, 0, 0}, 20, 96); }

TEST(BooleanWindow, SmallPartOnBigSphereIsWindowedAndExact) {
  const Mesh sphere = BigSphere();
  // Through the surface at the equator, at a pole, inside, and one whose
  // faces hold sphere vertices exactly (ties).
  const std::vector<Mesh> parts = {MakeBox({18, -1, -1}, {21, 1, 1}), MakeBox({-1, -1, 19}, {1, 1, 22}),
                                   MakeBox({-2, -2, -2}, {2, 2, 2}), MakeBox({20, -1, -1}, {22, 1, 1}),
                                   MakeBox({-1, -1, -20}, {1, 1, -18}), MakeUvSphere({0, 19.5, 0}, 1.5, 12)};
  size_t hits = 0;
  for (const Mesh& part : parts) {
    BoolOperand p, q;
    ASSERT_TRUE(PrepareOperandPair(sphere, part, p, q));
    EXPECT_TRUE(p.windowed);
    EXPECT_FALSE(q.windowed);  // small: whole
    EXPECT_LT(p.windowTris.size(), sphere.triVerts.size() / 4);
    EXPECT_EQ(p.triBvh.NumItems(), static_cast<int>(p.windowTris.size()));
    hits += ExpectSameAsWhole(sphere, part, p, q);
    BoolOperand q2, p2;
    ASSERT_TRUE(PrepareOperandPair(part, sphere, q2, p2));
    EXPECT_TRUE(p2.windowed);
    hits += ExpectSameAsWhole(part, sphere, q2, p2);
  }
  EXPECT_GT(hits, 0u);
}

TEST(BooleanWindow, TwoBigSpheresTouchingAtTheirRims) {
  const Mesh a = BigSphere();
  const Mesh b = MakeUvSphere({39, 0.5, 0.25}, 20, 80);
  BoolOperand p, q;
  ASSERT_TRUE(PrepareOperandPair(a, b, p, q));
  EXPECT_TRUE(p.windowed);
  EXPECT_TRUE(q.windowed);
  EXPECT_GT(ExpectSameAsWhole(a, b, p, q), 0u);
}

TEST(BooleanWindow, DisjointBoxesPrepareNothing) {
  const Mesh a = BigSphere();
  const Mesh b = MakeBox({30, 30, 30}, {31, 31, 31});
  BoolOperand p, q;
  EXPECT_FALSE(PrepareOperandPair(a, b, p, q));
  EXPECT_FALSE(a.prepared);
  const Mesh u = Boolean(a, b, OpType::kUnion);
  EXPECT_EQ(u.NumTri(), a.NumTri() + b.NumTri());
}

TEST(BooleanWindow, OpenOperandIsPreparedWhole) {
  Mesh open = BigSphere();
  open.triVerts.pop_back();
  open.triProp.pop_back();
  open.halfedgeTwin.clear();
  BoolOperand p, q;
  ASSERT_TRUE(PrepareOperandPair(open, MakeBox({18, -1, -1}, {21, 1, 1}), p, q));
  EXPECT_FALSE(p.closed);
  EXPECT_FALSE(p.windowed);
  EXPECT_EQ(p.triBvh.NumItems(), open.NumTri());
}

TEST(BooleanWindow, CacheKeepsWholePreparationsOnly) {
  const Mesh part = MakeBox({18, -1, -1}, {21, 1, 1});
  // A boolean's result has an empty slot and known twins: the windowed
  // preparation takes the twins and leaves the slot empty.
  const Mesh big = Boolean(BigSphere(), MakeBox({-1, -1, -21}, {1, 1, -19}), OpType::kUnion);
  ASSERT_TRUE(big.prepared);
  BoolOperand p, q;
  ASSERT_TRUE(PrepareOperandPair(big, part, p, q));
  EXPECT_TRUE(p.windowed);
  EXPECT_TRUE(p.closed);
  EXPECT_FALSE(big.prepared->data);
  // A whole preparation kept there is used as it is, not replaced.
  const BoolOperand whole = PrepareOperandCached(big);
  ASSERT_TRUE(big.prepared->data);
  const auto kept = big.prepared->data;
  BoolOperand p2, q2;
  ASSERT_TRUE(PrepareOperandPair(big, part, p2, q2));
  EXPECT_FALSE(p2.windowed);
  EXPECT_EQ(p2.triBvh.NumItems(), whole.triBvh.NumItems());
  EXPECT_EQ(big.prepared->data, kept);
  ExpectSameAsWhole(big, part, p, q);
}

// A preparation takes the stored twins only when they are the pairing
// PairHalfedges gives: two tetrahedra sharing an edge (two halfedges each
// way: not closed) with a cross pairing stored, and stale twins, are paired
// again.
TEST(BooleanWindow, StoredTwinsTakenOnlyWhenTheyAreThePairing) {
  Mesh two = MakeTetrahedron({0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1});
  const Mesh other = MakeTetrahedron({0, 0, 0}, {1, 0, 0}, {0, -1, 0}, {0, 0, -1});
  // Same vertex ids for the shared corners 0 and 1; the rest appended.
  ASSERT_EQ(other.vertPos[0].x, 0.0);
  const int base = two.NumVert();
  for (int v = 2; v < other.NumVert(); ++v) two.vertPos.push_back(other.vertPos[v]);
  for (const auto& t : other.triVerts) {
    std::array<int, 3> tv = t;
    for (int& v : tv)
      if (v >= 2) v += base - 2;
    two.triVerts.push_back(tv);
  }
  two.triProp.assign(two.triVerts.size(), 0);
  std::vector<int> paired;
  EXPECT_FALSE(PairHalfedges(two.triVerts, paired));
  // A matching of opposite halfedges across the two tetrahedra.
  const BoolMeshView view{&two.vertPos, &two.triVerts, &paired};
  std::vector<int> cross = paired;
  std::vector<int> ab, ba;
  for (int he = 0; he < 3 * two.NumTri(); ++he) {
    const int a = view.Start(he), b = view.End(he);
    if (a == 0 && b == 1) ab.push_back(he);
    if (a == 1 && b == 0) ba.push_back(he);
  }
  ASSERT_EQ(ab.size(), 2u);
  ASSERT_EQ(ba.size(), 2u);
  cross[ab[0]] = ba[1];
  cross[ba[1]] = ab[0];
  cross[ab[1]] = ba[0];
  cross[ba[0]] = ab[1];
  two.halfedgeTwin = cross;
  const BoolOperand op = PrepareOperand(two);
  EXPECT_FALSE(op.closed);
  EXPECT_EQ(op.twin, paired);

  Mesh sphere = BigSphere();
  const BoolOperand fresh = PrepareOperand(sphere);
  EXPECT_TRUE(fresh.closed);
  EXPECT_EQ(fresh.twin, sphere.halfedgeTwin);  // taken as stored
  std::swap(sphere.halfedgeTwin[0], sphere.halfedgeTwin[3]);  // stale
  const BoolOperand again = PrepareOperand(sphere);
  EXPECT_TRUE(again.closed);
  EXPECT_EQ(again.twin, fresh.twin);
}

// Mutual twins that run opposite at one end only: halfedges h1 = (a, b)
// and h2 = (c, b) swap twins, so h1's twin (b, c) starts where h1 ends but
// ends elsewhere. The stored twins are checked at both halfedges of each
// pair (each twin must start where its halfedge ends): rejected, paired
// again.
TEST(BooleanWindow, StoredTwinsSwappedAtOneEndArePairedAgain) {
  Mesh sphere = BigSphere();
  const BoolOperand fresh = PrepareOperand(sphere);
  ASSERT_TRUE(fresh.closed);
  const BoolMeshView view{&sphere.vertPos, &sphere.triVerts, &sphere.halfedgeTwin};
  const int numHe = 3 * sphere.NumTri();
  int tried = 0;
  for (int h1 = 0; h1 < numHe && tried < 40; h1 += 97) {
    for (int h2 = 0; h2 < numHe; ++h2) {
      if (h2 == h1 || view.End(h2) != view.End(h1) || view.Start(h2) == view.Start(h1)) continue;
      Mesh m = sphere;
      const int o1 = m.halfedgeTwin[h1], o2 = m.halfedgeTwin[h2];
      if (o1 == h2 || o2 == h1) continue;
      m.halfedgeTwin[h1] = o2;
      m.halfedgeTwin[o2] = h1;
      m.halfedgeTwin[h2] = o1;
      m.halfedgeTwin[o1] = h2;
      m.prepared.reset();
      const BoolOperand op = PrepareOperand(m);
      EXPECT_TRUE(op.closed);
      ASSERT_EQ(op.twin, fresh.twin) << h1 << " " << h2;
      ++tried;
      break;
    }
  }
  EXPECT_GT(tried, 10);
}

}  // namespace
}  // namespace mos::kernel
