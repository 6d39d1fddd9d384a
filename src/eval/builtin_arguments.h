// Which arguments of a builtin function call get evaluated, as in 2021.01.
// 2021.01 evaluates a builtin's arguments lazily, when the builtin asks for
// them, so warnings (and echo() side effects) inside arguments depend on the
// builtin: a call with the wrong number of arguments evaluates none of them
// (norm(a, a) warns about the count, never about `a`), rands/min/max/log
// stop at the first argument that is not a number, lookup evaluates a bad
// key twice (once more for its message), version() evaluates nothing,
// version_num() only its first argument, search() only its first four.
// The builtin then runs on the same number of arguments (search: at most
// four), the ones not evaluated left undef: every builtin checks its
// arguments in order and stops at the first bad one, so it never reads them.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "eval/builtin_functions.h"
#include "lang/ast.h"

namespace mos::eval {

enum class BuiltinArgumentPlan {
  All,              // every argument, in order
  None,             // none (wrong count, or a builtin that reads none)
  FirstOnly,        // the first argument only
  FirstFour,        // the first four; the call sees only those
  UntilNotNumber,   // in order, stopping after the first that is not a number
  LookupKey,        // the key; the table only when the key is a finite number
};

// The plan for a call of builtin `name` with `count` arguments (named ones
// count too: builtin functions ignore argument names).
BuiltinArgumentPlan PlanBuiltinArguments(std::string_view name, size_t count);

// Evaluates the arguments of a call of builtin `name` by its plan;
// `evalArg(i)` evaluates argument i.
template <class EvalArg>
void EvalBuiltinArguments(BuiltinArgumentPlan plan, const std::vector<lang::Argument>& exprs,
                          EvalArg&& evalArg, std::vector<CallArgument>& out);
template <class EvalArg>
std::vector<CallArgument> EvalBuiltinArguments(std::string_view name,
                                               const std::vector<lang::Argument>& exprs,
                                               EvalArg&& evalArg) {
  std::vector<CallArgument> out;
  EvalBuiltinArguments(PlanBuiltinArguments(name, exprs.size()), exprs,
                       std::forward<EvalArg>(evalArg), out);
  return out;
}

// The same with the plan already made (the evaluator keeps it per name),
// into `out` (emptied first; its capacity is reused).
template <class EvalArg>
void EvalBuiltinArguments(BuiltinArgumentPlan plan, const std::vector<lang::Argument>& exprs,
                          EvalArg&& evalArg, std::vector<CallArgument>& out) {
  out.clear();
  const size_t count =
      plan == BuiltinArgumentPlan::FirstFour ? std::min<size_t>(exprs.size(), 4) : exprs.size();
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    out.emplace_back();
    out.back().name = exprs[i].name;
  }
  switch (plan) {
    case BuiltinArgumentPlan::None:
      break;
    case BuiltinArgumentPlan::All:
    case BuiltinArgumentPlan::FirstFour:
      for (size_t i = 0; i < count; ++i) out[i].value = evalArg(i);
      break;
    case BuiltinArgumentPlan::FirstOnly:
      if (count > 0) out[0].value = evalArg(0);
      break;
    case BuiltinArgumentPlan::UntilNotNumber:
      for (size_t i = 0; i < count; ++i) {
        out[i].value = evalArg(i);
        if (!out[i].value.IsNumber()) break;
      }
      break;
    case BuiltinArgumentPlan::LookupKey: {
      out[0].value = evalArg(0);
      const Value& key = out[0].value;
      if (key.IsNumber() && std::isfinite(key.AsNumber())) {
        out[1].value = evalArg(1);
      } else {
        evalArg(0);  // 2021.01 evaluates the key again for its warning
      }
      break;
    }
  }
}

}  // namespace mos::eval
