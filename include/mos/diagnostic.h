// Diagnostics: every message the engine reports, with where it came from.
#pragma once

#include <string>
#include <vector>

namespace mos {

// A position in a source file. Lines and columns are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;  // path as the user named it (empty for inline source)
  int line = 0;
  int column = 0;
};

enum class Severity {
  Echo,        // ECHO: output of echo()
  Warning,     // WARNING:
  Deprecated,  // DEPRECATED:
  Error,       // ERROR: (evaluation continues or stops, as 2021.01 does)
  Trace,       // TRACE: call-stack lines after an assertion or error
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string message;  // text without the "WARNING: " prefix
  SourceLocation location;
};

// "file:line:col: error: message", for stderr and the Python/WASM front doors.
std::string FormatDiagnostic(const Diagnostic& d);

}  // namespace mos
