// AcosMemo (kernel/acos_memo.h): every answer bit for bit std::acos's,
// whether remembered or not, with arguments that repeat, evict each other
// and sit at the ends of the range.
#include "kernel/acos_memo.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

namespace mos::kernel {
namespace {

uint64_t Bits(double x) {
  uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

TEST(AcosMemo, SameBitsAsStdAcos) {
  AcosMemo memo;
  memo.Ready();
  std::mt19937_64 rng(20261128);
  std::uniform_real_distribution<double> any(-1.0, 1.0);
  // A pool of distinct arguments larger than the table (so entries are
  // evicted), drawn from with repeats, plus the special values.
  std::vector<double> pool = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, std::nextafter(1.0, 0.0),
                              std::nextafter(-1.0, 0.0), 1e-300, -1e-300, 4.9e-324};
  while (pool.size() < 5000) pool.push_back(any(rng));
  std::uniform_int_distribution<size_t> pick(0, pool.size() - 1);
  int hits = 0;
  for (int step = 0; step < 200000; ++step) {
    // Mostly the first few hundred (they stay in the table), some of all.
    const size_t i = step % 4 == 0 ? pick(rng) : pick(rng) % 300;
    const double c = pool[i];
    const double want = std::acos(c);
    const double got = memo(c);
    ASSERT_EQ(Bits(got), Bits(want)) << "argument " << c;
    hits += step > 0;
  }
  EXPECT_GT(hits, 0);
}

TEST(AcosMemo, ZeroAndMinusZeroKeptApart) {
  AcosMemo memo;
  memo.Ready();
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(Bits(memo(0.0)), Bits(std::acos(0.0)));
    EXPECT_EQ(Bits(memo(-0.0)), Bits(std::acos(-0.0)));
    EXPECT_EQ(Bits(memo(1.0)), Bits(std::acos(1.0)));
    EXPECT_EQ(Bits(memo(-1.0)), Bits(std::acos(-1.0)));
  }
}

}  // namespace
}  // namespace mos::kernel
