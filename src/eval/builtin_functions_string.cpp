// String builtins of 2021.01: str, chr, ord.
#include <string>

#include "eval/builtin_functions_internal.h"

#include "lang/lexer.h"

namespace mos::eval::builtins {

namespace {

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

// Strict UTF-8 validation (no overlong forms, surrogates or values beyond
// U+10FFFF), as 2021.01 validates ord()'s argument.
bool IsValidUtf8(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    size_t len = 0;
    uint32_t cp = 0, min = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

Value Str(const BuiltinCall& call) {
  std::string out;
  for (const CallArgument& a : call.args) out += a.value.ToStrString();
  return Value::String(std::move(out));
}

void AppendChar(std::string& out, double d) {
  if (!(d >= 1 && d < 1114112)) return;
  const auto cp = static_cast<uint32_t>(d);
  lang::AppendUtf8(cp, out);  // drops surrogates itself
}

// Numbers become characters (truncated; 0, surrogates and values beyond
// U+10FFFF are dropped silently), vectors and ranges are walked
// recursively, anything else is ignored. A range of 1000000 or more
// elements is refused with 2021.01's warning (with a period and without
// location, unlike the for statement's).
void AppendChars(const BuiltinCall& call, std::string& out, const Value& v, int depth) {
  if (v.IsNumber()) {
    AppendChar(out, v.AsNumber());
  } else if (v.IsVector() && depth < kMaxValueNesting) {
    for (const Value& e : v.AsVector()) AppendChars(call, out, e, depth + 1);
  } else if (v.IsRange()) {
    const RangeValue& r = v.AsRange();
    const uint32_t n = r.NumValues();
    if (n >= kMaxRangeElements) {
      WarnNoLocation(call, "Bad range parameter in for statement: too many elements (" +
                               std::to_string(n) + ").");
      return;
    }
    for (uint32_t i = 0; i < n; ++i) AppendChar(out, r.At(i));
  }
}

Value Chr(const BuiltinCall& call) {
  std::string out;
  for (const CallArgument& a : call.args) AppendChars(call, out, a.value, 0);
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
  if (!IsValidUtf8(s.AsString())) {
    Warn(call, "ord() argument '" + s.AsString() + "' is not a valid utf8 string");
    return Value();
  }
  if (s.AsString().empty()) return Value();
  return Value::Number(FirstCodePoint(s.AsString()));
}

}  // namespace

void AddStringFunctions(std::vector<BuiltinFunction>& out) {
  out.push_back({"str", Str, "str(value, ...) -> string"});
  out.push_back({"chr", Chr, "chr(number | vector | range, ...) -> string"});
  out.push_back({"ord", Ord, "ord(string) -> number"});
}

}  // namespace mos::eval::builtins
