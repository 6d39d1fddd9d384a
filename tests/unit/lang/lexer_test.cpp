#include "lang/lexer.h"

#include <gtest/gtest.h>

namespace mos::lang {
namespace {

std::vector<Token> Lex(const std::string& text) {
  Lexer lexer(text, 0);
  std::vector<Comment> comments;
  std::vector<Token> out;
  while (true) {
    Token t = lexer.Next(comments);
    bool last = t.kind == TokenKind::End || t.kind == TokenKind::Error;
    out.push_back(std::move(t));
    if (last) return out;
  }
}

Token One(const std::string& text) {
  std::vector<Token> t = Lex(text);
  EXPECT_EQ(t.size(), 2u) << text;
  return t[0];
}

TEST(Lexer, NumberForms) {
  EXPECT_EQ(One("12").number, 12);
  EXPECT_EQ(One(".5").number, 0.5);
  EXPECT_EQ(One("1.").number, 1.0);
  EXPECT_EQ(One("1e-3").number, 1e-3);
  EXPECT_EQ(One("1.5E+2").number, 150);
  EXPECT_EQ(One("2.e3").number, 2000);
  EXPECT_EQ(One("1e3").kind, TokenKind::Number);
}

TEST(Lexer, LongestMatchBetweenNumberAndIdentifier) {
  // 2021.01 lets identifiers start with digits; the longer match wins and a
  // tie goes to the number.
  Token t = One("2x");
  EXPECT_EQ(t.kind, TokenKind::Identifier);
  EXPECT_EQ(t.text, "2x");
  EXPECT_EQ(One("1e").kind, TokenKind::Identifier);
  EXPECT_EQ(One("0x10").kind, TokenKind::Identifier);
  std::vector<Token> v = Lex("1.5.x");
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0].number, 1.5);
  EXPECT_EQ(v[1].ch, '.');
  EXPECT_EQ(v[2].text, "x");
}

TEST(Lexer, IdentifiersAndKeywords) {
  EXPECT_EQ(One("$fn").text, "$fn");
  EXPECT_EQ(One("$").kind, TokenKind::Punct);
  EXPECT_EQ(One("for").kind, TokenKind::For);
  EXPECT_EQ(One("for2").kind, TokenKind::Identifier);
  EXPECT_EQ(One("each").kind, TokenKind::Each);
  EXPECT_EQ(One("undef").kind, TokenKind::Undef);
  EXPECT_EQ(One("include").kind, TokenKind::Identifier) << "no '<' follows";
}

TEST(Lexer, Operators) {
  std::vector<Token> v = Lex("<= >= == != && || < ^ %");
  ASSERT_EQ(v.size(), 10u);
  EXPECT_EQ(v[0].kind, TokenKind::LessEqual);
  EXPECT_EQ(v[1].kind, TokenKind::GreaterEqual);
  EXPECT_EQ(v[2].kind, TokenKind::Equal);
  EXPECT_EQ(v[3].kind, TokenKind::NotEqual);
  EXPECT_EQ(v[4].kind, TokenKind::And);
  EXPECT_EQ(v[5].kind, TokenKind::Or);
  EXPECT_EQ(v[6].ch, '<');
  EXPECT_EQ(v[7].ch, '^');
}

TEST(Lexer, StringEscapesAsIn2021) {
  EXPECT_EQ(One(R"("a\tb\nc\rd\\e\"f")").text, "a\tb\nc\rd\\e\"f");
  EXPECT_EQ(One(R"("\x41\x7f")").text, "A\x7f");
  EXPECT_EQ(One(R"("\x00")").text, " ") << "NUL becomes a space";
  EXPECT_EQ(One(R"("\x80")").text, "x80") << "\\x takes 00..7F only";
  EXPECT_EQ(One(R"("\u00e9\U01F600")").text, "\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_EQ(One(R"("\u0000")").text, " ");
  EXPECT_EQ(One(R"("[\uD800][\U110000]")").text, "[][]") << "invalid code points vanish";
  EXPECT_EQ(One(R"("\U00000041")").text, " 41") << "\\U takes exactly six digits";
  EXPECT_EQ(One(R"("\u12")").text, "u12");
  EXPECT_EQ(One(R"("\q")").text, "q") << "unknown escape drops the backslash";
  EXPECT_EQ(One("\"a\nb\"").text, "ab") << "a raw newline is dropped";
}

TEST(Lexer, CommentsAreSkippedAndKept) {
  Lexer lexer("a // one\n/* two\n */ b", 0);
  std::vector<Comment> comments;
  Token a = lexer.Next(comments);
  Token b = lexer.Next(comments);
  EXPECT_EQ(a.text, "a");
  EXPECT_EQ(b.text, "b");
  EXPECT_EQ(b.line, 3);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].text, "// one");
  EXPECT_EQ(comments[1].text, "/* two\n */");
  EXPECT_EQ(b.commentIndex, 2u);
}

TEST(Lexer, UnterminatedStringAndComment) {
  Token s = Lex("x = \"abc\n")[2];
  EXPECT_EQ(s.kind, TokenKind::Error);
  EXPECT_EQ(s.text, "Unterminated string");
  EXPECT_EQ(s.errorLine, 2);
  Token c = Lex("/* abc")[0];
  EXPECT_EQ(c.kind, TokenKind::Error);
  EXPECT_EQ(c.text, "Unterminated comment");
}

TEST(Lexer, IncludeAndUseDirectives) {
  std::vector<Token> v = Lex("include <a/b c.scad> use\n<d.scad>");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].kind, TokenKind::Include);
  EXPECT_EQ(v[0].text, "a/b c.scad");
  EXPECT_EQ(v[1].kind, TokenKind::Use);
  EXPECT_EQ(v[1].text, "d.scad");
  Token bad = Lex("use <x.scad")[0];
  EXPECT_EQ(bad.kind, TokenKind::Error);
  EXPECT_EQ(bad.text, "Unterminated use statement");
  EXPECT_EQ(Lex("include <x")[0].text, "Unterminated include statement");
}

TEST(Lexer, NewlinesInsideAnIncludePathAreNotCounted) {
  // 2021.01 skips tabs and newlines between < > without counting lines.
  std::vector<Token> v = Lex("include <a/\nb.scad>\nx");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].text, "a/b.scad");
  EXPECT_EQ(v[1].line, 2);
  EXPECT_EQ(v[1].errorLine, 2);
}

TEST(Lexer, DirectivePathsAssembledAs2021) {
  // Runs between tabs/newlines replace the directory or file part.
  EXPECT_EQ(DirectivePath("a/b/c.scad", true), "a/b/c.scad");
  EXPECT_EQ(DirectivePath("../3 /* D/f/x.sca();\necho(1);\nuse<e.scad", true),
            "../3 /* D/f/use<e.scad") << "what openscad printed for a mutated corpus file";
  EXPECT_EQ(DirectivePath("a/\tb/\tc", true), "b/c");
  EXPECT_EQ(DirectivePath("test/", true), "test/");
  EXPECT_EQ(DirectivePath("x\ny.scad", false), "y.scad");
}

TEST(Lexer, PositionsAndCarriageReturns) {
  std::vector<Token> v = Lex("a\n  bb\r\ncc");
  EXPECT_EQ(v[1].line, 2);
  EXPECT_EQ(v[1].column, 3);
  EXPECT_EQ(v[1].endColumn, 5);
  // 2021.01 counts a '\r' between tokens as a line in AST locations, but
  // not in parser-error lines.
  EXPECT_EQ(v[2].line, 4);
  EXPECT_EQ(v[2].errorLine, 3);
}

TEST(Lexer, NoBreakSpaceIsWhitespace) {
  std::vector<Token> v = Lex("a\xa0=\xc2\xa0" "1");
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[1].ch, '=');
}

TEST(Lexer, OtherBytesAreSingleCharacterTokens) {
  std::string text("\xc3\xa9\0x", 4);
  std::vector<Token> v = Lex(text);
  ASSERT_EQ(v.size(), 5u);
  EXPECT_EQ(v[0].kind, TokenKind::Punct);
  EXPECT_EQ(v[2].ch, '\0');
}

TEST(Lexer, Utf8Encoding) {
  std::string s;
  EXPECT_TRUE(AppendUtf8(0x41, s));
  EXPECT_TRUE(AppendUtf8(0x10FFFF, s));
  EXPECT_FALSE(AppendUtf8(0xDC00, s));
  EXPECT_EQ(s, "A\xf4\x8f\xbf\xbf");
}

}  // namespace
}  // namespace mos::lang
