// The evaluator's output stream: ECHO/WARNING/DEPRECATED/ERROR/TRACE lines in
// the order 2021.01 prints them (the .echo file), plus structured
// diagnostics with file:line:col for the API.
#pragma once

#include <string>
#include <vector>

#include "lang/ast.h"
#include "mos/diagnostic.h"

namespace mos::eval {

class EvalLog {
 public:
  // `text` is the message without its prefix; the echo line becomes
  // "<PREFIX>: text" exactly as 2021.01 writes it. Location words such as
  // ", in file x.scad, line 3" are part of `text` when 2021.01 prints them
  // (use LocationSuffix); `span` is recorded for the structured diagnostic.
  void Echo(const std::string& text, const lang::SourceSpan& span);
  void Warning(const std::string& text, const lang::SourceSpan& span);
  void Deprecated(const std::string& text, const lang::SourceSpan& span);
  void Error(const std::string& text, const lang::SourceSpan& span);
  void Trace(const std::string& text, const lang::SourceSpan& span);

  // ", in file <name>, line <n>" as 2021.01 appends to many messages; the
  // file name is relative to the directory of the main file.
  std::string LocationSuffix(const lang::SourceSpan& span) const;
  void SetMainDirectory(std::string dir) { mainDirectory_ = std::move(dir); }

  const std::vector<std::string>& Lines() const { return lines_; }
  const std::vector<Diagnostic>& Diagnostics() const { return diagnostics_; }
  bool HasErrors() const { return errorCount_ > 0; }

 private:
  void Add(Severity severity, const char* prefix, const std::string& text,
           const lang::SourceSpan& span);
  std::vector<std::string> lines_;
  std::vector<Diagnostic> diagnostics_;
  std::string mainDirectory_;
  int errorCount_ = 0;
};

}  // namespace mos::eval
