#include "lang/customizer_annotations.h"

#include "lang/ast_dump.h"

#include <cstdlib>
#include <cstring>
#include <memory>

namespace mos::lang {
namespace {

// ------------------------------------------------- the comment mini-language
// Tokens: numbers ([+-]?D+E? etc.), words (runs of anything but
// space, newline and ( ) [ ] , : "), quoted strings (become words), [ ] , :
struct CToken {
  enum Kind { Num, Word, Open, Close, Comma, Colon, End } kind;
  double num = 0;
  std::string text;
};

bool IsWordChar(char c) {
  // Tabs and carriage returns belong to words in 2021.01 ("a\tb" is one word).
  return c != ' ' && c != '\n' && c != '(' && c != ')' && c != '[' && c != ']' && c != ',' &&
         c != ':' && c != '"';
}

size_t NumberLength(const std::string& s, size_t i) {
  size_t start = i, n = s.size();
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  size_t intDigits = 0, fracDigits = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++intDigits;
  if (i < n && s[i] == '.') {
    size_t j = i + 1;
    while (j < n && s[j] >= '0' && s[j] <= '9') ++j, ++fracDigits;
    if (intDigits == 0 && fracDigits == 0) return 0;
    i = j;
  } else if (intDigits == 0) {
    return 0;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < n && (s[j] == '+' || s[j] == '-')) ++j;
    size_t expDigits = 0;
    while (j < n && s[j] >= '0' && s[j] <= '9') ++j, ++expDigits;
    if (expDigits > 0) i = j;
  }
  return i - start;
}

std::vector<CToken> LexComment(const std::string& s) {
  std::vector<CToken> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '[') { out.push_back({CToken::Open, 0, {}}); ++i; continue; }
    if (c == ']') { out.push_back({CToken::Close, 0, {}}); ++i; continue; }
    if (c == ',') { out.push_back({CToken::Comma, 0, {}}); ++i; continue; }
    if (c == ':') { out.push_back({CToken::Colon, 0, {}}); ++i; continue; }
    if (c == '"') {  // a quoted word; \" inside is a quote
      std::string word;
      size_t j = i + 1;
      while (j < s.size() && s[j] != '"') {
        if (s[j] == '\\' && j + 1 < s.size() && s[j + 1] == '"') ++j;
        word += s[j++];
      }
      // An unterminated quote takes the rest of the comment.
      out.push_back({CToken::Word, 0, std::move(word)});
      i = j + 1;
      continue;
    }
    size_t numLen = NumberLength(s, i);
    size_t wordLen = 0;
    while (i + wordLen < s.size() && IsWordChar(s[i + wordLen])) ++wordLen;
    if (numLen > 0 && numLen >= wordLen) {
      out.push_back({CToken::Num, std::strtod(s.substr(i, numLen).c_str(), nullptr), {}});
      i += numLen;
    } else if (wordLen > 0) {
      out.push_back({CToken::Word, 0, s.substr(i, wordLen)});
      i += wordLen;
    } else {
      ++i;  // whitespace, parentheses: skipped
    }
  }
  out.push_back({CToken::End, 0, {}});
  return out;
}

SourceSpan NoSpan() { return SourceSpan{}; }

ExprPtr NumberLiteral(double v) {
  auto e = std::make_shared<LiteralExpr>(NoSpan());
  e->type = LiteralExpr::Type::Number;
  e->number = v;
  return e;
}
ExprPtr StringLiteral(std::string v) {
  auto e = std::make_shared<LiteralExpr>(NoSpan());
  e->type = LiteralExpr::Type::String;
  e->string = std::move(v);
  return e;
}

class CommentParser {
 public:
  explicit CommentParser(std::vector<CToken> tokens) : t_(std::move(tokens)) {}

  ExprPtr Parse() {
    ExprPtr e = ParseTop();
    if (!e || t_[pos_].kind != CToken::End) return nullptr;
    return e;
  }

 private:
  CToken::Kind Kind() const { return t_[pos_].kind; }

  // value: a single NUM, or a run of WORDs and NUMs with at least one WORD
  // (joined by single spaces, numbers printed as 2021.01 prints them).
  ExprPtr ParseValue() {
    size_t start = pos_;
    bool anyWord = false;
    while (Kind() == CToken::Word || Kind() == CToken::Num) {
      anyWord = anyWord || Kind() == CToken::Word;
      ++pos_;
    }
    size_t count = pos_ - start;
    if (count == 0) return nullptr;
    if (!anyWord) {
      if (count == 1) return NumberLiteral(t_[start].num);
      pos_ = start;
      return nullptr;
    }
    std::string text;
    for (size_t i = start; i < pos_; ++i) {
      if (i > start) text += ' ';
      text += t_[i].kind == CToken::Word ? t_[i].text : FormatNumber(t_[i].num);
    }
    return StringLiteral(std::move(text));
  }

  ExprPtr ParseTop() {
    if (Kind() != CToken::Open) return ParseValue();
    ++pos_;
    // [NUM : NUM] and [NUM : NUM : NUM] are ranges.
    if (Kind() == CToken::Num && t_[pos_ + 1].kind == CToken::Colon &&
        t_[pos_ + 2].kind == CToken::Num) {
      size_t save = pos_;
      double a = t_[pos_].num, b = t_[pos_ + 2].num;
      pos_ += 3;
      if (Kind() == CToken::Close) {
        ++pos_;
        auto r = std::make_shared<RangeExpr>(NoSpan());
        r->begin = NumberLiteral(a);
        r->end = NumberLiteral(b);
        return r;
      }
      if (Kind() == CToken::Colon && t_[pos_ + 1].kind == CToken::Num &&
          t_[pos_ + 2].kind == CToken::Close) {
        double c = t_[pos_ + 1].num;
        pos_ += 3;
        auto r = std::make_shared<RangeExpr>(NoSpan());
        r->begin = NumberLiteral(a);
        r->step = NumberLiteral(b);
        r->end = NumberLiteral(c);
        return r;
      }
      pos_ = save;
    }
    // values: value (',' value)*, each optionally `value : label`.
    auto v = std::make_shared<VectorExpr>(NoSpan());
    while (true) {
      ExprPtr first = ParseValue();
      if (!first) return nullptr;
      if (Kind() == CToken::Colon) {
        ++pos_;
        ExprPtr label = ParseValue();
        if (!label) return nullptr;
        auto pair = std::make_shared<VectorExpr>(NoSpan());
        pair->elements.push_back(first);
        pair->elements.push_back(label);
        v->elements.push_back(pair);
      } else {
        v->elements.push_back(first);
      }
      if (Kind() == CToken::Comma) {
        ++pos_;
        continue;
      }
      if (Kind() != CToken::Close) return nullptr;
      ++pos_;
      return v;
    }
  }

  std::vector<CToken> t_;
  size_t pos_ = 0;
};

// ------------------------------------------------- scanning the raw text
struct GroupInfo {
  std::string name;
  int line;
};

// The name of a one-line block comment: its [bracketed] parts joined by "-".
std::string GroupName(const std::string& comment) {
  std::string finalName, part;
  bool inName = false;
  for (char c : comment) {
    if (c == '[') {
      inName = true;
      continue;
    }
    if (c == ']') {
      inName = false;
      finalName = finalName.empty() ? part : finalName + "-" + part;
      part.clear();
      continue;
    }
    if (inName) part += c;
  }
  return finalName;
}

// 2021.01's customizer scan of a file: strings (with \" escapes), line
// comments and block comments skipped, lines counted. `onBlockComment(body,
// line, oneLine)` sees every /* */ comment (line: where it ends); `stopAt(i)`
// is asked at the other characters and ends the scan by returning true.
// Returns the line the scan ended on.
template <typename OnBlockComment, typename StopAt>
int ScanCustomizerText(const std::string& text, OnBlockComment onBlockComment, StopAt stopAt) {
  int line = 1;
  bool inString = false;
  size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    if (text[i] == '\n') {
      ++line;
      continue;
    }
    if (inString && text.compare(i, 2, "\\\"") == 0) {
      ++i;
      continue;
    }
    if (text[i] == '"') {
      inString = !inString;
      continue;
    }
    if (!inString && text.compare(i, 2, "//") == 0) {
      ++i;
      while (i < n && text[i] != '\n') ++i;
      ++line;
      continue;
    }
    if (!inString && text.compare(i, 2, "/*") == 0) {
      i += 2;
      if (i > n) continue;
      std::string comment;
      bool oneLine = true;
      while (i < n && text.compare(i, 2, "*/") != 0) {
        if (text[i] == '\n') {
          ++line;
          oneLine = false;
        }
        comment += text[i];
        ++i;
      }
      onBlockComment(comment, line, oneLine);
    }
    if (i < n && stopAt(i)) return line;
  }
  return line;
}

std::vector<GroupInfo> CollectGroups(const std::string& text) {
  std::vector<GroupInfo> groups;
  ScanCustomizerText(
      text,
      [&](const std::string& comment, int line, bool oneLine) {
        if (oneLine) groups.push_back({GroupName(comment), line});
      },
      [](size_t) { return false; });
  return groups;
}

// The line of the first '{' outside comments: parameters must come before it.
int LineToStop(const std::string& text) {
  return ScanCustomizerText(
      text, [](const std::string&, int, bool) {}, [&](size_t i) { return text[i] == '{'; });
}

// Offsets where each line starts (line 1 at index 0), built once per file so
// that annotating many assignments stays linear.
class LineIndex {
 public:
  explicit LineIndex(const std::string& text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  // As 2021.01: a line past the end starts at the end of the text.
  size_t Start(int line, size_t textSize) const {
    if (line <= 1) return 0;
    size_t index = static_cast<size_t>(line - 1);
    return index < starts_.size() ? starts_[index] : textSize;
  }

 private:
  std::vector<size_t> starts_;
};

// Text after the first `//` (outside strings) on `line`, "" if none or if a
// second statement starts on that line before it.
std::string CommentOnLine(const std::string& text, const LineIndex& lines, int line) {
  if (line < 1) return "";
  size_t start = lines.Start(line, text.size());
  size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  std::string l = text.substr(start, end - start);
  if (l.size() < 2) return "";
  size_t i = 0;
  int semicolons = 0;
  bool outsideString = true;
  for (; i < l.size() - 1; ++i) {
    if (l[i] == '"') outsideString = !outsideString;
    if (outsideString && l.compare(i, 2, "//") == 0) break;
    if (l[i] == ';' && outsideString) {
      if (semicolons > 0) return "";
      ++semicolons;
    }
  }
  if (i + 2 > l.size()) return "";
  return l.substr(i + 2);
}

// A `//` comment starting at the first column of `line`, with "//" inside
// replaced by a space.
std::string DescriptionOnLine(const std::string& text, const LineIndex& lines, int line) {
  if (line < 1) return "";
  size_t i = lines.Start(line, text.size());
  if (text.compare(i, 2, "//") != 0) return "";
  i += 2;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  std::string out;
  while (i < text.size() && text[i] != '\n') {
    if (text.compare(i, 2, "//") == 0) {
      out += ' ';
      ++i;
    } else {
      out += text[i];
    }
    ++i;
  }
  return out;
}

}  // namespace

bool IsLiteralExpr(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Literal:
      return true;
    case ExprKind::Vector:
      for (const ExprPtr& x : static_cast<const VectorExpr&>(e).elements)
        if (!x || !IsLiteralExpr(*x)) return false;
      return true;
    case ExprKind::Range: {
      const auto& r = static_cast<const RangeExpr&>(e);
      return IsLiteralExpr(*r.begin) && IsLiteralExpr(*r.end) && (!r.step || IsLiteralExpr(*r.step));
    }
    case ExprKind::Unary:
      return IsLiteralExpr(*static_cast<const UnaryExpr&>(e).operand);
    default:
      return false;
  }
}

ExprPtr ParseParameterComment(const std::string& comment) {
  return CommentParser(LexComment(comment)).Parse();
}

void AddCustomizerAnnotations(File& file, const std::string& mainPath, const std::string& fullText) {
  std::vector<GroupInfo> groups;
  bool groupsCollected = false;
  int stopLine = -1;
  std::unique_ptr<LineIndex> lines;
  for (Assignment& a : file.body.assignments) {
    if (!a.value || !IsLiteralExpr(*a.value)) continue;
    if (a.span.FileName() != mainPath) continue;
    if (stopLine < 0) stopLine = LineToStop(fullText);
    int line = a.span.line;
    if (line >= stopLine) continue;
    if (!groupsCollected) {
      groups = CollectGroups(fullText);
      lines = std::make_unique<LineIndex>(fullText);
      groupsCollected = true;
    }
    std::vector<Annotation> list;
    size_t g = 0;
    while (g < groups.size() && groups[g].line < line) ++g;
    if (g > 0) list.push_back({"Group", StringLiteral(groups[g - 1].name)});
    std::string description = DescriptionOnLine(fullText, *lines, line - 1);
    if (!description.empty()) list.push_back({"Description", StringLiteral(description)});
    ExprPtr param = ParseParameterComment(CommentOnLine(fullText, *lines, line));
    list.push_back({"Parameter", param ? param : StringLiteral("")});
    a.annotations = std::move(list);
  }
}

}  // namespace mos::lang
