// The CLI's small-block operator new/delete (cli/small_blocks.cpp), linked
// into this test binary with the replacement on: blocks of every size are
// distinct, aligned, keep their contents, are reused after delete (also
// when another thread frees them), and large or zero-sized requests work.
#include "small_blocks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

namespace {

struct Block {
  unsigned char* p;
  std::size_t size;
  unsigned char fill;
};

void ExpectIntact(const Block& b) {
  for (std::size_t i = 0; i < b.size; ++i) ASSERT_EQ(b.p[i], b.fill) << "size " << b.size;
}

std::vector<Block> AllocateAll(int rounds, unsigned char seed) {
  std::vector<Block> blocks;
  for (int r = 0; r < rounds; ++r) {
    for (std::size_t n = 0; n <= 1100; n += (n < 300 ? 1 : 7)) {
      auto* p = static_cast<unsigned char*>(::operator new(n));
      EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % __STDCPP_DEFAULT_NEW_ALIGNMENT__, 0u);
      const auto fill = static_cast<unsigned char>(seed + n + static_cast<std::size_t>(r));
      std::memset(p, fill, n);
      blocks.push_back({p, n, fill});
    }
  }
  return blocks;
}

TEST(SmallBlocks, BlocksAreDistinctAlignedAndKeepTheirContents) {
  mos::cli::EnableSmallBlocks();
  ASSERT_TRUE(mos::cli::SmallBlocksEnabled());
  std::vector<Block> blocks = AllocateAll(3, 1);
  for (const Block& b : blocks) ExpectIntact(b);
  // No two blocks overlap.
  std::vector<std::pair<std::uintptr_t, std::uintptr_t>> ranges;
  for (const Block& b : blocks)
    ranges.push_back({reinterpret_cast<std::uintptr_t>(b.p), reinterpret_cast<std::uintptr_t>(b.p) + std::max<std::size_t>(b.size, 1)});
  std::sort(ranges.begin(), ranges.end());
  for (std::size_t i = 1; i < ranges.size(); ++i) EXPECT_LE(ranges[i - 1].second, ranges[i].first);
  for (const Block& b : blocks) ::operator delete(b.p);
}

TEST(SmallBlocks, FreedBlocksAreReusedForTheSameSize) {
  mos::cli::EnableSmallBlocks();
  void* a = ::operator new(40);
  const auto aAddress = reinterpret_cast<std::uintptr_t>(a);
  ::operator delete(a);
  void* b = ::operator new(33);  // the same class as 40 (blocks of 48 bytes)
  EXPECT_EQ(aAddress, reinterpret_cast<std::uintptr_t>(b));
  ::operator delete(b, 33);
  int* array = new int[10];
  const auto arrayAddress = reinterpret_cast<std::uintptr_t>(array);
  delete[] array;
  int* again = new int[9];  // 36 bytes: the same class
  EXPECT_EQ(arrayAddress, reinterpret_cast<std::uintptr_t>(again));
  delete[] again;
}

TEST(SmallBlocks, LargeAndStandardContainersStillWork) {
  mos::cli::EnableSmallBlocks();
  std::vector<std::unique_ptr<std::vector<int>>> many;
  for (int i = 0; i < 20000; ++i) {
    many.push_back(std::make_unique<std::vector<int>>(static_cast<std::size_t>(i % 300), i));
  }
  for (int i = 0; i < 20000; ++i) {
    ASSERT_EQ(many[static_cast<std::size_t>(i)]->size(), static_cast<std::size_t>(i % 300));
    if (i % 300) {
      ASSERT_EQ(many[static_cast<std::size_t>(i)]->back(), i);
    }
  }
  std::vector<char> big(std::size_t{3} << 20, 'x');  // malloc's, not a small block
  EXPECT_EQ(big[12345], 'x');
}

TEST(SmallBlocks, ThreadsAllocateAndFreeEachOthersBlocks) {
  mos::cli::EnableSmallBlocks();
  std::vector<std::vector<Block>> perThread(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&perThread, t] { perThread[static_cast<std::size_t>(t)] = AllocateAll(2, static_cast<unsigned char>(17 * t)); });
  for (std::thread& th : threads) th.join();
  threads.clear();
  // Thread t frees thread (t+1)'s blocks, then allocates again.
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&perThread, t] {
      for (const Block& b : perThread[static_cast<std::size_t>((t + 1) % 4)]) ::operator delete(b.p);
      std::vector<Block> fresh = AllocateAll(2, static_cast<unsigned char>(5 + t));
      for (const Block& b : fresh) ExpectIntact(b);
      for (const Block& b : fresh) ::operator delete(b.p);
    });
  for (std::thread& th : threads) th.join();
}

}  // namespace
