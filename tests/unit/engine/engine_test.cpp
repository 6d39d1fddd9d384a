#include "mos/engine.h"

#include <gtest/gtest.h>

#include "engine/render_pipeline.h"

namespace mos {
namespace {

bool HasError(const RenderResult& r) {
  for (const auto& d : r.diagnostics) {
    if (d.severity == Severity::Error) return true;
  }
  return false;
}

TEST(Engine, MissingFileEndsAsDiagnosticNotException) {
  Engine engine;
  RenderRequest request;
  request.file = "/nonexistent/dir/model.scad";
  RenderResult result = engine.Render(request);
  EXPECT_FALSE(result.ok);
  EXPECT_FALSE(result.parsed);
  EXPECT_TRUE(HasError(result));
}

// These need the parser and evaluator stages (written on other branches).
#if __has_include("eval/node.h")
TEST(Engine, EchoOfSource) {
  Engine engine;
  RenderRequest request;
  request.source = "echo(1 + 2);\n";
  RenderResult result = engine.Render(request);
  EXPECT_TRUE(result.parsed);
  EXPECT_EQ(result.echo, "ECHO: 3\n");
}

TEST(Engine, SyntaxErrorAddsCantParseLine) {
  Engine engine;
  RenderRequest request;
  request.source = "x = ;\n";
  request.sourceName = "syn.scad";
  RenderResult result = engine.Render(request);
  EXPECT_FALSE(result.parsed);
  EXPECT_NE(result.echo.find("Can't parse file 'syn.scad'!\n\n"), std::string::npos);
}
#else
TEST(Engine, ReportsMissingStages) { EXPECT_FALSE(engine::PipelineAvailable()); }
#endif

}  // namespace
}  // namespace mos
