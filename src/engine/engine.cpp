// Engine: the public entry point. Owns what outlives one render and is the
// exception boundary: nothing thrown inside a render crosses Render().
#include "mos/engine.h"

#include <exception>
#include <new>

#include "engine/render_pipeline.h"

namespace mos {

// Renders run concurrently: every stage keeps its state per render, and the
// caches they share lock themselves.
struct Engine::Impl {
  explicit Impl(const EngineOptions& options) : caches(options.geometryCacheBytes) {}
  engine::SharedCaches caches;
};

Engine::Engine() : Engine(EngineOptions{}) {}
Engine::Engine(const EngineOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Engine::~Engine() = default;

GeometryCacheInfo Engine::GeometryCache() const {
  const geom::GeometryCacheCounters c = impl_->caches.geometryCache.Counters();
  return {c.entries, c.bytes, c.budget, c.evictions};
}

void Engine::SetGeometryCacheBudget(uint64_t bytes) {
  impl_->caches.geometryCache.SetBudget(bytes);
}

void Engine::ClearGeometryCache() { impl_->caches.geometryCache.Clear(); }

namespace {

RenderResult Failure(const RenderRequest& request, const std::string& message) {
  RenderResult result;
  result.ok = false;
  result.diagnostics.push_back({Severity::Error, message, {request.file, 0, 0}});
  return result;
}

}  // namespace

RenderResult Engine::Render(const RenderRequest& request) {
  try {
    return engine::RunPipeline(request, impl_->caches);
  } catch (const std::bad_alloc&) {
    return Failure(request, "internal error: out of memory");
  } catch (const std::exception& e) {
    return Failure(request, std::string("internal error: ") + e.what());
  } catch (...) {
    return Failure(request, "internal error: unknown exception");
  }
}

}  // namespace mos
