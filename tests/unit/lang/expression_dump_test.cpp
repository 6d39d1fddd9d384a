// Expressions and how 2021.01 prints them in `openscad -o x.ast`: the
// printed form makes precedence, associativity and every expression
// construct visible. The right column was produced by running openscad
// 2021.01 on `eN = <left>;` lines (with a `{}` at the end so that no
// customizer annotation is printed).
#include <gtest/gtest.h>

#include "lang/ast_dump.h"
#include "parse_test_util.h"

namespace mos::lang {
namespace {

struct Case {
  const char* source;
  const char* printed;
};

const Case kCases[] = {
    {"1 + 2 * 3",
     "(1 + (2 * 3))"},
    {"1 - 2 - 3",
     "((1 - 2) - 3)"},
    {"1 / 2 * 3 % 4",
     "(((1 / 2) * 3) % 4)"},
    {"2 ^ 3 ^ 2",
     "(2 ^ (3 ^ 2))"},
    {"-2 ^ 2",
     "-(2 ^ 2)"},
    {"2 ^ -1 ^ 2",
     "(2 ^ -(1 ^ 2))"},
    {"-a * b",
     "(-a * b)"},
    {"!a ^ 2",
     "!(a ^ 2)"},
    {"!a == b",
     "(!a == b)"},
    {"a < b == c > d",
     "((a < b) == (c > d))"},
    {"a || b && c || d",
     "((a || (b && c)) || d)"},
    {"a && b == c",
     "(a && (b == c))"},
    {"a == b != c",
     "((a == b) != c)"},
    {"1 + 2 < 3 - 4",
     "((1 + 2) < (3 - 4))"},
    {"a ? b : c ? d : e",
     "(a ? b : (c ? d : e))"},
    {"(a ? b : c) ? 1 : 2",
     "((a ? b : c) ? 1 : 2)"},
    {"a || b ? c + 1 : d",
     "((a || b) ? (c + 1) : d)"},
    {"+a - +b",
     "(a - b)"},
    {"- - a",
     "--a"},
    {"f(1)(2)[3].x",
     "(f(1))(2)[3].x"},
    {"v[1][2].y.z",
     "v[1][2].y.z"},
    {"(a + b)[0]",
     "(a + b)[0]"},
    {"[1, 2, 3][a + 1]",
     "[1, 2, 3][(a + 1)]"},
    {"function(x) x + 1",
     "function(x) (x + 1)"},
    {"function(x, y = 2) function(z) x * y * z",
     "function(x, y = 2) function(z) ((x * y) * z)"},
    {"(function(x) x)(3)",
     "(function(x) x)(3)"},
    {"let(a = 1, b = a + 1) a * b",
     "let(a = 1, b = (a + 1)) (a * b)"},
    {"assert(a > 0, \"msg\") a",
     "assert((a > 0), \"msg\") a"},
    {"echo(\"x\", y = 2) a + 1",
     "echo(\"x\", y = 2) (a + 1)"},
    {"assert(true)",
     "assert(true)"},
    {"echo()",
     "echo()"},
    {"let(a = 1) let(b = 2) [a, b]",
     "let(a = 1) let(b = 2) [a, b]"},
    {"[for (i = [0:3]) i * i]",
     "[for(i = [0 : 3]) ((i * i))]"},
    {"[for (i = [0:1], j = [2, 3]) [i, j]]",
     "[for(i = [0 : 1]) (for(j = [2, 3]) ([i, j]))]"},
    {"[for (i = 0; i < 3; i = i + 1) i]",
     "[for(i = 0;(i < 3);i = (i + 1)) i]"},
    {"[for (i = 0, j = 1; i < 3; i = i + 1, j = j * 2) [i, j]]",
     "[for(i = 0, j = 1;(i < 3);i = (i + 1), j = (j * 2)) [i, j]]"},
    {"[each [1, 2], 3, each a]",
     "[each ([1, 2]), 3, each (a)]"},
    {"[if (a) 1 else 2, if (b) 3]",
     "[if(a) (1) else (2), if(b) (3)]"},
    {"[for (i = a) if (i > 0) i else -i]",
     "[for(i = a) (if((i > 0)) (i) else (-i))]"},
    {"[let (x = 2) for (i = [0:x]) i]",
     "[let(x = 2) (for(i = [0 : x]) (i))]"},
    {"[1, let (x = 2) (for (i = [0:x]) i)]",
     "[1, let(x = 2) (for(i = [0 : x]) (i))]"},
    {"[for (i = [0:2]) let (y = i * 2) each [i, y]]",
     "[for(i = [0 : 2]) (let(y = (i * 2)) (each ([i, y])))]"},
    {"[if (a) for (i = b) i else each c]",
     "[if(a) (for(i = b) (i)) else (each (c))]"},
    {"[for (i = a) for (j = i) if (j) j]",
     "[for(i = a) (for(j = i) (if(j) (j)))]"},
    {"[let (x = 1) x]",
     "[let(x = 1) x]"},
    {"[1:2:10]",
     "[1 : 2 : 10]"},
    {"[a + 1 : b]",
     "[(a + 1) : b]"},
    {"[,]",
     "[]"},
    {"[1,,2,]",
     "[1, 2]"},
    {"[]",
     "[]"},
    {"[[1, 2], [3, 4]]",
     "[[1, 2], [3, 4]]"},
    {"\"a\\tb\\\\c\\\"d\"",
     "\"a\\tb\\\\c\\\"d\""},
    {"1e20 + 1.5e-7 + 123456789 + 0.00001 + 0.000001 + 1000000 + 100000",
     "((((((1e+20 + 1.5e-7) + 1.23457e+8) + 0.00001) + 1e-6) + 1e+6) + 100000)"},
    {"-0.5 * .5 * 1.",
     "((-0.5 * 0.5) * 1)"},
    {"true && false || undef",
     "((true && false) || undef)"},
    {"$fn + $children",
     "($fn + $children)"},
    {"1 ? 2 : 3 ? 4 : 5",
     "(1 ? 2 : (3 ? 4 : 5))"},
};

TEST(ExpressionPrecedence, MatchesOpenScad2021Dump) {
  for (const Case& c : kCases) {
    ExprPtr e = test::ParseExpr(c.source);
    ASSERT_TRUE(e) << c.source;
    EXPECT_EQ(DumpExpr(*e), c.printed) << c.source;
  }
}

}  // namespace
}  // namespace mos::lang
