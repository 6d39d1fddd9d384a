// One render without the Engine's exception boundary:
// parse -> evaluate -> echo / csg text -> geometry. Engine::Render wraps it.
#pragma once

#include <mutex>

#include "engine/parse_cache.h"
#include "geom/geometry_cache.h"
#include "mos/engine.h"

namespace mos::engine {

// What the renders of one Engine share. The parse cache is used under
// `parseMutex`; the geometry cache locks itself.
struct SharedCaches {
  std::mutex parseMutex;
  ParseCache parseCache{64};  // main files and `use`d libraries
  geom::GeometryCache geometryCache;
  explicit SharedCaches(uint64_t geometryBudget) : geometryCache(geometryBudget) {}
};

// May throw (std::bad_alloc, internal errors); the Engine catches.
RenderResult RunPipeline(const RenderRequest& request, SharedCaches& caches);

}  // namespace mos::engine
