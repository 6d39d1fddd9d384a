#include "wasm_cancel.h"

#include <emscripten/emscripten.h>

// The flag lives on the module object for the duration of one render (there
// is one render at a time: the module has a single thread).
EM_JS(void, MosWasmSetCancelFlag, (const void* handle), {
  Module['mosCancelFlag'] = handle ? Emval.toValue(handle) : null;
});

EM_JS(int, MosWasmReadCancelFlag, (), {
  var flag = Module['mosCancelFlag'];
  return flag ? Atomics.load(flag, 0) : 0;
});

namespace mos::wasm {

CancelFlag::CancelFlag(const emscripten::val& array) {
  active_ = array.instanceof(emscripten::val::global("Int32Array")) &&
            array["length"].as<unsigned>() > 0;
  MosWasmSetCancelFlag(active_ ? static_cast<const void*>(array.as_handle()) : nullptr);
}

CancelFlag::~CancelFlag() { MosWasmSetCancelFlag(nullptr); }

CancelPoll CancelFlag::Poll() {
  CancelPoll poll;
  if (active_) {
    poll.poll = &CancelFlag::PollThunk;
    poll.data = this;
  }
  return poll;
}

bool CancelFlag::PollThunk(void* self) {
  auto* flag = static_cast<CancelFlag*>(self);
  if (flag->seen_) return true;
  // The first check reads at once, so a flag set before the render began
  // stops it before any work.
  if (flag->calls_++ % kPollStride != 0) return false;
  ++flag->jsReads_;
  flag->seen_ = MosWasmReadCancelFlag() != 0;
  return flag->seen_;
}

}  // namespace mos::wasm
