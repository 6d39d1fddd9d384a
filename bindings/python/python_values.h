// Conversions from engine/parser values to Python objects for the extension.
#pragma once

#include <nanobind/nanobind.h>

#include "lang/ast.h"

namespace mos::python {

// A literal expression (what customizer annotations and parameter defaults
// hold) as a Python value: undef -> None, numbers -> float, vectors -> list,
// ranges -> {"begin", "step", "end"}; anything else -> None.
nanobind::object LiteralToPython(const lang::Expr* e, int depth = 0);

// The top-level parameters of a parsed main file with their customizer
// annotations, as a list of dicts (name, value, group, description,
// annotation, line).
nanobind::list ParametersToPython(const lang::File& file);

}  // namespace mos::python
