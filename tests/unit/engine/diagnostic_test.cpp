#include "mos/diagnostic.h"

#include <gtest/gtest.h>

TEST(Diagnostic, FormatsFileLineColumn) {
  mos::Diagnostic d{mos::Severity::Error, "syntax error", {"a.scad", 3, 7}};
  EXPECT_EQ(mos::FormatDiagnostic(d), "a.scad:3:7: error: syntax error");
}

TEST(Diagnostic, FormatsInlineSourceWithoutLine) {
  mos::Diagnostic d{mos::Severity::Warning, "something", {"", 0, 0}};
  EXPECT_EQ(mos::FormatDiagnostic(d), "<source>: warning: something");
}
