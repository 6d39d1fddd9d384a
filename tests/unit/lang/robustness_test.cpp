// Bad input never crashes, hangs or recurses without bound.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "lang/ast_dump.h"
#include "parse_test_util.h"

namespace mos::lang {
namespace {

bool HasError(const ParseResult& r, const std::string& what) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.severity == Severity::Error && d.message.find(what) != std::string::npos) return true;
  return false;
}

TEST(Robustness, DeepNestingEndsInADiagnostic) {
  const int n = 10000;
  const std::string cases[] = {
      "x = " + std::string(n, '(') + "1" + std::string(n, ')') + ";",
      "x = " + std::string(n, '[') + "1" + std::string(n, ']') + ";",
      "x = " + std::string(n, '-') + "1;",
      std::string(n, '{') + std::string(n, '}'),
      "x = " + std::string(n, '(') + ";",  // unbalanced as well
  };
  for (const std::string& text : cases) {
    ParseResult r = test::Parse(text);
    EXPECT_FALSE(r.file) << text.substr(0, 20);
    EXPECT_TRUE(HasError(r, "nesting too deep")) << text.substr(0, 20);
    ASSERT_FALSE(r.echoLines.empty());
    EXPECT_EQ(r.echoLines[0], "ERROR: Parser error: nesting too deep (limit 1000) in file test.scad, line 1");
  }
}

TEST(Robustness, LongOperatorChainsAndStatementNestingAreBounded) {
  std::string sum = "x = 1";
  std::string children;
  std::string elseIfs;
  for (int i = 0; i < 5000; ++i) {
    sum += "+1";
    children += "translate() ";
    elseIfs += "if (a) cube(); else ";
  }
  EXPECT_TRUE(HasError(test::Parse(sum + ";"), "nesting too deep"));
  EXPECT_TRUE(HasError(test::Parse(children + "cube();"), "nesting too deep"));
  EXPECT_TRUE(HasError(test::Parse(elseIfs + "cube();"), "nesting too deep"));
}

TEST(Robustness, ModerateNestingIsFine) {
  std::string text = "x = " + std::string(300, '(') + "1" + std::string(300, ')') + ";";
  EXPECT_TRUE(test::Parse(text).file);
  ParseOptions options;
  options.maxNestingDepth = 100;
  EXPECT_FALSE(ParseSource(text, "t.scad", "", options).file) << "the limit is an option";
}

TEST(Robustness, ArbitraryBytesNeverCrash) {
  std::mt19937 rng(12345);
  const std::string alphabet = "()[]{};,=+-*/%^!<>&|?:.\"\\$#_ \n\r\tabcxyz019eE";
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int len = static_cast<int>(rng() % 200);
    for (int i = 0; i < len; ++i) {
      if (rng() % 4 == 0) {
        text += static_cast<char>(rng() % 256);  // NUL, invalid UTF-8, anything
      } else {
        text += alphabet[rng() % alphabet.size()];
      }
    }
    ParseResult r = test::Parse(text);
    if (r.file) {
      (void)DumpAst(*r.file);
    } else {
      EXPECT_FALSE(r.diagnostics.empty());
    }
  }
}

TEST(Robustness, MutatedValidProgramsNeverCrash) {
  const std::string base =
      "module m(a = [1, 2], b) { for (i = [0:2]) translate([i, 0, 0]) cube(a[0]); }\n"
      "function f(x) = x < 1 ? 1 : x * f(x - 1);\n"
      "v = [for (i = [0:3]) if (i % 2) let (y = i) each [y, -y] else i];\n"
      "g = function (x) echo(x) assert(x > 0) x ^ 2;\n"
      "!m(); #m(b = \"s\\u00e9\\x41\"); %if (v[0].x) { *sphere(); } else cube();\n";
  std::mt19937 rng(777);
  for (int round = 0; round < 3000; ++round) {
    std::string text = base;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      size_t pos = rng() % text.size();
      switch (rng() % 3) {
        case 0: text.erase(pos, 1 + rng() % 3); break;
        case 1: text.insert(pos, 1, base[rng() % base.size()]); break;
        default: text[pos] = static_cast<char>(rng() % 256); break;
      }
    }
    ParseResult r = test::Parse(text);
    if (r.file) (void)DumpAst(*r.file);
  }
}

TEST(Robustness, NulBytesAndInvalidUtf8) {
  // 2021.01 reads the main file as a C string: it ends at the first NUL
  // (here inside a string, so the string is unterminated).
  std::string withNul("echo(\"a\0b\");", 13);
  ParseResult r = test::Parse(withNul);
  EXPECT_FALSE(r.file);
  EXPECT_EQ(test::JoinLines(r.echoLines),
            "ERROR: Parser error: Unterminated string in file test.scad, line 1\n"
            "ERROR: Parser error: syntax error in file test.scad, line 1\n"
            "Can't parse file 'test.scad'!\n\n");
  r = test::Parse(std::string("x=1 +\n\0\ny=2;\n", 13));
  EXPECT_EQ(r.echoLines[0], "ERROR: Parser error: syntax error in file test.scad, line 2");
  r = test::Parse(std::string("x=1;\n\0\ny=2;\n", 12));
  ASSERT_TRUE(r.file);
  EXPECT_EQ(r.file->body.assignments.size(), 1u);
  r = test::Parse("x = \"b\xff\xc3(\";");
  ASSERT_TRUE(r.file);
  EXPECT_EQ(test::As<LiteralExpr>(r.file->body.assignments[0].value).string, "b\xff\xc3(");
}

TEST(Robustness, TokenLimitBoundsMemory) {
  ParseOptions options;
  options.maxTokens = 1000;
  std::string text;
  for (int i = 0; i < 2000; ++i) text += ";";
  ParseResult r = ParseSource(text, "t.scad", "", options);
  EXPECT_FALSE(r.file);
  ASSERT_FALSE(r.echoLines.empty());
  EXPECT_NE(r.echoLines[0].find("too many tokens (limit 1000)"), std::string::npos);
  text.resize(900);
  EXPECT_TRUE(ParseSource(text, "t.scad", "", options).file);
}

TEST(Robustness, LargeFlatFileParses) {
  std::string text = "points = [";
  for (int i = 0; i < 50000; ++i) {
    if (i) text += ", ";
    text += '[';
    text += std::to_string(i);
    text += ", ";
    text += std::to_string(i * 0.5);
    text += ", 1e-3]";
  }
  text += "];\n";
  for (int i = 0; i < 20000; ++i) {
    text += "cube(";
    text += std::to_string(i);
    text += ");\n";
  }
  ParseResult r = test::Parse(text);
  ASSERT_TRUE(r.file);
  EXPECT_EQ(test::As<VectorExpr>(r.file->body.assignments[0].value).elements.size(), 50000u);
  EXPECT_EQ(r.file->body.instantiations.size(), 20000u);
}

}  // namespace
}  // namespace mos::lang
