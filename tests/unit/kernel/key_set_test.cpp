// KeySet (the ear clipper's edge set: linear probing, backward-shift
// deletion) against std::unordered_set: random inserts, lookups and
// erasures over small and large key ranges (long probe runs, deletions in
// the middle of runs, growth), ~0 and 0 included; every answer and the
// size must agree.
#include <gtest/gtest.h>

#include <random>
#include <unordered_set>

#include "kernel/key_set.h"

namespace mos::kernel {
namespace {

TEST(KeySet, AgreesWithUnorderedSet) {
  std::mt19937_64 rng(1128);
  for (int round = 0; round < 60; ++round) {
    KeySet set;
    std::unordered_set<uint64_t> want;
    if (round % 3 == 0) set.Reserve(rng() % 200);
    const uint64_t range = round % 4 == 0 ? 40 : round % 4 == 1 ? 1000 : round % 4 == 2 ? 100000 : ~uint64_t{0};
    const int ops = 200 + static_cast<int>(rng() % 20000);
    for (int i = 0; i < ops; ++i) {
      uint64_t k = range == ~uint64_t{0} ? rng() : rng() % range;
      if (rng() % 16 == 0) k = rng() % 2 ? ~uint64_t{0} : 0;
      if (round % 5 == 4) k = (k % 64) << 32 | (k % 7);  // edge keys: id pairs
      switch (rng() % 3) {
        case 0:
          ASSERT_EQ(set.Insert(k), want.insert(k).second) << round << " " << i;
          break;
        case 1:
          ASSERT_EQ(set.Erase(k), want.erase(k) != 0) << round << " " << i;
          break;
        default:
          ASSERT_EQ(set.Contains(k), want.count(k) != 0) << round << " " << i;
      }
      ASSERT_EQ(set.Size(), want.size()) << round << " " << i;
    }
    for (uint64_t k : want) ASSERT_TRUE(set.Contains(k));
  }
}

}  // namespace
}  // namespace mos::kernel
