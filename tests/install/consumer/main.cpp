// Links the installed library and calls into it: a missing file must come
// back as a structured error diagnostic, not an exception or a crash.
#include <iostream>

#include <mos/engine.h>

int main() {
  mos::Engine engine;
  mos::RenderRequest request;
  request.file = "/nonexistent/consumer/model.scad";
  mos::RenderResult result = engine.Render(request);
  bool sawError = false;
  for (const auto& d : result.diagnostics) {
    std::cout << mos::FormatDiagnostic(d) << '\n';
    sawError = sawError || d.severity == mos::Severity::Error;
  }
  return (!result.ok && !result.parsed && sawError) ? 0 : 1;
}
