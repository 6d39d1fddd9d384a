// The evaluator's output stream (.echo lines) and structured diagnostics.
#include "eval/eval_log.h"

#include <utility>

namespace mos::eval {

namespace {

// Splits a path into its components ("a/b/../c" -> a, b, .., c).
std::vector<std::string> Components(const std::string& path) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : path) {
    if (c == '/') {
      if (!current.empty()) parts.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) parts.push_back(std::move(current));
  return parts;
}

// `path` relative to directory `base`, lexically (both absolute, or both
// relative to the same directory); `path` unchanged when base is empty.
std::string RelativePath(const std::string& path, const std::string& base) {
  if (base.empty() || path.empty()) return path;
  if ((path[0] == '/') != (base[0] == '/')) return path;
  std::vector<std::string> p = Components(path);
  std::vector<std::string> b = Components(base);
  size_t common = 0;
  while (common < p.size() && common < b.size() && p[common] == b[common]) ++common;
  std::string out;
  for (size_t i = common; i < b.size(); ++i) out += out.empty() ? ".." : "/..";
  for (size_t i = common; i < p.size(); ++i) {
    if (!out.empty()) out += '/';
    out += p[i];
  }
  return out;
}

}  // namespace

void EvalLog::Echo(const std::string& text, const lang::SourceSpan& span) {
  Add(Severity::Echo, "ECHO: ", text, span);
}
void EvalLog::Warning(const std::string& text, const lang::SourceSpan& span) {
  Add(Severity::Warning, "WARNING: ", text, span);
}
void EvalLog::Deprecated(const std::string& text, const lang::SourceSpan& span) {
  Add(Severity::Deprecated, "DEPRECATED: ", text, span);
}
void EvalLog::Error(const std::string& text, const lang::SourceSpan& span) {
  Add(Severity::Error, "ERROR: ", text, span);
  ++errorCount_;
}
void EvalLog::Trace(const std::string& text, const lang::SourceSpan& span) {
  Add(Severity::Trace, "TRACE: ", text, span);
}

void EvalLog::SetFileBaseDirectory(const std::string& file, std::string dir) {
  fileBaseDirectories_[file] = std::move(dir);
}

std::string EvalLog::DisplayFileName(const std::string& file) const {
  if (file.empty()) return file;
  auto it = fileBaseDirectories_.find(file);
  return RelativePath(file, it != fileBaseDirectories_.end() ? it->second : mainDirectory_);
}

std::string EvalLog::LocationSuffix(const lang::SourceSpan& span) const {
  if (!span.file || span.line <= 0) return "";
  return " in file " + DisplayFileName(*span.file) + ", line " + std::to_string(span.line);
}

std::string EvalLog::LocationSuffixFromMain(const lang::SourceSpan& span) const {
  if (!span.file || span.line <= 0) return "";
  const std::string& file = *span.file;
  return " in file " + (file.empty() ? file : RelativePath(file, mainDirectory_)) + ", line " +
         std::to_string(span.line);
}

void EvalLog::Add(Severity severity, const char* prefix, const std::string& text,
                  const lang::SourceSpan& span) {
  std::string line = prefix + text;
  if (severity == Severity::Warning || severity == Severity::Error) {
    // 2021.01 drops a WARNING/ERROR line identical to each of the last five
    // it printed (echo and other lines in between do not count), so a
    // warning in a loop appears five times, then again five times after a
    // different warning.
    size_t same = 0;
    while (same < recentProblems_.size() && recentProblems_[same] == line) ++same;
    if (same == kMaxRepeatedProblems) return;
    recentProblems_.push_back(line);
    if (recentProblems_.size() > kMaxRepeatedProblems) recentProblems_.pop_front();
  }
  lines_.push_back(std::move(line));
  Diagnostic d;
  d.severity = severity;
  d.message = text;
  if (span.file) d.location.file = *span.file;
  d.location.line = span.line;
  d.location.column = span.column;
  diagnostics_.push_back(std::move(d));
}

void EvalLog::NoteDataFile(const std::string& path) {
  // Bounded: a loop importing computed names could note many.
  if (path.empty() || dataFiles_.size() >= 4096) return;
  for (const auto& f : dataFiles_)
    if (f == path) return;
  dataFiles_.push_back(path);
}

}  // namespace mos::eval
