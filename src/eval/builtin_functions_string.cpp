// String builtins of 2021.01: str, chr, ord.
#include <string>

#include "eval/builtin_functions_internal.h"

namespace mos::eval::builtins {

namespace {

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// First code point of a UTF-8 string (invalid bytes read as themselves).
uint32_t FirstCodePoint(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  const unsigned char c = p[0];
  auto cont = [&](size_t i) { return i < n ? static_cast<uint32_t>(p[i] & 0x3F) : 0u; };
  if (c < 0x80) return c;
  if ((c & 0xE0) == 0xC0) return ((c & 0x1Fu) << 6) | cont(1);
  if ((c & 0xF0) == 0xE0) return ((c & 0x0Fu) << 12) | (cont(1) << 6) | cont(2);
  if ((c & 0xF8) == 0xF0) return ((c & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
  return c;
}

Value Str(const BuiltinCall& call) {
  std::string out;
  for (const CallArgument& a : call.args) out += a.value.ToStrString();
  return Value::String(std::move(out));
}

// Numbers become characters (truncated; 0, surrogates and values beyond
// U+10FFFF are dropped silently), vectors are walked recursively, anything
// else is ignored.
void AppendChars(std::string& out, const Value& v, int depth) {
  if (v.IsNumber()) {
    const double d = v.AsNumber();
    if (!(d >= 1 && d < 1114112)) return;
    const auto cp = static_cast<uint32_t>(d);
    if (cp >= 0xD800 && cp <= 0xDFFF) return;
    AppendUtf8(out, cp);
  } else if (v.IsVector() && depth < kMaxValueNesting) {
    for (const Value& e : v.AsVector()) AppendChars(out, e, depth + 1);
  }
}

Value Chr(const BuiltinCall& call) {
  std::string out;
  for (const CallArgument& a : call.args) AppendChars(out, a.value, 0);
  return Value::String(std::move(out));
}

Value Ord(const BuiltinCall& call) {
  if (call.args.empty()) return Value();
  if (call.args.size() > 1) {
    Warn(call, "ord() called with " + std::to_string(call.args.size()) +
                   " arguments, only 1 argument expected");
    return Value();
  }
  const Value& s = call.args[0].value;
  if (!s.IsString()) {
    Warn(call, "ord() argument " + s.ToEchoString() + " is not of type string");
    return Value();
  }
  if (s.AsString().empty()) return Value();
  return Value::Number(FirstCodePoint(s.AsString()));
}

}  // namespace

void AddStringFunctions(std::vector<BuiltinFunction>& out) {
  out.push_back({"str", Str, "str(value, ...) -> string"});
  out.push_back({"chr", Chr,
                 "chr(number | vector, ...) -> string"});
  out.push_back({"ord", Ord, "ord(string) -> number"});
}

}  // namespace mos::eval::builtins
