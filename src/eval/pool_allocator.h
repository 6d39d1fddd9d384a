// A per-thread free list of fixed-size blocks for the evaluator's small,
// short-lived heap objects (scopes, vector payloads, nodes; each with its
// shared_ptr control block via std::allocate_shared). Evaluation makes and
// drops them by the hundred thousand; a free list hands a block back in a
// few instructions where malloc/free take a hundred or more.
//
// Blocks freed on another thread join that thread's list (a block is just
// memory). Each list keeps at most kMaxFreeBlocks blocks and returns the
// rest to the system allocator, so an idle thread holds a bounded amount.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <utility>

namespace mos::eval {

namespace pool_detail {

inline constexpr size_t kMaxFreeBlocks = 1 << 12;

template <size_t BlockSize>
struct FreeList {
  struct Block {
    Block* next;
  };
  Block* head = nullptr;
  size_t count = 0;
  // At thread exit: frees the blocks and refuses new ones, so that a block
  // freed later in the exit (a static's destructor) goes to the system.
  ~FreeList() {
    while (head) {
      Block* b = head;
      head = b->next;
      ::operator delete(b);
    }
    count = kMaxFreeBlocks;
  }
  static FreeList& Get() {
    thread_local FreeList list;
    return list;
  }
};

}  // namespace pool_detail

template <class T>
struct PoolAllocator {
  using value_type = T;
  // Rounded to 16 bytes: types of similar size share a list.
  static constexpr size_t kBlockSize = (sizeof(T) + 15) / 16 * 16;
  using List = pool_detail::FreeList<kBlockSize>;

  PoolAllocator() = default;
  template <class U>
  PoolAllocator(const PoolAllocator<U>&) {}

  T* allocate(size_t n) {
    static_assert(alignof(T) <= alignof(std::max_align_t));
    if (n != 1) return static_cast<T*>(::operator new(n * sizeof(T)));
    List& list = List::Get();
    if (auto* b = list.head) {
      list.head = b->next;
      --list.count;
      return reinterpret_cast<T*>(b);
    }
    return static_cast<T*>(::operator new(kBlockSize));
  }
  void deallocate(T* p, size_t n) {
    if (n != 1) {
      ::operator delete(p);
      return;
    }
    List& list = List::Get();
    if (list.count >= pool_detail::kMaxFreeBlocks) {
      ::operator delete(p);
      return;
    }
    auto* b = reinterpret_cast<typename List::Block*>(p);
    b->next = list.head;
    list.head = b;
    ++list.count;
  }
  template <class U>
  bool operator==(const PoolAllocator<U>&) const { return true; }
  template <class U>
  bool operator!=(const PoolAllocator<U>&) const { return false; }
};

// std::make_shared with the pool.
template <class T, class... Args>
std::shared_ptr<T> MakePooled(Args&&... args) {
  return std::allocate_shared<T>(PoolAllocator<T>(), std::forward<Args>(args)...);
}

}  // namespace mos::eval
