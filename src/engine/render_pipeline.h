// One render without the Engine's locking and exception boundary:
// parse -> evaluate -> echo / csg text -> geometry. Engine::Render wraps it.
#pragma once

#include "engine/parse_cache.h"
#include "mos/engine.h"

namespace mos::engine {

// May throw (std::bad_alloc, internal errors); the Engine catches.
RenderResult RunPipeline(const RenderRequest& request, ParseCache& cache);

}  // namespace mos::engine
