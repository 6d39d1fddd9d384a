// `mos -o x.param` (or --export-format param): the customizer parameters of
// the main file as JSON, for tools that build their own controls:
//   {"parameters": [{"name", "type": "number"|"string"|"boolean"|"vector",
//     "initial", "caption" (the description), "group",
//     "min"/"max"/"step" (sliders, "[a:b]", "[a:s:b]", "[b]"),
//     "options": [{"name": label, "value": v}] (dropdowns), or "step"
//     (a number annotation)}], "fileFormatVersion": "1"}
// The same parameters marimo_openscad.parameters() returns.
#pragma once

#include <string>

#include "lang/ast.h"

namespace mos::cli {

std::string ParametersJson(const lang::File& file);

}  // namespace mos::cli
