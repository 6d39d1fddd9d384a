// Binary booleans of simple solids: generic overlaps and every kind of
// touching, asserting a closed, manifold, oriented result and its volume.
#include <gtest/gtest.h>

#include "boolean_test_support.h"

namespace mos::kernel {
namespace {

using booltest::Box;
using booltest::IsValidSolid;
using booltest::VolumeNear;

struct Case {
  const char* name;
  Mesh a, b;
  double vUnion, vDiff, vInter;
};

void RunCase(const Case& c) {
  SCOPED_TRACE(c.name);
  const Mesh u = Boolean(c.a, c.b, OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_TRUE(VolumeNear(u, c.vUnion));
  const Mesh d = Boolean(c.a, c.b, OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(d));
  EXPECT_TRUE(VolumeNear(d, c.vDiff));
  const Mesh i = Boolean(c.a, c.b, OpType::kIntersection);
  EXPECT_TRUE(IsValidSolid(i));
  EXPECT_TRUE(VolumeNear(i, c.vInter));
  // And with the operands swapped.
  const Mesh u2 = Boolean(c.b, c.a, OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u2));
  EXPECT_TRUE(VolumeNear(u2, c.vUnion));
  const Mesh i2 = Boolean(c.b, c.a, OpType::kIntersection);
  EXPECT_TRUE(IsValidSolid(i2));
  EXPECT_TRUE(VolumeNear(i2, c.vInter));
}

TEST(BooleanBasic, GenericOverlapOfBoxes) {
  RunCase({"generic", Box(0, 0, 0, 1, 1, 1), Box(0.5, 0.3, 0.2, 1.7, 1.4, 0.9), 1 + 1.2 * 1.1 * 0.7 - 0.5 * 0.7 * 0.7,
           1 - 0.5 * 0.7 * 0.7, 0.5 * 0.7 * 0.7});
}

TEST(BooleanBasic, DisjointBoxes) {
  RunCase({"disjoint", Box(0, 0, 0, 1, 1, 1), Box(3, 3, 3, 4, 5, 6), 1 + 6, 1, 0});
}

TEST(BooleanBasic, IdenticalBoxes) { RunCase({"identical", Box(0, 0, 0, 2, 2, 2), Box(0, 0, 0, 2, 2, 2), 8, 0, 8}); }

TEST(BooleanBasic, SharedFace) { RunCase({"face", Box(0, 0, 0, 1, 1, 1), Box(1, 0, 0, 2, 1, 1), 2, 1, 0}); }

TEST(BooleanBasic, SharedPartialFace) {
  RunCase({"partial face", Box(0, 0, 0, 1, 1, 1), Box(1, 0.25, 0.25, 2, 0.75, 0.75), 1.25, 1, 0});
}

TEST(BooleanBasic, SharedEdge) { RunCase({"edge", Box(0, 0, 0, 1, 1, 1), Box(1, 1, 0, 2, 2, 1), 2, 1, 0}); }

TEST(BooleanBasic, SharedVertex) { RunCase({"vertex", Box(0, 0, 0, 1, 1, 1), Box(1, 1, 1, 2, 2, 2), 2, 1, 0}); }

TEST(BooleanBasic, CoplanarOverlap) {
  RunCase({"coplanar", Box(0, 0, 0, 2, 2, 2), Box(1, 0, 0, 3, 2, 2), 12, 4, 4});
}

TEST(BooleanBasic, NestedFlushCorner) {
  RunCase({"corner", Box(0, 0, 0, 2, 2, 2), Box(1, 1, 1, 2, 2, 2), 8, 7, 1});
}

TEST(BooleanBasic, BoxAndSphere) {
  const Mesh s = MakeUvSphere({1, 1, 1}, 0.8, 16);
  const double vs = SignedVolume(s);
  RunCase({"inside sphere", Box(0, 0, 0, 2, 2, 2), s, 8, 8 - vs, vs});
}

TEST(BooleanBasic, EveryStrategyGivesTheSameSolid) {
  struct Pair {
    Mesh a, b;
  };
  const Pair pairs[] = {{Box(0, 0, 0, 1, 1, 1), Box(1, 0, 0, 2, 1, 1)},
                        {Box(0, 0, 0, 2, 2, 2), Box(1, 0, 0, 3, 2, 2)},
                        {Box(0, 0, 0, 1, 1, 1), Box(1, 1, 0, 2, 2, 1)},
                        {Box(0, 0, 0, 10, 10, 10), MakeCylinder({5, 5, 0}, 3, 3, 10, 16)}};
  for (const Pair& pr : pairs)
    for (OpType op : {OpType::kUnion, OpType::kDifference, OpType::kIntersection}) {
      const double expected = SignedVolume(Boolean(pr.a, pr.b, op));
      for (int strategy = 0; strategy < 3; ++strategy) {
        const Mesh m = BooleanStrategy(pr.a, pr.b, op, strategy);
        EXPECT_TRUE(IsValidSolid(m)) << static_cast<int>(op) << " strategy " << strategy;
        EXPECT_TRUE(VolumeNear(m, expected)) << static_cast<int>(op) << " strategy " << strategy;
      }
    }
}

TEST(BooleanBasic, PropertiesAreCarried) {
  const Mesh u = Boolean(Box(0, 0, 0, 1, 1, 1, 7), Box(0.5, 0.5, 0.5, 2, 2, 2, 9), OpType::kUnion);
  ASSERT_TRUE(IsValidSolid(u));
  const auto hist = PropertyHistogram(u);
  EXPECT_EQ(hist.size(), 2u);
  EXPECT_GT(hist.count(7), 0u);
  EXPECT_GT(hist.count(9), 0u);
}

}  // namespace
}  // namespace mos::kernel

namespace mos::kernel {
namespace {

TEST(BooleanRobustness, BadInputsDoNotCrash) {
  using booltest::Box;
  Mesh open = Box(0, 0, 0, 1, 1, 1);
  open.triVerts.pop_back();
  open.triProp.pop_back();
  BuildHalfedges(open);
  Mesh nan = Box(0, 0, 0, 1, 1, 1);
  nan.vertPos[3].x = std::nan("");
  Mesh degenerate = Box(0, 0, 0, 1, 1, 1);
  degenerate.triVerts.push_back({0, 0, 1});
  degenerate.triProp.push_back(0);
  Mesh badIndex = Box(0, 0, 0, 1, 1, 1);
  badIndex.triVerts.push_back({0, 1, 99});
  badIndex.triProp.push_back(0);
  // Indices far out of range, either way: reading a position there faults.
  Mesh farIndex = Box(0, 0, 0, 1, 1, 1);
  farIndex.triVerts.push_back({0, 1, 1 << 28});
  farIndex.triVerts.push_back({0, -(1 << 28), 2});
  farIndex.triProp.insert(farIndex.triProp.end(), 2, 0);
  Mesh flat = Box(0, 0, 0, 1, 1, 0);  // zero thickness
  const Mesh good = Box(0.5, 0.5, 0.5, 2, 2, 2);
  for (const Mesh* bad : {&open, &nan, &degenerate, &badIndex, &farIndex, &flat})
    for (OpType op : {OpType::kUnion, OpType::kDifference, OpType::kIntersection}) {
      Boolean(*bad, good, op);
      Boolean(good, *bad, op);
      BooleanN({*bad, good, *bad}, op);
    }
  // Empty operands.
  EXPECT_EQ(Boolean(Mesh{}, good, OpType::kUnion).NumTri(), good.NumTri());
  EXPECT_EQ(Boolean(good, Mesh{}, OpType::kDifference).NumTri(), good.NumTri());
  EXPECT_EQ(Boolean(good, Mesh{}, OpType::kIntersection).NumTri(), 0);
  EXPECT_EQ(BooleanN({}, OpType::kUnion).NumTri(), 0);
}

}  // namespace
}  // namespace mos::kernel

#include "kernel/mesh_transform.h"

namespace mos::kernel {
namespace {

// vol(A u B) + vol(A n B) = vol(A) + vol(B) and vol(A - B) + vol(A n B) =
// vol(A), for curved, rotated and mirrored operands on a coarse grid.
TEST(BooleanIdentities, InclusionExclusionHoldsForGeneralShapes) {
  std::vector<Mesh> shapes;
  shapes.push_back(MakeUvSphere({1, 1, 1}, 1, 24));
  shapes.push_back(MakeUvSphere({1.5, 1, 1}, 1, 16));
  shapes.push_back(MakeCylinder({1, 1, 0}, 0.5, 0.5, 2, 20));
  shapes.push_back(MakeCylinder({0.5, 1, 0.5}, 1, 0, 1.5, 12));
  Mesh rotated = MakeBox({0, 0, 0}, {2, 1, 1});
  TransformMesh(rotated, Affine3::Rotation(Normalized(Vec3{1, 1, 1}), 30));
  shapes.push_back(rotated);
  Mesh mirrored = MakeCylinder({0.5, 0.5, 0}, 1, 0.5, 2, 9);
  TransformMesh(mirrored, Affine3::Mirror(Vec3{1, 0, 0}) * Affine3::Translation({-2, 0, 0}));
  shapes.push_back(mirrored);
  shapes.push_back(MakeBox({0, 0, 0}, {2, 2, 1}));
  for (size_t i = 0; i < shapes.size(); ++i)
    for (size_t j = 0; j < shapes.size(); ++j) {
      if (i == j) continue;
      const Mesh& a = shapes[i];
      const Mesh& b = shapes[j];
      const Mesh u = Boolean(a, b, OpType::kUnion);
      const Mesh n = Boolean(a, b, OpType::kIntersection);
      const Mesh d = Boolean(a, b, OpType::kDifference);
      ASSERT_TRUE(booltest::IsValidSolid(u)) << i << " " << j;
      ASSERT_TRUE(booltest::IsValidSolid(n)) << i << " " << j;
      ASSERT_TRUE(booltest::IsValidSolid(d)) << i << " " << j;
      const double va = SignedVolume(a), vb = SignedVolume(b);
      const double vu = SignedVolume(u), vn = SignedVolume(n), vd = SignedVolume(d);
      EXPECT_NEAR(vu + vn, va + vb, 1e-9 * std::max(1.0, va + vb)) << i << " " << j;
      EXPECT_NEAR(vd + vn, va, 1e-9 * std::max(1.0, va)) << i << " " << j;
      EXPECT_GE(vn, -1e-12);
      EXPECT_LE(vn, std::min(va, vb) + 1e-9);
    }
}

}  // namespace
}  // namespace mos::kernel
