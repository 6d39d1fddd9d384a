// G6Memo hands back the text and read-back value FormatG6Rounded gives, for
// hits (numbers seen before), misses and slot collisions alike.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "io/number_format_g6.h"
#include "io/number_format_g6_memo.h"

namespace mos::io {
namespace {

TEST(NumberFormatG6Memo, SameAsFormatG6Rounded) {
  std::mt19937_64 rng(2026);
  // A pool small enough for many hits, large enough for collisions among
  // the 256 slots; special values and random bit patterns mixed in.
  std::vector<double> pool = {0.0, -0.0, 1.0, -1.0, 0.5, 1e-5, 999999.5, 1e22, 5e-324,
                              std::numeric_limits<double>::infinity(),
                              -std::numeric_limits<double>::infinity(), std::nan("")};
  std::uniform_real_distribution<double> coord(-100, 100);
  for (int i = 0; i < 2000; ++i) pool.push_back(coord(rng));
  for (int i = 0; i < 500; ++i) {
    const uint64_t bits = rng();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    pool.push_back(v);
  }
  auto memo = std::make_unique<G6Memo>();
  std::uniform_int_distribution<size_t> pick(0, pool.size() - 1);
  int failures = 0;
  for (int i = 0; i < 2000000 && failures < 10; ++i) {
    const double v = pool[pick(rng)];
    char want[kG6BufferSize], got[kG6BufferSize];
    double wantBack, gotBack;
    const size_t wantSize = FormatG6Rounded(v, want, wantBack);
    const size_t gotSize = memo->Format(v, got, gotBack);
    if (std::string(want, wantSize) != std::string(got, gotSize) ||
        std::memcmp(&wantBack, &gotBack, sizeof(double)) != 0) {
      ++failures;
      ADD_FAILURE() << "v=" << std::string(want, wantSize) << " got " << std::string(got, gotSize);
    }
  }
  EXPECT_EQ(failures, 0);
}

// The slots start holding marks that never hash to their own slot (bits 0,
// and bits 1 in 0's slot): the numbers with those bits, +0 and the least
// denormal, asked first of a fresh memo, are formatted, not taken as hits.
TEST(NumberFormatG6Memo, EmptySlotMarksAreNoHits) {
  uint64_t one = 1;
  double leastDenormal;
  std::memcpy(&leastDenormal, &one, sizeof leastDenormal);
  for (const double v : {0.0, leastDenormal, -0.0}) {
    for (const double first : {v, 0.0, leastDenormal}) {
      auto memo = std::make_unique<G6Memo>();
      for (const double x : {first, v, v}) {
        char want[kG6BufferSize], got[kG6BufferSize];
        double wantBack, gotBack;
        const size_t wantSize = FormatG6Rounded(x, want, wantBack);
        const size_t gotSize = memo->Format(x, got, gotBack);
        EXPECT_EQ(std::string(want, wantSize), std::string(got, gotSize));
        EXPECT_EQ(std::memcmp(&wantBack, &gotBack, sizeof(double)), 0);
      }
    }
  }
}

}  // namespace
}  // namespace mos::io
