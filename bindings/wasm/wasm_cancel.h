// The cancel flag of a WASM render: an Int32Array (on a SharedArrayBuffer
// when the page is cross-origin isolated) that another thread sets to a
// non-zero value while the engine runs. The engine has no threads in WASM,
// so it cannot watch a std::atomic; it polls the array at its cancel-check
// points instead (mos::CancelPoll), through Atomics.load in JS.
#pragma once

#include <emscripten/val.h>

#include "mos/cancel_poll.h"

namespace mos::wasm {

// One render's flag. Polls reach JS on every kPollStride-th check only: the
// kernel may check in inner loops. (Measured on the heavy models of
// cancel_test.mjs: at most ~5000 checks per second of render, so reading on
// every 4th costs nothing measurable, while the evaluator, which checks
// every 1024 steps, still reads every ~4096 steps.) Once the flag was seen
// set, every later poll of the render answers true without reading it
// again, so a stopped kernel step and the geometry stage after it agree.
class CancelFlag {
 public:
  static constexpr unsigned kPollStride = 4;

  // `array` is an Int32Array (index 0 is the flag) or undefined: no flag.
  explicit CancelFlag(const emscripten::val& array);
  ~CancelFlag();
  CancelFlag(const CancelFlag&) = delete;
  CancelFlag& operator=(const CancelFlag&) = delete;

  // For RenderRequest::cancelPoll; empty when there is no flag.
  CancelPoll Poll();
  bool Seen() const { return seen_; }
  unsigned JsReads() const { return jsReads_; }

 private:
  static bool PollThunk(void* self);

  bool active_ = false;
  bool seen_ = false;
  unsigned calls_ = 0;
  unsigned jsReads_ = 0;
};

}  // namespace mos::wasm
