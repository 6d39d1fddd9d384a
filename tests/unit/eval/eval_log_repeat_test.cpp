// 2021.01 drops a WARNING equal to each of the last five non-ECHO lines
// (checked with openscad 2021.01: `for (i = [1:8]) echo(u);` warns 5 times).
#include <gtest/gtest.h>

#include "eval/eval_log.h"

namespace mos::eval {
namespace {

TEST(EvalLogRepeats, SixthIdenticalWarningInARowIsDropped) {
  EvalLog log;
  lang::SourceSpan span;
  for (int i = 0; i < 8; ++i) {
    log.Warning("w", span);
    log.Echo("e", span);  // echoes do not break the run
  }
  int warnings = 0;
  for (const auto& l : log.Lines()) warnings += l == "WARNING: w";
  EXPECT_EQ(warnings, 5);
  log.Warning("other", span);
  log.Warning("w", span);  // the run is broken: shown again
  EXPECT_EQ(log.Lines().back(), "WARNING: w");
}

TEST(EvalLogRepeats, AlternatingWarningsAreAllShown) {
  EvalLog log;
  lang::SourceSpan span;
  for (int i = 0; i < 8; ++i) {
    log.Warning("a", span);
    log.Warning("b", span);
  }
  EXPECT_EQ(log.Lines().size(), 16u);
}

}  // namespace
}  // namespace mos::eval
