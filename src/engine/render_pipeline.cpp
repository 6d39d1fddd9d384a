#include "engine/render_pipeline.h"

#include <chrono>

#include "engine/library_paths.h"

// The stages are written in parallel with this file; until the evaluator's
// node header exists the pipeline reports that it is not built.
#if __has_include("eval/node.h")
#define MOS_HAVE_EVALUATOR 1
#include "eval/evaluator.h"
#include "lang/parser.h"
#endif

namespace mos::engine {

#ifdef MOS_HAVE_EVALUATOR

namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void AppendLine(std::string& text, const std::string& line) {
  text += line;
  text += '\n';
}

}  // namespace


bool PipelineAvailable() { return true; }

RenderResult RunPipeline(const RenderRequest& request) {
  RenderResult result;
  const std::vector<std::string> searchPath = LibrarySearchPath(request.libraryPaths);

  lang::ParseOptions parseOptions;
  parseOptions.libraryPaths = searchPath;
  auto parseStart = std::chrono::steady_clock::now();
  lang::ParseResult parsed =
      request.file.empty()
          ? lang::ParseSource(request.source, request.sourceName, "", parseOptions)
          : lang::ParseFile(request.file, parseOptions);
  result.stats.parseSeconds = SecondsSince(parseStart);
  result.stats.parsedFileCacheMisses = 1;
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

  eval::EvalOptions evalOptions;
  evalOptions.libraryPaths = searchPath;
  evalOptions.defines = request.defines;
  evalOptions.maxRecursionDepth = request.limits.maxRecursionDepth;
  evalOptions.timeoutSeconds = request.limits.timeoutSeconds;
  evalOptions.cancel = request.cancel;
  auto evalStart = std::chrono::steady_clock::now();
  eval::EvalResult evaluated = eval::Evaluate(parsed.file, evalOptions);
  result.stats.evalSeconds = SecondsSince(evalStart);

  for (const auto& line : evaluated.log.Lines()) AppendLine(result.echo, line);
  const auto& evalDiagnostics = evaluated.log.Diagnostics();
  result.diagnostics.insert(result.diagnostics.end(), evalDiagnostics.begin(),
                            evalDiagnostics.end());
  if (request.wantCsg && evaluated.root) result.csg = eval::DumpCsg(*evaluated.root);
  if (request.wantAst) {
    result.diagnostics.push_back(
        {Severity::Error, "AST output is not available yet", {request.file, 0, 0}});
  }
  result.ok = !evaluated.aborted && evaluated.root != nullptr && !request.wantAst;
  return result;
}

#else

bool PipelineAvailable() { return false; }

RenderResult RunPipeline(const RenderRequest& request) {
  RenderResult result;
  result.diagnostics.push_back({Severity::Error,
                                "this build has no parser/evaluator stage yet",
                                {request.file, 0, 0}});
  return result;
}

#endif

}  // namespace mos::engine
