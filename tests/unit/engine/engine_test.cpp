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

TEST(Engine, EchoOfSourceWhenStagesAreBuilt) {
  if (!engine::PipelineAvailable()) GTEST_SKIP() << "parser/evaluator not merged";
  Engine engine;
  RenderRequest request;
  request.source = "echo(1 + 2);\n";
  RenderResult result = engine.Render(request);
  EXPECT_TRUE(result.parsed);
  EXPECT_EQ(result.echo, "ECHO: 3\n");
}

TEST(Engine, SyntaxErrorAddsCantParseLine) {
  if (!engine::PipelineAvailable()) GTEST_SKIP() << "parser/evaluator not merged";
  Engine engine;
  RenderRequest request;
  request.source = "x = ;\n";
  request.sourceName = "syn.scad";
  RenderResult result = engine.Render(request);
  EXPECT_FALSE(result.parsed);
  EXPECT_NE(result.echo.find("Can't parse file 'syn.scad'!\n\n"), std::string::npos);
}

}  // namespace
}  // namespace mos
