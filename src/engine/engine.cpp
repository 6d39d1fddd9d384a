// Engine: the public entry point. Owns what outlives one render and is the
// exception boundary: nothing thrown inside a render crosses Render().
#include "mos/engine.h"

#include <exception>
#include <mutex>
#include <new>

#include "engine/render_pipeline.h"

namespace mos {

struct Engine::Impl {
  // Renders are serialised: the stages keep per-render state and the parsed
  // file cache is shared between renders.
  std::mutex mutex;
  engine::ParseCache parseCache;
};

Engine::Engine() : impl_(std::make_unique<Impl>()) {}
Engine::~Engine() = default;

namespace {

RenderResult Failure(const RenderRequest& request, const std::string& message) {
  RenderResult result;
  result.ok = false;
  result.diagnostics.push_back({Severity::Error, message, {request.file, 0, 0}});
  return result;
}

}  // namespace

RenderResult Engine::Render(const RenderRequest& request) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    return engine::RunPipeline(request, impl_->parseCache);
  } catch (const std::bad_alloc&) {
    return Failure(request, "internal error: out of memory");
  } catch (const std::exception& e) {
    return Failure(request, std::string("internal error: ") + e.what());
  } catch (...) {
    return Failure(request, "internal error: unknown exception");
  }
}

}  // namespace mos
