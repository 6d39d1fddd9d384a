// EvalLog: prefixes, order, diagnostics and the " in file X, line N"
// suffix, whose file name 2021.01 makes relative to the directory of the
// file its parse started from (checked with openscad 2021.01: the main
// file, `include`d files as "sub/inc.scad" or "../p.scad", `use`d
// libraries relative to their own directory, e.g. "l.scad").
#include <gtest/gtest.h>

#include <memory>

#include "eval/eval_log.h"

namespace mos::eval {
namespace {

lang::SourceSpan At(const std::string& file, int line, int column = 1) {
  lang::SourceSpan s;
  s.file = std::make_shared<const std::string>(file);
  s.line = line;
  s.column = column;
  return s;
}

TEST(EvalLog, LinesInOrderWithPrefixes) {
  EvalLog log;
  lang::SourceSpan span = At("/w/t.scad", 1);
  log.Echo("1, 2", span);
  log.Warning("w", span);
  log.Deprecated("d", span);
  log.Error("e", span);
  log.Trace("t", span);
  ASSERT_EQ(log.Lines().size(), 5u);
  EXPECT_EQ(log.Lines()[0], "ECHO: 1, 2");
  EXPECT_EQ(log.Lines()[1], "WARNING: w");
  EXPECT_EQ(log.Lines()[2], "DEPRECATED: d");
  EXPECT_EQ(log.Lines()[3], "ERROR: e");
  EXPECT_EQ(log.Lines()[4], "TRACE: t");
  EXPECT_TRUE(log.HasErrors());
}

TEST(EvalLog, StructuredDiagnostics) {
  EvalLog log;
  log.Warning("Ignoring unknown variable 'x'", At("/w/t.scad", 3, 6));
  ASSERT_EQ(log.Diagnostics().size(), 1u);
  const Diagnostic& d = log.Diagnostics()[0];
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.message, "Ignoring unknown variable 'x'");
  EXPECT_EQ(d.location.file, "/w/t.scad");
  EXPECT_EQ(d.location.line, 3);
  EXPECT_EQ(d.location.column, 6);
  EXPECT_FALSE(log.HasErrors());
}

TEST(EvalLog, LocationSuffixRelativeToMainDirectory) {
  EvalLog log;
  log.SetMainDirectory("/tmp/vals");
  EXPECT_EQ(log.LocationSuffix(At("/tmp/vals/t2.scad", 3)), " in file t2.scad, line 3");
  EXPECT_EQ(log.LocationSuffix(At("/tmp/vals/sub/inc.scad", 1)),
            " in file sub/inc.scad, line 1");
  EXPECT_EQ(log.LocationSuffix(At("/tmp/p.scad", 1)), " in file ../p.scad, line 1");
  EXPECT_EQ(log.LocationSuffix(At("/usr/share/x.scad", 9)),
            " in file ../../usr/share/x.scad, line 9");
}

TEST(EvalLog, LocationSuffixForUsedLibraries) {
  EvalLog log;
  log.SetMainDirectory("/tmp/vals/sub");
  log.SetFileBaseDirectory("/tmp/otherlib/l.scad", "/tmp/otherlib");
  log.SetFileBaseDirectory("/tmp/otherlib/a/b/m.scad", "/tmp/otherlib/a");
  EXPECT_EQ(log.LocationSuffix(At("/tmp/otherlib/l.scad", 1)), " in file l.scad, line 1");
  EXPECT_EQ(log.LocationSuffix(At("/tmp/otherlib/a/b/m.scad", 1)), " in file b/m.scad, line 1");
}

TEST(EvalLog, LocationSuffixEdgeCases) {
  EvalLog log;
  EXPECT_EQ(log.LocationSuffix(lang::SourceSpan{}), "");
  EXPECT_EQ(log.LocationSuffix(At("<stdin>", 1)), " in file <stdin>, line 1");
  EXPECT_EQ(log.LocationSuffix(At("t.scad", 4)), " in file t.scad, line 4");
  log.SetMainDirectory("/w");
  EXPECT_EQ(log.DisplayFileName("/w/a/../b.scad"), "a/../b.scad");
}

}  // namespace
}  // namespace mos::eval
