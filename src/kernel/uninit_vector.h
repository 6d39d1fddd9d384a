// UninitVector: a std::vector whose elements are default-initialised: the size constructor
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

// The allocator of both vectors below. Elements built with arguments are
// constructed as usual; an element built without any is default-initialised
// (kind kDefaultInit: trivial members of types without default member
// initialisers stay unwritten) or not touched at all (kNoInit: for
// aggregates of trivial members, implicit-lifetime types the allocation
// creates, every member of which the owner writes before it is read).
enum class LazyInit { kDefaultInit, kNoInit };

template <typename T, LazyInit kKind>
class LazyInitAllocator : public std::allocator<T> {
 public:
  using value_type = T;
  template <typename U>
  struct rebind {
    using other = LazyInitAllocator<U, kKind>;
  };
  LazyInitAllocator() noexcept = default;
  template <typename U>
  LazyInitAllocator(const LazyInitAllocator<U, kKind>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept(kKind == LazyInit::kNoInit || std::is_nothrow_default_constructible_v<U>) {
    if constexpr (kKind == LazyInit::kNoInit) {
      static_assert(std::is_aggregate_v<U> && std::is_trivially_copyable_v<U> &&
                        std::is_trivially_destructible_v<U>,
                    "only for implicit-lifetime aggregates");
    } else {
      ::new (static_cast<void*>(p)) U;
    }
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

template <typename T>
using UninitVector = std::vector<T, LazyInitAllocator<T, LazyInit::kDefaultInit>>;

// A std::vector whose resize() leaves new elements unwritten even where the
// type has default member initialisers (so default-initialisation writes
// them): the BVH's internal nodes, each fitted once.
template <typename T>
using NoInitVector = std::vector<T, LazyInitAllocator<T, LazyInit::kNoInit>>;

}  // namespace mos::kernel
