// Expressions printed back as 2021.01 prints them in assertion messages and
// when echoing function values ("function(x) (x + 1)").
#pragma once

#include <string>

#include "lang/ast.h"

namespace mos::eval {

std::string ExprToString(const lang::Expr& e);
// "function(x, y = 2) body" for a function literal.
std::string FunctionLiteralToString(const lang::FunctionLiteralExpr& f);

}  // namespace mos::eval
