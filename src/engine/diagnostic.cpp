#include "mos/diagnostic.h"

namespace mos {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.location.file.empty()) out += d.location.file;
  else out += "<source>";
  if (d.location.line > 0) {
    out += ":" + std::to_string(d.location.line);
    if (d.location.column > 0) out += ":" + std::to_string(d.location.column);
  }
  out += ": ";
  switch (d.severity) {
    case Severity::Echo: out += "echo: "; break;
    case Severity::Warning: out += "warning: "; break;
    case Severity::Deprecated: out += "deprecated: "; break;
    case Severity::Error: out += "error: "; break;
    case Severity::Trace: out += "trace: "; break;
  }
  out += d.message;
  return out;
}

}  // namespace mos
