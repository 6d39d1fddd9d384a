// Shorthands for building values and checking warnings in the value and
// builtin tests. Expected strings in these tests were taken from
// openscad 2021.01 output (`openscad -o out.echo t.scad` on small snippets).
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "eval/builtin_functions.h"
#include "eval/eval_log.h"
#include "eval/value.h"
#include "lang/ast.h"

namespace mos::eval::testing {

inline Value N(double d) { return Value::Number(d); }
inline Value S(const std::string& s) { return Value::String(s); }
inline Value B(bool b) { return Value::Bool(b); }
inline Value U() { return Value(); }
inline Value V(std::initializer_list<Value> items) { return Value::Vector(ValueVector(items)); }
inline Value Nums(std::initializer_list<double> items) {
  ValueVector v;
  for (double d : items) v.push_back(Value::Number(d));
  return Value::Vector(std::move(v));
}
inline Value R(double b, double s, double e) { return Value::Range(RangeValue{b, s, e}); }

// A log and a call site "t.scad, line 2" (the file lives in /w, the main
// directory), as 2021.01 reports a snippet's warnings.
struct Site {
  EvalLog log;
  lang::SourceSpan span;
  Site() {
    span.file = std::make_shared<const std::string>("/w/t.scad");
    span.line = 2;
    span.column = 1;
    log.SetMainDirectory("/w");
  }
  OpSite op() { return OpSite{&log, &span}; }
  // The lines logged so far, joined with '\n'.
  std::string Lines() const {
    std::string out;
    for (const std::string& l : log.Lines()) {
      if (!out.empty()) out += '\n';
      out += l;
    }
    return out;
  }
  // Calls builtin `name` with positional arguments.
  Value Call(const std::string& name, std::initializer_list<Value> args) {
    std::vector<CallArgument> list;
    for (const Value& v : args) list.push_back(CallArgument{"", v});
    const BuiltinFunction* f = FindBuiltinFunction(name);
    if (!f) return Value::String("<no builtin " + name + ">");
    BuiltinCall call{f->name, list, span, log};
    return f->impl(call);
  }
  // echo() text of a builtin call's result.
  std::string Echo(const std::string& name, std::initializer_list<Value> args) {
    return Call(name, args).ToEchoString();
  }
};

inline std::string W(const std::string& text) { return "WARNING: " + text + " in file t.scad, line 2"; }

}  // namespace mos::eval::testing
