// libFuzzer target: arbitrary bytes as SCAD source through lang::ParseSource
// and eval::Evaluate (+ the .csg dump) with tight limits. A crash, sanitizer
// report, uncaught exception, hang (libFuzzer -timeout) or memory blow-up
// (-rss_limit_mb) fails.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lang/parser.h"

#if __has_include("eval/node.h")  // the evaluator stage is merged
#define MOS_FUZZ_EVALUATE 1
#include "eval/evaluator.h"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string source(reinterpret_cast<const char*>(data), size);
  mos::lang::ParseOptions parseOptions;
  parseOptions.maxIncludeDepth = 8;
  // A directory that does not exist: relative includes resolve to nothing.
  mos::lang::ParseResult parsed =
      mos::lang::ParseSource(source, "fuzz.scad", "/nonexistent-mos-fuzz", parseOptions);
#ifdef MOS_FUZZ_EVALUATE
  if (parsed.file) {
    mos::eval::EvalOptions options;
    options.maxRecursionDepth = 200;
    options.timeoutSeconds = 2;
    mos::eval::EvalResult result = mos::eval::Evaluate(parsed.file, options);
    if (result.root) (void)mos::eval::DumpCsg(*result.root);
  }
#endif
  return 0;
}
