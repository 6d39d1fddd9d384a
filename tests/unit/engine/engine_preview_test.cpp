// $preview as 2021.01 sets it: true for echo/csg output (OpenCSG preview),
// false when geometry is rendered (-o x.stl), unless the caller asks for
// preview semantics (a viewer showing 2021.01's F5 preview).
#include <gtest/gtest.h>

#include <string>

#include "mos/engine.h"

namespace mos {
namespace {

const char* kModel =
    "echo($preview=$preview);\n"
    "if ($preview) sphere(5, $fn=8); else cube(10);\n";

RenderResult Render(bool geometry, bool previewSemantics) {
  Engine engine;
  RenderRequest request;
  request.source = kModel;
  request.sourceName = "model.scad";
  request.wantGeometry = geometry;
  request.wantCsg = true;
  request.previewSemantics = previewSemantics;
  return engine.Render(request);
}

TEST(EnginePreview, EchoAndCsgRunsSeePreviewTrue) {
  RenderResult r = Render(false, false);
  ASSERT_TRUE(r.ok);
  EXPECT_NE(r.echo.find("ECHO: $preview = true"), std::string::npos) << r.echo;
  EXPECT_NE(r.csg.find("sphere("), std::string::npos) << r.csg;
  EXPECT_EQ(r.csg.find("cube("), std::string::npos) << r.csg;
}

TEST(EnginePreview, GeometryRenderSeesPreviewFalse) {
  RenderResult r = Render(true, false);
  ASSERT_TRUE(r.ok);
  EXPECT_NE(r.echo.find("ECHO: $preview = false"), std::string::npos) << r.echo;
  EXPECT_NE(r.csg.find("cube("), std::string::npos) << r.csg;
  EXPECT_NEAR(r.summary.volume, 1000.0, 1e-9);  // the cube branch
}

TEST(EnginePreview, PreviewSemanticsKeepPreviewTrueForGeometry) {
  RenderResult r = Render(true, true);
  ASSERT_TRUE(r.ok);
  EXPECT_NE(r.echo.find("ECHO: $preview = true"), std::string::npos) << r.echo;
  EXPECT_LT(r.summary.volume, 600.0);  // the $fn=8 sphere of r=5, not the cube
  EXPECT_GT(r.summary.volume, 300.0);
}

}  // namespace
}  // namespace mos
