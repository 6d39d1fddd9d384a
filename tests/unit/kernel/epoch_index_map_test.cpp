// EpochIndexMap (kernel/epoch_index_map.h): the same answers as a plain map
// cleared at each Clear, in its dense and its hashed form.
#include "kernel/epoch_index_map.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

namespace mos::kernel {
namespace {

// Random sets and finds between clears, over at most maxKeys distinct keys
// in all; every answer against std::map.
template <bool kHashed>
void ExpectLikeMap(size_t numKeys, size_t maxKeys, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<int> pool;  // the distinct keys used
  std::uniform_int_distribution<int> anyKey(0, static_cast<int>(numKeys) - 1);
  while (pool.size() < maxKeys) pool.push_back(anyKey(rng));
  EpochIndexMap<long, kHashed> map;
  map.Reset(numKeys, maxKeys);
  std::map<int, long> want;
  std::uniform_int_distribution<size_t> pick(0, pool.size() - 1);
  for (int step = 0; step < 20000; ++step) {
    const int op = static_cast<int>(rng() % 16);
    const int key = pool[pick(rng)];
    if (op == 0) {
      map.Clear();
      want.clear();
    } else if (op < 6) {
      const long val = static_cast<long>(rng());
      if (op & 1) map.Insert(key, val);
      else *map.Emplace(key) = val;
      want[key] = val;
    } else {
      const long* got = map.Find(key);
      const auto it = want.find(key);
      if (it == want.end()) {
        EXPECT_EQ(got, nullptr) << "key " << key << " step " << step;
      } else {
        EXPECT_NE(got, nullptr) << "key " << key << " step " << step;
        if (got) EXPECT_EQ(*got, it->second) << "key " << key << " step " << step;
      }
    }
  }
}

TEST(EpochIndexMap, HashedAnswersLikeAMap) {
  // Few keys of a large range (collisions on purpose: 100 keys in 256
  // slots; clears rarely).
  EXPECT_TRUE((EpochIndexMap<long, true>::HashedFits(100000, 100)));
  ExpectLikeMap<true>(100000, 100, 1);
  ExpectLikeMap<true>(50000, 1000, 2);
  ExpectLikeMap<true>(5000, 8, 3);
  ExpectLikeMap<true>(64, 1000, 7);  // more keys allowed than the range holds
}

TEST(EpochIndexMap, DenseAnswersLikeAMap) {
  ExpectLikeMap<false>(1000, 100, 4);
  ExpectLikeMap<false>(100000, 20000, 5);
  EXPECT_FALSE((EpochIndexMap<long, true>::HashedFits(1000, 100)));     // small range
  EXPECT_FALSE((EpochIndexMap<long, true>::HashedFits(100000, 20000)));  // many keys
}

}  // namespace
}  // namespace mos::kernel
