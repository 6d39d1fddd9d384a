// The Engine's geometry cache through the public API: counted reuse after a
// one-parameter change, the budget, concurrent renders on one Engine, and a
// cancel in the middle of a render leaving the cache consistent.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "mos/engine.h"

namespace mos {
namespace {

// Three parts, each a difference, placed apart; `hole` sizes part two's hole.
const char* kAssembly =
    "hole = 2;\n"
    "module part(r) difference() { cube(10); translate([5,5,-1]) cylinder(r=r, h=12, $fn=16); }\n"
    "part(3); translate([20,0,0]) part(hole); translate([40,0,0]) part(4);\n";

RenderRequest Request(const std::string& source,
                      std::vector<std::pair<std::string, std::string>> defines = {}) {
  RenderRequest request;
  request.source = source;
  request.sourceName = "model.scad";
  request.defines = std::move(defines);
  request.wantGeometry = true;
  return request;
}

bool HasDiagnostic(const RenderResult& r, const std::string& text) {
  for (const auto& d : r.diagnostics)
    if (d.message.find(text) != std::string::npos) return true;
  return false;
}

TEST(EngineCache, OneParameterChangeReevaluatesOnlyThatPart) {
  Engine engine;
  RenderResult cold = engine.Render(Request(kAssembly));
  ASSERT_TRUE(cold.ok);
  // Root union and three differences: all evaluated and stored; the root
  // union of three parts also stores the union of its first two (a prefix).
  EXPECT_EQ(cold.stats.geometryCacheHits, 0u);
  EXPECT_EQ(cold.stats.geometryCacheMisses, 4u);
  EXPECT_EQ(cold.stats.geometryCacheStores, 4u);
  EXPECT_EQ(cold.stats.geometryCacheEntries, 5u);
  EXPECT_GT(cold.stats.geometryCacheBytes, 0u);

  RenderResult same = engine.Render(Request(kAssembly));
  EXPECT_EQ(same.stats.geometryCacheHits, 1u);  // the root
  EXPECT_EQ(same.stats.geometryCacheMisses, 0u);
  EXPECT_EQ(same.summary.volume, cold.summary.volume);

  RenderResult changed = engine.Render(Request(kAssembly, {{"hole", "2.5"}}));
  ASSERT_TRUE(changed.ok);
  EXPECT_EQ(changed.stats.geometryCacheHits, 2u);    // parts one and three
  EXPECT_EQ(changed.stats.geometryCacheMisses, 2u);  // root and part two
  Engine fresh;
  RenderResult reference = fresh.Render(Request(kAssembly, {{"hole", "2.5"}}));
  EXPECT_EQ(changed.summary.volume, reference.summary.volume);
  EXPECT_EQ(changed.summary.triangles, reference.summary.triangles);
  EXPECT_EQ(changed.mesh.positions, reference.mesh.positions);
  EXPECT_EQ(changed.mesh.indices, reference.mesh.indices);
  EXPECT_EQ(changed.mesh.partNodes, reference.mesh.partNodes);
  EXPECT_GE(changed.stats.geometrySeconds, changed.stats.geometryEvalSeconds);
}

TEST(EngineCache, BudgetZeroTurnsTheCacheOff) {
  EngineOptions options;
  options.geometryCacheBytes = 0;
  Engine engine(options);
  engine.Render(Request(kAssembly));
  RenderResult again = engine.Render(Request(kAssembly));
  EXPECT_EQ(again.stats.geometryCacheHits, 0u);
  EXPECT_EQ(again.stats.geometryCacheMisses, 0u);
  EXPECT_EQ(engine.GeometryCache().entries, 0u);
}

TEST(EngineCache, BudgetAndClearThroughTheApi) {
  Engine engine;
  EXPECT_EQ(engine.GeometryCache().budgetBytes, EngineOptions::kDefaultGeometryCacheBytes);
  engine.Render(Request(kAssembly));
  EXPECT_EQ(engine.GeometryCache().entries, 5u);  // four nodes, one prefix
  engine.ClearGeometryCache();
  EXPECT_EQ(engine.GeometryCache().entries, 0u);
  engine.Render(Request(kAssembly));
  engine.SetGeometryCacheBudget(1);
  EXPECT_EQ(engine.GeometryCache().entries, 0u);
  EXPECT_GT(engine.GeometryCache().evictions, 0u);
}

TEST(EngineCache, ConcurrentRendersOnOneEngine) {
  Engine reference;
  std::vector<double> expected;
  const std::vector<std::string> holes = {"1", "1.5", "2", "2.5"};
  for (const auto& h : holes)
    expected.push_back(reference.Render(Request(kAssembly, {{"hole", h}})).summary.volume);

  Engine engine;
  std::atomic<int> wrong{0};
  std::atomic<uint64_t> hits{0};
  auto worker = [&](int offset) {
    for (int round = 0; round < 6; ++round) {
      const size_t i = static_cast<size_t>(round + offset) % holes.size();
      RenderResult r = engine.Render(Request(kAssembly, {{"hole", holes[i]}}));
      if (!r.ok || r.summary.volume != expected[i]) ++wrong;
      hits += r.stats.geometryCacheHits;
    }
  };
  std::thread a(worker, 0), b(worker, 1);
  a.join();
  b.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_GT(hits.load(), 0u);
}

// Many independent parts, each a boolean of spheres: long enough that a
// cancel set after the first stored subtree lands in the middle. (A
// difference of two: every cache entry is a finished part, no prefix.)
std::string HeavyModel(int parts) {
  return "for (i = [0:" + std::to_string(parts - 1) +
         "]) translate([i * 30, 0, 0]) difference() {\n"
         "  sphere(10, $fn=40); translate([3 + i / 100, 0, 0]) sphere(8, $fn=40); }\n";
}

TEST(EngineCache, CancelMidRenderReportsItAndKeepsTheCacheConsistent) {
  Engine engine;
  std::atomic<bool> cancel{false};
  RenderRequest request = Request(HeavyModel(24));
  request.cancel = &cancel;
  std::atomic<bool> done{false};
  // Cancels as soon as the render has stored its first subtree.
  std::thread canceller([&] {
    while (!done.load() && engine.GeometryCache().entries == 0) std::this_thread::yield();
    cancel = true;
  });
  RenderResult r = engine.Render(request);
  done = true;
  canceller.join();
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(HasDiagnostic(r, "render cancelled"));
  EXPECT_EQ(r.summary.kind, GeometryKind::Empty);
  const uint64_t kept = engine.GeometryCache().entries;
  EXPECT_GT(kept, 0u);
  EXPECT_LT(kept, 25u);  // not every part finished

  // What the cancelled render stored is whole: a full render reuses it and
  // gives exactly what a fresh engine gives.
  RenderRequest full = Request(HeavyModel(24));
  RenderResult resumed = engine.Render(full);
  ASSERT_TRUE(resumed.ok);
  EXPECT_EQ(resumed.stats.geometryCacheHits, kept);  // every finished part
  Engine fresh;
  RenderResult reference = fresh.Render(full);
  EXPECT_EQ(resumed.summary.volume, reference.summary.volume);
  EXPECT_EQ(resumed.mesh.positions, reference.mesh.positions);
  EXPECT_EQ(resumed.mesh.indices, reference.mesh.indices);
}

TEST(EngineCache, TimeLimitEndsTheRenderWithADiagnostic) {
  Engine engine;
  RenderRequest request = Request(HeavyModel(24));
  request.limits.timeoutSeconds = 1e-9;
  RenderResult r = engine.Render(request);
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.diagnostics.empty());
}

TEST(EngineCache, VertexBudgetEndsWithADiagnostic) {
  Engine engine;
  RenderRequest request = Request("sphere(10, $fn=400);");
  request.limits.maxVertices = 1000;
  RenderResult r = engine.Render(request);
  EXPECT_TRUE(HasDiagnostic(r, "vertex budget"));
  EXPECT_EQ(r.summary.kind, GeometryKind::Empty);
}

TEST(EngineCache, ResultOverTheVertexBudgetIsLeftOutWithADiagnostic) {
  // Each sphere is within the budget, their union is not.
  Engine engine;
  RenderRequest request =
      Request("union() { sphere(5, $fn=24); translate([30,0,0]) sphere(5, $fn=24); }");
  request.limits.maxVertices = 400;
  RenderResult r = engine.Render(request);
  EXPECT_TRUE(HasDiagnostic(r, "vertex budget of 400 exceeded"));
  EXPECT_EQ(r.summary.kind, GeometryKind::Empty);
  request.limits.maxVertices = 0;
  RenderResult unlimited = engine.Render(request);
  EXPECT_EQ(unlimited.summary.kind, GeometryKind::ThreeD);
  EXPECT_FALSE(HasDiagnostic(unlimited, "vertex budget"));
}

}  // namespace
}  // namespace mos
