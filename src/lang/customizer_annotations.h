// The customizer annotations 2021.01 computes after parsing the main file
// (what `-o x.ast` prints as //Parameter(...), //Description(...),
// //Group(...)). 2021.01 reads them from the raw file text line by line, not
// from tokens, with its own quirks; this mirrors that behaviour.
#pragma once

#include <string>

#include "lang/ast.h"

namespace mos::lang {

// Fills Assignment::annotations of the top-level assignments of `file` that
// come from the main file `mainPath` (spans name it) and have literal values.
// `fullText` is the main file's text as lexed (with the "\n\x03\n" suffix).
void AddCustomizerAnnotations(File& file, const std::string& mainPath, const std::string& fullText);

// The value a `// ...` comment after a parameter describes ("" when it does
// not parse): a number, words, [a:b], [a:s:b], [v, ...] or [v:label, ...].
ExprPtr ParseParameterComment(const std::string& comment);

// Whether 2021.01 considers the expression a literal (literals, and vectors,
// ranges and negations built only from literals).
bool IsLiteralExpr(const Expr& e);

}  // namespace mos::lang
