// Printing a parsed file exactly as `openscad -o x.ast` (2021.01) does.
#pragma once

#include <string>

#include "lang/ast.h"

namespace mos::lang {

std::string DumpAst(const File& file);
std::string DumpExpr(const Expr& expr);

// A number as 2021.01 prints it in AST dumps (and echo): 6 significant
// digits, exponent without leading zeros ("1e+20", "1.5e-7"), "-0", "inf".
std::string FormatNumber(double value);

}  // namespace mos::lang
