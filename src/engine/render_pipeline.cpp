#include "engine/render_pipeline.h"

#include <chrono>
#include <filesystem>
#include <system_error>

#include "engine/library_paths.h"

#include "engine/rendered_geometry.h"
#include "eval/evaluator.h"
#include "geom/text_font.h"
#include "lang/ast_dump.h"
#include "lang/parser.h"

namespace mos::engine {

namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void AppendLine(std::string& text, const std::string& line) {
  text += line;
  text += '\n';
}

// What a parse depends on besides file contents: the file (or the inline
// text and the directory its relative includes resolve against) and the
// library search path.
std::string CacheKey(const RenderRequest& request, const std::vector<std::string>& searchPath,
                     const std::vector<std::string>& commandLine) {
  std::error_code ec;
  std::string key;
  if (!request.file.empty()) {
    key = "file\n" + std::filesystem::absolute(request.file, ec).string();
  } else {
    key = "source\n" + request.sourceName + "\n" +
          std::filesystem::current_path(ec).string() + "\n" + request.source;
  }
  for (const auto& p : searchPath) key += "\n" + p;
  for (const auto& a : commandLine) key += "\n-D" + a;
  return key;
}

// -D overrides go to the evaluator, which applies them to the cached parse,
// unless one of them is not valid syntax: then they go through the parser,
// which reports the error exactly as 2021.01 does (in the main file, after
// its last line), and the render ends there.
bool DefinesParse(const RenderRequest& request) {
  for (const auto& [name, expr] : request.defines) {
    lang::ParseResult p = lang::ParseSource(name + "=" + expr + ";", "", "", {});
    if (!p.file || !p.diagnostics.empty()) return false;
  }
  return true;
}

lang::ParseResult ParseCached(const RenderRequest& request, const lang::ParseOptions& options,
                              SharedCaches& caches, RenderStats& stats) {
  const std::string key =
      CacheKey(request, options.libraryPaths, options.commandLineAssignments);
  // Held while parsing too: two renders of one model parse it once.
  std::lock_guard<std::mutex> lock(caches.parseMutex);
  ParseCache& cache = caches.parseCache;
  if (const lang::ParseResult* hit = cache.Find(key)) {
    ++stats.parsedFileCacheHits;
    return *hit;
  }
  ++stats.parsedFileCacheMisses;
  if (request.file.empty()) {
    lang::ParseResult parsed =
        lang::ParseSource(request.source, request.sourceName, "", options);
    cache.Store(key, "", ContentFingerprint{}, parsed);
    return parsed;
  }
  const ContentFingerprint before = FingerprintOfFile(request.file);
  lang::ParseResult parsed = lang::ParseFile(request.file, options);
  cache.Store(key, request.file, before, parsed);
  return parsed;
}

// A `use`d library, parsed once and kept in the engine's parse cache while
// it and its includes keep their contents (a re-render after a parameter
// change does not parse MCAD again). Its key names the main file too: the
// reassignment warnings of a library are worded relative to it.
lang::ParseResult ParseUsedCached(const std::string& path, const lang::ParseOptions& options,
                                  SharedCaches& caches, RenderStats& stats) {
  std::string key = "use\n" + path + "\n" + options.usedFromMainFile;
  for (const auto& p : options.libraryPaths) key += "\n" + p;
  std::lock_guard<std::mutex> lock(caches.parseMutex);
  ParseCache& cache = caches.parseCache;
  if (const lang::ParseResult* hit = cache.Find(key)) {
    ++stats.parsedFileCacheHits;
    return *hit;
  }
  ++stats.parsedFileCacheMisses;
  const ContentFingerprint before = FingerprintOfFile(path);
  lang::ParseResult parsed = lang::ParseFile(path, options);
  cache.Store(key, path, before, parsed);
  return parsed;
}

}  // namespace


RenderResult RunPipeline(const RenderRequest& request, SharedCaches& caches) {
  const auto renderStart = std::chrono::steady_clock::now();
  RenderResult result;
  const std::vector<std::string> searchPath = LibrarySearchPath(request.libraryPaths);

  lang::ParseOptions parseOptions;
  parseOptions.libraryPaths = searchPath;
  // An .ast dump shows the -D assignments as part of the file (2021.01
  // appends them to its text), so for it they always go through the parser.
  const bool definesToEvaluator = !request.wantAst && DefinesParse(request);
  if (!definesToEvaluator) {
    for (const auto& [name, expr] : request.defines) {
      parseOptions.commandLineAssignments.push_back(name + "=" + expr);
    }
  }
  auto parseStart = std::chrono::steady_clock::now();
  lang::ParseResult parsed = ParseCached(request, parseOptions, caches, result.stats);
  result.stats.parseSeconds = SecondsSince(parseStart);
  result.diagnostics = parsed.diagnostics;
  for (const auto& line : parsed.echoLines) AppendLine(result.echo, line);

  if (!parsed.file) {
    // The parser's echo lines already end with 2021.01's
    // "Can't parse file '...'!" and the empty line after it.
    result.ok = false;
    result.parsed = false;
    return result;
  }
  result.parsed = true;
  geom::RegisterUsedFonts(*parsed.file);  // text(): `use <font.ttf>`

  eval::EvalOptions evalOptions;
  evalOptions.libraryPaths = searchPath;
  if (definesToEvaluator) evalOptions.defines = request.defines;
  evalOptions.maxRecursionDepth = request.limits.maxRecursionDepth;
  evalOptions.timeoutSeconds = request.limits.timeoutSeconds;
  evalOptions.maxLoopIterations = request.limits.maxLoopIterations;
  evalOptions.cancel = request.cancel;
  evalOptions.cancelPoll = request.cancelPoll;
  evalOptions.preview = !request.wantGeometry || request.previewSemantics;
  evalOptions.parseUsedFile = [&caches, &result](const std::string& path,
                                                const lang::ParseOptions& options) {
    return ParseUsedCached(path, options, caches, result.stats);
  };
  auto evalStart = std::chrono::steady_clock::now();
  eval::EvalResult evaluated = eval::Evaluate(parsed.file, evalOptions);
  result.stats.evalSeconds = SecondsSince(evalStart);

  for (const auto& line : evaluated.log.Lines()) AppendLine(result.echo, line);
  const auto& evalDiagnostics = evaluated.log.Diagnostics();
  result.diagnostics.insert(result.diagnostics.end(), evalDiagnostics.begin(),
                            evalDiagnostics.end());
  if (request.wantCsg && evaluated.root) result.csg = eval::DumpCsg(*evaluated.root);
  if (request.wantAst) result.ast = lang::DumpAst(*parsed.file);
  result.ok = !evaluated.aborted && evaluated.root != nullptr;
  if (request.wantGeometry && result.ok) {
    auto geometryStart = std::chrono::steady_clock::now();
    GeometryContext context;
    context.cache = &caches.geometryCache;
    if (request.limits.timeoutSeconds > 0)
      context.deadline = renderStart + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                           std::chrono::duration<double>(request.limits.timeoutSeconds));
    RenderGeometry(*evaluated.root, evaluated.log, request, context, result);
    result.stats.geometrySeconds = SecondsSince(geometryStart);
  }
  return result;
}

}  // namespace mos::engine
