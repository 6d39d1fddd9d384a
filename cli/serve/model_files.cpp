#include "model_files.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "engine/library_paths.h"
#include "eval/evaluator.h"
#include "lang/parameters_json.h"
#include "lang/parser.h"
#include "serve_paths.h"

namespace mos::serve {

namespace {

constexpr double kScanEvalSeconds = 3;

std::string DirectoryOf(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void Add(std::vector<std::string>& files, std::set<std::string>& seen, const std::string& path) {
  const std::string real = RealPath(path);
  if (!real.empty() && seen.insert(real).second) files.push_back(real);
}

// The data files one native evaluation of the model reads: import(),
// surface(), the file= extrusions, dxf_dim() and dxf_cross() note the paths
// they locate (eval::EvalLog::DataFiles), whether the name was a literal or
// computed, also when the evaluation ends in an error. Bounded: an
// evaluation that runs on is cut after a few seconds (with what it reached).
void AddReadFiles(const lang::FilePtr& file, const std::vector<std::string>& searchPath,
                  std::vector<std::string>& files, std::set<std::string>& seen, std::size_t maxFiles) {
  eval::EvalOptions options;
  options.libraryPaths = searchPath;
  options.timeoutSeconds = kScanEvalSeconds;
  options.preview = false;  // as the page renders: geometry
  const eval::EvalResult evaluated = eval::Evaluate(file, options);
  for (const std::string& path : evaluated.log.DataFiles()) {
    if (files.size() >= maxFiles) break;
    Add(files, seen, path);
  }
}

}  // namespace

ServeRoots MakeRoots(const std::string& modelFile, const std::vector<std::string>& libraryPaths) {
  ServeRoots roots;
  const std::string real = RealPath(modelFile);
  roots.dirs.push_back(DirectoryOf(real.empty() ? modelFile : real));
  // OPENSCADPATH and -L, as the native render searches them; not the
  // built-in library directory: the engine's data package brings MCAD.
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("OPENSCADPATH")) dirs = engine::SplitPathList(env);
  dirs.insert(dirs.end(), libraryPaths.begin(), libraryPaths.end());
  for (const std::string& dir : dirs) {
    const std::string realDir = RealPath(dir);
    if (realDir.empty()) continue;
    bool known = false;
    for (const std::string& d : roots.dirs) known = known || d == realDir;
    if (!known) roots.dirs.push_back(realDir);
  }
  return roots;
}

ModelFiles ScanModel(const std::string& modelFile, const std::vector<std::string>& libraryPaths,
                     const ModelFiles* previous, std::size_t maxFiles) {
  ModelFiles out;
  std::set<std::string> seen;
  Add(out.files, seen, modelFile);
  lang::ParseOptions options;
  options.libraryPaths = engine::LibrarySearchPath(libraryPaths);
  const lang::ParseResult main = lang::ParseFile(modelFile, options);
  out.parsed = main.file != nullptr;
  if (main.file) out.parametersJson = lang::ParametersJson(*main.file);
  // Breadth first over parsed files: their includes, then their uses.
  std::vector<lang::FilePtr> queue;
  if (main.file) queue.push_back(main.file);
  std::set<std::string> parsedUses;
  for (std::size_t i = 0; i < queue.size() && out.files.size() < maxFiles; ++i) {
    const lang::File& file = *queue[i];
    for (const std::string& inc : file.includedFiles) Add(out.files, seen, inc);
    for (const lang::UseDirective& use : file.uses) {
      if (use.resolved.empty() || !parsedUses.insert(use.resolved).second) continue;
      Add(out.files, seen, use.resolved);
      lang::ParseOptions useOptions = options;
      useOptions.usedFromMainFile = modelFile;
      const lang::ParseResult used = lang::ParseFile(use.resolved, useOptions);
      if (used.file) queue.push_back(used.file);
    }
  }
  if (main.file && out.files.size() < maxFiles) AddReadFiles(main.file, options.libraryPaths, out.files, seen, maxFiles);
  if (!out.parsed && previous)
    for (const std::string& f : previous->files) Add(out.files, seen, f);
  if (out.files.size() > maxFiles) out.files.resize(maxFiles);
  return out;
}

std::string FileUrl(const ServeRoots& roots, const std::string& realFile) {
  for (std::size_t i = 0; i < roots.dirs.size(); ++i) {
    if (!IsInside(realFile, roots.dirs[i]) || realFile == roots.dirs[i]) continue;
    std::string rel = realFile.substr(roots.dirs[i].size() + (roots.dirs[i] == "/" ? 0 : 1));
    std::string url = "/files/" + std::to_string(i) + "/";
    for (unsigned char c : rel) {
      if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
        url += static_cast<char>(c);
      } else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        url += buf;
      }
    }
    return url;
  }
  return "";
}

std::string ModelJson(const std::string& modelFile, const ServeRoots& roots, const ModelFiles& files,
                      long long version) {
  const std::string real = RealPath(modelFile);
  std::string out = "{\"name\": " + lang::JsonString(BaseName(modelFile)) +
                    ", \"file\": " + lang::JsonString(real.empty() ? modelFile : real) + ", \"libraryPaths\": [";
  for (std::size_t i = 1; i < roots.dirs.size(); ++i)
    out += (i > 1 ? ", " : "") + lang::JsonString(roots.dirs[i]);
  out += "], \"version\": " + std::to_string(version) + ", \"parsed\": " + (files.parsed ? "true" : "false") +
         ", \"files\": [";
  bool first = true;
  for (const std::string& f : files.files) {
    const std::string url = FileUrl(roots, f);
    if (url.empty()) continue;  // outside every root (e.g. MCAD: the engine has its own copy)
    out += std::string(first ? "" : ", ") + "{\"path\": " + lang::JsonString(f) +
           ", \"url\": " + lang::JsonString(url) + "}";
    first = false;
  }
  out += "], \"customizer\": " +
         (files.parametersJson.empty() ? std::string("{\"parameters\": []}") : files.parametersJson) + "}\n";
  return out;
}

}  // namespace mos::serve
