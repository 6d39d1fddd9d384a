// libFuzzer target for the front end alone: arbitrary bytes through
// lang::ParseSource. Faster than fuzz_render, so it reaches deeper into the
// lexer and parser; a crash, sanitizer report, uncaught exception or hang
// fails.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lang/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string source(reinterpret_cast<const char*>(data), size);
  mos::lang::ParseOptions options;
  options.maxIncludeDepth = 8;
  // A directory that does not exist: relative includes resolve to nothing.
  (void)mos::lang::ParseSource(source, "fuzz.scad", "/nonexistent-mos-fuzz", options);
  return 0;
}
