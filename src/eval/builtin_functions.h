// Registry of 2021.01's builtin functions (sin, len, search, str, ...):
// name, implementation and call tip registered together, one file per family
// (builtin_functions_math.cpp, _string.cpp, _list.cpp, ...).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eval/value.h"
#include "lang/ast.h"

namespace mos::eval {

class EvalLog;

struct CallArgument {
  std::string name;  // empty for positional
  Value value;
};

// What a builtin sees of its call: evaluated arguments, where the call is
// (for warnings worded as 2021.01 words them), and the log.
struct BuiltinCall {
  std::string_view name;
  const std::vector<CallArgument>& args;
  const lang::SourceSpan& span;
  EvalLog& log;
};

using BuiltinFunctionImpl = Value (*)(const BuiltinCall& call);

struct BuiltinFunction {
  const char* name;
  BuiltinFunctionImpl impl;
  const char* callTip;  // e.g. "len(vector | string)"
};

// nullptr when `name` is not a builtin function.
const BuiltinFunction* FindBuiltinFunction(std::string_view name);

}  // namespace mos::eval
