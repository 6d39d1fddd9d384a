// A std::vector whose elements are default-initialised: the size constructor
// and resize() leave trivial elements (ints, doubles, arrays of them)
// unwritten instead of zeroing them. For buffers filled completely right
// after they are sized (per-edge spans, per-box cells, counting-sort
// output), where the zeroing was a pass over the memory that bought nothing.
#pragma once

#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace mos::kernel {

template <typename T>
class DefaultInitAllocator : public std::allocator<T> {
 public:
  using value_type = T;
  template <typename U>
  struct rebind {
    using other = DefaultInitAllocator<U>;
  };
  DefaultInitAllocator() noexcept = default;
  template <typename U>
  DefaultInitAllocator(const DefaultInitAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

template <typename T>
using UninitVector = std::vector<T, DefaultInitAllocator<T>>;

// A std::vector whose resize() leaves new elements unwritten even where the
// type has default member initialisers (so default-initialisation writes
// them): for aggregates of trivial members (implicit-lifetime types: the
// allocation creates them) every member of which the owner writes before
// it is read (the BVH's internal nodes, each fitted once).
template <typename T>
class NoInitAllocator : public std::allocator<T> {
 public:
  using value_type = T;
  template <typename U>
  struct rebind {
    using other = NoInitAllocator<U>;
  };
  NoInitAllocator() noexcept = default;
  template <typename U>
  NoInitAllocator(const NoInitAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U*) noexcept {
    static_assert(std::is_aggregate_v<U> && std::is_trivially_copyable_v<U> &&
                      std::is_trivially_destructible_v<U>,
                  "only for implicit-lifetime aggregates");
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

template <typename T>
using NoInitVector = std::vector<T, NoInitAllocator<T>>;

}  // namespace mos::kernel
