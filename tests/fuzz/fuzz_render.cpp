// libFuzzer target: arbitrary bytes as SCAD source through parse + evaluate
// (Engine::Render runs lang::ParseSource then eval::Evaluate) with tight
// limits. A crash, sanitizer report, hang (libFuzzer -timeout) or an
// exception that reached the Engine's boundary ("internal error") fails.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "mos/engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static mos::Engine engine;  // long-lived, as in the notebook kernel
  mos::RenderRequest request;
  request.source.assign(reinterpret_cast<const char*>(data), size);
  request.sourceName = "fuzz.scad";
  request.wantCsg = true;
  request.limits.maxRecursionDepth = 200;
  request.limits.maxLoopIterations = 100000;
  request.limits.timeoutSeconds = 2;
  mos::RenderResult result = engine.Render(request);
  for (const auto& d : result.diagnostics) {
    if (d.message.rfind("internal error", 0) == 0) {
      std::fprintf(stderr, "exception escaped the stages: %s\n", d.message.c_str());
      std::abort();
    }
  }
  return 0;
}
