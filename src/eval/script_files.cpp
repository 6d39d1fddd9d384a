#include "eval/script_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <vector>

namespace mos::eval {

std::string NormalizePath(const std::string& path) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    std::string part = path.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") parts.pop_back();
      else if (path[0] != '/') parts.push_back(part);
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out = path.size() && path[0] == '/' ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) out += (k ? "/" : "") + parts[k];
  return out;
}

std::string AbsolutePath(const std::string& path) {
  if (path.empty()) return path;
  std::string out = path;
  if (out[0] != '/') {
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd)) out = std::string(cwd) + "/" + out;
  }
  return NormalizePath(out);
}

LocatedFile LocateScriptFile(const std::string& file, const lang::SourceSpan& span,
                             const std::string& mainDirectory) {
  LocatedFile out{file};
  if (file.empty() || file[0] == '/') return out;
  if (span.file) {
    auto slash = span.file->find_last_of('/');
    if (slash != std::string::npos) out.path = span.file->substr(0, slash + 1) + file;
  }
  struct stat st {};
  const std::string beside = NormalizePath(out.path);
  if (stat(beside.c_str(), &st) == 0) return out;
  const std::string rooted = NormalizePath(mainDirectory.empty() ? file : mainDirectory + "/" + file);
  if (rooted != beside && stat(rooted.c_str(), &st) == 0) {
    out.path = rooted;
    out.inDocumentRoot = true;
  }
  return out;
}

}  // namespace mos::eval
