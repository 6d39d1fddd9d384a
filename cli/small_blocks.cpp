// The program's operator new/delete for a one-shot run (small_blocks.h).
//
// Layout: one reserved range of kRangeBytes, cut into chunks of kChunkBytes
// that threads take in order. A thread hands out blocks of all sizes from
// its current chunk, one after the other (as malloc does from its top
// chunk: a small model touches about as many pages as before), and keeps
// one free list per size class. A block is 16-byte aligned with 8 bytes
// before it that hold its class: delete finds the class from the block
// alone (unsized delete has no size, and a block may be freed by another
// thread; it then joins that thread's list).
#include "small_blocks.h"

#if defined(MOS_SMALL_BLOCKS)
#include <sys/mman.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

constexpr std::size_t kRangeBytes = std::size_t{64} << 20;
constexpr std::size_t kChunkBytes = std::size_t{64} << 10;
constexpr std::size_t kChunks = kRangeBytes / kChunkBytes;
// Class c: blocks of 16 (c + 1) bytes, the class word included, for
// requests up to 16 (c + 1) - 8 bytes; 64 classes, requests up to 1016.
constexpr std::size_t kMaxSmall = 1016;
constexpr unsigned kClasses = 64;
constexpr unsigned ClassOf(std::size_t n) { return static_cast<unsigned>((n + 23) / 16 - 1); }
constexpr std::size_t Stride(unsigned c) { return 16 * (std::size_t{c} + 1); }
static_assert(ClassOf(1) == 0 && ClassOf(8) == 0 && ClassOf(9) == 1 && ClassOf(kMaxSmall) == kClasses - 1);
static_assert(Stride(ClassOf(kMaxSmall)) == kMaxSmall + 8);

// Pages: the range starts on a 2 MB boundary. Its first 2 MB have small
// pages (a small model touches a few dozen of them); once a thread has
// used up kHugeAfter chunks in all, chunks come from the rest of the
// range, which is advised for transparent huge pages (one fault per 2 MB
// instead of one per 4 kB: a parse of MCAD's fonts.scad leaves ~1 MB of
// small blocks). main() treats the heap beyond its first megabyte the same
// way (AdviseHugeHeap); the small blocks would otherwise lose that.
constexpr std::size_t kHuge = std::size_t{2} << 20;
constexpr int kHugeAfter = 8;

// Set once by EnableSmallBlocks before other threads exist; g_limit stays
// 0 while off, so no address is taken for a small block then.
char* g_base = nullptr;
std::uintptr_t g_limit = 0;
std::atomic<std::size_t> g_nextChunk{0};
std::atomic<int> g_usedUpChunks{0};

struct FreeBlock {
  FreeBlock* next;
};

// Zero-initialised and trivially destructible: no TLS guard or destructor
// registration on the fast path. `bump` is where the next block of the
// current chunk starts (its class word 8 bytes before), `bumpEnd` the
// chunk's end plus 8 (a block of stride s fits while bump + s <= bumpEnd).
struct ThreadBlocks {
  FreeBlock* free[kClasses];
  char* bump;
  char* bumpEnd;
};
constinit thread_local ThreadBlocks t_blocks{};

// Chunks from the huge-page part of the range on.
[[gnu::noinline]] void MoveToHugePages() {
  madvise(g_base + kHuge, kRangeBytes - kHuge, MADV_HUGEPAGE);
  std::size_t next = g_nextChunk.load(std::memory_order_relaxed);
  while (next < kHuge / kChunkBytes &&
         !g_nextChunk.compare_exchange_weak(next, kHuge / kChunkBytes, std::memory_order_relaxed)) {
  }
}

// A block of class c from a new chunk; null when the range is used up.
[[gnu::noinline]] void* Refill(unsigned c) {
  ThreadBlocks& tb = t_blocks;
  if (g_nextChunk.load(std::memory_order_relaxed) >= kChunks) return nullptr;
  if (tb.bump != nullptr &&  // this thread's chunk is used up
      g_usedUpChunks.fetch_add(1, std::memory_order_relaxed) + 1 == kHugeAfter)
    MoveToHugePages();
  const std::size_t index = g_nextChunk.fetch_add(1, std::memory_order_relaxed);
  if (index >= kChunks) return nullptr;
  char* chunk = g_base + index * kChunkBytes;
  char* p = chunk + 16;
  tb.bump = p + Stride(c);
  tb.bumpEnd = chunk + kChunkBytes + 8;
  reinterpret_cast<std::uint64_t*>(p)[-1] = c;
  return p;
}

[[gnu::noinline]] void* MallocOrThrow(std::size_t n) {
  if (n == 0) n = 1;
  while (true) {
    if (void* p = std::malloc(n)) return p;
    std::new_handler handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}

inline void* Allocate(std::size_t n) {
  if (n - 1 < kMaxSmall && g_limit != 0) {
    const unsigned c = ClassOf(n);
    ThreadBlocks& tb = t_blocks;
    if (FreeBlock* b = tb.free[c]) {
      tb.free[c] = b->next;
      return b;
    }
    char* p = tb.bump;
    if (static_cast<std::size_t>(tb.bumpEnd - p) >= Stride(c)) {  // 0 before the first chunk
      tb.bump = p + Stride(c);
      reinterpret_cast<std::uint64_t*>(p)[-1] = c;
      return p;
    }
    if (void* fresh = Refill(c)) return fresh;
  }
  return MallocOrThrow(n);
}

inline void Release(void* p) noexcept {
  const std::uintptr_t offset = reinterpret_cast<std::uintptr_t>(p) - reinterpret_cast<std::uintptr_t>(g_base);
  if (offset < g_limit) {
    const auto c = static_cast<unsigned>(static_cast<const std::uint64_t*>(p)[-1]);
    ThreadBlocks& tb = t_blocks;
    FreeBlock* b = static_cast<FreeBlock*>(p);
    b->next = tb.free[c];
    tb.free[c] = b;
    return;
  }
  std::free(p);  // null included
}

}  // namespace

namespace mos::cli {

void EnableSmallBlocks() {
  if (g_limit != 0) return;
  void* range = mmap(nullptr, kRangeBytes + kHuge, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (range == MAP_FAILED) return;  // e.g. a tight address-space limit: malloc as before
  // The 2 MB boundary at or after the start (the slack is never touched).
  g_base = reinterpret_cast<char*>((reinterpret_cast<std::uintptr_t>(range) + kHuge - 1) & ~(kHuge - 1));
  g_limit = kRangeBytes;
}

bool SmallBlocksEnabled() { return g_limit != 0; }

}  // namespace mos::cli

void* operator new(std::size_t n) { return Allocate(n); }
void* operator new[](std::size_t n) { return Allocate(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return Allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return Allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { Release(p); }
void operator delete[](void* p) noexcept { Release(p); }
void operator delete(void* p, std::size_t) noexcept { Release(p); }
void operator delete[](void* p, std::size_t) noexcept { Release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { Release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { Release(p); }

#else  // builds without the replacement (sanitizers, fuzzing, WASM)

namespace mos::cli {
void EnableSmallBlocks() {}
bool SmallBlocksEnabled() { return false; }
}  // namespace mos::cli

#endif
