// search(match, table[, num_returns_per_match[, index_col_num]]) with all
// of 2021.01's forms, result shapes and warnings:
// - a number (or any single non-string value in a vector match) is compared
//   with table entries: entry[col] for vector entries, the entry itself (or,
//   at col 0, a whole vector entry);
// - a string is searched character by character: in a string table by code
//   point, in a vector table against entry[col] (entries that are not
//   vectors long enough are reported and end the search with []);
// - a vector searches each of its elements.
// num_returns_per_match 0 means all matches; a non-number means 0.
#include <cmath>
#include <cstdint>
#include <string>

#include "eval/builtin_functions_internal.h"

namespace mos::eval::builtins {

namespace {

// 2021.01 reads num_returns_per_match and index_col_num as unsigned 32-bit
// integers: -1 is 4294967295 (all matches / no such column), 1e10 is
// 1410065408.
struct SearchOptions {
  size_t maxMatches = 1;  // SIZE_MAX for all
  bool listPerMatch = false;  // num_returns_per_match != 1
  uint32_t column = 0;
};

// The UTF-8 characters of s, each as its own string.
std::vector<std::string> Characters(const std::string& s) {
  std::vector<std::string> out;
  for (size_t pos = 0; pos < s.size();) {
    size_t end = pos + 1;
    while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
    out.push_back(s.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

bool EntryMatches(const Value& needle, const Value& entry, const SearchOptions& o) {
  if (o.column == 0 && entry == needle) return true;
  if (entry.IsVector()) {
    const ValueVector& e = entry.AsVector();
    return o.column < e.size() && e[o.column] == needle;
  }
  return false;
}

// Indices of table entries matching `needle`, at most o.maxMatches.
ValueVector FindValue(const Value& needle, const Value& table, const SearchOptions& o) {
  ValueVector hits;
  if (!table.IsVector()) return hits;
  const ValueVector& t = table.AsVector();
  for (size_t j = 0; j < t.size() && hits.size() < o.maxMatches; ++j) {
    if (EntryMatches(needle, t[j], o)) hits.push_back(Value::Number(static_cast<double>(j)));
  }
  return hits;
}

Value SearchNumber(const Value& needle, const Value& table, const SearchOptions& o) {
  return Value::Vector(FindValue(needle, table, o));
}

Value SearchString(const BuiltinCall& call, const std::string& needle, const Value& table,
                   const SearchOptions& o) {
  ValueVector result;
  const std::vector<std::string> chars = Characters(needle);
  if (table.IsString()) {
    const std::vector<std::string> hay = Characters(table.AsString());
    for (const std::string& c : chars) {
      ValueVector hits;
      for (size_t j = 0; j < hay.size() && hits.size() < o.maxMatches; ++j) {
        if (hay[j] == c) hits.push_back(Value::Number(static_cast<double>(j)));
      }
      if (!o.listPerMatch) {
        if (!hits.empty()) result.push_back(hits[0]);
      } else {
        result.push_back(Value::Vector(std::move(hits)));
      }
    }
    return Value::Vector(std::move(result));
  }
  const ValueVector empty;
  const ValueVector& t = table.IsVector() ? table.AsVector() : empty;
  for (const std::string& c : chars) {
    ValueVector hits;
    for (size_t j = 0; j < t.size() && hits.size() < o.maxMatches; ++j) {
      const Value& entry = t[j];
      if (!entry.IsVector() || entry.AsVector().size() <= o.column) {
        const uint32_t required = o.column + 1u;  // wraps like 2021.01's
        Warn(call, "Invalid entry in search vector at index " + std::to_string(j) +
                       ", required number of values in the entry: " + std::to_string(required) +
                       ". Invalid entry: " + entry.ToEchoString());
        return Value::Vector({});
      }
      const Value& cell = entry.AsVector()[o.column];
      if (cell.IsString() && cell.AsString() == c) {
        hits.push_back(Value::Number(static_cast<double>(j)));
      }
    }
    if (hits.empty()) Warn(call, "search term not found: \"" + c + "\"");
    if (!o.listPerMatch) {
      if (!hits.empty()) result.push_back(hits[0]);
    } else {
      result.push_back(Value::Vector(std::move(hits)));
    }
  }
  return Value::Vector(std::move(result));
}

Value SearchVector(const ValueVector& needles, const Value& table, const SearchOptions& o) {
  ValueVector result;
  for (const Value& needle : needles) {
    ValueVector hits = FindValue(needle, table, o);
    if (!o.listPerMatch) {
      result.push_back(hits.empty() ? Value::Vector({}) : hits[0]);
    } else {
      result.push_back(Value::Vector(std::move(hits)));
    }
  }
  return Value::Vector(std::move(result));
}

// An optional numeric argument as 2021.01 converts it: truncated to a
// 64-bit integer (nan and out-of-range values become INT64_MIN, as x86
// does), then taken modulo 2^32; a non-number gives 0.
uint32_t ArgUnsigned(const std::vector<CallArgument>& args, size_t i, uint32_t fallback) {
  if (i >= args.size()) return fallback;
  const Value& v = args[i].value;
  if (!v.IsNumber()) return 0;
  const double d = std::trunc(v.AsNumber());
  if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0)) return 0;
  return static_cast<uint32_t>(static_cast<uint64_t>(static_cast<int64_t>(d)));
}

Value Search(const BuiltinCall& call) {
  const auto& args = call.args;
  if (args.size() < 2 || args.size() > 4) return WrongCount(call);
  SearchOptions o;
  const uint32_t returns = ArgUnsigned(args, 2, 1);
  o.listPerMatch = returns != 1;
  o.maxMatches = returns == 0 ? static_cast<size_t>(-1) : returns;
  o.column = ArgUnsigned(args, 3, 0);

  const Value& needle = args[0].value;
  const Value& table = args[1].value;
  if (needle.IsNumber()) return SearchNumber(needle, table, o);
  if (needle.IsString()) {
    if (needle.AsString().empty()) return Value::Vector({});
    return SearchString(call, needle.AsString(), table, o);
  }
  if (needle.IsVector()) return SearchVector(needle.AsVector(), table, o);
  return Value();
}

}  // namespace

void AddSearchFunction(std::vector<BuiltinFunction>& out) {
  out.push_back({"search", Search,
                 "search(match, string | vector[, num_returns_per_match[, index_col_num]]) -> "
                 "vector of indices"});
}

}  // namespace mos::eval::builtins
