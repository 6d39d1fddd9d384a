// The OpenSCAD 2021.01 lexer: turns one source buffer into tokens.
//
// Hand-written; mirrors the token rules of 2021.01 (longest match between
// numbers and identifiers, identifiers may start with digits, string escapes
// \x \u \U decoded to UTF-8, `include <f>` and `use <f>` recognised here).
// The driver (token_stream.cpp) handles include splicing across buffers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mos::lang {

enum class TokenKind : uint8_t {
  End,         // end of the main file
  Identifier,  // text = name (also $-names and names starting with digits)
  Number,      // number
  String,      // text = decoded contents
  Use,         // text = path as written between < >
  Include,     // text = path as written (only seen by the driver)
  Module, Function, If, Else, For, Let, Assert, Echo, Each, True, False, Undef,
  LessEqual, GreaterEqual, Equal, NotEqual, And, Or,
  EndMarker,   // "\x03": 2021.01 appends it after the main file; an empty statement
  Punct,       // any other single character, in `ch`
  Error,       // lexical error; text = message ("Unterminated string")
};

struct Token {
  TokenKind kind = TokenKind::End;
  char ch = 0;
  int32_t fileIndex = 0;
  // Lines as 2021.01 records them in AST locations: a '\r' between tokens
  // counts as a line break there. Its parser-error messages count '\n' only
  // and name the line where the offending token ends (errorLine); startLine
  // is the true line the token starts on (for our diagnostics).
  int32_t line = 0, column = 0, endLine = 0, endColumn = 0;
  int32_t errorLine = 0, startLine = 0;
  uint32_t commentIndex = 0;  // comments lexed before this token (all files)
  bool afterEndMarker = false;  // after a "\x03" (2021.01's -D text follows it)
  double number = 0;
  std::string text;
};

// A comment, verbatim with its delimiters.
struct Comment {
  int32_t fileIndex = 0;
  int32_t line = 0, column = 0, endLine = 0;
  std::string text;
};

// Lexes one buffer. Call Next() until it returns End (end of this buffer).
// The value of a number literal as the lexer reads it (D+E? | D*.D+E? |
// D+.D*E?): what strtod gives. Literals of at most 15 digits without an
// exponent are exact integers over an exact power of ten, so one division
// rounds them as strtod does; others go to strtod.
double NumberLiteralValue(std::string_view text);

class Lexer {
 public:
  Lexer(std::string_view text, int32_t fileIndex) : text_(text), fileIndex_(fileIndex) {}
  // Appends comments met on the way to `comments`.
  Token Next(std::vector<Comment>& comments) {
    Token t;
    Next(comments, t);
    return t;
  }
  // The same into `t`, a default-constructed Token (the driver lexes
  // straight into its token vector).
  void Next(std::vector<Comment>& comments, Token& t);
  // Next() for the commonest token of dense data (mcad's font tables: 62 %
  // of the tokens), one of , [ ] ( ) ; right at the current position: the
  // same token, inline, without Next()'s call and dispatch. False (and `t`
  // untouched) for anything else.
  bool NextPunct(const std::vector<Comment>& comments, Token& t) {
    if (pos_ >= text_.size()) return false;
    const char c = text_[pos_];
    if (!(c == ',' || c == '[' || c == ']' || c == '(' || c == ')' || c == ';')) return false;
    t.fileIndex = fileIndex_;
    t.commentIndex = static_cast<uint32_t>(comments.size());
    t.afterEndMarker = afterEndMarker_;
    t.kind = TokenKind::Punct;
    t.ch = c;
    t.line = t.endLine = line_ + carriageReturns_;
    t.errorLine = t.startLine = line_;
    t.column = column_;
    AdvanceInLine(1);
    t.endColumn = column_;
    return true;
  }
  // The same for a number right at the current position made of digits,
  // optionally '.' and more digits, and not followed by a word character,
  // '.' or an exponent (those, where a longer word or number may win, go
  // to Next()): 31 % of the tokens of the font tables.
  bool NextPlainNumber(const std::vector<Comment>& comments, Token& t) {
    const size_t n = text_.size();
    size_t j = pos_;
    while (j < n && text_[j] >= '0' && text_[j] <= '9') ++j;
    if (j == pos_) return false;
    if (j < n && text_[j] == '.') {
      ++j;
      while (j < n && text_[j] >= '0' && text_[j] <= '9') ++j;
    }
    if (j < n) {
      const char d = text_[j];
      if ((d >= '0' && d <= '9') || (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || d == '_' ||
          d == '.')
        return false;
    }
    t.fileIndex = fileIndex_;
    t.commentIndex = static_cast<uint32_t>(comments.size());
    t.afterEndMarker = afterEndMarker_;
    t.kind = TokenKind::Number;
    t.number = NumberLiteralValue(text_.substr(pos_, j - pos_));
    t.line = t.endLine = line_ + carriageReturns_;
    t.errorLine = t.startLine = line_;
    t.column = column_;
    AdvanceInLine(j - pos_);
    t.endColumn = column_;
    return true;
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  // One character on, counting lines and columns (inline: it runs once per
  // character of the file).
  void Advance() {
    if (pos_ >= text_.size()) return;
    if (text_[pos_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++pos_;
  }
  void Advance(size_t n) { while (n--) Advance(); }
  // `n` characters on where none of them is a newline (words, numbers).
  void AdvanceInLine(size_t n) {
    pos_ += n;
    column_ += static_cast<int32_t>(n);
  }
  bool SkipSpaceAndComments(std::vector<Comment>& comments, Token& error);
  void LexString(Token& t);
  bool LexDirective(Token& t, bool isInclude);
  size_t NumberLength() const;
  size_t WordLength() const;

  std::string_view text_;
  int32_t fileIndex_;
  size_t pos_ = 0;
  int32_t line_ = 1, column_ = 1;
  int32_t carriageReturns_ = 0;  // '\r' between tokens so far (see Token)
  bool afterEndMarker_ = false;
};

// The path of `include <raw>` / `use <raw>` as 2021.01 assembles it.
std::string DirectivePath(std::string_view raw, bool isInclude);

// Encodes a code point as UTF-8; false (and nothing appended) when it is
// not a valid scalar value (surrogates, > U+10FFFF).
bool AppendUtf8(uint32_t codePoint, std::string& out);

}  // namespace mos::lang
