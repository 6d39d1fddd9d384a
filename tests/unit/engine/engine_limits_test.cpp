// mos::Limits reach the evaluator: maxLoopIterations ends loops with
// 2021.01's own messages.
#include <gtest/gtest.h>

#include "mos/engine.h"

namespace mos {
namespace {

TEST(EngineLimits, MaxLoopIterations) {
  Engine engine;
  RenderRequest request;
  request.source = "echo(len([for (i = [1:5]) i]));\necho(len([for (i = [1:6]) i]));\n";
  request.sourceName = "t.scad";
  request.limits.maxLoopIterations = 5;
  RenderResult limited = engine.Render(request);
  EXPECT_EQ(limited.echo,
            "ECHO: 5\n"
            "WARNING: Bad range parameter in for statement: too many elements (6) in file t.scad, "
            "line 2\n"
            "ECHO: 0\n");
  request.limits.maxLoopIterations = 0;  // 2021.01's limit
  EXPECT_EQ(engine.Render(request).echo, "ECHO: 5\nECHO: 6\n");
}

}  // namespace
}  // namespace mos
