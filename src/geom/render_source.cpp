// Parse + evaluate + render in one call, for the CLI and tests.
#include <utility>

#include "geom/geometry_evaluator.h"
#include "geom/text_font.h"
#include "lang/parser.h"

namespace mos::geom {
namespace {

RenderResult Finish(const lang::ParseResult& parsed, const SourceOptions& options) {
  RenderResult result;
  std::vector<std::string> log = parsed.echoLines;
  if (!parsed.file) {
    result.log = std::move(log);
    result.aborted = true;
    return result;
  }
  RegisterUsedFonts(*parsed.file);  // text(): `use <font.ttf>`
  eval::EvalOptions evalOptions = options.eval;
  if (options.render.cancel && !evalOptions.cancel) evalOptions.cancel = options.render.cancel;
  if (options.render.cancelPoll.poll && !evalOptions.cancelPoll.poll)
    evalOptions.cancelPoll = options.render.cancelPoll;
  eval::EvalResult evaluated = eval::Evaluate(parsed.file, evalOptions);
  for (const auto& line : evaluated.log.Lines()) log.push_back(line);
  if (evaluated.root && !evaluated.aborted) result = RenderNodeTree(*evaluated.root, options.render);
  for (const auto& w : result.warnings)
    log.push_back("WARNING: " + w.text + evaluated.log.LocationSuffix(w.span));
  for (const auto& e : result.errors)
    log.push_back("ERROR: " + e.text + (e.withLocation ? evaluated.log.LocationSuffix(e.span) : ""));
  result.log = std::move(log);
  result.aborted = !evaluated.root || evaluated.aborted;
  return result;
}

lang::ParseOptions ParseOptionsFor(const SourceOptions& options) {
  lang::ParseOptions po;
  po.libraryPaths = options.eval.libraryPaths;
  for (const auto& [name, expr] : options.eval.defines)
    po.commandLineAssignments.push_back(name + "=" + expr);
  return po;
}

}  // namespace

RenderResult RenderSource(const std::string& text, const std::string& fileName,
                          const std::string& dir, const SourceOptions& options) {
  return Finish(lang::ParseSource(text, fileName, dir, ParseOptionsFor(options)), options);
}

RenderResult RenderFile(const std::string& path, const SourceOptions& options) {
  return Finish(lang::ParseFile(path, ParseOptionsFor(options)), options);
}

}  // namespace mos::geom
