// RenderRequest::cancelPoll: the polled cancel request (the WASM build's
// SharedArrayBuffer flag) stops evaluation, the geometry stage and a kernel
// boolean as the atomic flag does, and is asked at every check point.
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "mos/engine.h"

namespace mos {
namespace {

// Answers true from its `after`-th call on, counting every call. The
// geometry stage asks from every thread it renders sibling subtrees on, at
// once: the count is atomic (a plain int was a data race under TSan).
struct CountingPoll {
  std::atomic<int> calls{0};
  int after = 0;
  static bool Poll(void* self) {
    auto* p = static_cast<CountingPoll*>(self);
    return ++p->calls > p->after;
  }
  CancelPoll Get() { return {&CountingPoll::Poll, this}; }
};

bool HasError(const RenderResult& r, const std::string& text) {
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::Error && d.message.find(text) != std::string::npos) return true;
  return false;
}

TEST(EngineCancelPoll, StopsALongEvaluation) {
  Engine engine;
  CountingPoll poll;
  poll.after = 3;
  RenderRequest request;
  request.source = "function f(n) = n <= 0 ? 0 : 1 + f(n - 1);\n"
                   "x = [for (i = [0:99999]) f(50)];\necho(len(x));\n";
  request.cancelPoll = poll.Get();
  const RenderResult r = engine.Render(request);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(HasError(r, "Evaluation cancelled"));
  EXPECT_EQ(poll.calls.load(), 4);  // the first true answer ends it
}

TEST(EngineCancelPoll, StopsTheGeometryStage) {
  Engine engine;
  CountingPoll never;
  never.after = 1 << 30;
  RenderRequest request;
  request.source =
      "for (i = [0:7]) translate([i * 30, 0, 0]) difference() {\n"
      "  sphere(10, $fn=40); translate([3, 0, 0]) sphere(8, $fn=40); }\n";
  request.wantGeometry = true;
  request.cancelPoll = never.Get();
  const RenderResult full = engine.Render(request);
  ASSERT_TRUE(full.ok);
  EXPECT_GT(full.summary.volume, 0);
  // The evaluator asks every 1024 steps only; the geometry stage and kernel
  // booleans ask far more often.
  const int callsInFullRender = never.calls.load();
  EXPECT_GT(callsInFullRender, 100);

  // Stopped halfway through the geometry checks, with a fresh cache.
  Engine fresh;
  CountingPoll halfway;
  halfway.after = callsInFullRender / 2;
  request.cancelPoll = halfway.Get();
  const RenderResult stopped = fresh.Render(request);
  EXPECT_FALSE(stopped.ok);
  EXPECT_TRUE(HasError(stopped, "render cancelled"));
  EXPECT_EQ(stopped.summary.kind, GeometryKind::Empty);
  EXPECT_TRUE(stopped.mesh.positions.empty());
}

TEST(EngineCancelPoll, AnEmptyPollChangesNothing) {
  Engine engine;
  RenderRequest request;
  request.source = "cube(2);";
  request.wantGeometry = true;
  const RenderResult r = engine.Render(request);
  ASSERT_TRUE(r.ok);
  EXPECT_DOUBLE_EQ(r.summary.volume, 8);
}

}  // namespace
}  // namespace mos
