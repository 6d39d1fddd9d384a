#include "lang/lexer.h"

#include <cstdlib>
#include <cstring>
#include <string>

namespace mos::lang {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordChar(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

struct Keyword {
  const char* word;
  TokenKind kind;
};
constexpr Keyword kKeywords[] = {
    {"module", TokenKind::Module}, {"function", TokenKind::Function},
    {"if", TokenKind::If},         {"else", TokenKind::Else},
    {"for", TokenKind::For},       {"let", TokenKind::Let},
    {"assert", TokenKind::Assert}, {"echo", TokenKind::Echo},
    {"each", TokenKind::Each},     {"true", TokenKind::True},
    {"false", TokenKind::False},   {"undef", TokenKind::Undef},
};

// 10^0 .. 10^22, each exact in a double.
constexpr double kExactPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                  1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                  1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

double StrtodOf(std::string_view text) {
  char buf[64];
  if (text.size() < sizeof buf) {
    std::memcpy(buf, text.data(), text.size());
    buf[text.size()] = '\0';
    return std::strtod(buf, nullptr);
  }
  return std::strtod(std::string(text).c_str(), nullptr);
}

}  // namespace

double NumberLiteralValue(std::string_view text) {
  // m = the digits as one integer (< 10^15 < 2^53: exact), f = how many
  // follow the point (<= 15 <= 22: 10^f exact); m / 10^f is then one
  // correctly rounded operation on exact operands, as strtod rounds.
  uint64_t m = 0;
  int digits = 0, fraction = 0;
  bool point = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (++digits > 15) return StrtodOf(text);
      m = m * 10 + static_cast<uint64_t>(c - '0');
      fraction += point ? 1 : 0;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      return StrtodOf(text);  // an exponent
    }
  }
  const double whole = static_cast<double>(m);
  return fraction == 0 ? whole : whole / kExactPow10[fraction];
}

bool AppendUtf8(uint32_t cp, std::string& out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return true;
}


// Whitespace and
// comments. Returns false with `error` filled for an unterminated comment.
bool Lexer::SkipSpaceAndComments(std::vector<Comment>& comments, Token& error) {
  while (!AtEnd()) {
    char c = Peek();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (c == '\r') ++carriageReturns_;
      Advance();
    } else if (c == '\xA0' || (c == '\xC2' && Peek(1) == '\xA0')) {
      // 2021.01 takes a no-break space (Latin-1 or UTF-8) for a space.
      Advance(c == '\xA0' ? 1 : 2);
    } else if (c == '/' && Peek(1) == '/') {
      Comment comment{fileIndex_, line_ + carriageReturns_, column_, line_ + carriageReturns_, {}};
      size_t start = pos_;
      // To the end of the line in one search: no newline on the way, so
      // only the column moves.
      size_t end = text_.find('\n', pos_);
      if (end == std::string_view::npos) end = text_.size();
      column_ += static_cast<int32_t>(end - pos_);
      pos_ = end;
      comment.text.assign(text_.substr(start, pos_ - start));
      comment.endLine = line_ + carriageReturns_;
      comments.push_back(std::move(comment));
    } else if (c == '/' && Peek(1) == '*') {
      Comment comment{fileIndex_, line_ + carriageReturns_, column_, line_ + carriageReturns_, {}};
      size_t start = pos_;
      Advance(2);
      while (!AtEnd() && !(Peek() == '*' && Peek(1) == '/')) Advance();
      if (AtEnd()) {
        error.kind = TokenKind::Error;
        error.text = "Unterminated comment";
        error.errorLine = error.startLine = line_;
        error.line = error.endLine = line_ + carriageReturns_;
        error.column = error.endColumn = column_;
        return false;
      }
      Advance(2);
      comment.text.assign(text_.substr(start, pos_ - start));
      comment.endLine = line_ + carriageReturns_;
      comments.push_back(std::move(comment));
    } else {
      break;
    }
  }
  return true;
}

// Length of the longest number at pos_: D+E? | D*.D+E? | D+.D*E?
[[gnu::always_inline]] inline size_t Lexer::NumberLength() const {
  size_t i = pos_, n = text_.size();
  size_t intDigits = 0, fracDigits = 0;
  while (i < n && IsDigit(text_[i])) ++i, ++intDigits;
  if (i < n && text_[i] == '.') {
    size_t j = i + 1;
    while (j < n && IsDigit(text_[j])) ++j, ++fracDigits;
    if (intDigits == 0 && fracDigits == 0) return 0;
    i = j;
  } else if (intDigits == 0) {
    return 0;
  }
  if (i < n && (text_[i] == 'e' || text_[i] == 'E')) {
    size_t j = i + 1;
    if (j < n && (text_[j] == '+' || text_[j] == '-')) ++j;
    size_t expDigits = 0;
    while (j < n && IsDigit(text_[j])) ++j, ++expDigits;
    if (expDigits > 0) i = j;
  }
  return i - pos_;
}

// Length of "$"?[a-zA-Z0-9_]+ at pos_, 0 if none.
[[gnu::always_inline]] inline size_t Lexer::WordLength() const {
  size_t i = pos_, n = text_.size();
  if (i < n && text_[i] == '$') ++i;
  size_t start = i;
  while (i < n && IsWordChar(text_[i])) ++i;
  return i == start ? 0 : i - pos_;
}

void Lexer::LexString(Token& t) {
  Advance();  // opening quote
  std::string& out = t.text;
  while (true) {
    if (AtEnd()) {
      t.kind = TokenKind::Error;
      t.text = "Unterminated string";
      t.errorLine = line_;
      t.line = t.endLine = line_ + carriageReturns_;  // startLine: where the string began
      t.column = t.endColumn = column_;
      return;
    }
    char c = Peek();
    if (c == '"') {
      Advance();
      t.kind = TokenKind::String;
      return;
    }
    if (c == '\n') {  // a raw newline is dropped (2021.01)
      Advance();
      continue;
    }
    if (c != '\\') {
      if (c != '\0') out += c;  // 2021.01 appends C strings: a NUL adds nothing
      Advance();
      continue;
    }
    char e = Peek(1);
    switch (e) {
      case 'n': out += '\n'; Advance(2); continue;
      case 't': out += '\t'; Advance(2); continue;
      case 'r': out += '\r'; Advance(2); continue;
      case '\\': out += '\\'; Advance(2); continue;
      case '"': out += '"'; Advance(2); continue;
      default: break;
    }
    if (e == 'x' && Peek(2) >= '0' && Peek(2) <= '7' && HexValue(Peek(3)) >= 0) {
      int v = HexValue(Peek(2)) * 16 + HexValue(Peek(3));
      out += v == 0 ? ' ' : static_cast<char>(v);
      Advance(4);
      continue;
    }
    if (e == 'u' || e == 'U') {
      size_t digits = e == 'u' ? 4 : 6;
      uint32_t cp = 0;
      bool ok = true;
      for (size_t k = 0; k < digits; ++k) {
        int h = HexValue(Peek(2 + k));
        if (h < 0) { ok = false; break; }
        cp = cp * 16 + static_cast<uint32_t>(h);
      }
      if (ok) {
        if (cp == 0) out += ' ';
        else AppendUtf8(cp, out);  // invalid code points vanish, as in 2021.01
        Advance(2 + digits);
        continue;
      }
    }
    // Unknown escape: 2021.01 drops the backslash and lexes the rest as text.
    Advance();
  }
}

// The path 2021.01 takes from the text between < and >. Its lexer matches
// runs between tabs and newlines: for `use` the last run is the path; for
// `include` a run up to its last '/' replaces the directory part and a run
// without '/' replaces the file name part (both are assigned, not appended).
std::string DirectivePath(std::string_view raw, bool isInclude) {
  std::string filepath, filename;
  size_t i = 0;
  while (i < raw.size()) {
    char c = raw[i];
    if (c == '\t' || c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    size_t runEnd = i;
    while (runEnd < raw.size() && raw[runEnd] != '\t' && raw[runEnd] != '\r' && raw[runEnd] != '\n')
      ++runEnd;
    if (!isInclude) {
      filename.assign(raw.substr(i, runEnd - i));
      i = runEnd;
      continue;
    }
    size_t lastSlash = raw.substr(i, runEnd - i).rfind('/');
    if (lastSlash != std::string_view::npos) {
      filepath.assign(raw.substr(i, lastSlash + 1));
      i += lastSlash + 1;
    } else {
      filename.assign(raw.substr(i, runEnd - i));
      i = runEnd;
    }
  }
  return filepath + filename;
}

// After `include` / `use`: [ \t\r\n>]* "<" path ">". Returns false if no "<"
// follows (then the word is an ordinary identifier).
bool Lexer::LexDirective(Token& t, bool isInclude) {
  size_t i = pos_;
  while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\r' ||
                              text_[i] == '\n' || text_[i] == '>'))
    ++i;
  if (i >= text_.size() || text_[i] != '<') return false;
  while (pos_ <= i) Advance();
  t.kind = isInclude ? TokenKind::Include : TokenKind::Use;
  size_t start = pos_;
  while (!AtEnd() && Peek() != '>') {
    char c = Peek();
    if (c == '\t' || c == '\r' || c == '\n') {
      ++pos_;  // 2021.01 skips these here without counting lines
      continue;
    }
    Advance();
  }
  t.text = DirectivePath(text_.substr(start, pos_ - start), isInclude);
  if (AtEnd()) {
    t.kind = TokenKind::Error;
    t.text = isInclude ? "Unterminated include statement" : "Unterminated use statement";
    t.endLine = t.line;
    t.endColumn = t.column;
    return true;
  }
  Advance();  // '>'
  return true;
}

void Lexer::Next(std::vector<Comment>& comments, Token& t) {
  t.fileIndex = fileIndex_;
  // Dense data has no space between most tokens: look before calling.
  const char first = pos_ < text_.size() ? text_[pos_] : ' ';
  const bool maySkip = first == ' ' || first == '\n' || first == '\t' || first == '\r' ||
                       first == '/' || first == '\xA0' || first == '\xC2';
  if (maySkip && !SkipSpaceAndComments(comments, t)) {
    t.commentIndex = static_cast<uint32_t>(comments.size());
    return;
  }
  t.commentIndex = static_cast<uint32_t>(comments.size());
  t.afterEndMarker = afterEndMarker_;
  t.line = line_ + carriageReturns_;
  t.errorLine = t.startLine = line_;
  t.column = column_;
  if (AtEnd()) {
    t.kind = TokenKind::End;
    t.line = t.endLine = line_ + carriageReturns_;
    t.column = t.endColumn = column_;
    return;
  }
  char c = Peek();
  // A number starts with a digit or '.', a word with '$' or a word
  // character (so a digit may start either: longest match).
  const bool digit = IsDigit(c);
  size_t numLen = digit || c == '.' ? NumberLength() : 0;
  size_t wordLen = digit || c == '$' || IsWordChar(c) ? WordLength() : 0;
  if (numLen > 0 && numLen >= wordLen) {
    t.number = NumberLiteralValue(text_.substr(pos_, numLen));
    t.kind = TokenKind::Number;
    AdvanceInLine(numLen);
  } else if (wordLen > 0) {
    std::string_view word = text_.substr(pos_, wordLen);
    AdvanceInLine(wordLen);
    t.kind = TokenKind::Identifier;
    if (word.size() >= 2 && word.size() <= 8 && word[0] >= 'a' && word[0] <= 'u') {
      for (const Keyword& k : kKeywords) {
        if (word == k.word) {
          t.kind = k.kind;
          break;
        }
      }
    }
    bool directive = false;
    if (word.size() == 7 && word == "include") directive = LexDirective(t, true);
    else if (word.size() == 3 && word == "use") directive = LexDirective(t, false);
    if (!directive && t.kind == TokenKind::Identifier) t.text.assign(word);
    if (directive && t.kind == TokenKind::Error) return;
  } else if (c == '\x03') {
    t.kind = TokenKind::EndMarker;
    afterEndMarker_ = true;
    Advance();
  } else if (c == '"') {
    LexString(t);
    if (t.kind == TokenKind::Error) return;
  } else if (c == ',' || c == '[' || c == ']' || c == '(' || c == ')' || c == ';') {
    // The commonest punctuation, none of it the start of a two-character
    // operator (and not a newline: the column moves).
    t.kind = TokenKind::Punct;
    t.ch = c;
    AdvanceInLine(1);
  } else {
    char d = Peek(1);
    TokenKind two = TokenKind::Punct;
    if (c == '<' && d == '=') two = TokenKind::LessEqual;
    else if (c == '>' && d == '=') two = TokenKind::GreaterEqual;
    else if (c == '=' && d == '=') two = TokenKind::Equal;
    else if (c == '!' && d == '=') two = TokenKind::NotEqual;
    else if (c == '&' && d == '&') two = TokenKind::And;
    else if (c == '|' && d == '|') two = TokenKind::Or;
    if (two != TokenKind::Punct) {
      t.kind = two;
      Advance(2);
    } else {
      t.kind = TokenKind::Punct;
      t.ch = c;
      Advance();
    }
  }
  t.endLine = line_ + carriageReturns_;
  t.endColumn = column_;
  t.errorLine = line_;
}

}  // namespace mos::lang
