// Cancel token and vertex / memory budget that every long kernel operation
// checks. A stopped operation returns what it has (or nothing) and a
// KernelDiagnostic; it never throws, crashes or allocates without bound.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>

#include "mos/cancel_poll.h"

namespace mos::kernel {

// A message from the kernel with the count it is about (e.g. "3 non-manifold
// edges": message "non-manifold edges", count 3).
struct KernelDiagnostic {
  std::string message;
  int64_t count = 0;
};

struct KernelLimits {
  const std::atomic<bool>* cancel = nullptr;  // the engine's cancel flag
  int64_t maxVertices = 0;                    // 0: kDefaultMaxVertices
  int64_t maxBytes = 0;                       // 0: kDefaultMaxBytes
  // The render's deadline (the clock's epoch: none). Passing it stops an
  // operation as a cancel does (Reason() Cancelled), with "timed out".
  std::chrono::steady_clock::time_point deadline{};
  CancelPoll cancelPoll;  // the cancel flag's polled form (last: keeps positional init)
  // Threads one operation may use (task_pool.h), the render's setting:
  // 1 serial, 0 all the machine has. Only a large boolean uses two.
  int threads = 1;
};

inline constexpr int64_t kDefaultMaxVertices = 50'000'000;
inline constexpr int64_t kDefaultMaxBytes = int64_t{2} << 30;  // WASM's 2 GiB heap

enum class StopReason { None, Cancelled, VertexBudget, MemoryBudget };

// One per operation. Check() is cheap (an atomic load and two compares); call
// it in every loop that can run long, with the sizes the operation is about
// to reach. Once it returned false it stays false.
class LimitGuard {
 public:
  LimitGuard() = default;
  LimitGuard(const KernelLimits& limits, std::string operation)
      : limits_(limits), operation_(std::move(operation)) {}

  bool Check(int64_t vertices = 0, int64_t bytes = 0) {
    if (reason_ != StopReason::None) return false;
    if ((limits_.cancel != nullptr && limits_.cancel->load(std::memory_order_relaxed)) ||
        limits_.cancelPoll.Requested()) {
      reason_ = StopReason::Cancelled;
    } else if (PastDeadline()) {
      reason_ = StopReason::Cancelled;
      timedOut_ = true;
    } else if (vertices > MaxVertices()) {
      reason_ = StopReason::VertexBudget;
      count_ = vertices;
    } else if (bytes > MaxBytes()) {
      reason_ = StopReason::MemoryBudget;
      count_ = bytes;
    }
    return reason_ == StopReason::None;
  }

  bool Stopped() const { return reason_ != StopReason::None; }
  StopReason Reason() const { return reason_; }

  KernelDiagnostic Diagnostic() const {
    const std::string op = operation_.empty() ? std::string("kernel operation") : operation_;
    switch (reason_) {
      case StopReason::None: return {};
      case StopReason::Cancelled: return {op + (timedOut_ ? ": timed out" : ": cancelled"), 0};
      case StopReason::VertexBudget:
        return {op + ": stopped, vertex budget of " + std::to_string(MaxVertices()) +
                    " exceeded",
                count_};
      case StopReason::MemoryBudget:
        return {op + ": stopped, memory budget of " + std::to_string(MaxBytes()) +
                    " bytes exceeded",
                count_};
    }
    return {};
  }

  int64_t MaxVertices() const {
    return limits_.maxVertices > 0 ? limits_.maxVertices : kDefaultMaxVertices;
  }
  int64_t MaxBytes() const { return limits_.maxBytes > 0 ? limits_.maxBytes : kDefaultMaxBytes; }
  bool TimedOut() const { return timedOut_; }
  int Threads() const { return limits_.threads; }

 private:
  // The clock is read on every 64th check only (Check runs in inner loops).
  bool PastDeadline() {
    if (limits_.deadline == std::chrono::steady_clock::time_point{}) return false;
    if ((checks_++ & 63) != 0) return false;
    return std::chrono::steady_clock::now() >= limits_.deadline;
  }

  KernelLimits limits_;
  std::string operation_;
  StopReason reason_ = StopReason::None;
  int64_t count_ = 0;
  uint32_t checks_ = 0;
  bool timedOut_ = false;
};

}  // namespace mos::kernel
