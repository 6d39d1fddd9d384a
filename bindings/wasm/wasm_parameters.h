// parameters(source, options?): the customizer parameters of a main file,
// the list `mos -o x.param` writes (src/lang/parameters_json.h).
#pragma once

#include <emscripten/val.h>

#include <string>

namespace mos::wasm {

// options: file (a .scad path in the file system, read instead of
// `source`), name (shown in messages for `source`), libraryPaths [dir, ...]
// (for include <...>; /libraries is searched last).
// Returns {ok, parameters: [...], diagnostics: [...]}; ok is false when a
// syntax error stopped parsing (parameters is then empty).
emscripten::val ParametersToJs(const std::string& source, const emscripten::val& options);

}  // namespace mos::wasm
