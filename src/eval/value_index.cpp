// Indexing (v[i]) and member access (v.x) with 2021.01's semantics; strings
// index by UTF-8 code point.
#include <cmath>
#include <string>

#include "eval/value.h"

namespace mos::eval {

namespace {

bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Index from a number as 2021.01 converts it: truncated toward zero; false
// for negative (below -1 exclusive after truncation), nan or huge values.
bool ToIndex(const Value& i, size_t& out) {
  if (!i.IsNumber()) return false;
  const double d = i.AsNumber();
  if (!(d > -1.0) || !(d < 4294967296.0)) return false;  // nan, negative, huge
  out = static_cast<size_t>(d);
  return true;
}

}  // namespace

size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += IsContinuationByte(c) ? 0 : 1;
  return n;
}

Value Index(const Value& v, const Value& i) {
  size_t index = 0;
  if (!ToIndex(i, index)) return Value();
  switch (v.type()) {
    case Value::Type::Vector: {
      const ValueVector& items = v.AsVector();
      return index < items.size() ? items[index] : Value();
    }
    case Value::Type::String: {
      const std::string& s = v.AsString();
      if (v.StringCodePoints() == s.size())  // all ASCII: one byte per code point
        return index < s.size() ? Value::String(std::string(1, s[index])) : Value();
      size_t codePoint = 0;
      for (size_t pos = 0; pos < s.size();) {
        size_t end = pos + 1;
        while (end < s.size() && IsContinuationByte(static_cast<unsigned char>(s[end]))) ++end;
        if (codePoint == index) return Value::String(s.substr(pos, end - pos));
        ++codePoint;
        pos = end;
      }
      return Value();
    }
    case Value::Type::Range: {
      const RangeValue& r = v.AsRange();
      if (index == 0) return Value::Number(r.begin);
      if (index == 1) return Value::Number(r.step);
      if (index == 2) return Value::Number(r.end);
      return Value();
    }
    default:
      return Value();
  }
}

Value Member(const Value& v, const std::string& member) {
  if (v.IsRange()) {
    const RangeValue& r = v.AsRange();
    if (member == "begin") return Value::Number(r.begin);
    if (member == "step") return Value::Number(r.step);
    if (member == "end") return Value::Number(r.end);
    return Value();
  }
  if (!v.IsVector() || member.size() != 1) return Value();
  const char c = member[0];
  if (c != 'x' && c != 'y' && c != 'z') return Value();
  return Index(v, Value::Number(c - 'x'));
}

}  // namespace mos::eval
