// Type tests of 2021.01: is_undef is_bool is_num is_string is_list
// is_function (is_num(nan) is false; ranges are not lists).
#include <cmath>

#include "eval/builtin_functions_internal.h"

namespace mos::eval::builtins {

namespace {

bool IsUndef(const Value& v) { return v.IsUndef(); }
bool IsBool(const Value& v) { return v.IsBool(); }
bool IsNum(const Value& v) { return v.IsNumber() && !std::isnan(v.AsNumber()); }
bool IsString(const Value& v) { return v.IsString(); }
bool IsList(const Value& v) { return v.IsVector(); }
bool IsFunction(const Value& v) { return v.IsFunction(); }

template <bool (*Test)(const Value&)>
Value TypeTest(const BuiltinCall& call) {
  if (call.args.size() != 1) return WrongCount(call);
  return Value::Bool(Test(call.args[0].value));
}

}  // namespace

void AddTypeTestFunctions(std::vector<BuiltinFunction>& out) {
  out.push_back({"is_undef", TypeTest<IsUndef>, "is_undef(value) -> bool"});
  out.push_back({"is_bool", TypeTest<IsBool>, "is_bool(value) -> bool"});
  out.push_back({"is_num", TypeTest<IsNum>, "is_num(value) -> bool"});
  out.push_back({"is_string", TypeTest<IsString>, "is_string(value) -> bool"});
  out.push_back({"is_list", TypeTest<IsList>, "is_list(value) -> bool"});
  out.push_back({"is_function", TypeTest<IsFunction>, "is_function(value) -> bool"});
}

}  // namespace mos::eval::builtins
