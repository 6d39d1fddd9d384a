// MarkFarItems (kernel/far_triangles.h) marks far only items whose box
// meets no item box of the other tree (against a brute-force scan), and
// finds most of them where the sets lie mostly apart.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "kernel/bvh.h"
#include "kernel/far_triangles.h"

namespace mos::kernel {
namespace {

Box3 RandomBox(std::mt19937& rng, Vec3 lo, Vec3 hi, double size) {
  std::uniform_real_distribution<double> x(lo.x, hi.x), y(lo.y, hi.y), z(lo.z, hi.z), ext(0, size);
  const Vec3 a{x(rng), y(rng), z(rng)};
  return Box3::FromPoints(a, a + Vec3{ext(rng), ext(rng), ext(rng)});
}

bool MeetsAny(const std::vector<Box3>& boxes, const Box3& box) {
  for (const Box3& b : boxes)
    if (b.Overlaps(box)) return true;
  return false;
}

TEST(FarTriangles, MarksOnlyItemsMeetingNoBoxOfTheOtherTree) {
  std::mt19937 rng(161601);
  size_t far = 0, apart = 0, marked = 0;
  for (int round = 0; round < 60; ++round) {
    // `own` spread over a cube; `other` in a slab through part of it (a
    // few rounds: nearly everywhere), with touching boxes among them.
    const int numOwn = 1 + static_cast<int>(rng() % 3000), numOther = 1 + static_cast<int>(rng() % 800);
    const double slab = round % 5 == 0 ? 10 : 0.5 + 0.1 * (round % 7);
    std::vector<Box3> own, other;
    for (int i = 0; i < numOwn; ++i) own.push_back(RandomBox(rng, {-10, -10, -10}, {10, 10, 10}, 0.4));
    for (int i = 0; i < numOther; ++i) other.push_back(RandomBox(rng, {-10, -10, -slab}, {10, 10, slab}, 1.0));
    if (round % 3 == 0) other.push_back(Box3::FromPoints(own[0].max, own[0].max + Vec3{1, 1, 1}));  // touches
    const Bvh ownTree(own), otherTree(other);
    std::vector<char> flags(own.size(), 0);
    const bool ran = MarkFarItems(ownTree, otherTree, flags);
    for (size_t i = 0; i < own.size(); ++i) {
      const bool meets = MeetsAny(other, own[i]);
      apart += !meets;
      if (flags[i]) {
        ++far;
        EXPECT_FALSE(meets) << "round " << round << " item " << i;
      }
    }
    if (!ran) {
      for (const char f : flags) EXPECT_EQ(f, 0);
    } else {
      ++marked;
    }
  }
  EXPECT_GT(marked, 30u);
  // Most items apart from the other boxes are found.
  EXPECT_GT(far, apart * 3 / 4);
}

TEST(FarTriangles, DenseSetsAreLeftUnmarked) {
  // Every box of one set meets a box of the other: the sample says so and
  // nothing is walked further.
  std::mt19937 rng(161602);
  std::vector<Box3> own, other;
  for (int i = 0; i < 500; ++i) {
    own.push_back(RandomBox(rng, {-5, -5, -5}, {5, 5, 5}, 0.5));
    other.push_back(Box3::FromPoints(own.back().min, own.back().min + Vec3{0.1, 0.1, 0.1}));
  }
  std::vector<char> flags(own.size(), 0);
  EXPECT_FALSE(MarkFarItems(Bvh(own), Bvh(other), flags));
  for (const char f : flags) EXPECT_EQ(f, 0);
}

}  // namespace
}  // namespace mos::kernel
