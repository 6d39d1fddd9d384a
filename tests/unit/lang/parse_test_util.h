// Helpers shared by the lang tests.
#pragma once

#include <filesystem>
#include <string>

#include "lang/ast.h"
#include "lang/parser.h"

namespace mos::lang::test {

inline ParseResult Parse(const std::string& text) {
  // Named as a file in the working directory, so messages say "test.scad".
  return ParseSource(text, "test.scad", std::filesystem::current_path().string(), ParseOptions{});
}

// The expression of `x = <expr>;`.
inline ExprPtr ParseExpr(const std::string& exprText) {
  ParseResult r = Parse("x = " + exprText + ";");
  if (!r.file || r.file->body.assignments.empty()) return nullptr;
  return r.file->body.assignments[0].value;
}

inline std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

template <typename T>
const T& As(const ExprPtr& e) {
  return static_cast<const T&>(*e);
}

}  // namespace mos::lang::test
