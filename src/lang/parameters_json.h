// The customizer parameters of a main file as JSON, for tools that build
// their own controls: `mos -o x.param` (or --export-format param), the WASM
// module's parameters() and `mos serve`'s page share it:
//   {"parameters": [{"name", "type": "number"|"string"|"boolean"|"vector",
//     "initial", "caption" (the description), "group", "line",
//     "min"/"max"/"step" (sliders, "[a:b]", "[a:s:b]", "[b]"),
//     "options": [{"name": label, "value": v}] (dropdowns), or "step"
//     (a number annotation)}], "fileFormatVersion": "1"}
// The same parameters marimo_openscad.parameters() returns.
#pragma once

#include <string>

#include "lang/ast.h"

namespace mos::lang {

std::string ParametersJson(const File& file);

// A JSON string literal of `s` (quotes, backslash, \n \r \t and the other
// control characters escaped; other bytes as they are).
std::string JsonString(const std::string& s);

}  // namespace mos::lang
