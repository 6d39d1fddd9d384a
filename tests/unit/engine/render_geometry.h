// The engine tests' common call: SCAD text rendered to geometry on a fresh
// Engine (named model.scad in diagnostics).
#pragma once

#include <string>

#include "mos/engine.h"

namespace mos::testing {

inline RenderResult RenderGeometry(const std::string& source) {
  Engine engine;
  RenderRequest request;
  request.source = source;
  request.sourceName = "model.scad";
  request.wantGeometry = true;
  return engine.Render(request);
}

}  // namespace mos::testing
