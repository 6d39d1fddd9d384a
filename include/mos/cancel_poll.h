// A cancel request read through a call instead of a flag. For hosts whose
// canceller cannot write the std::atomic<bool> a render reads: the WASM build
// has no threads, so the page sets an Int32Array on a SharedArrayBuffer and
// the poll reads it with Atomics.load. Every cancel-check point of the
// evaluator, the geometry stage and the kernel calls it next to the flag, so
// it must be cheap (rate-limit inside when the read itself is not) and
// thread-safe: a native render calls it from every thread it runs sibling
// subtrees and boolean halves on, at the same time.
#pragma once

namespace mos {

struct CancelPoll {
  bool (*poll)(void* data) = nullptr;  // true: stop the render
  void* data = nullptr;

  bool Requested() const { return poll != nullptr && poll(data); }
};

}  // namespace mos
