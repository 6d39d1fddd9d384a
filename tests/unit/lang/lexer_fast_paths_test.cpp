// Tokenize's inline fast paths (Lexer::NextPunct, Lexer::NextPlainNumber)
// against Lexer::Next alone: every token of dense data, of code and of
// generated token soups (numbers next to words, dots, exponents, '$',
// comments, '\r', the end marker) must come out field for field the same.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "lang/lexer.h"
#include "lang/token_stream.h"

namespace mos::lang {
namespace {

// The tokens Tokenize makes of `text` (a main file without includes),
// lexed by Next() only, as Tokenize did before its fast paths.
std::vector<Token> ReferenceTokens(const std::string& text) {
  const std::string full = text + "\n\x03\n";
  Lexer lexer(full, 0);
  std::vector<Comment> comments;
  std::vector<Token> out;
  while (true) {
    Token t;
    lexer.Next(comments, t);
    const bool last = t.kind == TokenKind::End || t.kind == TokenKind::Error;
    out.push_back(std::move(t));
    if (last) return out;
  }
}

uint64_t Bits(double v) {
  uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

void ExpectSameTokens(const std::string& text) {
  const std::vector<Token> want = ReferenceTokens(text);
  const TokenStream got = Tokenize(text, "", "", "<test>", ParseOptions());
  ASSERT_EQ(got.tokens.size(), want.size()) << text.substr(0, 200);
  for (size_t i = 0; i < want.size(); ++i) {
    const Token& a = got.tokens[i];
    const Token& b = want[i];
    SCOPED_TRACE("token " + std::to_string(i) + " of: " + text.substr(0, 200));
    ASSERT_EQ(static_cast<int>(a.kind), static_cast<int>(b.kind));
    EXPECT_EQ(a.ch, b.ch);
    EXPECT_EQ(a.fileIndex, b.fileIndex);
    EXPECT_EQ(a.line, b.line);
    EXPECT_EQ(a.column, b.column);
    EXPECT_EQ(a.endLine, b.endLine);
    EXPECT_EQ(a.endColumn, b.endColumn);
    EXPECT_EQ(a.errorLine, b.errorLine);
    EXPECT_EQ(a.startLine, b.startLine);
    EXPECT_EQ(a.commentIndex, b.commentIndex);
    EXPECT_EQ(a.afterEndMarker, b.afterEndMarker);
    EXPECT_EQ(Bits(a.number), Bits(b.number));
    EXPECT_EQ(a.text, b.text);
  }
}

TEST(LexerFastPaths, MatchNextOnHandWrittenCases) {
  for (const char* text : {
           "[1,2,3]", "[[0,0],[8,8]],[]", "a=[1.5,.5,5.,1e3,1.e3,1.5e-2,2E+1];", "12abc;", "1.5abc",
           "1.5.3", "1..2", "x=[0:2:10];", "f(1,2)(3);", "$fn=12;", "1$a", "007", "0.000000000000000001",
           "123456789012345678901234567890", "1_", "1.e", "1.5e", "1e", "[1,/*c*/2,//d\n3]", "\r\n[1,\r2]",
           "[1\n,2\n]", "1;\x03 2;", "echo(1.0e0);", "\"s\",1,\"t\"", "[1,2", ")", "(", "1,", ",1",
           "\xC2\xA0[1]", "\xA0" "1"}) {
    ExpectSameTokens(text);
  }
}

TEST(LexerFastPaths, MatchNextOnLibraryFiles) {
  // Files without include or use (Tokenize would splice or resolve those).
  for (const char* name : {"fonts.scad", "regular_shapes.scad", "gears.scad", "lego_compatibility.scad",
                           "nuts_and_bolts.scad", "trochoids.scad", "units.scad"}) {
    std::ifstream in(std::string("/usr/share/openscad/libraries/MCAD/") + name, std::ios::binary);
    if (!in) continue;  // MCAD not installed
    std::stringstream ss;
    ss << in.rdbuf();
    ExpectSameTokens(ss.str());
  }
}

TEST(LexerFastPaths, MatchNextOnTokenSoups) {
  const char* pieces[] = {"1", "23", "4.5", ".5", "6.", "7e2", "8.e-1", "9E+3", "a", "b1", "_c", "$d", "1x",
                          "2_", ",", "[", "]", "(", ")", ";", ".", "e", "E", "+", "-", "=", "==", "<=",
                          " ", "\n", "\r", "\t", "//c\n", "/*c*/", "\"s\"", "\x03", "{", "}", "!", "?", ":"};
  std::mt19937 rng(16);
  std::uniform_int_distribution<size_t> pick(0, sizeof pieces / sizeof pieces[0] - 1);
  std::uniform_int_distribution<int> length(1, 60);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int k = length(rng); k > 0; --k) text += pieces[pick(rng)];
    ExpectSameTokens(text);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace mos::lang
