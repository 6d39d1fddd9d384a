// Bump allocation for the nodes of one parse (private to src/lang).
//
// A parse makes thousands of small nodes at once (mcad's fonts.scad:
// ~11,000) and they die together; malloc took ~170 instructions for each
// such fresh block. The parser makes its nodes with std::allocate_shared
// and an ArenaAllocator: a node's control block keeps the arena alive, so
// the arena's chunks are freed with the last node, whoever holds it.
// Only the parsing thread allocates; freeing a node frees nothing.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace mos::lang::detail {

class AstArena {
 public:
  // Made with one reference (the parser's).
  static AstArena* Create() { return new AstArena(); }
  void Ref() noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
  static void Unref(AstArena* a) noexcept {
    if (a->refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) Destroy(a);
  }

  [[gnu::always_inline]] void* Allocate(std::size_t bytes, std::size_t align) {
    std::size_t pad = (align - (reinterpret_cast<std::uintptr_t>(cursor_) & (align - 1))) & (align - 1);
    if (pad + bytes > left_) {
      NewChunk(bytes + align);
      pad = (align - (reinterpret_cast<std::uintptr_t>(cursor_) & (align - 1))) & (align - 1);
    }
    char* p = cursor_ + pad;
    cursor_ = p + bytes;
    left_ -= pad + bytes;
    return p;
  }

 private:
  // Chunks grow from 4 KB to 64 KB: a small file keeps little memory.
  [[gnu::noinline]] void NewChunk(std::size_t atLeast) {
    std::size_t size = chunkSize_;
    if (chunkSize_ < (std::size_t(64) << 10)) chunkSize_ *= 2;
    if (size < atLeast) size = atLeast;
    chunks_.push_back(std::unique_ptr<char[]>(new char[size]));  // not zeroed
    cursor_ = chunks_.back().get();
    left_ = size;
  }

  AstArena() = default;
  // Out of line: Unref, inlined at every node, stays small.
  [[gnu::noinline]] static void Destroy(AstArena* a) noexcept { delete a; }

  std::atomic<long> refs_{1};
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* cursor_ = nullptr;
  std::size_t left_ = 0;
  std::size_t chunkSize_ = std::size_t(4) << 10;
};

// Holds a counted reference to its arena (the count is the arena's own,
// inline: a node's creation copies the allocator twice).
template <class T>
struct ArenaAllocator {
  using value_type = T;
  AstArena* arena;

  explicit ArenaAllocator(AstArena* a) noexcept : arena(a) { arena->Ref(); }
  ArenaAllocator(const ArenaAllocator& other) noexcept : arena(other.arena) { arena->Ref(); }
  template <class U>
  ArenaAllocator(const ArenaAllocator<U>& other) noexcept : arena(other.arena) { arena->Ref(); }
  ArenaAllocator& operator=(const ArenaAllocator&) = delete;
  ~ArenaAllocator() { AstArena::Unref(arena); }

  T* allocate(std::size_t n) { return static_cast<T*>(arena->Allocate(n * sizeof(T), alignof(T))); }
  void deallocate(T*, std::size_t) noexcept {}

  template <class U>
  bool operator==(const ArenaAllocator<U>& other) const { return arena == other.arena; }
  template <class U>
  bool operator!=(const ArenaAllocator<U>& other) const { return arena != other.arena; }
};

}  // namespace mos::lang::detail
