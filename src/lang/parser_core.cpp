// The parser's entry rule (input), queued lexer messages, error reports
// as 2021.01 words them, and source spans.
#include "lang/parser_impl.h"

namespace mos::lang::detail {

std::shared_ptr<File> Parser::ParseInput() {
  auto file = std::make_shared<File>();
  file->path = mainPath_;
  BodyBuilder top(file->body);
  topLevel_ = &top;
  while (Peek().kind != TokenKind::End) {
    if (Peek().kind == TokenKind::Use) {
      ParseUse(*file);
    } else {
      ParseStatement(top);
    }
  }
  FlushMessagesUpTo(ts_.tokens.size());
  file->includedFiles = ts_.includedFiles;
  return file;
}

void Parser::FlushMessagesUpTo(size_t index) {
  while (nextMessage_ < ts_.messages.size() && ts_.messages[nextMessage_].tokenIndex <= index) {
    PendingMessage& m = ts_.messages[nextMessage_++];
    result_.diagnostics.push_back(m.diagnostic);
    result_.echoLines.push_back(m.echoLine);
  }
  messagesPending_ = nextMessage_ < ts_.messages.size();
}

const std::string& Parser::FilePathOf(const Token& t) const {
  return *ts_.files[static_cast<size_t>(t.fileIndex)].path;
}

std::string Parser::ErrorFileName(const Token& t) const {
  if (t.fileIndex == 0 && mainPath_.empty()) return mainDisplay_;
  return RelativeTo(FilePathOf(t), cwd_);
}

std::string Parser::LocationName(const Token& t) const {
  return t.fileIndex == 0 ? mainDisplay_ : FilePathOf(t);
}

std::string Parser::WarningFileName(const Token& t) const {
  if (t.fileIndex == 0 && mainPath_.empty()) return mainDisplay_;
  return RelativeTo(FilePathOf(t), modelMainDir_);
}

void Parser::ReportParserError(const Token& at, const std::string& what) {
  Diagnostic d;
  d.severity = Severity::Error;
  d.message = "Parser error: " + what;
  d.location = {LocationName(at), at.startLine, at.column};
  result_.diagnostics.push_back(d);
  result_.echoLines.push_back("ERROR: Parser error: " + what + " in file " +
                              ErrorFileName(at) + ", line " + std::to_string(at.errorLine));
}

void Parser::SyntaxError() {
  const Token& at = Peek();
  if (at.kind == TokenKind::Error) ReportParserError(at, at.text);
  ReportParserError(at, "syntax error");
  throw SyntaxErrorThrown{};
}

void Parser::DepthError() {
  const Token& at = Peek();
  Diagnostic d;
  d.severity = Severity::Error;
  d.message = "Parser error: nesting too deep (limit " + std::to_string(maxDepth_) + ")";
  d.location = {LocationName(at), at.startLine, at.column};
  result_.diagnostics.push_back(d);
  result_.echoLines.push_back("ERROR: " + d.message + " in file " + ErrorFileName(at) +
                              ", line " + std::to_string(at.errorLine));
  throw SyntaxErrorThrown{};
}

SourceSpan Parser::SpanFrom(const Token& start) const {
  SourceSpan s;
  s.file = FileOf(start);
  s.line = start.line;
  s.column = start.column;
  const Token& end = prev_ ? *prev_ : start;
  s.endLine = end.endLine;
  s.endColumn = end.endColumn;
  return s;
}

SourceSpan Parser::SpanOf(const Token& t) const {
  SourceSpan s;
  s.file = FileOf(t);
  s.line = t.line;
  s.column = t.column;
  s.endLine = t.endLine;
  s.endColumn = t.endColumn;
  return s;
}

SourceSpan Parser::SpanBetween(const SourceSpan& start) const {
  SourceSpan s = start;
  if (prev_) {
    s.endLine = prev_->endLine;
    s.endColumn = prev_->endColumn;
  }
  return s;
}

}  // namespace mos::lang::detail
