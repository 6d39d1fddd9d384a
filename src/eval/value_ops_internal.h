// Helpers shared by the operator implementations (value_*.cpp only).
#pragma once

#include <string>

#include "eval/value.h"

namespace mos::eval {

// "undefined operation (vector + number)"
std::string UndefinedOperationText(const Value& a, const char* op, const Value& b);

// vec * scalar (or scalar * vec when scalarFirst), recursive into nested
// vectors; non-number elements become undef silently.
Value ScaleVector(const Value& vec, double scalar, bool scalarFirst, int depth);

}  // namespace mos::eval
