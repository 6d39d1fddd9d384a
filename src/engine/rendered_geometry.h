// What the Engine keeps of a geometry render: the double-precision result
// the exporters write (the public Mesh is float32, for viewers).
#pragma once

#include "geom/geometry_evaluator.h"
#include "mos/engine.h"

namespace mos {

struct RenderedGeometry {
  geom::RenderResult render;
};

namespace engine {

// Renders the node tree into `result` (mesh, summary, geometry handle) and
// appends the geometry stage's WARNING/ERROR lines to its echo text.
void RenderGeometry(const eval::Node& root, const eval::EvalLog& log, const RenderRequest& request,
                    RenderResult& result);

}  // namespace engine
}  // namespace mos
