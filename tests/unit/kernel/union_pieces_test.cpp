// The n-ary union's components that touch no other component (union_pieces.h):
// concatenated, while the rest of their mesh, a hollow solid's inner shell
// and every operand with nothing to split off go through the boolean as
// before.
#include <gtest/gtest.h>

#include "boolean_test_support.h"
#include "kernel/csg_schedule.h"
#include "kernel/union_pieces.h"

namespace mos::kernel {
namespace {

using booltest::Box;
using booltest::IsValidSolid;
using booltest::VolumeNear;

// Three unit-apart boxes along x in one mesh (three components).
Mesh ThreeBoxes() {
  Mesh m = Box(0, 0, 0, 1, 1, 1, 1);
  AppendMesh(m, Box(3, 0, 0, 4, 1, 1, 2));
  AppendMesh(m, Box(6, 0, 0, 7, 1, 1, 3));
  return m;
}

TEST(UnionPieces, GroupsApartFromTheOtherOperandAreTakenOut) {
  // The cutter's box overlaps the whole row's box but only the middle box.
  std::vector<Mesh> meshes{ThreeBoxes(), Box(3.5, 0.5, 0.5, 4.5, 2, 2)};
  const Mesh cutter = meshes[1];
  Mesh out;
  TakeIsolatedComponents(meshes, out);
  ASSERT_EQ(meshes.size(), 2u);
  EXPECT_EQ(out.NumTri(), 24);  // the first and last box
  EXPECT_EQ(meshes[0].NumTri(), 12);
  EXPECT_EQ(meshes[0].triProp, std::vector<uint32_t>(12, 2u));  // the middle box, its property kept
  EXPECT_EQ(meshes[1].triVerts, cutter.triVerts);                // untouched
  EXPECT_TRUE(IsClosedManifold(meshes[0]));
  EXPECT_TRUE(IsClosedManifold(out));
  const Mesh u = UnionAll({ThreeBoxes(), Box(3.5, 0.5, 0.5, 4.5, 2, 2)});
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_TRUE(VolumeNear(u, 3 + 1 * 1.5 * 1.5 - 0.5 * 0.5 * 0.5));
  EXPECT_EQ(ComponentCount(u), 3);
}

TEST(UnionPieces, HollowSolidKeepsItsInnerShell) {
  // A 10-cube with a 6-cube cavity: two components whose boxes overlap; a
  // small box in the cavity, or one touching only the outer shell's box.
  Mesh hollow = Boolean(Box(0, 0, 0, 10, 10, 10), Box(2, 2, 2, 8, 8, 8), OpType::kDifference);
  ASSERT_TRUE(BuildHalfedges(hollow));  // closed: eligible for splitting
  ASSERT_EQ(ComponentCount(hollow), 2);
  for (const Mesh& other : {Box(4, 4, 4, 6, 6, 6), Box(9, 9, 9, 11, 11, 11)}) {
    // The second touches only the outer shell's box: the inner shell, in
    // the outer one's box, must still not be taken out alone (inverted).
    std::vector<Mesh> meshes{hollow, other};
    Mesh out;
    TakeIsolatedComponents(meshes, out);
    EXPECT_EQ(out.NumTri(), 0);
    ASSERT_EQ(meshes.size(), 2u);
    EXPECT_EQ(meshes[0].triVerts, hollow.triVerts);
  }
  const Mesh u = UnionAll({hollow, Box(4, 4, 4, 6, 6, 6), Box(20, 0, 0, 21, 1, 1)});
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_TRUE(VolumeNear(u, 1000 - 216 + 8 + 1));
}

TEST(UnionPieces, OperandsMadeOnlyOfApartGroupsLeave) {
  // Two rows interleaved along x: every box of each row is apart from the
  // other row's boxes, though the rows' boxes overlap.
  Mesh other = Box(1.5, 0, 0, 2.5, 1, 1);
  AppendMesh(other, Box(4.5, 0, 0, 5.5, 1, 1));
  std::vector<Mesh> meshes{ThreeBoxes(), other};
  Mesh out;
  TakeIsolatedComponents(meshes, out);
  EXPECT_TRUE(meshes.empty());
  EXPECT_EQ(out.NumTri(), 60);
  EXPECT_TRUE(VolumeNear(UnionAll({ThreeBoxes(), other}), 5));
}

TEST(UnionPieces, UnionPairIsTheBooleanWhenNothingIsApart) {
  const Mesh a = Box(0, 0, 0, 2, 2, 2), b = Box(1, 1, 1, 3, 3, 3);
  const Mesh plain = Boolean(a, b, OpType::kUnion);
  const Mesh pair = UnionPair(a, b);
  EXPECT_EQ(pair.triVerts, plain.triVerts);
  EXPECT_EQ(pair.vertPos.size(), plain.vertPos.size());
}

TEST(UnionPieces, UnionPairAppendsComponentsApart) {
  // A boolean's result made of two separate boxes, united with
  // a box touching only the second: the first box is appended.
  const Mesh row = Boolean(Box(0, 0, 0, 1, 1, 1), Box(5, 0, 0, 6, 1, 1), OpType::kUnion);
  ASSERT_EQ(ComponentCount(row), 2);
  const Mesh other = Box(5.5, 0.5, 0.5, 7, 2, 2);
  std::vector<Mesh> meshes{row, other};
  Mesh out;
  TakeIsolatedComponents(meshes, out);
  EXPECT_EQ(out.NumTri(), 12);
  const Mesh u = UnionPair(row, other);
  EXPECT_TRUE(IsValidSolid(u));
  EXPECT_TRUE(VolumeNear(u, 1 + 1 + 1.5 * 1.5 * 1.5 - 0.5 * 0.5 * 0.5));
  EXPECT_EQ(ComponentCount(u), 2);
}

}  // namespace
}  // namespace mos::kernel
