// Names resolved through interned symbols (lang/symbol.h) and the skipped
// scope walks for names never bound as variables or defined as functions:
// the same results as the full walks. Expected texts from openscad 2021.01.
#include <gtest/gtest.h>

#include <string>

#include "evaluator_test_util.h"
#include "lang/symbol.h"

namespace mos::eval {
namespace {

using testing::Echo;

TEST(SymbolLookup, BuiltinNamesAsVariablesFunctionValuesAndDollarNames) {
  EXPECT_EQ(Echo("cos = 5;\n"
            "echo(cos, cos(60));\n"
            "sin = function(x) x * 2;\n"
            "echo(sin(4));\n"
            "module m() { floor = 3; echo(floor, floor(2.5)); }\n"
            "m();\n"
            "function f(x) = let(round = x) round + round(0.6);\n"
            "echo(f(1));\n"
            "$q = 7;\n"
            "module show() echo($q);\n"
            "show($q = 8);\n"
            "show();\n"
            "echo(undefined_name_xyz);\n"
            "echo(mm(2));\n"
            "M = [[1, 2], [3, 4]];\n"
            "echo(M * M, M * [[1, 2, 3], [4, 5, 6]], [[1, 2], [3]] * M, [[1, \"a\"], [3, 4]] * M, [] * M);\n"),
            "ECHO: 5, 0.5\n"
            "ECHO: 8\n"
            "ECHO: 3, 2\n"
            "ECHO: 2\n"
            "ECHO: 8\n"
            "ECHO: 7\n"
            "WARNING: Ignoring unknown variable 'undefined_name_xyz' in file t.scad, line 13\n"
            "ECHO: undef\n"
            "WARNING: Ignoring unknown function 'mm' in file t.scad, line 14\n"
            "ECHO: undef\n"
            "WARNING: matrix*matrix left operand row length does not match right operand row count (1 != 2) at row 1 in file t.scad, line 16\n"
            "WARNING: Vector must contain only numbers. Problem at index 1\n"
            "WARNING: Vector must contain only numbers. Problem at index 1\n"
            "\twhile processing left operand at row 0 in file t.scad, line 16\n"
            "WARNING: Multiplication is undefined on empty vectors in file t.scad, line 16\n"
            "ECHO: [[7, 10], [15, 22]], [[9, 12, 15], [19, 26, 33]], undef, undef, undef\n");
}

TEST(SymbolLookup, SymbolsAreSharedAndFreedWithTheirLastHolder) {
  const size_t before = lang::LiveSymbolCount();
  {
    lang::Symbol a = lang::AcquireSymbol("s9_symbol_test_name");
    lang::Symbol b = lang::AcquireSymbol(std::string("s9_symbol_test_") + "name");
    EXPECT_EQ(a, b);
    EXPECT_EQ(a->text, "s9_symbol_test_name");
    EXPECT_FALSE(a->dollar);
    EXPECT_EQ(lang::FindSymbol("s9_symbol_test_name"), a);
    lang::ReleaseSymbol(a);
    EXPECT_EQ(lang::FindSymbol("s9_symbol_test_name"), b);
    lang::ReleaseSymbol(b);
  }
  EXPECT_EQ(lang::FindSymbol("s9_symbol_test_name"), nullptr);
  {
    lang::LazySymbol lazy;
    const std::string name = "$s9_lazy";
    lang::Symbol s = lazy.Get(name);
    EXPECT_TRUE(s->dollar);
    EXPECT_EQ(lazy.Get(name), s);
    lang::LazySymbol copy(lazy);  // starts empty, acquires its own reference
    EXPECT_EQ(copy.Get(name), s);
  }
  EXPECT_EQ(lang::FindSymbol("$s9_lazy"), nullptr);
  EXPECT_EQ(lang::LiveSymbolCount(), before);
}

TEST(SymbolLookup, ProgramsReleaseTheirNames) {
  // The evaluator's fixed names ($fn, $children, ...) live for the process.
  Echo("module m() cube(); m();");
  const size_t before = lang::LiveSymbolCount();
  Echo("s9_unique_var = 1; function s9_unique_fn(s9_unique_p) = s9_unique_p; echo(s9_unique_fn(s9_unique_var));");
  EXPECT_EQ(lang::FindSymbol("s9_unique_var"), nullptr);
  EXPECT_EQ(lang::FindSymbol("s9_unique_p"), nullptr);
  EXPECT_EQ(lang::LiveSymbolCount(), before);
}

}  // namespace
}  // namespace mos::eval
