// render()'s options object -> mos::RenderRequest.
#pragma once

#include <emscripten/val.h>

#include <string>

#include "mos/engine.h"

namespace mos::wasm {

// Where the data packages put OpenSCAD's libraries (MCAD) in the in-memory
// file system; searched after the request's own libraryPaths, as the native
// build searches /usr/share/openscad/libraries.
inline constexpr const char* kBuiltinLibraryDir = "/libraries";

// options (every field optional):
//   file, name            a .scad path in the file system / the name shown
//                         in messages for `source`
//   defines {name: expr}, libraryPaths [dir, ...]
//   mesh (default true)   render the geometry (mesh, measures); false: echo
//                         (and csg/ast) only, as `mos -o x.echo`
//   preview               $preview true with the mesh (OpenSCAD's F5)
//   csg, ast              also return the .csg / .ast text
//   export "stl" | ...    also return the geometry written in that format
//   maxRecursionDepth, maxLoopIterations, timeoutSeconds, maxVertices,
//   maxMemoryBytes        the engine's limits (mos::Limits)
// The cancel flag, the cache budget and `copy` are read by the caller.
RenderRequest RequestFrom(const std::string& source, const emscripten::val& options);

// A number field of `options`, or `fallback` when absent or not a number.
double NumberOption(const emscripten::val& options, const char* name, double fallback);
bool BoolOption(const emscripten::val& options, const char* name, bool fallback);

}  // namespace mos::wasm
