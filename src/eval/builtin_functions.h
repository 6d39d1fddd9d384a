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
  // The interned `name` (null when positional or not from the AST); set by
  // the evaluator, which binds arguments by it.
  const lang::SymbolData* symbol = nullptr;
};

// What a builtin sees of its call: evaluated arguments, where the call is
// (for warnings worded as 2021.01 words them), and the log. `name` is the
// builtin's name (used in warnings such as "len() parameter could not be
// converted"). Argument names are ignored, as 2021.01 ignores them for
// builtin functions (len(v=[1]) is 1).
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

// nullptr when `name` is not a builtin function. Not in the registry:
// parent_module() (needs the module stack: the evaluator implements it).
// dxf_dim()/dxf_cross() read their file through importer::ParseDxf.
const BuiltinFunction* FindBuiltinFunction(std::string_view name);

// Every registered builtin function, in registration order.
const std::vector<BuiltinFunction>& AllBuiltinFunctions();

}  // namespace mos::eval
