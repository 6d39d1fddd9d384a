// Expressions printed back as 2021.01 prints them in assertion messages and
// when echoing function values ("function(x) (x + 1)").
#pragma once

#include <string>

#include "lang/ast.h"

namespace mos::eval {

std::string ExprToString(const lang::Expr& e);
// A string in double quotes with \\, \", \t, \n, \r escaped, as 2021.01
// writes string literals in expressions and in the .csg dump.
std::string QuoteEscaped(const std::string& s);
// "function(x, y = 2) body" for a function literal.
std::string FunctionLiteralToString(const lang::FunctionLiteralExpr& f);

}  // namespace mos::eval
