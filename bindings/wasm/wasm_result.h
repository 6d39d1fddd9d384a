// mos::RenderResult -> the plain JS object render() returns.
#pragma once

#include <emscripten/val.h>

#include <string>
#include <vector>

#include "mos/engine.h"

namespace mos::wasm {

// {ok, parsed, cancelled, echo, echoBytes, csg?, ast?, diagnostics, stats,
//  kind, volume, area, bbox: {min, max}, triangles, vertices, components,
//  genus, mesh?: {positions, indices, partIds, palette, partNodes}}
// The mesh arrays are views into `result` on the WASM heap unless `copy`:
// valid only while `result` lives and the heap does not grow, so add them
// last (AddMesh) and copy them out before the next render.
emscripten::val ResultToJs(const RenderResult& result, bool cancelled);
void AddMesh(const RenderResult& result, bool copy, emscripten::val& out);

// [{severity, message, file, line, column, text}]
emscripten::val DiagnosticsToJs(const std::vector<Diagnostic>& diagnostics);

emscripten::val FailureToJs(const std::string& message);

}  // namespace mos::wasm
