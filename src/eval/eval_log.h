// The evaluator's output stream: ECHO/WARNING/DEPRECATED/ERROR/TRACE lines in
// the order 2021.01 prints them (the .echo file), plus structured
// diagnostics with file:line:col for the API.
#pragma once

#include <deque>
#include <map>
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

  // " in file <name>, line <n>" as 2021.01 appends to many messages (no
  // comma before "in": "WARNING: Ignoring unknown variable 'x' in file
  // t.scad, line 3"); "" when the span has no file or line. 2021.01 names
  // the file relative to the directory of the file its parse started from:
  // the main file for the main file and everything it includes, the used
  // file for a `use`d library and its includes ("../p.scad", "sub/x.scad",
  // "l.scad" for /abs/lib/l.scad). Paths are compared lexically.
  std::string LocationSuffix(const lang::SourceSpan& span) const;
  // The directory names are made relative to, for every file not registered
  // with SetFileBaseDirectory. Empty: names are printed as they are.
  void SetMainDirectory(std::string dir) { mainDirectory_ = std::move(dir); }
  const std::string& MainDirectory() const { return mainDirectory_; }
  // For files parsed as part of a `use`d library: register each of them
  // (the library and its includes) with the library's directory.
  void SetFileBaseDirectory(const std::string& file, std::string dir);
  // The file name as LocationSuffix prints it.
  std::string DisplayFileName(const std::string& file) const;

  // The same suffix with the file name always relative to the main file's
  // directory. 2021.01 words a message's location one way or the other
  // depending on the message (checked with a `use`d library outside the
  // main directory):
  //  - relative to the main directory (this function): "Ignoring unknown
  //    variable/function/module", builtin function warnings ("len()
  //    parameter could not be converted", search, lookup, ord, cross,
  //    rands ...), module DEPRECATED lines such as assign();
  //  - relative to the library's own directory (LocationSuffix): operator
  //    warnings ("undefined operation ...", matrix products, comparisons),
  //    range warnings ("Bad range parameter in for statement", the
  //    [begin:end] DEPRECATED line), argument binding warnings ("variable x
  //    not specified as parameter", "Too many unnamed arguments supplied",
  //    "argument x supplied more than once"), assertion ERROR and its TRACE
  //    lines.
  // Interpreter::Warning() uses LocationSuffixFromMain, Interpreter::Where()
  // LocationSuffix.
  std::string LocationSuffixFromMain(const lang::SourceSpan& span) const;

  // The data files (import(), surface(), file= extrusions, dxf_dim(),
  // dxf_cross()) the evaluation located, as paths to open, each once in the
  // order met: what `mos serve` hands the browser's engine.
  void NoteDataFile(const std::string& path);
  const std::vector<std::string>& DataFiles() const { return dataFiles_; }

  const std::vector<std::string>& Lines() const { return lines_; }
  const std::vector<Diagnostic>& Diagnostics() const { return diagnostics_; }
  bool HasErrors() const { return errorCount_ > 0; }

 private:
  void Add(Severity severity, const char* prefix, const std::string& text,
           const lang::SourceSpan& span);
  std::vector<std::string> lines_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<std::string> dataFiles_;
  std::string mainDirectory_;
  std::map<std::string, std::string> fileBaseDirectories_;
  // The last WARNING/ERROR lines printed, oldest first (see Add).
  static constexpr size_t kMaxRepeatedProblems = 5;
  std::deque<std::string> recentProblems_;
  int errorCount_ = 0;
};

}  // namespace mos::eval
