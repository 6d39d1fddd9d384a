// The argument evaluation plans of 2021.01's builtin functions (see
// builtin_arguments.h), found by calling each builtin with 0..6 arguments
// that are unknown variables or echo() side effects.
#include "eval/builtin_arguments.h"

#include <string_view>

namespace mos::eval {

namespace {

// Builtins that take exactly one argument and evaluate none when called
// with another number of them.
bool IsOneArgument(std::string_view n) {
  static constexpr std::string_view kNames[] = {
      "len",   "abs",  "sign", "floor", "ceil",    "round",   "sqrt",      "exp",
      "ln",    "sin",  "cos",  "tan",   "asin",    "acos",    "atan",      "norm",
      "ord",   "is_undef", "is_bool", "is_num", "is_string", "is_list", "is_function"};
  for (std::string_view k : kNames)
    if (k == n) return true;
  return false;
}

}  // namespace

BuiltinArgumentPlan PlanBuiltinArguments(std::string_view name, size_t count) {
  using P = BuiltinArgumentPlan;
  if (IsOneArgument(name)) return count == 1 ? P::All : P::None;
  if (name == "pow" || name == "atan2" || name == "cross") return count == 2 ? P::All : P::None;
  if (name == "lookup") return count == 2 ? P::LookupKey : P::None;
  if (name == "log") return count == 1 ? P::All : count == 2 ? P::UntilNotNumber : P::None;
  if (name == "min" || name == "max") return count == 1 ? P::All : P::UntilNotNumber;
  if (name == "rands") return count == 3 || count == 4 ? P::UntilNotNumber : P::None;
  if (name == "search") return count < 2 ? P::None : count > 4 ? P::FirstFour : P::All;
  if (name == "version") return P::None;
  if (name == "version_num") return P::FirstOnly;
  return P::All;  // concat, str, chr and any builtin not listed
}

}  // namespace mos::eval
