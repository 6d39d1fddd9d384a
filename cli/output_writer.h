// Writing the files named by -o, chosen by their extension.
#pragma once

#include <string>

#include "mos/engine.h"

namespace mos::cli {

enum class OutputKind { Echo, Csg, Ast, Geometry, NotAvailable, Unknown };

OutputKind OutputKindOf(const std::string& path);

// Writes one output of `result`. Returns an error message, or "" on success.
// Nothing is written for formats not available yet, or when the model did
// not parse (2021.01 writes no .csg then either).
std::string WriteOutput(const std::string& path, const RenderResult& result);

}  // namespace mos::cli
