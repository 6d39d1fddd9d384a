// `mos -p sets.json -P name`: a customizer parameter set in OpenSCAD 2021.01's
// JSON format ({"parameterSets": {name: {parameter: "value", ...}}}) turned
// into -D style overrides, each value read as the type of the parameter's
// default as 2021.01 does: numbers as decimals (unreadable: default kept),
// booleans from true/false/1/0 (anything else: the whole set is refused),
// strings as they are, vectors element by element; names that are not
// parameters of the model are ignored.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "lang/ast.h"

namespace mos::cli {

struct ParameterSetOverrides {
  std::vector<std::pair<std::string, std::string>> defines;  // name, expression text
  std::vector<std::string> messages;                         // for stderr
  // Lines 2021.01 writes at the top of the .echo output (a set it refuses).
  std::vector<std::string> echoLines;
};

// The overrides of set `setName` of the JSON text `json` (read from
// `jsonPath`, named in messages) for the parameters of `model`.
ParameterSetOverrides ParameterSetDefines(const std::string& json, const std::string& jsonPath,
                                          const std::string& setName, const lang::File& model);

}  // namespace mos::cli
