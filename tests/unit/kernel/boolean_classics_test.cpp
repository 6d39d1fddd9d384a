// The OpenSCAD classics: flush cuts, touching cubes, nested holes,
// zero-thickness walls, a plate with many holes. Each result must be a
// closed, manifold, oriented solid with the exact expected volume.
#include <gtest/gtest.h>

#include <vector>

#include "boolean_test_support.h"

namespace mos::kernel {
namespace {

using booltest::Box;
using booltest::IsValidSolid;
using booltest::VolumeNear;

TEST(BooleanClassics, CubeMinusCylinderFlushWithTopAndBottom) {
  const Mesh cube = Box(0, 0, 0, 10, 10, 10);
  for (int fn : {8, 32, 64}) {
    const Mesh cyl = MakeCylinder({5, 5, 0}, 3, 3, 10, fn);
    const Mesh d = Boolean(cube, cyl, OpType::kDifference);
    EXPECT_TRUE(IsValidSolid(d)) << fn;
    EXPECT_TRUE(VolumeNear(d, 1000 - SignedVolume(cyl))) << fn;
    EXPECT_NEAR(SignedVolume(cyl), booltest::PrismVolume(3, fn, 10), 1e-9);
    EXPECT_EQ(Genus(d), 1) << fn;
    EXPECT_EQ(ComponentCount(d), 1) << fn;
  }
}

TEST(BooleanClassics, CubeMinusCylinderFlushWithOneFace) {
  const Mesh cube = Box(0, 0, 0, 10, 10, 10);
  const Mesh cyl = MakeCylinder({5, 5, 4}, 2, 2, 6, 24);  // a blind hole from the top
  const Mesh d = Boolean(cube, cyl, OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(d));
  EXPECT_TRUE(VolumeNear(d, 1000 - SignedVolume(cyl)));
  EXPECT_EQ(Genus(d), 0);
  const Mesh u = Boolean(cube, cyl, OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_TRUE(VolumeNear(u, 1000));
  const Mesh i = Boolean(cube, cyl, OpType::kIntersection);
  EXPECT_TRUE(IsValidSolid(i));
  EXPECT_TRUE(VolumeNear(i, SignedVolume(cyl)));
}

TEST(BooleanClassics, TwoCubesSharingAFace) {
  const Mesh a = Box(0, 0, 0, 1, 1, 1), b = Box(1, 0, 0, 2, 1, 1);
  const Mesh u = Boolean(a, b, OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_TRUE(VolumeNear(u, 2));
  EXPECT_EQ(ComponentCount(u), 1);
  EXPECT_EQ(Genus(u), 0);
  const Mesh d = Boolean(a, b, OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(d));
  EXPECT_TRUE(VolumeNear(d, 1));
  EXPECT_EQ(ComponentCount(d), 1);
}

TEST(BooleanClassics, TwoCubesSharingAnEdge) {
  const Mesh a = Box(0, 0, 0, 1, 1, 1), b = Box(1, 1, 0, 2, 2, 1);
  const Mesh u = Boolean(a, b, OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_TRUE(VolumeNear(u, 2));
  const Mesh d = Boolean(a, b, OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(d));
  EXPECT_TRUE(VolumeNear(d, 1));
  const Mesh i = Boolean(a, b, OpType::kIntersection);
  EXPECT_TRUE(IsValidSolid(i));
  EXPECT_TRUE(VolumeNear(i, 0));
}

TEST(BooleanClassics, TwoCubesSharingAVertex) {
  const Mesh a = Box(0, 0, 0, 1, 1, 1), b = Box(1, 1, 1, 2, 2, 2);
  const Mesh u = Boolean(a, b, OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_TRUE(VolumeNear(u, 2));
  const Mesh d = Boolean(a, b, OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(d));
  EXPECT_TRUE(VolumeNear(d, 1));
}

TEST(BooleanClassics, NestedHoles) {
  // A hollow cube with an island inside the cavity, the island hollowed
  // again: four nested shells.
  const Mesh outer = Box(0, 0, 0, 10, 10, 10);
  const Mesh cavity = Box(1, 1, 1, 9, 9, 9);
  const Mesh island = Box(3, 3, 3, 7, 7, 7);
  const Mesh inner = Box(4, 4, 4, 6, 6, 6);
  const Mesh shell = Boolean(outer, cavity, OpType::kDifference);
  ASSERT_TRUE(IsValidSolid(shell));
  const Mesh withIsland = Boolean(shell, island, OpType::kUnion);
  ASSERT_TRUE(IsValidSolid(withIsland));
  const Mesh all = Boolean(withIsland, inner, OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(all));
  EXPECT_TRUE(VolumeNear(all, 1000 - 512 + 64 - 8));
  EXPECT_EQ(ComponentCount(all), 4);  // four boundary shells
  // A through hole inside a through hole's plug, all flush.
  const Mesh plate = Box(0, 0, 0, 10, 10, 2);
  const Mesh hole = Box(2, 2, 0, 8, 8, 2);
  const Mesh plug = Box(3, 3, 0, 7, 7, 2);
  const Mesh hole2 = Box(4, 4, 0, 6, 6, 2);
  Mesh m = Boolean(plate, hole, OpType::kDifference);
  m = Boolean(m, plug, OpType::kUnion);
  m = Boolean(m, hole2, OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(m));
  EXPECT_TRUE(VolumeNear(m, 2 * (100 - 36 + 16 - 4)));
  EXPECT_EQ(ComponentCount(m), 2);
}

TEST(BooleanClassics, DifferenceLeavingZeroThicknessWall) {
  // Two cutters meeting exactly at x = 1: no wall of zero thickness may
  // survive between them, sequentially or as one n-ary difference.
  const Mesh cube = Box(0, 0, 0, 2, 2, 2);
  const Mesh c1 = Box(0.5, -1, -1, 1, 3, 3), c2 = Box(1, -1, -1, 1.5, 3, 3);
  const Mesh seq = Boolean(Boolean(cube, c1, OpType::kDifference), c2, OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(seq));
  EXPECT_TRUE(VolumeNear(seq, 4));
  EXPECT_EQ(ComponentCount(seq), 2);
  const Mesh nary = BooleanN({cube, c1, c2}, OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(nary));
  EXPECT_TRUE(VolumeNear(nary, 4));
  EXPECT_EQ(ComponentCount(nary), 2);
  // A cut that stops exactly at a face leaves the face, not a wall.
  const Mesh slab = Boolean(cube, Box(0, 0, 1, 2, 2, 2), OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(slab));
  EXPECT_TRUE(VolumeNear(slab, 4));
  // Two boxes whose difference would be a zero-thickness sheet.
  const Mesh sheet = Boolean(Box(0, 0, 0, 1, 1, 1), Box(0, 0, 0, 1, 1, 1), OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(sheet));
  EXPECT_TRUE(VolumeNear(sheet, 0));
}

TEST(BooleanClassics, PlateWithManySmallHoles) {
  const Mesh plate = Box(0, 0, 0, 20, 20, 2);
  std::vector<Mesh> all = {plate};
  double holes = 0;
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j) {
      Mesh c = MakeCylinder({2 + 3.2 * i, 2 + 3.2 * j, 0}, 1, 1, 2, 16);  // flush top and bottom
      holes += SignedVolume(c);
      all.push_back(std::move(c));
    }
  const Mesh d = BooleanN(all, OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(d));
  EXPECT_TRUE(VolumeNear(d, 800 - holes));
  EXPECT_EQ(Genus(d), 36);
  // The same, one hole at a time.
  Mesh seq = plate;
  for (size_t k = 1; k < all.size(); ++k) seq = Boolean(seq, all[k], OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(seq));
  EXPECT_TRUE(VolumeNear(seq, 800 - holes));
  EXPECT_EQ(Genus(seq), 36);
}

TEST(BooleanClassics, OverlappingSpheresUnion) {
  std::vector<Mesh> spheres;
  for (int i = 0; i < 5; ++i) spheres.push_back(MakeUvSphere({1.5 * i, 0, 0}, 1, 24));
  const Mesh u = BooleanN(spheres, OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_EQ(ComponentCount(u), 1);
  EXPECT_EQ(Genus(u), 0);
  const double one = SignedVolume(spheres[0]);
  const double v = SignedVolume(u);
  EXPECT_GT(v, one * 2.5);
  EXPECT_LT(v, one * 5);
}

TEST(BooleanNary, DisjointOperandsAreConcatenated) {
  std::vector<Mesh> boxes;
  for (int i = 0; i < 4; ++i) boxes.push_back(Box(3 * i, 0, 0, 3 * i + 1, 1, 1, static_cast<uint32_t>(i)));
  const Mesh u = BooleanN(boxes, OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_EQ(u.NumTri(), 48);  // untouched: no boolean ran
  EXPECT_TRUE(VolumeNear(u, 4));
  EXPECT_EQ(PropertyHistogram(u).size(), 4u);
  const Mesh i = BooleanN(boxes, OpType::kIntersection);
  EXPECT_EQ(i.NumTri(), 0);
}

TEST(BooleanNary, MixedOverlapsAndTouching) {
  std::vector<Mesh> boxes = {Box(0, 0, 0, 2, 2, 2), Box(1, 1, 1, 3, 3, 3), Box(2, 0, 0, 4, 2, 2),
                             Box(10, 10, 10, 11, 11, 11)};
  const Mesh u = BooleanN(boxes, OpType::kUnion);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_TRUE(VolumeNear(u, 8 + 8 + 8 - 1 - 1 + 1));
  const Mesh i = BooleanN({boxes[0], boxes[1], Box(0, 0, 0, 1.5, 1.5, 1.5)}, OpType::kIntersection);
  EXPECT_TRUE(IsValidSolid(i));
  EXPECT_TRUE(VolumeNear(i, 0.125));
  const Mesh d = BooleanN(boxes, OpType::kDifference);
  EXPECT_TRUE(IsValidSolid(d));
  EXPECT_TRUE(VolumeNear(d, 8 - 1));
}

}  // namespace
}  // namespace mos::kernel
