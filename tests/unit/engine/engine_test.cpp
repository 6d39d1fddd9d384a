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

TEST(Engine, SecondRenderOfUnchangedSourceHitsTheParseCache) {
  Engine engine;
  RenderRequest request;
  request.source = "a = 1;\necho(a);\n";
  request.sourceName = "cached.scad";
  RenderResult first = engine.Render(request);
  request.defines = {{"a", "2"}};  // a parameter change does not re-parse
  RenderResult second = engine.Render(request);
  EXPECT_EQ(first.stats.parsedFileCacheMisses, 1u);
  EXPECT_EQ(second.stats.parsedFileCacheHits, 1u);
  EXPECT_EQ(first.echo, "ECHO: 1\n");
  EXPECT_EQ(second.echo, "ECHO: 2\n");
}

}  // namespace
}  // namespace mos
