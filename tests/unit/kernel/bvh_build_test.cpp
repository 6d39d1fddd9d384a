// The fast BVH build (Bvh::Build: inline Morton coder, table bit spread,
// one array per split) against the plain build it replaced
// (BuildReferenceTree, bvh_reference.h): the same tree bit for bit.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "bvh_reference.h"
#include "kernel/bvh.h"
#include "kernel/mesh_primitives.h"
#include "kernel/morton.h"

namespace mos::kernel {
namespace {

bool SameBits(const Box3& a, const Box3& b) { return std::memcmp(&a, &b, sizeof(Box3)) == 0; }

void ExpectSameTree(const std::vector<Box3>& boxes, const char* what) {
  Bvh fast;
  fast.Build(boxes);
  const testing::ReferenceTree ref = testing::BuildReferenceTree(boxes);
  ASSERT_EQ(fast.NumItems(), static_cast<int>(ref.leafItem.size())) << what;
  EXPECT_EQ(fast.Depth(), ref.depth) << what;
  EXPECT_TRUE(SameBits(fast.RootBox(), ref.rootBox)) << what;
  ASSERT_EQ(fast.LeafItems(), ref.leafItem) << what;
  ASSERT_EQ(fast.LeafBoxes().size(), ref.leafBox.size()) << what;
  for (size_t i = 0; i < ref.leafBox.size(); ++i)
    ASSERT_TRUE(SameBits(fast.LeafBoxes()[i], ref.leafBox[i])) << what << " leaf " << i;
  ASSERT_EQ(fast.Nodes().size(), ref.nodes.size()) << what;
  for (size_t i = 0; i < ref.nodes.size(); ++i) {
    const Bvh::Node& f = fast.Nodes()[i];
    const Bvh::Node& r = ref.nodes[i];
    ASSERT_EQ(f.left, r.left) << what << " node " << i;
    ASSERT_EQ(f.right, r.right) << what << " node " << i;
    ASSERT_EQ(f.parent, r.parent) << what << " node " << i;
    ASSERT_TRUE(SameBits(f.box, r.box)) << what << " node " << i;
  }
}

TEST(BvhBuild, TableSpreadMatchesShiftSpreadForEvery21BitValue) {
  for (uint64_t v = 0; v < (uint64_t{1} << 21); ++v)
    if (SpreadBits21ByTable(v) != SpreadBits21(v)) FAIL() << v;
}

TEST(BvhBuild, CoderMatchesMorton63) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(-3, 3);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<Box3> boxes = {Box3::FromPoints({0, 0, 0}, {1, 1, 1}), Box3::FromPoints({-1, 2, 5}, {-1, 7, 5}),
                             Box3::FromPoints({1e-300, 0, -1e300}, {2e-300, 1, 1e300}), Box3{}};
  for (int i = 0; i < 20; ++i) boxes.push_back(Box3::FromPoints({u(rng), u(rng), u(rng)}, {u(rng), u(rng), u(rng)}));
  for (const Box3& box : boxes) {
    const Morton63Coder coder(box);
    std::vector<Vec3> points = {box.min, box.max, box.Center(), {nan, 0, 0}, {0, nan, inf}, {-inf, inf, 0}};
    for (int i = 0; i < 200; ++i) points.push_back({u(rng), u(rng), u(rng)});
    for (const Vec3& p : points) ASSERT_EQ(coder(p), Morton63(p, box));
  }
}

std::vector<Box3> RandomBoxes(std::mt19937& rng, int n, double spread, double size) {
  std::uniform_real_distribution<double> pos(-spread, spread), ext(0, size);
  std::vector<Box3> boxes;
  for (int i = 0; i < n; ++i) {
    const Vec3 a{pos(rng), pos(rng), pos(rng)};
    boxes.push_back(Box3::FromPoints(a, a + Vec3{ext(rng), ext(rng), ext(rng)}));
  }
  return boxes;
}

TEST(BvhBuild, SameTreeAsReference) {
  std::mt19937 rng(17);
  for (int n : {1, 2, 3, 5, 63, 64, 65, 100, 777, 5000})
    for (double spread : {0.0, 1e-9, 5.0}) ExpectSameTree(RandomBoxes(rng, n, spread, 1), "random");
  // Meshes: a sphere and a box.
  for (const Mesh& m : {MakeUvSphere({0, 0, 0}, 5, 48), MakeBox({0, 0, 0}, {1, 2, 3})})
    ExpectSameTree(TriangleBoxes(m), "mesh");
  // Empty boxes, NaN, infinite and identical boxes mixed in.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<Box3> odd = RandomBoxes(rng, 300, 4, 2);
  for (int i = 0; i < 300; i += 7) odd[i] = Box3{};
  for (int i = 3; i < 300; i += 11) odd[i].max.y = nan;
  for (int i = 5; i < 300; i += 13) odd[i] = odd[0];
  odd[9].max.x = inf;
  ExpectSameTree(odd, "odd");
  ExpectSameTree(std::vector<Box3>(4000, Box3::FromPoints({0, 0, 0}, {1, 1, 1})), "identical");
  ExpectSameTree(std::vector<Box3>(70, Box3{}), "all empty");
  ExpectSameTree({}, "none");
}

}  // namespace
}  // namespace mos::kernel
