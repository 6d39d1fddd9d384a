// Helpers shared by the builtin function families (builtin_functions_*.cpp).
#pragma once

#include <string>
#include <vector>

#include "eval/builtin_functions.h"
#include "eval/eval_log.h"

namespace mos::eval::builtins {

// A WARNING line "<text> in file X, line N" at the call.
void Warn(const BuiltinCall& call, const std::string& text);
// A WARNING line without location (2021.01 prints a few that way).
void WarnNoLocation(const BuiltinCall& call, const std::string& text);

// "<name>() number of parameters does not match"; returns undef.
Value WrongCount(const BuiltinCall& call);
// "<name>() parameter could not be converted"; returns undef.
Value NotConverted(const BuiltinCall& call);

// sin/cos of an angle in degrees as 2021.01 computes them (also for
// rotate()): reduced to the first quadrant, exact at multiples of 30/45.
double SinDegrees(double degrees);
double CosDegrees(double degrees);

// One family each; appended to the registry in builtin_functions.cpp.
void AddMathFunctions(std::vector<BuiltinFunction>& out);
void AddTrigFunctions(std::vector<BuiltinFunction>& out);
void AddStringFunctions(std::vector<BuiltinFunction>& out);
void AddListFunctions(std::vector<BuiltinFunction>& out);
void AddSearchFunction(std::vector<BuiltinFunction>& out);
void AddTypeTestFunctions(std::vector<BuiltinFunction>& out);
void AddMiscFunctions(std::vector<BuiltinFunction>& out);
void AddDxfFunctions(std::vector<BuiltinFunction>& out);  // dxf_dim, dxf_cross

}  // namespace mos::eval::builtins
