// Cancel token and size budget shared by hull, minkowski and section.
// (A stand-in until the kernel-wide limits header is merged; the fields are
// the same two every long kernel loop needs.)
#pragma once

#include <atomic>
#include <cstddef>

namespace mos::kernel {

struct HullBudget {
  const std::atomic<bool>* cancel = nullptr;  // set to true to stop early
  std::size_t maxVertices = 20'000'000;       // input/output vertex budget

  bool Cancelled() const {
    return cancel != nullptr && cancel->load(std::memory_order_relaxed);
  }
};

// Why an operation returned what it did.
enum class HullStatus {
  kOk,         // a closed, outward-oriented, manifold result
  kEmpty,      // fewer than 3 distinct points, or all collinear: no solid
  kPlanar,     // all points coplanar: no solid (see Hull3dResult)
  kCancelled,  // the cancel token was set
  kTooLarge,   // the vertex budget would be exceeded
};

}  // namespace mos::kernel
