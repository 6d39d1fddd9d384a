// The second weld's shortcut for nearly sorted triangles
// (kernel/cleanup_weld_order.h) against a plain sort: where it answers, its
// order is the sorted order of the kept triangles' keys, all distinct; it
// answers whenever few triangles are out of place and no key repeats.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>
#include <set>
#include <vector>

#include "kernel/cleanup_weld_order.h"

namespace mos::kernel {
namespace {

using cleanup_detail::NearlySortedOrder;

struct Keyed {
  int k1, k2, parity, tri;
};

struct Case {
  std::vector<int> first;  // -1: not kept
  std::vector<Keyed> rest;
};

// Sorted distinct keys, then `moved` of them given new random keys (maybe
// repeating one), `gone` dropped.
Case MakeCase(std::mt19937& rng, int n, int moved, int gone, bool allowRepeat) {
  std::set<std::array<int, 3>> keys;
  std::uniform_int_distribution<int> v(0, 3 * n);
  while (static_cast<int>(keys.size()) < n) {
    int a = v(rng), b = v(rng), c = v(rng);
    if (a == b || b == c || a == c) continue;
    keys.insert({std::min({a, b, c}), std::max(b, c), std::min(b, c)});
  }
  Case k;
  int t = 0;
  for (const auto& key : keys) {
    k.first.push_back(key[0]);
    k.rest.push_back({key[1], key[2], 0, t++});
  }
  std::uniform_int_distribution<int> pick(0, n - 1);
  for (int i = 0; i < moved; ++i) {
    const int at = pick(rng);
    if (allowRepeat && i % 3 == 0) {
      const int from = pick(rng);
      k.first[at] = k.first[from];
      k.rest[at].k1 = k.rest[from].k1;
      k.rest[at].k2 = k.rest[from].k2;
    } else {
      k.first[at] = v(rng);
      k.rest[at].k1 = v(rng);
      k.rest[at].k2 = v(rng);
    }
  }
  for (int i = 0; i < gone; ++i) k.first[pick(rng)] = -1;
  return k;
}

// Runs the shortcut as WeldOneToOneInPlace does; true with `order` when it
// answers.
bool RunShortcut(const Case& k, std::vector<int>& order) {
  const int nt = static_cast<int>(k.first.size());
  NearlySortedOrder<Keyed> nearly(nt, true);
  int numKept = 0;
  for (int t = 0; t < nt; ++t) {
    if (k.first[t] < 0) continue;
    ++numKept;
    if (nearly.Active()) nearly.Add(t, k.first[t], k.rest[t].k1, k.rest[t].k2, k.first.data(), k.rest.data());
  }
  order.assign(static_cast<size_t>(numKept), -1);
  return nearly.Finish(k.first.data(), k.rest.data(), order.data());
}

std::array<int, 3> KeyOf(const Case& k, int t) { return {k.first[t], k.rest[t].k1, k.rest[t].k2}; }

TEST(CleanupWeldOrder, AgreesWithASort) {
  std::mt19937 rng(16016);
  int answered = 0, cases = 0;
  for (int round = 0; round < 3000; ++round) {
    const int n = 1 + static_cast<int>(rng() % 400);
    const int moved = static_cast<int>(rng() % (n / 6 + 2));
    const int gone = static_cast<int>(rng() % (n / 5 + 1));
    const Case k = MakeCase(rng, n, moved, gone, round % 4 == 0);
    std::vector<int> kept;
    for (int t = 0; t < n; ++t)
      if (k.first[t] >= 0) kept.push_back(t);
    std::vector<int> sorted = kept;
    std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) { return KeyOf(k, a) < KeyOf(k, b); });
    bool distinct = true;
    for (size_t i = 1; i < sorted.size(); ++i) distinct = distinct && KeyOf(k, sorted[i - 1]) != KeyOf(k, sorted[i]);
    std::vector<int> order;
    ++cases;
    if (!RunShortcut(k, order)) {
      // Declining is allowed only with a repeated key or many moved.
      EXPECT_TRUE(!distinct || 2 * moved + 4 > n / 8) << "round " << round;
      continue;
    }
    ++answered;
    EXPECT_TRUE(distinct) << "round " << round;
    EXPECT_EQ(order, sorted) << "round " << round;
  }
  EXPECT_GT(answered, cases / 2);
}

TEST(CleanupWeldOrder, DeclinesARepeatedKey) {
  Case k;
  // 0..9 sorted, then triangle 9 given triangle 3's key.
  for (int t = 0; t < 10; ++t) {
    k.first.push_back(t);
    k.rest.push_back({t + 20, t + 40, 0, t});
  }
  k.first[9] = 3;
  k.rest[9].k1 = 23;
  k.rest[9].k2 = 43;
  std::vector<int> order;
  EXPECT_FALSE(RunShortcut(k, order));
  k.rest[9].k2 = 44;  // now distinct: 9 sits between 3 and 4
  ASSERT_TRUE(RunShortcut(k, order));
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 9, 4, 5, 6, 7, 8}));
}

}  // namespace
}  // namespace mos::kernel
