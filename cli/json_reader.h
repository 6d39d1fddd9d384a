// A small JSON reader for the files `mos` reads (2021.01 parameter sets):
// objects keep their member order, numbers keep their text. Nesting is
// bounded; bad input ends in an error message, never a crash.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mos::cli {

struct JsonValue {
  enum class Kind { Null, Bool, Number, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  std::string text;  // String: the decoded string; Number: the number as written
  std::vector<JsonValue> items;                             // Array
  std::vector<std::pair<std::string, JsonValue>> members;  // Object, in file order

  // The member named `name` of an object, or nullptr.
  const JsonValue* Find(const std::string& name) const;
};

// Parses `text` as one JSON value. Returns false and sets `error` (with the
// byte offset) when it is not JSON or nests deeper than 100 levels.
bool ParseJson(const std::string& text, JsonValue& out, std::string& error);

}  // namespace mos::cli
