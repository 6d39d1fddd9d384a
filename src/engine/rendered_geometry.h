// What the Engine keeps of a geometry render: the double-precision result
// the exporters write (the public Mesh is float32, for viewers).
#pragma once

#include <chrono>

#include "geom/geometry_evaluator.h"
#include "mos/engine.h"

namespace mos {

struct RenderedGeometry {
  geom::RenderResult render;
};

namespace engine {

// What a geometry render uses besides the request.
struct GeometryContext {
  geom::GeometryCache* cache = nullptr;  // null: no caching
  std::chrono::steady_clock::time_point deadline{};  // epoch: none
};

// Renders the node tree into `result` (mesh, summary, geometry handle, cache
// stats) and appends the geometry stage's WARNING/ERROR lines to its echo text.
void RenderGeometry(const eval::Node& root, const eval::EvalLog& log, const RenderRequest& request,
                    const GeometryContext& context, RenderResult& result);

}  // namespace engine
}  // namespace mos
